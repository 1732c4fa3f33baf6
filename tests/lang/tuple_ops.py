# tuples: methods, slicing, comparison, hashing, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

tp = (3, 1, 4, 1, 5, 9, 2, 6)
print(tp.count(1), tp.index(4), tp.index(1, 2), tp.index(1, 2, 4), tp[2:5], tp[::-2], tp[-3:], tp[10:], tp[:-10])
t(lambda: tp.index(7))
t(lambda: tp.index(1, 4))
t(lambda: tp[8])
t(lambda: tp["a"])
t(lambda: tp.count())
print(tp + (0,), (0,) * 3, 2 * (1, 2), () * 5, (1,) * -1, tp * 0 == ())
t(lambda: tp + [1])
t(lambda: tp * "2")
def setitem(o, k, v):
    o[k] = v
t(lambda: setitem(tp, 0, 1))
t(lambda: tp.append(1))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 100), () < (0,), (1, "a") == (1, "a"), (1,) == [1])
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "v"}[(1, 2)], (1, (2, 3)) in {(1, (2, 3))})
t(lambda: hash((1, [])))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x * 2 for x in (1, 2)))
t(lambda: tuple(5))
x = 1,
y = (1)
z = ()
print(x, y, z, type(x).__name__, type(y).__name__, len(z))
a, b = b, a = 1, 2
print(a, b)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[-1][-1], len(nested), sum(nested[0]), max(nested), min(nested, key=len))
print(sorted(((2, "b"), (1, "z"), (2, "a"))), list(zip(*((1, 2), (3, 4), (5, 6)))))
print((1, 2, 3)[1:], (1, 2, 3)[::-1], (1, 2, 3)[1:2], tuple(reversed((1, 2, 3))), 2 in (1, 2), 5 not in (1, 2))
big = tuple(range(1000))
print(len(big), big[500], big[-1], big.index(999), big[::100], big.count(5))
print(repr((1,)), str(("a", 1.5, None)), ((1, 2), [3]), ((),), (((),),))
tt = ([1], 2)
tt[0].append(3)
print(tt)
try:
    tt[0] += [4]
except TypeError as e:
    print("TypeError", e)
print(tt)
u = (1, 2, 3)
first, *mid, last = u
print(first, mid, last, [*u, *u], (*u, 4), {*u})
print(tuple.__name__, isinstance(u, tuple), issubclass(tuple, object), type(u) is tuple)
print(u.__len__(), u.__getitem__(1), u.__contains__(3), u.__add__((4,)))
print(divmod(7, 2), type(divmod(7, 2)).__name__, tuple(enumerate("ab")), tuple(map(abs, (-1, -2))))
