# bitwise operations with small and big ints, including negatives
vals = [0, 1, -1, 5, -6, 255, 2 ** 31 - 1, -2 ** 31, 2 ** 64 + 3, -2 ** 70 - 5, 2 ** 100]
for a in vals[:6]:
    print(a, a & 0xFF, a | 0x100, a ^ 0x55, ~a, a << 3, a >> 1)
for a in vals[5:]:
    for b in [3, -3, 2 ** 65 + 1, -2 ** 65]:
        print(a & b, a | b, a ^ b)
print(1 << 64, 1 << 100, (1 << 100) >> 99, -1 << 70, (-1 << 70) >> 69, -5 >> 100, 5 >> 100)
print((2 ** 128 - 1) & (2 ** 64), (2 ** 128 - 1) ^ (2 ** 127), ~(2 ** 80))
print(-(2 ** 70) >> 3, -(2 ** 70 + 1) >> 3, (2 ** 70 + 1) >> 3)
m = 0
for i in range(0, 200, 7):
    m |= 1 << i
print(m, bin(m).count("1"), m.bit_length())
print(m & (m - 1) == m - (1 << 0), m >> 150, m & 0xFFFF)
mask = (1 << 64) - 1
x = 0x123456789ABCDEF0
r = ((x << 13) | (x >> 51)) & mask
print(hex(r), r ^ x, (r * 6364136223846793005 + 1442695040888963407) & mask)
try:
    1 << -1
except ValueError:
    print("ValueError negative shift")
try:
    1.0 & 1
except TypeError:
    print("TypeError float and")
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
h = 0
for ch in "hash me":
    h = ((h * 31) ^ ord(ch)) & 0xFFFFFFFF
print(h)
print(0xFFFFFFFF + 1, 0x7FFFFFFF << 1, -0x80000000 >> 31, 0x40000000 << 2)
