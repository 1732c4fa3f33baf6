# big int arithmetic: floor division/modulo signs, pow, shifts, comparisons
big = 3 ** 80
vals = [big, -big, big + 1, -(big - 7), 10 ** 30, -(10 ** 30), 7, -7, 1, -1, 2 ** 63, -2 ** 63, 2 ** 64 - 1]
divs = [3, -3, 7, -7, 2 ** 64, -(2 ** 64), 10 ** 20 + 3, -(10 ** 20 + 3), big, 1, -1]
for a in vals:
    for d in divs:
        q, r = divmod(a, d)
        assert q * d + r == a
        assert (r == 0) or ((r > 0) == (d > 0))
        print(a // d, a % d, end=" ")
    print()
for a in [big, -big, 12345, -12345]:
    print(a >> 1, a >> 64, a >> 200, a << 3, a << 100, (a << 100) >> 100 == a)
print(-1 >> 1000, 1 >> 1000, -(2 ** 100) >> 99, -(2 ** 100 + 1) >> 99, (-5) >> 1)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
print(0 << 10 ** 6, 5 >> 10 ** 20, -5 >> 10 ** 20)
print(pow(2, 100, 10 ** 9 + 7), pow(3, 10 ** 20, 1000), pow(-2, 101, 97), pow(2, 10, -7), pow(-3, 3, -7))
print(pow(big, big, 2 ** 61 - 1), pow(5, 0, 1), pow(0, 0, 7), pow(7, 1, 1))
print(pow(3, -1, 7), pow(-3, -1, 7), pow(38, -1, 97))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(2 ** -1, (-2) ** -2, 0 ** 0, (-8) ** 3, 10 ** 0, 2 ** 200)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for a, b in [(big, 0), (1, 0), (big, 0.0)]:
    for op in ["//", "%", "/"]:
        try:
            eval("a %s b" % op)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", op, e)
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError divmod", e)
print(big / 3 ** 79, (10 ** 30) / (10 ** 28), 1 / 3 ** 40, -(10 ** 25) / 7)
print(2 ** 1000 / 2 ** 999, 10 ** 400 // 10 ** 399, (10 ** 400) % 7)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), (10 ** 400) == float("inf"))
print(abs(-big) == big, -(-big) == big, +big == big, ~big == -big - 1, ~-big == big - 1)
print(big & (2 ** 64 - 1), big | 1, big ^ big, -big & 0xFFFF, -big | 0xFF, -big ^ -1)
print(hash(2 ** 100) == hash(2 ** 100), hash(-1) == hash(-2), hash(10 ** 20) == hash(10 ** 20 + 0))
print(round(big, -30), round(-big, -5), round(15, -1), round(25, -1), round(-35, -1), round(5, 2))
print(max(big, 10 ** 40), min(-big, -(10 ** 40)), sorted([big, -big, 0, 2 ** 64]))
print(int.bit_length(big), (2 ** 64).bit_length(), (-(2 ** 64)).bit_length())
