# Benchmark: big integer arithmetic (pi digits by spigot, factorial, powers).
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return out


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(v):
    return sum(int(c) for c in str(v))


def main():
    d = pi_digits(4300)
    f = fact(1400)
    p = pow(3, 2000, 10 ** 40 + 7)
    h = 1
    for i in range(20000):
        h = (h * 6364136223846793005 + i) % (1 << 127)
    print("bigint:", "".join(str(x) for x in d[:20]), sum(d), digit_sum(f), p % 1000003, h % 1000003)


main()
