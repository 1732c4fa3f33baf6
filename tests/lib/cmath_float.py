# cmath at full precision (python3's doubles): every function on numbers
# across the plane, near the branch cuts and far out where the formulas
# change, with infinite and NaN parts, and the module's constants.
# Printed with 15 significant digits, so that a last bit that another libm
# rounds otherwise does not show.
import cmath

inf = float("inf")
nan = float("nan")


def fmt(x):
    if isinstance(x, tuple):
        return "(" + ", ".join(fmt(v) for v in x) + ")"
    if isinstance(x, complex):
        return "%.15g%+.15gj" % (x.real, x.imag)
    return "%.15g" % x if isinstance(x, float) else repr(x)


def run(name, z):
    try:
        r = fmt(getattr(cmath, name)(z))
    except Exception as e:
        r = type(e).__name__
    return r


print(fmt(cmath.pi), fmt(cmath.e), fmt(cmath.tau), repr(cmath.pi), repr(cmath.e), repr(cmath.tau))
names = ["sqrt", "exp", "log", "log10", "cos", "sin", "tan", "cosh", "sinh", "tanh",
         "acos", "asin", "atan", "acosh", "asinh", "atanh", "phase", "polar"]
vals = [2, -3, 0.5, 1j, -2j, 1 + 1j, -1.5 + 0.25j, 3 - 4j, complex(-2, -0.0), complex(-0.5, 0.0), complex(0.0, -1.5),
        complex(1, 1e-20), complex(-1, 1e-20), 0.9 + 0.2j, 1e-8 + 1e-8j, 50 + 30j, -700.5 + 2j, 710 + 0.5j,
        1e10j, 2 + 1e300j, 1e160 + 1e160j, -1e200 - 3e199j, 5e-324j, complex(1.5e-310, 2e-309)]
for name in names:
    print(name)
    for z in vals:
        print("  ", fmt(z), run(name, z))

# infinite and NaN parts: the cases where the formulas give CPython's values
parts = [0.0, -0.0, 2.0, -2.0, inf, -inf, nan]
for name in ["sqrt", "exp", "log", "cos", "sin", "tan", "cosh", "sinh", "tanh", "acos", "asin", "atan", "acosh",
             "asinh", "atanh"]:
    print(name, " ".join(run(name, complex(a, b)) for a in [0.0, inf, -inf, nan] for b in parts))

for r, phi in [(1, 2), (-1, 0.5), (2, -0.0), (0, 3), (1, cmath.pi), (-2, 1e-8), (inf, 0.0), (-inf, -0.0), (0.0, inf)]:
    print("rect", r, phi, fmt(cmath.rect(r, phi)))
for x, b in [(8, 2), (100, 10), (1j, 1j), (-1, 1j), (2, 0.5), (10, 2 + 1j), (1e300, 1e-300)]:
    print("log", x, b, fmt(cmath.log(x, b)))
