# math in full double precision (the host's floats; the chip's single
# precision prints other digits: skipped there): constants and results
# printed with repr, as CPython computes them with the same C library.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.degrees(1), math.radians(1), math.degrees(math.pi / 3), math.radians(90))
xs = (0.1, 0.5, 1, 2.5, -0.7)
for name in ("sqrt", "exp", "expm1", "log", "log2", "log10", "log1p"):
    f = getattr(math, name)
    print(name, [f(abs(x)) for x in xs])
for name in ("sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "atanh", "erf", "erfc"):
    f = getattr(math, name)
    print(name, [f(x) for x in (0.1, 0.5, -0.7, 0.9)])
print("acosh", [math.acosh(x) for x in (1.5, 2, 10, 1e10)])
print("pow", math.pow(2, 0.5), math.pow(10, -3), math.pow(1.0001, 10000), math.pow(-2, -3))
print("atan2", math.atan2(1, 2), math.atan2(-3, -4), math.atan2(0.5, -0.1))
print("hypot", math.hypot(1, 1), math.hypot(1e200, 1e200), math.hypot(1e-200, 3e-200), math.hypot(2, 3, 6))
print("fmod", math.fmod(10.5, 3.2), math.fmod(-1e10, 7), math.fmod(1e-300, 3e-301))
print("frexp", math.frexp(0.1), math.frexp(1e300), math.frexp(5e-324), math.frexp(-123.456))
print("ldexp", math.ldexp(0.7, 100), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(1.5, 1023))
print("modf", math.modf(123.456), math.modf(-1e-5), math.modf(1e300))
print("gamma", math.gamma(3), math.gamma(10), math.lgamma(1), math.lgamma(100) > 359.13)
print("log", math.log(10**100), math.log(2**1000, 2), math.log10(2**1000), math.log(10**400, 10))
print("exp", math.exp(709), math.exp(-745), math.exp(1e-10))
print("isclose", math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-300, 2e-300, abs_tol=1e-299))
print("floor", math.floor(1e300) == 10**300, math.floor(1e300) > 10**299, math.ceil(-1e20), math.trunc(1.5e16))
