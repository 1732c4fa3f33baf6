# unpacking: too many / too few values, star targets, nested targets
def t(src):
    try:
        ns = {}
        exec(src, ns)
        print(src, "->", {k: v for k, v in ns.items() if k != "__builtins__"})
    except Exception as e:
        print(src, "->", type(e).__name__, e)

t("a, b = 1, 2")
t("a, b = [1, 2, 3]")
t("a, b, c = [1, 2]")
t("a, b = 1")
t("a, = []")
t("a, = [1]")
t("(a, b), c = [1, 2], 3")
t("(a, b), c = [1], 3")
t("a, *b = [1]")
t("a, *b, c = [1]")
t("a, *b, c = [1, 2]")
t("*a, b = range(5)")
t("a, *b, c = 'hello'")
t("a, b = {'x': 1, 'y': 2}")
t("a, b = iter([1, 2, 3])")
t("a, b = 5")
t("a, b = None")
t("[a, [b, *c]] = 1, (2, 3, 4)")
t("a = b = c = [1]")
t("a, b = b, a = 1, 2")
t("x = [0, 0]; x[0], x[1] = 3, 4")
t("d = {}; d['k'], d['j'] = 'ab'")
t("for a, b in [(1, 2), (3,)]: pass")
t("for a, *b in [(1, 2, 3), (4,)]: pass")
t("a, b = (i for i in range(2))")
t("(*a,) = 'xy'")
t("[*a] = range(3)")
t("a, b = 'é€'")
t("a, b, c, d, e, f = range(7)")
def gen():
    yield 1
    yield 2
    print("third requested")
    yield 3
try:
    a, b = gen()
except ValueError as e:
    print("ValueError", e)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *[], *"x"], (*[1],), {*[1, 1], *()}, {**{}, **{"a": 1}})
first, *rest = [10]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
print([(p, q) for p, *q in ["ab", "cde"]])
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
