# basic small-integer arithmetic and conversions
a = 7
b = 3
print(a + b, a - b, a * b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(a / b == 7 / 3, 6 / 3, type(6 / 3).__name__)
print(0, -0, +5, -(-5), ~5, ~-1, ~0)
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(10 - 2 - 3, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(int("42"), int("-17"), int("  12  "), int("+8"), int("1_000"))
print(int(3.9), int(-3.9), int(True), int(False))
print(int("ff", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0x1f", 0), int("0o17", 0), int("0b101", 0), int("99", 0))
print(int("0x1f", 16), int("0b11", 2), int("0o7", 8))
print(0x10, 0o10, 0b10, 1_000_000, 0xFF_FF)
print(str(123), repr(-45), str(0))
print(abs(-9), abs(9), abs(0))
print(max(3, 9, 2), min(3, 9, 2))
print(5 == 5, 5 != 5, 5 < 6, 5 <= 5, 5 > 6, 5 >= 6)
print(7 == 7.0, 7 < 7.5, hash(7) == hash(7.0))
print(type(1).__name__, isinstance(5, int))
print(int(), int("0"), int("-0"))
for bad in ["", "abc", "1.5", "0x", "12a", " ", "1__0"]:
    try:
        int(bad)
        print("no error", repr(bad))
    except ValueError:
        print("ValueError", repr(bad))
try:
    int("9", 8)
except ValueError:
    print("ValueError base 8")
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
try:
    print(1 % 0)
except ZeroDivisionError:
    print("ZeroDivisionError mod")
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
x = 2 ** 30
print(x, x * 2, x * 4, -x * 4)
y = 2 ** 31 - 1
print(y, y + 1, -y - 1, -y - 2)
z = 2 ** 62
print(z, z * 2, z * 4)
print(1073741823 + 1, 1073741824 * 1073741824)
print(-1073741824 - 1)
print(46341 * 46341, 65536 * 65536, 65535 * 65537)
n = 1
for i in range(40):
    n = n * 3
print(n)
print(sum(range(1000)), sum(range(100000)))
print(round(7), round(-7), int(7.0))
print(True + True, True * 10, False - 1)
