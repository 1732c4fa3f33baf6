# Benchmark: regular expressions over a few KB of generated log text: many
# patterns searched, matched, split, substituted and iterated.
import re

WORDS = ["alpha", "beta", "gamma", "delta", "error", "warning", "info", "kernel",
         "user", "disk", "network", "timeout", "retry", "socket", "memory", "cache"]


def build_text(n, seed):
    x = seed
    lines = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        level = ("INFO", "WARN", "ERROR", "DEBUG")[x % 4]
        w1 = WORDS[x % 16]
        w2 = WORDS[(x >> 4) % 16]
        ip = "%d.%d.%d.%d" % (10, x % 256, (x >> 8) % 256, (x >> 16) % 256)
        lines.append("2024-%02d-%02d %02d:%02d:%02d [%s] %s from %s: %s=%d (%s) user%d@example.com" % (
            1 + x % 12, 1 + x % 28, x % 24, x % 60, (x >> 3) % 60, level, w1, ip, w2,
            x % 10000, "ok" if x % 3 else "failed", x % 97))
    return "\n".join(lines)


PATTERNS = [
    r"\d{4}-\d{2}-\d{2}",
    r"\[(ERROR|WARN)\]",
    r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})",
    r"[\w.]+@[\w.]+\.com",
    r"\b(?:timeout|retry)\b",
    r"=(\d+) \(failed\)",
    r"(?i)kernel|socket",
    r"^\d+-\d+-\d+ \d+:\d+:\d+ \[DEBUG\]",
    r"(\w+)=(\d+)",
    r"user(\d+)@",
    r"(?m)failed\)[^\n]*$",
    r"[aeiou]{2,}",
]


def run(text):
    total = 0
    compiled = [re.compile(p, re.M) for p in PATTERNS]
    for c in compiled:
        total += len(c.findall(text))
        m = c.search(text)
        total += m.end() if m else 0
    for line in text.split("\n")[:150]:
        m = re.match(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) \[(\w+)\] (\w+)", line)
        total += int(m.group(1)) + int(m.group(6)) + len(m.group(7))
        total += len(re.split(r"[\s:=()]+", line))
    total += len(re.sub(r"\d", "#", text[:3000]))
    total += len(re.sub(r"(\w+)@(\w+)", r"\2 at \1", text[:3000]))
    total += sum(m.start() for m in re.finditer(r"\[WARN\] (\w+)", text))
    total += len(re.findall(r"(?<=\[)[A-Z]+(?=\])", text))
    return total


def main():
    total = 0
    for rep in range(200):
        text = build_text(120, rep + 1)
        total += run(text)
    print("regex:", total, len(text))


main()
