# Benchmark: list/dict/set comprehensions and generator expressions.
def main():
    total = 0
    for rep in range(1400):
        nums = [i * 7 % 1009 for i in range(2500)]
        evens = [n for n in nums if n % 2 == 0]
        pairs = [(a, b) for a in range(60) for b in range(a) if (a + b) % 5 == 0]
        sq = {n: n * n for n in nums[:500]}
        inv = {v: k for k, v in sq.items()}
        uniq = {n % 97 for n in nums}
        words = [str(n) for n in nums[:1000]]
        lens = {w: len(w) for w in words}
        nested = [[x * y for x in range(20)] for y in range(20)]
        flat = [v for row in nested for v in row if v % 3]
        gsum = sum(x * x for x in evens if x > 100)
        total += (len(evens) + len(pairs) + len(sq) + len(inv) + len(uniq)
                  + sum(lens.values()) + len(flat) + gsum % 1000 + sum(flat) % 1000)
    print("comprehensions:", total)


main()
