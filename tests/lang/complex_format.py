# format() of complex numbers: the float presentation types for each part,
# no type (repr's form, parentheses unless the real part is +0), sign,
# '#', 'z', grouping, width and alignment around the whole; the errors;
# and complex in f-strings, str.format and %. Values exact in single
# precision, so the chip prints the same.
vals = [1 + 2j, 1.5j, -0.0 - 0j, complex(-0.0, 2), complex(1e7, -1e-7), complex(12345.625, 2.0 ** 24),
        complex(float("nan"), float("-inf")), complex(-1.25, -0.0), 0.0625 - 3j]
specs = ["", "#", ".3", "10", "<16", "^16", "+", "-", " ", "e", ".2e", "E", ".1f", "F", "g", "G", "n", ".0f", "z.1f",
         ",", "_.1f", "#.0f", "#g", "x<22.3e", "*>30", "+.1e", ">8.2"]
for s in specs:
    print(repr(s), " ".join(repr(format(v, s)) for v in vals))
# exponents (the parts only where their digits are the same in single precision)
print(" ".join(repr(format(complex(1e20, -1e-7), s)) for s in ["", "#", "e", ".2E", "g", "#.3g", ".3", ">30", "+"]))
for s in ["010", "0<10", "=10", "x=10", "%", "d", "s", "c", "b", "10.2%", ",n", "y"]:
    try:
        print(repr(s), format(1j, s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
z = 2.5 - 0.5j
print(f"{z}", f"{z!r}", f"{z:.2f}", f"[{z:^20}]", "{:+.1e}|{!s:>12}".format(z, z), "%s %r" % (z, z))
print(str(z), repr(z), "{}".format(1j), "{0.real} {0.imag}".format(z), f"{z.real:.3f}")
for f in [lambda: "%f" % z, lambda: "%d" % z, lambda: format(z, 5)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
