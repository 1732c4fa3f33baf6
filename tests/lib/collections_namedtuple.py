# collections.namedtuple: records that are tuples with named fields.
from collections import namedtuple


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, repr(p), str(p), p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p))
print(p == P(1, 2), p == (1, 2), p != (2, 1), p < (1, 3), p > P(0, 9), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), isinstance(p, P), type(p) is P, P.__name__, P._fields)
print(p[:], p[::-1], p + (3,), p * 2, 2 in p, 5 in p, p.count(1), p.index(2), sorted(P(3, 1)))
print(P(x=5, y=6), P(7, y=8), P._make([3, 4]), P._make(range(2)), p._asdict(), p._replace(y=9), p)
a, b = p
print(a, b, max(p), sum(p), {p: 'v'}[P(1, 2)], (lambda x, y: x - y)(*p))
print(namedtuple('Q', ['a', 'b', 'c'])(1, 2, 3), namedtuple('R', 'a, b,c')(1, 2, 3), namedtuple('S', ('u',))(0))
print(namedtuple('E', '')(), namedtuple('E', [])() == (), len(namedtuple('E', '')()))
D = namedtuple('D', 'a b c', defaults=(8, 9))
print(D(1), D(1, 2), D(1, 2, 3), D(1, c=0), D._field_defaults, P._field_defaults)
print(namedtuple('T', 'a def a _b class', rename=True)._fields)
print(namedtuple('T', ['abc', 'x1', 'y_z'])(1, 2, 3))
nested = P(P(1, 2), [3])
print(nested, nested.x.y)


class Point(P):
    def norm(self):
        return abs(self.x) + abs(self.y)


q = Point(3, -4)
print(q.norm(), q.x, q[1], isinstance(q, P), isinstance(q, tuple), len(q), list(q), q == (3, -4))

# errors
attempt(lambda: P(1))
attempt(lambda: P())
attempt(lambda: namedtuple('T', 'a b c')())
attempt(lambda: P(1, 2, 3))
attempt(lambda: P(1, z=2))
attempt(lambda: P(1, x=2))
attempt(lambda: P._make([1]))
attempt(lambda: P._make([1, 2, 3]))
attempt(lambda: p._replace(z=1))
attempt(lambda: p[2])
attempt(lambda: p.z)


def setx():
    p.x = 3


def setz():
    p.z = 3


attempt(setx)
attempt(setz)
attempt(lambda: namedtuple('T', '1x'))
attempt(lambda: namedtuple('T', 'x def'))
attempt(lambda: namedtuple('T', 'x _y'))
attempt(lambda: namedtuple('T', 'x y x'))
attempt(lambda: namedtuple('1T', 'x'))
attempt(lambda: namedtuple('class', 'x'))
attempt(lambda: namedtuple('T', [1]))
attempt(lambda: namedtuple('T', 'x', defaults=(1, 2)))
attempt(lambda: namedtuple('T', 'x', verbose=True))
