# list methods, sort stability with key/reverse, slice assignment with steps
def setitem(o, k, v):
    o[k] = v
    return o


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

recs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1), ("f", 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
l = list(recs)
l.sort(key=lambda r: -r[1], reverse=True)
print(l)
words = ["Banana", "apple", "cherry", "Apple", "banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=False), sorted("bca"), sorted((3, 1)), sorted({3: 0, 1: 0}))
nums = list(range(20))
nums.sort(key=lambda x: x % 3)
print(nums)
t(lambda: sorted([1, "a"]))
t(lambda: sorted([None, None]))
t(lambda: [1, 2].sort(lambda x: x))
t(lambda: sorted([1], foo=1))
t(lambda: sorted([[1], (1,)]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
x[::2] = ["a"] * 5
print(x)
x[1::3] = "xyz"
print(x)
x[::-1] = range(10)
print(x)
t(lambda: setitem(x, slice(None, None, 2), [1, 2]))
x[2:5] = []
print(x)
x[1:1] = [100, 200]
print(x)
x[-2:] = (7, 7, 7)
print(x)
x[100:] = [0]
print(x)
x[:0] = [-1]
print(x)
x[3:1] = ["q"]
print(x)
del x[::3]
print(x)
del x[-1:-4:-1]
print(x)
del x[5:2]
print(x)
y = [0, 1, 2, 3, 4, 5]
y[1:5:2] = y[4:0:-2]
print(y)
y[:] = y
print(y)
y[1:3] = y
print(y)
t(lambda: setitem(y, slice(0, 2), 5))
t(lambda: setitem(y, slice(0, 5, 0), [1]))
z = [5, 3, 5, 1, 5]
z.remove(5)
print(z, z.index(5), z.index(5, 2), z.count(5), z.pop(), z.pop(0), z)
t(lambda: z.index(99))
t(lambda: z.index(5, 0, 1))
t(lambda: z.remove(99))
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: z.pop("0"))
z.insert(100, "end")
z.insert(-100, "start")
z.insert(-1, "mid")
print(z)
z.extend(range(2))
z.extend("ab")
z += (9,)
print(z, z * 0, [0] * 3, [[]] * 2, z[:] is z, z.copy() == z)
t(lambda: z + (1,))
t(lambda: [1] * 2.0)
t(lambda: [1].extend(5))
l2 = [3, 1, 2]
l2.reverse()
print(l2, l2.clear(), l2, list(reversed([1, 2, 3])))
a = [1, [2, 3]]
b = a.copy()
b[1].append(4)
print(a, b, [1, 2] < [1, 2, 0], [1, 2] < [1, 3], [2] > [1, 99], [] == [], [1, "a"] == [1, "a"])
t(lambda: [1, 2] < [1, "a"])
t(lambda: [1] < (1,))
print(list(range(10))[::-3], list(range(10))[-3:-1], list(range(10))[8:2:-2], [1, 2, 3][5:1:-1])
