# Imaginary literals, the complex type's repr and str, and the constants
# the compiler folds (-2j is one constant: complex(-0.0, -2.0)). Values are
# exact in single precision too, so the chip prints the same.
print(1j, 2j, 1.5J, 1e3j, 1E-2j, 0j, 00j, 0777j, 09j, 1_000j, 1e1_0j, 0.j, .5j, 1.j)
print(type(1j), type(1j).__name__, isinstance(2j, complex))
print(-2j, -0j, -(0j), +1j, --1j, 0 - 0j, -0.0 - 0j)
print(1 + 2j, 1 - 2j, -1 + 2j, -1 - 2j, 1.5 + 0.25j, 3 + 0j)
print(repr(1 + 2j), str(1 + 2j), ascii(-3.5j), [1j, 2 - 1j], (1j,), {1j: 2j})
print(1e20j, 1e16j, 1e15j, 1e-5j, 123456j, 1e-7 + 1e20j, -1e16 - 1e16j)

# parts, signed zeros
z = 3 - 4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), (-0.0 - 1j).real, 1j.imag, 2J.real)
print(complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(0, 0), complex(-1, -0.0))
inf = float("inf")
nan = float("nan")
print(complex(inf, 0), complex(0, inf), complex(nan, inf), complex(-inf, -nan), complex(1, nan), complex(nan, -0.0))

# constants of a function, and one constant used twice
def f():
    return 2j, -2j, 2j, 1 + 2j


print(f(), f()[0] is f()[0])

# attribute access on a literal, calls, keywords next to j
print(1j.real, 2j.conjugate(), [x for x in (1j, 2j) if x], 1j if 1 else 2, 2j in [1, 2j])


# imaginary literals that are not
def compiles(src):
    try:
        compile(src, "<s>", "eval")
        return "ok"
    except SyntaxError as e:
        return "SyntaxError: " + e.msg


for src in ["1jx", "1j_", "1.5jj", "0x1j", "1__0j", "1_j", "1e+j", "0b1j"]:
    print(repr(src), compiles(src))
