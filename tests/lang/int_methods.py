# int.to_bytes / from_bytes / bit_length
print((0).bit_length(), (1).bit_length(), (255).bit_length(), (256).bit_length())
print((-1).bit_length(), (-128).bit_length(), (2 ** 100).bit_length(), (-2 ** 100).bit_length())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((0).to_bytes(4, 'big'), (255).to_bytes(1, 'big'))
print((2 ** 64 - 1).to_bytes(8, 'big'))
print((2 ** 70 + 5).to_bytes(10, 'little'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((127).to_bytes(1, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes(bytes(20), 'little'))
print(int.from_bytes(b'\xff' * 16, 'big'))
print(int.from_bytes(b'\x80' + bytes(15), 'big', signed=True))
print(int.from_bytes(bytearray(b'\x12\x34'), 'big'))
for n in [0, 1, 300, 65535, 2 ** 40 + 3, 2 ** 90 - 1]:
    b = n.to_bytes(12, 'big')
    print(n, b.hex(), int.from_bytes(b, 'big') == n)
for n in [-1, -300, -2 ** 40, 2 ** 40]:
    b = n.to_bytes(8, 'little', signed=True)
    print(n, b.hex(), int.from_bytes(b, 'little', signed=True) == n)
try:
    (256).to_bytes(1, 'big')
except OverflowError:
    print("OverflowError")
try:
    (-1).to_bytes(1, 'big')
except OverflowError:
    print("OverflowError unsigned")
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError:
    print("OverflowError signed")
print(int('12').bit_length(), True.bit_length())
print((10).__add__(5), (10).__mul__(3), (7).__neg__())
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator)
print((6).conjugate())
