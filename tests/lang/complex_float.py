# complex results printed at full precision (double's digits, as python3):
# division, ** through the polar form, overflow, and the parts that are
# infinite or NaN. The chip's single-precision floats print other digits.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


inf = float("inf")
nan = float("nan")
vals = [3, -2, True, 0.5, 1j, -2 + 3j, 4 - 0.5j, 1e300 + 1e-300j]
for a in vals:
    for b in vals:
        if type(a) is complex or type(b) is complex:
            row = []
            for f in (lambda: a / b, lambda: a ** b, lambda: b ** a):
                try:
                    row.append(repr(f()))
                except Exception as e:
                    row.append(type(e).__name__)
            print(repr(a), repr(b), " ".join(row))

print(1 / 3j, (1 + 2j) / (3 - 4j), 1j ** 0.5, (-1) ** 0.5, (-8) ** (1 / 3), 2 ** 1j, 1j ** 1j)
print((1 + 1j) ** 100, (1 + 1j) ** 101, (1 + 1j) ** 100.5, (1 + 1j) ** -100, 1.000001j ** 1000)
print(abs(1 + 1j), abs(-1e308 - 1e308j / 10), 0.1 + 0.2j, (0.1 + 0.2j) * 3, 1e-320j, 1e308j * 10)
print(complex(inf, 1) * 2, complex(1, inf) * 1j, complex(inf, inf) / 2, 1 / complex(inf, 1), complex(nan, 0) + 1)
print(complex(1e308, 1e308) / complex(1e-308, 1e-308), complex(1, 1) / complex(inf, nan), 2 - complex(inf, -inf))
show(lambda: (1e200 + 1e200j) ** 2)
show(lambda: (1e200 + 1e200j) ** 2.5)
show(lambda: complex(inf, 0) ** 2)
show(lambda: 10.0 ** (400 + 1j))
show(lambda: abs(complex(1e308, 1e308)))
print(hash(0.1 + 0j) == hash(0.1), hash(complex(1e300, 0)) == hash(1e300), {0.5: 1, 0.5 + 0j: 2})
