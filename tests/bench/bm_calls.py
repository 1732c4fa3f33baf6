# Benchmark: function calls and recursion.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def add3(a, b, c=1):
    return a + b + c


def kw(a, b=2, *, c=3):
    return a * b + c


def varargs(*args):
    return len(args)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def calls(n):
    total = 0
    for i in range(n):
        v = i & 1023
        total += add3(v, 1) + add3(v, 2, 3) + kw(v, c=1) + varargs(v, v, v)
        if total > 1000000:
            total -= 1000000
    return total


def main():
    r1 = fib(31)
    r2 = ack(2, 150) + ack(2, 140) + ack(2, 130)
    r3 = tak(24, 16, 8)
    r4 = calls(1500000)
    print("calls:", r1, r2, r3, r4)


main()
