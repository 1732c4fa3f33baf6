# math: every function and constant with results that are exact in single
# precision too (the chip's floats), approximate ones through isclose; the
# int results of floor/ceil/trunc/factorial/gcd; every error, with
# CPython's types and messages. Full-precision printing is math_float.py's.
import math


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-6)


inf = float("inf")
nan = float("nan")

# constants
print(close(math.pi, 3.14159265), close(math.e, 2.71828183), math.tau == 2 * math.pi)
print(math.inf == inf, math.inf > 1e30, math.isnan(math.nan), type(math.nan).__name__)

# roots, powers, exponentials, logarithms
print(math.sqrt(4), math.sqrt(0.25), math.sqrt(0), math.sqrt(-0.0), math.sqrt(inf), math.sqrt(2) ** 2 > 1.99)
print(math.pow(2, 10), math.pow(2, -1), math.pow(-2, 3), math.pow(0, 0), math.pow(nan, 0), math.pow(1, nan))
print(math.pow(inf, -1), math.pow(-inf, 3), math.pow(0.5, inf), math.pow(2, -inf))
print(math.exp(0), math.exp(-inf), math.exp(inf), close(math.exp(1), math.e), close(math.exp(-2), 0.13533528))
print(math.expm1(0), close(math.expm1(1e-3), 0.0010005002), math.expm1(-inf))
print(math.log(1), math.log(math.e) == 1 or close(math.log(math.e), 1), math.log(inf), close(math.log(10), 2.30258509))
print(close(math.log(8, 2), 3), math.log(100, 10), math.log(1, 10), close(math.log(2, 0.5), -1))
print(math.log2(8), math.log2(1024), math.log2(0.5), math.log10(1000), math.log10(0.01), math.log10(1))
print(math.log1p(0), close(math.log1p(1e-4), 9.9995e-05), math.log1p(inf))
# the logarithm of an int beyond the float range
print(round(math.log(10**400), 2), math.log2(2**2000), round(math.log10(10**400), 3), round(math.log(2**1100, 2**1050), 4))
print(math.log(True), math.log2(2**62), round(math.log10(10**20), 4))

# trigonometry and angles
print(math.sin(0), math.cos(0), math.tan(0), math.asin(0), math.acos(1), math.atan(0))
print(close(math.sin(math.pi / 6), 0.5), close(math.cos(math.pi / 3), 0.5), close(math.tan(math.pi / 4), 1))
print(close(math.asin(1), math.pi / 2), close(math.acos(-1), math.pi), close(math.atan(1), math.pi / 4))
print(close(math.atan(inf), math.pi / 2), math.atan(-inf) < -1.57)
print(math.atan2(0, 1), close(math.atan2(1, 0), math.pi / 2), close(math.atan2(-1, -1), -3 * math.pi / 4))
print(math.atan2(0.0, -0.0) > 3, math.atan2(-0.0, 0.0), close(math.atan2(inf, inf), math.pi / 4))
print(math.degrees(0), close(math.degrees(math.pi), 180), close(math.radians(180), math.pi), math.radians(0))

# hyperbolic functions
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(close(math.sinh(1), 1.17520119), close(math.cosh(1), 1.54308063), close(math.tanh(1), 0.76159416))
print(close(math.asinh(1), 0.88137359), close(math.acosh(2), 1.3169579), close(math.atanh(0.5), 0.54930614))
print(math.tanh(inf), math.tanh(-inf), math.sinh(-inf), math.cosh(-inf), math.asinh(inf), math.acosh(inf))

# special functions
print(math.erf(0), math.erfc(0), math.erf(inf), math.erf(-inf), math.erfc(inf), math.erfc(-inf))
print(close(math.erf(1), 0.84270079), close(math.erfc(1), 0.15729921), close(math.erf(-0.5), -0.52049988))
print(math.gamma(1), math.gamma(5), math.gamma(0.5) ** 2 > 3.14, close(math.gamma(-1.5), 2.36327180), math.gamma(inf))
print(math.lgamma(1), math.lgamma(2), close(math.lgamma(10), 12.80182748), close(math.lgamma(-1.5), 0.86004702))
print(math.lgamma(inf), math.lgamma(-inf), math.isnan(math.gamma(nan)), math.isnan(math.lgamma(nan)))

# decomposition, sign, remainder, distance
print(math.fabs(-2.5), math.fabs(3), math.fabs(-inf), math.copysign(1, -0.0), math.copysign(-3, 2), math.copysign(2, -inf))
print(math.frexp(8.0), math.frexp(-0.375), math.frexp(0.0), math.frexp(1), math.frexp(inf), math.frexp(-inf))
print(math.ldexp(0.5, 4), math.ldexp(-3, -2), math.ldexp(1, 0), math.ldexp(0.0, 10**30), math.ldexp(inf, -5))
print(math.ldexp(1, -10**30), math.ldexp(-1.0, -2000), math.ldexp(5, True))
print(math.modf(2.5), math.modf(-2.5), math.modf(3), math.modf(inf), math.modf(-inf), math.modf(0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(3, inf), math.fmod(-3, -inf))
print(math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(-5), math.hypot(), math.hypot(0, 0), math.hypot(inf, nan))
print(math.hypot(nan, -inf), math.isnan(math.hypot(nan, 1)), math.hypot(1, 1, 1, 1), math.hypot(0.0, -2.0, 0))

# classification and comparison
print(math.isfinite(1), math.isfinite(inf), math.isfinite(nan), math.isinf(-inf), math.isinf(1e30), math.isnan(nan))
print(math.isnan(1), math.isinf(2**100), math.isfinite(True))
print(math.isclose(1, 1), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(inf, -inf))
print(math.isclose(nan, nan), math.isclose(1e30, 1e30 * 1.0000001, rel_tol=1e-5), math.isclose(a=1, b=1))

# rounding to ints: exact for ints of any size
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(2.5), math.trunc(-2.5))
print(math.floor(-0.0), math.ceil(0.1), math.floor(5), math.ceil(-5), math.trunc(7), math.floor(True))
print(math.floor(2**100 + 1), math.ceil(-(2**100)), math.trunc(3**50))
print(type(math.floor(2.0)).__name__, type(math.ceil(2.5)).__name__, type(math.trunc(1e10)).__name__)
print(math.floor(1e10), math.ceil(-1048576.5), math.trunc(2.0**70))

# integer functions
print(math.factorial(0), math.factorial(1), math.factorial(5), math.factorial(20), math.factorial(True))
print(math.factorial(30), math.factorial(100) == math.factorial(99) * 100, len(str(math.factorial(500))))
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, 7))
print(math.gcd(12, 18, 8), math.gcd(2**100, 2**80 * 3, -2**90), math.gcd(3**60, 3**40 * 2), math.gcd(True, 4))

# errors: domain and range, with CPython's types and messages
for f in (math.sqrt, math.log, math.log2, math.log10, math.acos, math.asin, math.acosh, math.atanh, math.log1p):
    check(lambda: f(-2))
check(lambda: math.log(0))
check(lambda: math.log(0.0))
check(lambda: math.log(-(10**400)))
check(lambda: math.log2(0))
check(lambda: math.log(8, 0))
check(lambda: math.log(8, 1))
check(lambda: math.log(8, -2))
check(lambda: math.atanh(1))
check(lambda: math.atanh(-1))
check(lambda: math.log1p(-1))
check(lambda: math.sin(inf))
check(lambda: math.cos(-inf))
check(lambda: math.tan(inf))
check(lambda: math.acos(inf))
check(lambda: math.exp(1000))
check(lambda: math.expm1(1000))
check(lambda: math.sinh(1000))
check(lambda: math.sinh(-1000))
check(lambda: math.cosh(1000))
check(lambda: math.pow(0, -1))
check(lambda: math.pow(0.0, -2.5))
check(lambda: math.pow(-8, 1 / 3))
check(lambda: math.pow(10, 400))
check(lambda: math.pow(-10, 401))
check(lambda: math.fmod(1, 0))
check(lambda: math.fmod(inf, 1))
check(lambda: math.gamma(0))
check(lambda: math.gamma(-0.0))
check(lambda: math.gamma(-2))
check(lambda: math.gamma(-inf))
check(lambda: math.gamma(200))
check(lambda: math.lgamma(0))
check(lambda: math.lgamma(-3))
check(lambda: math.ldexp(1, 2000))
check(lambda: math.ldexp(-1, 10**30))
check(lambda: math.floor(inf))
check(lambda: math.ceil(-inf))
check(lambda: math.trunc(nan))
check(lambda: math.factorial(-1))
check(lambda: math.factorial(-(2**100)))
check(lambda: math.factorial(1.5))
check(lambda: math.factorial(5.0))
check(lambda: math.factorial("5"))
check(lambda: math.isclose(1, 2, rel_tol=-1))
check(lambda: math.isclose(1, 2, abs_tol=-1))
check(lambda: math.isclose(1, 2, 3))
check(lambda: math.isclose(1, 2, tol=3))

# errors: argument types
check(lambda: math.sqrt("4"))
check(lambda: math.sqrt(None))
check(lambda: math.sqrt(10**400))
check(lambda: math.pow(2, "a"))
check(lambda: math.floor("a"))
check(lambda: math.ceil([]))
check(lambda: math.trunc("a"))
check(lambda: math.trunc(None))
check(lambda: math.ldexp(1, 1.5))
check(lambda: math.ldexp("a", 1))
check(lambda: math.gcd(1.5))
check(lambda: math.gcd(4, "a"))
check(lambda: math.hypot(3, "a"))
check(lambda: math.isinf("a"))
check(lambda: math.frexp("a"))
check(lambda: math.copysign(1, "a"))
check(lambda: math.isclose(1))
check(lambda: math.isclose(b=1))
try:
    math.atan2(1)
except TypeError:
    print("TypeError")


class Num:
    def __float__(self):
        return 2.25


class Index:
    def __index__(self):
        return 6


print(math.sqrt(Num()), math.floor(Num()), math.factorial(Index()), math.gcd(Index(), 4), math.ldexp(Num(), 2))
