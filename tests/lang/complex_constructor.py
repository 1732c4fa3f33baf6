# complex(): from numbers, strings in CPython's forms, objects with
# __complex__, __float__ or __index__, keywords; classes derived from
# complex; and every error, with CPython's messages.


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(complex(), complex(1), complex(2.5), complex(True), complex(1, 2), complex(1.5, -0.5), complex(-0.0), complex(0, -0.0))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1j), complex(1j, 2), complex(real=1, imag=2))
print(complex(imag=2), complex(real=-1.5), complex(1, -0.0), complex(-0.0, 1), complex(2 ** 20, -(2 ** 20)))
z = 1 + 1j
print(complex(z) is z, complex(z, 0) is z)

# strings
for s in [
    "1", "-1.5", "j", "-j", "+j", "J", "2j", "-2.5J", "1+2j", "1-2j", "-1.5+0.25j", "1+j", "1-j", "(1+2j)", " ( 3-4j ) ",
    "\t1e3+1e-3j\n", "1E+2-1E-2J", "inf", "-infj", "nan+nanj", "infinity-INFj", "1_000+2_0j", "1.j", ".5-.5j", "0j",
    "-0", "-0-0j", "00001", "1.5e1_0",
    "", " ", "1+", "1 +2j", "1+ 2j", "(1+2j", "1+2j)", "((1))", "1e", "1e+", "1jj", "j1", "1+2", "1+2jx", "+-1j", "1++1j",
    "1..5", "1_", "1__0", "_1j", "1_j", "x", "1\x002j", "nanx", "inj", "1+infinityj", "1+infj",
]:
    show(lambda: complex(s))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class Bad:
    def __complex__(self):
        return 1


class Sub(complex):
    def describe(self):
        return "Sub" + repr(self)


class FloatSub(float):
    pass


class IntSub(int):
    pass


for f in [
    lambda: complex(C()),
    lambda: complex(C(), 1),
    lambda: complex(F()),
    lambda: complex(I()),
    lambda: complex(F(), I()),
    lambda: complex(1, C()),
    lambda: complex(FloatSub(1.5), IntSub(2)),
    lambda: complex(Bad()),
    lambda: complex(1, 2, 3),
    lambda: complex(1, real=2),
    lambda: complex(1, 2, imag=3),
    lambda: complex(x=1),
    lambda: complex("1", "2"),
    lambda: complex("1", 2),
    lambda: complex(1, "2"),
    lambda: complex([]),
    lambda: complex(None),
    lambda: complex(1, []),
    lambda: complex(b"1"),
    lambda: complex(10 ** 400),
    lambda: complex(1, 10 ** 400),
    lambda: (1j).__complex__(),
    lambda: (1j).__format__(""),
    lambda: complex.conjugate(2 - 1j),
]:
    show(f)

s = Sub(1, 2)
print(repr(s), type(s).__name__, isinstance(s, complex), s.describe(), s.real, s.imag, s.conjugate())
print(s + 1, 1 + s, s * s, s / 2, -s, abs(Sub(3, 4)), s == 1 + 2j, hash(s) == hash(1 + 2j), bool(Sub()))
print(type(s + 1).__name__, type(-s).__name__, type(complex(s)).__name__, complex(s), Sub("3j"), Sub(C()))
print(1j + FloatSub(1.5), FloatSub(1.5) * 1j, IntSub(3) - 1j, 1j ** IntSub(2), f"{s}", format(s, ".1f"))
