# list methods
a = [3, 1, 4, 1, 5]
a.append(9)
print(a, len(a))
a.extend([2, 6])
a.extend((5,))
a.extend(range(2))
print(a)
a.insert(0, 100)
a.insert(-1, 200)
a.insert(999, 300)
a.insert(-999, 400)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.index(5, 6), a.count(1), a.count(42))
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "Elder"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=lambda w: w[-1], reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(sorted(pairs), sorted(pairs, reverse=True))
c = a.copy()
c.clear()
print(c, len(a) > 0)
print([] == [], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([1, 2] + [3], [0] * 5, 2 * ["x"], [1] * 0, [[]] * 2)
print(1 in [1, 2], 3 not in [1, 2], [1] in [[1], 2])
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"k": 1}))
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]), sorted([3, -1, 2]))
n = [[1, 2], [3, 4]]
m = n.copy()
m[0].append(99)
print(n, m, n is m, n[0] is m[0])
x = [1, 2, 3]
x += [4]
x *= 2
print(x)
x[1] = "two"
x[-1] = "last"
print(x)
e = []
for bad in [lambda: e.pop(), lambda: [1].index(2), lambda: [1].remove(3), lambda: e[0]]:
    try:
        bad()
    except (IndexError, ValueError) as err:
        print(type(err).__name__)
try:
    [1, 2][5]
except IndexError as err:
    print("IndexError", err)
try:
    [1, "a"].sort()
except TypeError:
    print("TypeError sort")
s = [5, 3, 8]
r = s.sort()
print(r, s)
big = list(range(1000))
big.reverse()
big.sort()
print(big[:5], big[-3:], len(big))
st = [("a", 3), ("b", 1), ("c", 3), ("d", 1), ("e", 2)]
print(sorted(st, key=lambda t: t[1]))
print(sorted(st, key=lambda t: t[1], reverse=True))
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
