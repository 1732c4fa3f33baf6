# Benchmark: dict and set operations.
def word_freq(n):
    counts = {}
    for i in range(n):
        k = "w%d" % ((i * 7919) % 1009)
        counts[k] = counts.get(k, 0) + 1
    return counts


def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 31 % 1021] = i
    total = 0
    for i in range(n):
        total += d.get(i, -1)
    for k in list(d):
        if k % 3 == 0:
            del d[k]
    return total + len(d)


def sets(n):
    a = set()
    b = set()
    for i in range(n):
        a.add(i * 3 % 700)
        b.add(i * 5 % 700)
    u = a | b
    x = a & b
    d = a - b
    s = a ^ b
    hits = 0
    for i in range(n):
        if i in a:
            hits += 1
        if i in x:
            hits += 2
    return len(u) + len(x) + len(d) + len(s) + hits


def tuples_as_keys(n):
    grid = {}
    for i in range(n):
        grid[(i % 50, i // 50)] = i
    s = 0
    for y in range(n // 50):
        for x in range(50):
            s += grid.get((x, y), 0) - grid.get((x + 1, y), 0)
    return s


def nested(n):
    tree = {}
    for i in range(n):
        a, b = "k%d" % (i % 20), i % 7
        tree.setdefault(a, {}).setdefault(b, []).append(i)
    return sum(len(v) for sub in tree.values() for v in sub.values()) + len(tree)


def main():
    total = 0
    for rep in range(36):
        wf = word_freq(40000)
        total += len(wf) + max(wf.values()) + sum(wf.values())
        for k in range(4):
            total += int_keys(6000 + k)
            total += tuples_as_keys(1250)
            total += tuples_as_keys(1250)
            total += nested(3000)
            total += sets(5000)
        items = sorted(wf.items(), key=lambda kv: (-kv[1], kv[0]))
        total = (total + len(items[0][0])) % 1000003
    print("dicts:", total, items[0])


main()
