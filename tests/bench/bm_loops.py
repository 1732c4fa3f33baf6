# Benchmark: while/for loops with small-int arithmetic.
def collatz_max(limit):
    best = 0
    best_n = 0
    n = 1
    while n < limit:
        x = n
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
        n += 1
    return best_n, best


def sieve(n):
    flags = bytearray(n + 1)
    count = 0
    for i in range(2, n + 1):
        if not flags[i]:
            count += 1
            j = i * i
            while j <= n:
                flags[j] = 1
                j += i
    return count


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(i & 31):
            acc = (acc + i * j) % 1000003
    return acc


def main():
    a = collatz_max(60000)
    b = sieve(50000) + sieve(60000) + sieve(70000) + sieve(80000)
    c = nested(300000)
    print("loops:", a, b, c)


main()
