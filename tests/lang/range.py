# range objects
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-5)), list(range(-3, 3)), list(range(0, -10, -4)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2], r[1:3], r[::-1], 9 in r, 10 in r)
print(range(10)[::2], range(10)[-3:], range(0, 100, 10)[3:7:2])
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 5)))
print(range(3) == range(3), range(0) == range(4, 2), range(0, 5, 2) == range(0, 6, 2))
print(range(5).index(3), range(0, 10, 2).count(4), range(0, 10, 2).count(5))
print(repr(range(1, 5, 2)), repr(range(3)), str(range(0, -1)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(4))))
try:
    range(3)[5]
except IndexError:
    print("IndexError")
try:
    range(1, 5, 0)
except ValueError:
    print("ValueError")
big = range(0, 2 ** 40, 2 ** 20)
print(len(big), big[-1], big[12345])
t = 0
for i in range(1000000, 0, -100000):
    t += i
print(t)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
print([i for i in range(-2, 2)], list(range(True, 3)))
print(range(10).start, range(10).stop, range(1, 10, 2).step)
print(bool(range(0)), bool(range(1)), -1 in range(5), 4.0 in range(5))
