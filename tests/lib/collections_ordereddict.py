# collections.OrderedDict: a dict that keeps insertion order (as espy's
# dicts do), with move_to_end, popitem(last=) and order-sensitive equality.
# (Its repr changed in CPython 3.12; see collections_micropython.py.)
from collections import OrderedDict


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


o = OrderedDict([('b', 1), ('a', 2)])
o['c'] = 3
o['b'] = 10
print(list(o), list(o.keys()), list(o.values()), list(o.items()), len(o), o['a'], 'c' in o, o.get('z', 0))
print(isinstance(o, dict), isinstance(o, OrderedDict), type(o).__name__, dict(o))
del o['a']
o['a'] = 5
print(list(o.items()), list(reversed(o)))
print(o.popitem(), o.popitem(last=False), list(o.items()))
o = OrderedDict.fromkeys('abcde', 0)
print(type(o).__name__, list(o))
o.move_to_end('b')
o.move_to_end('d', last=False)
o.move_to_end('d', False)
o.move_to_end('e', True)
print(''.join(o))
print(o == OrderedDict.fromkeys('dacbe', 0), o == OrderedDict.fromkeys('ebcad', 0), o == dict.fromkeys('edcba', 0))
print(o != OrderedDict.fromkeys('ebcad', 0), dict.fromkeys('abcde', 0) == o)
c = o.copy()
c['z'] = 1
print(type(c).__name__, list(c), list(o))
u = OrderedDict(x=1, y=2)
u.update([('w', 0)], v=9)
print(list(u.items()), u.setdefault('x', 7), u.setdefault('q', 7), u.pop('y'), list(u))
print(type(o | {'n': 1}).__name__, list(o | {'a': 1, 'n': 1}), OrderedDict() == OrderedDict(), bool(OrderedDict()))
u.clear()
print(len(u), list(u))


class Counts(OrderedDict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1


n = Counts()
for w in 'the cat the hat the end'.split():
    n.add(w)
print(list(n.items()), isinstance(n, OrderedDict))
n.move_to_end('the')
print(list(n))

attempt(lambda: OrderedDict().popitem())
attempt(lambda: OrderedDict().popitem(last=False))
attempt(lambda: OrderedDict(a=1).move_to_end('b'))
attempt(lambda: OrderedDict()['x'])
attempt(lambda: OrderedDict(a=1).popitem(first=True))
