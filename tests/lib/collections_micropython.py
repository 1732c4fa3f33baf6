# collections: where espy follows MicroPython (and CPython 3.12) rather than
# the CPython 3.11 that runs the other tests: the ucollections and uheapq
# names, OrderedDict's repr, and MicroPython's third deque argument.
import ucollections
import collections
import uheapq
import heapq
from collections import OrderedDict, deque, namedtuple

print(ucollections is collections, uheapq is heapq)
print(OrderedDict(), OrderedDict([('b', 1), ('a', 2)]), OrderedDict(x=OrderedDict(y=1)))
print(repr(OrderedDict.fromkeys('ab')), str(OrderedDict(z=[1])))
# deque(iterable, maxlen, flags): flag 1 makes a full deque refuse items
d = deque((), 2, 1)
d.append(1)
d.appendleft(0)
print(d)
for f in [lambda: d.append(2), lambda: d.appendleft(2), lambda: d.extend([3])]:
    try:
        f()
    except IndexError as e:
        print('IndexError', e)
print(d, len(d))
d.pop()
d.append(5)
print(d)
print(deque([1, 2, 3], 2, 0))
try:
    deque([1], 2, 3, 4)
except TypeError as e:
    print('TypeError', e)
# a namedtuple type prints without a module, as MicroPython's do
print(namedtuple('P', 'x'), type(namedtuple('P', 'x')(1)))
