# == and != between complex and int, float, bool and complex (ints compared
# exactly), the TypeError of the ordering operators, and hashes: a complex
# equal to an int or float hashes as it, so they are one dict key.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


nan = float("nan")
vals = [0, 1, -1, True, False, 1.0, 0.5, -0.0, 0j, 1 + 0j, 1j, complex(-0.0, -0.0), 0.5 + 0j, 2 ** 53 + 1, 10 ** 400]
for a in vals:
    print(repr(a)[:12], [int(a == b) for b in vals], [int(a != b) for b in vals])
print(complex(2 ** 53, 0) == 2 ** 53 + 1, 2 ** 53 + 1 == complex(2 ** 53, 0), complex(nan, 0) == complex(nan, 0))
print(1j == "1j", 1j != None, 1j == [1j], [1j] == [1j], (1, 2j) == (1, 2j), 1j in {1j: 0}, 2j in [1, 2j])

for f in [
    lambda: 1j < 2j,
    lambda: 1j <= 1,
    lambda: 2 > 1j,
    lambda: 1.5 >= 1j,
    lambda: 1j > "a",
    lambda: None < 1j,
]:
    show(f)

# hashes
print(hash(0j), hash(1 + 0j), hash(-1 + 0j), hash(1j), hash(-1j), hash(3 + 2j), hash(complex(-0.0, -0.0)))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-0.5 + 0j) == hash(-0.5), hash(2.0 ** 70 + 0j) == hash(2 ** 70))
d = {1: "int", 1.0: "float", 1 + 0j: "complex", 1j: "imag", 2 + 0j: "two"}
print(d, d[1], d[2], 2.0 in d, 1j in d, (1j + 0) in d)
s = {0, 0.0, 0j, -0j, 1j, 1j * 1, complex(0, 1)}
print(sorted(map(repr, s)), len(s))
print(len({complex(nan, 0), complex(nan, 0)}), len({1j, 2j, 3j, 1j}))
