# operator precedence
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** 3 ** 2, 7 // 2 * 3, 7 % 4 * 2, -7 // 2)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 | 3 & 8, 6 ^ 3 & 1, 1 | 2 ^ 3)
print(~1 + 2, -~3, ~-3, not 1 + 1, not 0 == 1, -3 * -3)
print(1 < 2 and 2 < 3, 1 or 0 and 0, (1 or 0) and 0, not 1 or 1, not (1 or 1))
print(0 or "" or None or "last", 1 and "x" and [], None and 1 / 0, 1 or 1 / 0)
print(3 if 1 > 2 else 4 if 2 > 3 else 5, (lambda: 1 if False else 2)())
print(1 + 2 == 3 and 2 * 2 == 4, 5 & 1 == 1, (5 & 1) == 1)
print(2 * 3 % 4, 2 * (3 % 4), -2 % 3, -(2 % 3), 10 - -2, 10 - - - 2)
print("a" + "b" * 2, ("a" + "b") * 2, [1] * 2 + [0], 3 * "x" + "y")
print(1 in [1] and 2 not in [1], not 1 in [2], [] is not None is not False)
print(2 ** 2 ** -1, 4 ** 0.5 * 2, -3 ** 0, 2 * -1 ** 2)
x = 5
print(x > 3 == True, (x > 3) == True, x & 4 and x | 2, x >> 1 << 1, x % 3 ** 2)
d = {"k": [1, 2, 3]}
print(d["k"][1] * 2 ** 2, -d["k"][0], not d["k"])
class P:
    v = 3
print(-P.v ** 2, P().v + 1 * 2)
print(1 if True else 2 + 10, (1 if True else 2) + 10)
print(True + True * 2, 8 >> 1 + 1, 16 >> 2 >> 1, 2 << 1 << 1)
print(0b1010 & 0b0110 ^ 0b0001 | 0b1000)
