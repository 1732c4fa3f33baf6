# collections.deque: a double-ended queue with an optional maxlen.
from collections import deque


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
d.appendleft(-1)
print(d, len(d), bool(d), d[0], d[-1], d[2], list(d), 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft('ab')
print(d, d.count(7), d.count('z'))
d[0] = 'B'
d[-1] = 80
del d[1]
print(d)
d.remove(7)
print(d)
d.rotate()
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.reverse()
print(d, list(reversed(d)))
e = d.copy()
e.append('new')
print(d, e, d == e, d == d.copy(), d != e, deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
d.clear()
print(d, len(d))
d += [1, 2]
d.extend(d)
print(d)

# maxlen: the oldest items drop out at the other end
b = deque([1, 2, 3], 3)
b.append(4)
print(b, b.maxlen)
b.appendleft(0)
print(b)
b.extend(range(10, 15))
print(b)
b.extendleft([20, 21])
print(b)
print(deque('abcdef', maxlen=2), deque(maxlen=0), deque([1], maxlen=None), deque(iterable=[5], maxlen=4))
z = deque((), 0)
z.append(1)
z.appendleft(2)
print(z, len(z))
r = deque(range(3), 3)
r.rotate(1)
print(r)

# a ring that wraps many times
w = deque()
for i in range(100):
    w.append(i)
    if i % 3:
        w.popleft()
print(len(w), w[0], w[-1], sum(w))

attempt(lambda: deque().pop())
attempt(lambda: deque().popleft())
attempt(lambda: deque([1])[1])
attempt(lambda: deque([1])[-2])
attempt(lambda: deque([1])['a'])
attempt(lambda: deque([1, 2])[0:1])
attempt(lambda: deque([1]).remove(2))
attempt(lambda: deque([], -1))
attempt(lambda: deque([], 'x'))
attempt(lambda: deque(5))
attempt(lambda: hash(deque()))


def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)


attempt(mutate)
