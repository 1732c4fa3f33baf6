# floor division and modulo sign rules
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a == (a // b) * b + a % b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.5, 0.25), (-0.0, 1.0), (1e20, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 25
for a, b in [(big, 7), (-big, 7), (big, -7), (-big, -7), (big, big - 1), (7, big), (-7, big)]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a)
print(5 % -0.5, -5 % 0.5, 3 % float("inf"), -3 % float("inf"))
print(2 ** 31 // 3, -(2 ** 31) // 3, -(2 ** 31) % 3, (2 ** 62) // -5, (2 ** 62) % -5)
print(-1 // 2 ** 100, -1 % 2 ** 100 == 2 ** 100 - 1)
for z in [(1, 0), (1.0, 0), (10 ** 30, 0), (1, 0.0)]:
    try:
        divmod(*z)
    except ZeroDivisionError:
        print("ZeroDivisionError")
print(True // 2, 7 // True, divmod(True, True))
