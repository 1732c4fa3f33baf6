# tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], type(t).__name__)
print((), (1,), (1), tuple(), tuple([4, 5]), tuple("ab"), tuple(range(3)))
print(t + (4,), t * 2, 2 in t, 5 not in t, t.count(2), t.index(3))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
print(min(t), max(t), sum(t), sorted((3, 1, 2)), list(reversed(t)))
try:
    t[0] = 5
except TypeError:
    print("TypeError")
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    t.index(9)
except ValueError:
    print("ValueError")
try:
    hash(([1],))
except TypeError:
    print("TypeError unhashable")
m = ([1], 2)
m[0].append(3)
print(m)
print(repr((1,)), repr(()), str(("a", 'b')), repr(("é",)))
print(tuple(x * 2 for x in t), (*t, 4), (0, *t, *t))
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
print(t == [1, 2, 3], t == (1, 2, 3.0), t != (3, 2, 1))
e = ()
print(len(e), bool(e), bool((0,)), e == ())
