# Benchmark: string building, formatting, split/join/replace, slicing, char iteration.
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"]


def build_text(n):
    parts = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        parts.append("%s-%d:%s" % (w, i, w.upper()[:3]))
    return " ".join(parts)


def char_stats(s):
    vowels = 0
    digits = 0
    upper = 0
    for ch in s:
        if ch in "aeiou":
            vowels += 1
        elif ch.isdigit():
            digits += 1
        elif ch.isupper():
            upper += 1
    return vowels, digits, upper


def caesar(s, k):
    out = []
    for ch in s:
        o = ord(ch)
        if 97 <= o <= 122:
            out.append(chr((o - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def transform(text):
    words = text.split()
    words = [w.replace("-", "_") for w in words]
    words.sort(key=lambda w: (len(w), w))
    joined = ",".join(words)
    return joined.count("a"), joined.find("pi_"), len(joined)


def fmt_table(rows):
    lines = []
    for i, (a, b) in enumerate(rows):
        lines.append("{:>4}|{:<10}|{:08.3f}|{:x}".format(i, a, b, i * 7))
        lines.append(f"{a!r:>12} {b:.2e} {i:05d}")
    return "\n".join(lines)


def slicing(s, n):
    acc = 0
    for i in range(n):
        j = i % (len(s) - 10)
        piece = s[j:j + 10]
        acc += len(piece[::-1]) + piece.startswith("a") + (piece[2:5] == "pha")
    return acc


def main():
    total = 0
    for rep in range(78):
        text = build_text(2000 + rep)
        v, d, u = char_stats(text)
        c = caesar(text[:4000], 3 + rep)
        t = transform(text)
        rows = [(WORDS[i % 16], i * 1.25) for i in range(300)]
        table = fmt_table(rows)
        sl = slicing(text, 20000)
        total += v + d + u + len(c) + c.count("d") + sum(t) + len(table) + sl
    print("strings:", total, c[:24], table.splitlines()[3])


main()
