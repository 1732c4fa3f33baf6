# Benchmark: generators and closures.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def take_mod(it, m):
    for v in it:
        yield v % m


def chain(*its):
    for it in its:
        yield from it


def accumulator():
    total = 0
    while True:
        v = yield total
        total += v


def make_counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


def compose(f, g):
    return lambda x: f(g(x))


def main():
    s = 0
    for rep in range(90):
        s += sum(take_mod(squares(evens(count(40000))), 1000))
        s += sum(chain(count(5000), range(5000), (x for x in count(5000))))
        acc = accumulator()
        next(acc)
        for i in range(20000):
            last = acc.send(i & 7)
        s += last
        inc = make_counter()
        for i in range(20000):
            inc()
        s += inc(0)
        adders = make_adders(50)
        f = compose(adders[3], adders[7])
        for i in range(10000):
            s += f(i) & 3
        s %= 1000003
    print("generators:", s)


main()
