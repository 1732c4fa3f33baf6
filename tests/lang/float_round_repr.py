# float repr, round() with ndigits, float methods, divmod and mixed arithmetic
vals = [0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 1 / 3, 2 / 3, 1e16, 1e-5, 1.23456789e-7, 123456789.125,
        1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.675, 1.005, 0.125, 0.375, -1.5e-10, 9.995]
for v in vals:
    print(repr(v), str(v), round(v), round(v, 1), round(v, 2), round(v, 0), round(v, -1), round(v, 5))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 4.5, 1e300, -1e-300]:
    r = round(v)
    print(v, r, type(r).__name__, round(v, None), type(round(v, None)).__name__, type(round(v, 0)).__name__)
print(round(1234.5678, -2), round(-1234.5678, -3), round(5e15 + 0.5), round(123.456, 10), round(1e-20, 25))
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        print(round(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
    print(round(bad, 2))
print(round(7, 1), round(-7, -1), round(True), type(round(7, 1)).__name__)
print((1.5).is_integer(), (2.0).is_integer(), (0.25).as_integer_ratio(), (-1.5).as_integer_ratio())
print((1e20).is_integer(), float("inf").is_integer(), (10.0).hex() if False else "skip")
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError", e)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 0.5), (1e300, 1e-300), (5.0, float("inf")),
             (-5.0, float("inf")), (0.0, -3.0), (-0.0, 3.0), (3.0, 3)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in [(1.0, 0), (1, 0.0), (0.0, 0.0)]:
    for op in [lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b)]:
        try:
            op()
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
print(float("inf") - float("inf") != float("inf") - float("inf"), float("inf") * 0 != 0, -float("inf"))
print(2.0 ** 0.5, (-8.0) ** 2, 10.0 ** -2, 0.0 ** 0, 2 ** 0.5, 4 ** -0.5, (-1.0) ** 2, 1.0 ** float("nan"))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError", e)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, abs(-0.0), -0.0 == 0.0, str(-0.0 + 0.0))
print(int(2.5e9), int(-1e15), int(1.9999999), float(2 ** 63), 2 ** 63 == float(2 ** 63), 0.1 + 0.2 == 0.3)
print(max(1, 1.0), min(1.0, 1), max(-0.0, 0.0), 3 == 3.0, 3 < 3.5, 10 ** 20 < 1e20 + 1, 1 == 1.0000000001)
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0), hash(2.5) == hash(2.5), {1: "a", 1.0: "b"})
print(sum([0.1] * 10), sum([1, 2.5]), sum([], 0.0), abs(-2.5), float.__name__, 1.5.real, (2.5).imag)
print(3.0 // 0.1 if False else "", 1e16 + 1, 123e-2, .5, 5., 1_000.000_1, 0e0, 1E+2)
