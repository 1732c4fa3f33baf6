# arbitrary precision integers
a = 2 ** 200
print(a)
print(a + 1, a - 1)
print(-a)
print(a * a)
print(a // 3, a % 3)
print(a // -7, a % -7, -a // 7, -a % 7)
print(a // (2 ** 100), a % (2 ** 100 + 1))
print(a == 2 ** 200, a != a + 1, a < a + 1, a > -a)
print(a == 1606938044258990275541962092341162602522202993782792835301376)
b = 10 ** 50
print(b, len(str(b)))
print(str(-b), repr(b + 7))
print(int("123456789012345678901234567890") * 2)
print(int("-98765432109876543210987654321098765432"))
print(int("ffffffffffffffffffffffffffffffff", 16))
print(hex(2 ** 128), oct(2 ** 70), bin(2 ** 65))
print(hex(-2 ** 100))
# factorial
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // (2 ** 40), f % 1000000007)
# fibonacci
x, y = 0, 1
for i in range(300):
    x, y = y, x + y
print(x)
# mixing small and big
s = 0
for i in range(100):
    s += 2 ** i
print(s == 2 ** 100 - 1, s)
print(divmod(10 ** 30, 7 ** 20))
print(divmod(-10 ** 30, 7 ** 20))
print(abs(-2 ** 99), -(-2 ** 99))
print(pow(2, 100), pow(3, 100, 10 ** 9 + 7), pow(12345678901234567890, 3))
print((2 ** 100) ** 2 == 2 ** 200)
print(max(2 ** 70, 2 ** 69, -2 ** 80), min(2 ** 70, 2 ** 69, -2 ** 80))
print(sorted([2 ** 65, -5, 2 ** 64, 3, -2 ** 64]))
print(hash(2 ** 100) == hash(2 ** 100), {2 ** 100: 'x'}[2 ** 100])
print(2 ** 64 // 2 ** 32, 2 ** 64 >> 32, 1 << 100)
print(float(2 ** 100), int(float(2 ** 60)))
print(2 ** 100 / 2 ** 98)
print(bool(2 ** 100), bool(2 ** 100 - 2 ** 100))
print(10 ** 20 - 10 ** 20 == 0, type(10 ** 20 - 10 ** 20).__name__)
# big int shrinks back to small
c = 2 ** 100
c = c - 2 ** 100 + 5
print(c, c * 3, c == 5)
print(str(7 ** 77)[:20], len(str(7 ** 77)))
print(12345678987654321 * 98765432123456789)
print(-12345678987654321 * 98765432123456789)
print((-7) ** 31, 7 ** 31)
print(999999999999999999999 // 1000000000, 999999999999999999999 % 1000000000)
try:
    (10 ** 30) // 0
except ZeroDivisionError:
    print("ZeroDivisionError")
