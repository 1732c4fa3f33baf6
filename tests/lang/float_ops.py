# float arithmetic and repr
print(1.5, 2.0, -0.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3)
print(1e10, 1e16, 1e17, 1e-4, 1e-5, 1.5e300, 123456789.0)
print(1e22, 1e-7, 12345678901234567890.0, 0.000123)
print(3.0 * 2, 7.5 / 2.5, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2.0 ** 10, 2 ** -1, 4 ** 0.5, 10.0 ** -2)
print(float("1.25"), float("-3"), float("  4.5  "), float("1e3"), float(".5"))
print(float("inf"), float("-inf"), float("nan"), float("-Infinity"))
inf = float("inf")
nan = float("nan")
print(inf + 1, -inf, inf * -1, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(inf - inf, inf * 0)
print(-0.0, 0.0, -0.0 == 0.0, repr(-0.0), str(-0.0), 0.0 * -1)
print(abs(-0.0), -(0.0), 1 / inf, -1 / inf)
print(float(7), float(-2), float(True), float(10 ** 20))
print(int(2.5), int(-2.5), int(1e20), int(-0.9))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.23456, 3), round(-1.5), round(123.456, -1))
print(round(3.14159, 0), type(round(3.7)).__name__, type(round(3.7, 0)).__name__)
print(1.0 == 1, 1.5 > 1, 2 < 2.5, 0.1 + 0.2 == 0.3)
print(float.__name__, type(1.0).__name__, isinstance(1.0, float))
print(7.0 / 2, 7 / 2, -7 / 2, 1 / 8)
print(3.0 + 4, 3 - 4.0, 2 * 1.5)
print(1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)
print(1e308 * 10, -1e308 * 10)
print(100.0, 1000000.0, 1e15, 123e10)
print(0.1 * 3, 1.1 * 1.1, 2.0 / 3.0)
print(divmod(7.5, 2), divmod(-7.5, 2))
print((2.5).is_integer(), (2.0).is_integer())
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0))
print(max(1.5, 2, -3.5), min(1.5, 2, -3.5), sum([0.5, 0.25, 0.125]))
try:
    1.0 / 0
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    1.0 // 0.0
except ZeroDivisionError:
    print("ZeroDivisionError floordiv")
try:
    5.0 % 0
except ZeroDivisionError:
    print("ZeroDivisionError mod")
for s in ["abc", "", "1.2.3", "1e"]:
    try:
        float(s)
    except ValueError:
        print("ValueError", repr(s))
try:
    int(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    int(float("nan"))
except ValueError:
    print("ValueError nan")
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, abs(x - 1.0) < 1e-9)
print(float("1_000.5"), 1_000.25)
print(-1.5e-10, 6.02214076e23)
