# star unpacking
a, *b = [1, 2, 3]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
first, *_, last = (10, 20, 30, 40)
print(first, last, _)
print([*range(3), *"ab", *[None]], (*[1, 2],), {*[1, 1, 2]} == {1, 2})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), **{"x": 1}, y=2))
for x, *y in [(1, 2, 3), (4,), "ab"]:
    print(x, y)
try:
    a, b = [1, 2, 3]
except ValueError:
    print("ValueError too many")
try:
    a, b, c = [1, 2]
except ValueError:
    print("ValueError too few")
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError star too few")
try:
    a, b = 5
except TypeError:
    print("TypeError not iterable")
a, b = "xy"
print(a, b)
[a, b], c = "pq", "r"
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
def gen():
    yield 1
    yield 2
    yield 3
x, *y = gen()
print(x, y)
k1, k2 = {"k1": 1, "k2": 2}
print(k1, k2)
*whole, = [7, 8]
print(whole)
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*[])
m = [*{"a": 1, "b": 2}]
print(m, [*{3: 4}.items()])
