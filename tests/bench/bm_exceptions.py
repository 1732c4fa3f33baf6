# Benchmark: raising and catching exceptions.
class AppError(Exception):
    def __init__(self, code):
        super().__init__("app error")
        self.code = code


class NotFound(AppError):
    pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def parse(s):
    try:
        return int(s)
    except ValueError:
        return 0


def deep(n):
    if n == 0:
        raise NotFound(n + 7)
    return deep(n - 1)


def with_finally(i):
    r = 0
    try:
        if i % 3 == 0:
            raise AppError(i)
        r = i
    except AppError as e:
        r = e.code * 2
    finally:
        r += 1
    return r


def main():
    d = {i: i for i in range(0, 100, 2)}
    total = 0
    for rep in range(23):
        for i in range(20000):
            total += lookup(d, i % 100)
        for s in ["12", "x", "7", "", "-3", "1e3"] * 3000:
            total += parse(s)
        for i in range(8000):
            try:
                deep(i % 10)
            except AppError as e:
                total += e.code
        for i in range(20000):
            total += with_finally(i)
        for i in range(10000):
            try:
                try:
                    raise ValueError(i)
                except ValueError as e:
                    raise KeyError(e.args[0]) from e
            except LookupError as e:
                total += e.args[0] & 1
        total %= 1000003
    print("exceptions:", total)


main()
