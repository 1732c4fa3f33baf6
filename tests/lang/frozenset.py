# frozenset
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(frozenset(), frozenset() == set(), f == {1, 2, 3}, {1, 2, 3} == f)
g = frozenset({2, 3, 4})
print(sorted(f | g), sorted(f & g), sorted(f - g), sorted(f ^ g))
print(type(f | g).__name__, type(f | {9}).__name__, type({9} | f).__name__)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "key"}[frozenset({1, 2, 3})])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(f.issubset({1, 2, 3, 4}), f.issuperset({1}), f.isdisjoint({7}))
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
print(sorted(f.union([10])), sorted(f.intersection([1, 10])), sorted(f.copy()))
print(repr(frozenset([5])), repr(frozenset()))
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(len(nested), frozenset([2, 1]) in nested)
print(sorted(frozenset("aab")), f <= {1, 2, 3}, f < {1, 2, 3})
