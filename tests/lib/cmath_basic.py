# cmath: every function and constant, with results that are exact in
# single precision too (the chip's floats) or compared through isclose;
# branch cuts and the signs of zero; every error, with CPython's types and
# messages. Full-precision printing is cmath_float.py's.
import cmath
import math


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def close(a, b):
    return cmath.isclose(a, b, rel_tol=1e-5, abs_tol=1e-6)


inf = float("inf")
nan = float("nan")

# constants
print(close(cmath.pi, math.pi), close(cmath.e, math.e), cmath.tau == 2 * cmath.pi, cmath.inf == inf)
print(cmath.infj, cmath.nanj, type(cmath.infj).__name__, cmath.isnan(cmath.nan), type(cmath.nan).__name__)

# exact results
print(cmath.sqrt(-4), cmath.sqrt(complex(-4, -0.0)), cmath.sqrt(4), cmath.sqrt(0), cmath.sqrt(-0j), cmath.sqrt(2j))
print(cmath.sqrt(-1), cmath.sqrt(3 + 4j), cmath.sqrt(-3 - 4j), cmath.sqrt(complex(0, -0.0)), cmath.sqrt(-2.25))
print(cmath.exp(0), cmath.exp(-0j), cmath.exp(complex(0, -0.0)), cmath.log(1), close(cmath.log10(100), 2), cmath.log10(1))
print(cmath.cos(0), cmath.sin(0), cmath.sin(-0j), cmath.tan(0), cmath.cosh(0), cmath.sinh(0), cmath.tanh(0))
print(cmath.acos(1), cmath.asin(0), cmath.atan(0), cmath.acosh(1), cmath.asinh(0), cmath.atanh(0), cmath.atanh(-0j))
print(cmath.phase(1), cmath.phase(0), cmath.phase(-0.0) == math.pi, cmath.phase(1j) == math.pi / 2, cmath.phase(-1) == math.pi)
print(cmath.phase(complex(-1, -0.0)) == -math.pi, cmath.polar(1), cmath.polar(-2) == (2, math.pi), cmath.polar(3 + 4j)[0])
print(cmath.rect(2, 0), cmath.rect(2, -0.0), cmath.rect(-1.5, 0), cmath.rect(0, 1), cmath.rect(1, 0.0))

# approximate results
print(close(cmath.exp(1j * cmath.pi), -1), close(cmath.exp(1 + 1j), 1.4686939399158851 + 2.2873552871788423j))
print(close(cmath.log(-1), math.pi * 1j), close(cmath.log(1j), math.pi / 2 * 1j), close(cmath.log(8, 2), 3))
print(close(cmath.log(-1 - 0j), -math.pi * 1j), close(cmath.log(1 + 1j, 1j), 1 - 0.22063560015588423j))
print(close(cmath.log10(-10), 1 + 1.3643763538418414j), close(cmath.log(1e30), 69.07755278982137))
print(close(cmath.cos(1 + 2j), 2.0327230070196656 - 3.0518977991518j), close(cmath.sin(1 + 2j), 3.165778513216168 + 1.959601041421606j))
print(close(cmath.tan(1 + 2j), 0.0338128260798967 + 1.0147936161466335j), close(cmath.cosh(1 - 1j), 0.8337300251311491 - 0.9888977057628651j))
print(close(cmath.sinh(-2 + 1j), -1.9596010414216063 + 3.165778513216168j), close(cmath.tanh(0.5j), 0.5463024898437905j))
print(close(cmath.acos(2), 1.3169578969248166j), close(cmath.acos(complex(2, -0.0)), -1.3169578969248166j))
print(close(cmath.asin(2), 1.5707963267948966 + 1.3169578969248166j), close(cmath.atan(2j), 1.5707963267948966 + 0.5493061443340549j))
print(close(cmath.acosh(0.5), 1.0471975511965979j), close(cmath.asinh(2j), 1.3169578969248166 + 1.5707963267948966j))
print(close(cmath.atanh(2), 0.5493061443340549 + 1.5707963267948966j), close(cmath.atanh(complex(2, -0.0)), 0.5493061443340549 - 1.5707963267948966j))
print(close(cmath.sqrt(1j) ** 2, 1j), close(cmath.exp(cmath.log(3 - 2j)), 3 - 2j), close(cmath.rect(*cmath.polar(-1 + 1j)), -1 + 1j))
for f in [cmath.cos, cmath.sin, cmath.tan, cmath.cosh, cmath.sinh, cmath.tanh]:
    z = 0.3 - 0.7j
    print(f.__name__, close(f(-z), f(z) if f in (cmath.cos, cmath.cosh) else -f(z)))
for f, g in [(cmath.acos, cmath.cos), (cmath.asin, cmath.sin), (cmath.atan, cmath.tan), (cmath.acosh, cmath.cosh), (cmath.asinh, cmath.sinh), (cmath.atanh, cmath.tanh)]:
    print(f.__name__, close(g(f(0.25 + 0.5j)), 0.25 + 0.5j))

# classification and isclose
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)), cmath.isinf(complex(nan, 1)))
print(cmath.isnan(complex(0, nan)), cmath.isnan(1j), cmath.isfinite(2), cmath.isinf(inf), cmath.isnan(nan))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.isclose(0, 1e-10j), cmath.isclose(0, 1e-10j, abs_tol=1e-9), cmath.isclose(a=1, b=1), cmath.isclose(inf, inf))
print(cmath.isclose(complex(inf, 1), complex(inf, 2)), cmath.isclose(nan, nan), cmath.isclose(1, 1 + 0j))

# arguments: any number, __complex__, __float__, __index__
class C:
    def __complex__(self):
        return -4 + 0j


class F:
    def __float__(self):
        return 9.0


class I:
    def __index__(self):
        return 16


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(True), cmath.phase(C()) == math.pi)

# errors
for f in [
    lambda: cmath.log(0),
    lambda: cmath.log(0j),
    lambda: cmath.log10(0),
    lambda: cmath.log(2, 1),
    lambda: cmath.log(1, 0),
    lambda: cmath.atanh(1),
    lambda: cmath.atanh(-1),
    lambda: cmath.atan(1j),
    lambda: cmath.atan(-1j),
    lambda: cmath.exp(1000),
    lambda: cmath.exp(1000j * 0 + 1000),
    lambda: cmath.cosh(1000 + 1j),
    lambda: cmath.sinh(-1000),
    lambda: cmath.cos(1000j),
    lambda: cmath.sin(complex(0, -1000)),
    lambda: cmath.sin(complex(inf, 0)),
    lambda: cmath.rect(1, inf),
    lambda: cmath.sqrt("x"),
    lambda: cmath.sqrt(None),
    lambda: cmath.sqrt([]),
    lambda: cmath.log(1, "x"),
    lambda: cmath.rect(1, 1j),
    lambda: cmath.phase("1"),
    lambda: cmath.isclose(1, 2, rel_tol=-1),
    lambda: cmath.isclose(1, 2, abs_tol=-1),
    lambda: cmath.isclose(1, 2, 3),
    lambda: cmath.isclose(1),
    lambda: cmath.isclose(b=1),
    lambda: cmath.isclose(1, 2, foo=1),
    lambda: cmath.log(1, 2, 3),
]:
    check(f)
