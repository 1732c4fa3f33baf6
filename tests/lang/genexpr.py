# generator expressions
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(s) for s in ["a", "abc", "ab"]))
print(list(x for x in "abc" if x != "b"), tuple(i for i in range(3)), set(x % 2 for x in range(9)) == {0, 1})
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]), any(x for x in []), all(x for x in []))
print(sorted((x for x in [3, 1, 2]), reverse=True), "-".join(str(i) for i in range(4)))
print(dict((k, k * k) for k in range(3)), min(abs(v) for v in [-4, 2, -1]))
nested = ((i, j) for i in range(3) for j in range(i, 3))
print(list(nested))
def count():
    n = 0
    while True:
        yield n
        n += 1
evens = (n for n in count() if n % 2 == 0)
print([next(evens) for _ in range(5)])
calls = []
def src():
    for i in range(3):
        calls.append(i)
        yield i
lazy = (v * 10 for v in src())
print(calls)
print(next(lazy), calls)
print(list(lazy), calls)
def first_arg_evaluated_now():
    try:
        gen = (x for x in 5)
    except TypeError:
        return "TypeError at creation"
    return "no error"
print(first_arg_evaluated_now())
d = 3
g2 = (x + d for x in range(3))
d = 100
print(list(g2))
g3 = (x for x in range(3))
for v in g3:
    if v == 1:
        break
print(next(g3), next(g3, "done"))
print(list(zip((i for i in "ab"), (j for j in range(10)))))
print(sum((i for i in range(10) if i % 2), 100))
