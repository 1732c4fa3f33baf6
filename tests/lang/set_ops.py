# set operations (print sorted to stay order-independent)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(len(a), 3 in a, 7 in a, 7 not in a)
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {1, 9} <= a)
print({1, 2}.issubset(a), a.issuperset({4}), a.isdisjoint({8, 9}), a.isdisjoint(b))
s = set()
s.add(5)
s.add(5)
s.add(1)
print(sorted(s), len(s), set() == set(), {1} == {1.0}, s != {5})
s.update([7, 8], (9,))
print(sorted(s))
s.discard(7)
s.discard(100)
s.remove(8)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
p = s.pop()
print(p in {1, 5, 9}, len(s))
s.clear()
print(s, len(s), bool(s))
try:
    set().pop()
except KeyError:
    print("KeyError pop")
c = set("mississippi")
print(sorted(c), len(c))
d = {x % 4 for x in range(20)}
print(sorted(d))
e = {1, 2, 3}
e |= {4}
e &= {2, 3, 4}
e -= {3}
e ^= {2, 10}
print(sorted(e))
f = set(range(100))
f.difference_update(range(0, 100, 2))
f.intersection_update(range(50))
print(len(f), sorted(f)[:5])
g = {1, 2}
g.symmetric_difference_update({2, 3})
print(sorted(g))
print(set([1, 1, 2]) == {1, 2}, sorted(set((3, 3, 1))), {(1, 2), (1, 2)})
try:
    {[1]}
except TypeError:
    print("TypeError unhashable")
h = {None, True, 0, ""}
print(len(h), None in h, 1 in h, False in h)
print(repr(set()), repr({42}), str({"only"}))
big = set()
for i in range(2000):
    big.add(i * 7 % 1000)
print(len(big), min(big), max(big), sum(big))
for i in range(1000):
    big.discard(i)
print(len(big))
c2 = e.copy()
c2.add(99)
print(sorted(e), sorted(c2))
print(sorted({"b", "a", "c"}), sorted({"é", "e"}))
