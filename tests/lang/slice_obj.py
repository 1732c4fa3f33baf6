# slice objects
s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, type(s).__name__)
print(slice(3), slice(None), slice(1, None), slice(None, None, -1))
data = list(range(10))
print(data[s], data[slice(3)], data[slice(None, None, -1)], "abcdefgh"[s], tuple(data)[s])
print(s.indices(10), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(0, 100, 3).indices(7))
class Rec:
    def __getitem__(self, k):
        return k
r = Rec()
print(r[1:2], r[::3], r[:], r[1:2, 3], r[..., 1], r[:, None])
print(r[1:2] == slice(1, 2), r[1:2] == slice(1, 3))
t = data[::]
t[slice(0, 2)] = ["a", "b"]
print(t)
del t[slice(None, None, 2)]
print(t)
print(Ellipsis, ..., type(...).__name__, ... is Ellipsis)
try:
    slice(1, 2, 0).indices(5)
except ValueError:
    print("ValueError zero step")
try:
    [1, 2][::0]
except ValueError:
    print("ValueError slice step zero")
print([0, 1, 2, 3][slice(-2, None)], "xyz"[slice(None, None, -2)])
