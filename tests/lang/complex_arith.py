# complex arithmetic with int, float, bool and complex on either side, in
# place, unary operators, ** by squaring and by the polar form, and the
# errors, with CPython's types and messages. Results are exact in single
# precision too; complex_float.py prints full-precision results.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


vals = [0, 3, -2, True, 0.5, -0.0, 0j, 1j, -2 + 3j, complex(-0.0, -0.0), 4 - 0.5j]
ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
]
for a in vals:
    for b in vals:
        if type(a) is not complex and type(b) is not complex:
            continue
        row = []
        for name, f in ops:
            try:
                row.append(repr(f(a, b)))
            except Exception as e:
                row.append(type(e).__name__)
        print(repr(a), repr(b), " ".join(row))

# division and ** with exact results
print((3 + 4j) / 2, 2 / 1j, 1 / (1 + 1j), 1.5 / -0.5j, (8 + 4j) / (2 + 1j), True / 2j)
print(2j ** 2, 1 ** 1j, 0.5j ** 1, (-2 + 3j) ** 2, 1j ** -1, 3 ** (1 + 0j))

# in place
x = 1
x += 2j
x *= 1j
x -= 1.5
x /= 2
x **= 2
print(x)

# unary
for z in [1j, -1j, 3 - 4j, complex(-0.0, -0.0), 0j, complex(-0.0, 2)]:
    print(repr(-z), repr(+z), abs(z), bool(z), not z)
print(abs(complex(float("inf"), float("nan"))), abs(complex(float("nan"), 1)))

# powers: small integral exponents multiply; 0 ** x
for base in [1 + 1j, 2j, -1, 0.5 - 0.5j]:
    print([base ** n for n in range(-3, 5)])
print(1j ** 2, 1j ** 2.0, 1j ** (2 + 0j), (1 + 1j) ** 16, 2 ** (2 + 0j), 0.5 ** (1 + 0j))
print(0j ** 0, 0j ** 0j, 0j ** 2, 0j ** 0.5, pow(1j, 4), pow(2j, 2, None))

# a negative real to a fractional power is complex
print(type((-8) ** 0.5).__name__, type((-8.0) ** 1.5).__name__, (-4) ** 2.0, (-2.0) ** -1)

# errors
for f in [
    lambda: 1 / 0j,
    lambda: 1j / 0,
    lambda: 1j / 0.0,
    lambda: 1j / complex(0.0, -0.0),
    lambda: 0j ** -1,
    lambda: 0j ** -2.5,
    lambda: 0j ** 1j,
    lambda: 0j ** (1 + 1j),
    lambda: 1j // 1,
    lambda: 2 // 1j,
    lambda: 1j % 2,
    lambda: 1j % 0,
    lambda: divmod(1j, 2),
    lambda: divmod(2.5, 1j),
    lambda: pow(1j, 2, 3),
    lambda: pow(2, 1j, 3),
    lambda: ~1j,
    lambda: 1j & 1,
    lambda: 1j << 1,
    lambda: 1j + "a",
    lambda: "a" * 1j,
    lambda: [1] * 1j,
    lambda: 1j * [1],
    lambda: 1j + None,
    lambda: 1j + 10 ** 400,
    lambda: 10 ** 400 * 1j,
    lambda: round(1j),
    lambda: int(1j),
    lambda: float(1j),
]:
    show(f)

# sum, min/max need ordering
print(sum([1j, 2, 3.5, True]), sum([], 0j))
show(lambda: max(1j, 2j))
show(lambda: sorted([2j, 1j]))
