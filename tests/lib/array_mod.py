# array: compact arrays of C numbers, indexing, slicing, operators, and the
# buffer protocol. (Storing ints that do not fit is in array_micropython.py.)
from array import array


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for code, values in [('b', [-128, 0, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [0, 65535]),
                     ('i', [-2147483648, 2147483647]), ('I', [0, 4294967295]), ('l', [-2147483648, 2147483647]),
                     ('L', [0, 4294967295]), ('q', [-2 ** 63, 2 ** 63 - 1]), ('Q', [0, 2 ** 64 - 1]),
                     ('f', [0.5, -1.25, 3.0]), ('d', [0.25, -1024.5, 65536.0])]:
    a = array(code, values)
    print(a, a.typecode, len(a), a.tolist() == values, list(a) == values, a[0], a[-1])
print([array(c).itemsize for c in 'bBhHiIqQfd'])

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
a.extend(x * 10 for x in range(2))
print(a, len(a), sum(a), a[2], a[-2], 3 in a, 99 in a, a.count(0), a.index(5))
print(a[1:4], a[:2], a[5:], a[::2], a[::-1], a[-3:-1], a[10:], a[3:1])
a[0] = -1
a[-1] = 100
print(a)
a[1:3] = array('i', [20, 30, 40])
print(a)
a[::3] = array('i', [0] * len(a[::3]))
print(a)
a[2:5] = array('i')
print(a)
a[:0] = array('i', [9, 9])
print(a)
a[:] = a
print(a)
del a[0]
del a[-1]
print(a)
del a[::2]
print(a)
del a[1:]
print(a)
a.insert(0, 5)
a.insert(100, 6)
a.insert(-1, 7)
print(a, a.pop(), a.pop(0), a)
a.remove(7)
print(a)
a = array('h', [3, 1, 2])
a.reverse()
print(a, a.tobytes(), bytes(a), bytearray(a), array('h', a.tobytes()))
a.frombytes(b'\x05\x00')
print(a, array('B', b'abc'), array('b', bytearray(b'\xff')), array('h', array('b', [1, -1])))
m = memoryview(array('B', [1, 2, 3]))
print(m[1], bytes(m), len(m), bytes(memoryview(array('h', [1, 2]))))
w = array('B', [0, 0, 0])
memoryview(w)[1] = 7
print(w, bytes(array('d', [1.0]))[7])

# operators
x = array('b', [1, 2])
print(x + array('b', [3]), x * 2, 2 * x, x * 0, x * -1)
x += array('b', [9])
print(x)
x *= 2
print(x)
print(array('b', [1, 2]) == array('b', [1, 2]), array('b', [1, 2]) == array('h', [1, 2]), array('b', [1]) != array('b', [2]))
print(array('b', [1, 2]) < array('b', [1, 3]), array('f', [1.5]) == array('d', [1.5]), array('b', [1]) == [1])
print(array('d', [1, 2]), array('f', [1]), array('i', [True, False]), array('I', range(3)), bool(array('b')), bool(x))
print(array('b'), repr(array('d')), str(array('q', [1])))
s = 0
for v in array('H', [10, 20, 30]):
    s += v
print(s, list(reversed(array('b', [1, 2, 3]))), sorted(array('i', [3, 1, 2])), max(array('f', [0.5, 2.5])))

attempt(lambda: array('bb'))
attempt(lambda: array(1))
attempt(lambda: array())
attempt(lambda: array('b', 'abc'))
attempt(lambda: array('i', 3))
attempt(lambda: array('i', [1.5]))
attempt(lambda: array('i', ['1']))
attempt(lambda: array('d', ['x']))
attempt(lambda: array('b', [1])[1])
attempt(lambda: array('b', [1])[-2])
attempt(lambda: array('b', [1])['x'])
attempt(lambda: array('b', [1]) + [2])
attempt(lambda: array('b', [1]) + array('h', [2]))
attempt(lambda: array('b', [1]).extend(array('h', [1])))
attempt(lambda: array('b', [1]).pop(5))
attempt(lambda: array('b').pop())
attempt(lambda: array('b', [1]).remove(2))
attempt(lambda: array('b', [1]).index(2))
attempt(lambda: array('h').frombytes(b'x'))
attempt(lambda: array('h', b'abc'))
attempt(lambda: hash(array('b')))


def assign_list():
    a = array('b', [1, 2])
    a[0:1] = [5]


def assign_step():
    a = array('b', [1, 2, 3])
    a[::2] = array('b', [1])


def iadd_list():
    a = array('b', [1])
    a += [2]


attempt(assign_list)
attempt(assign_step)
attempt(iadd_list)
