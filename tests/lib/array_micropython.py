# array: where espy follows MicroPython: the uarray name, the "bad
# typecode" message, and ints that do not fit an item keep their low bits
# (CPython raises OverflowError).
import uarray
import array
from array import array as A

print(uarray is array)
for code in ['z', 'u', '']:
    try:
        A(code)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(A('b', [200, -200, 127, 128]))
print(A('B', [256, -1, 511]))
print(A('h', [70000, -32769]), A('H', [-1, 65536]))
print(A('i', [2 ** 32 + 7, -2 ** 31 - 1]), A('I', [-1, 2 ** 32]))
print(A('q', [2 ** 64 + 5, -2 ** 63 - 1]), A('Q', [-1, 2 ** 64 + 1]))
a = A('b', [0])
a[0] = 255
a.append(-129)
print(a, bytes(a))
print(A('b', [True, False]))
