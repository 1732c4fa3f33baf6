# int(): strings, bases, prefixes, errors; bin/oct/hex
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s, base in [("0", 10), ("-0", 10), ("  42  ", 10), ("+7", 10), ("1_000", 10), ("0x1F", 16),
                ("1F", 16), ("0X1f", 0), ("0o17", 0), ("0b101", 0), ("017", 8), ("0", 0),
                ("00", 0), ("zz", 36), ("Z", 36), ("-0b11", 0), ("0b_1", 0), ("1_2_3", 0),
                ("\t\n12\r ", 10), ("9" * 30, 10), ("-" + "f" * 20, 16), ("10", 2), ("777", 8),
                ("0x_ff", 16)]:
    t(lambda: int(s, base))
for s, base in [("", 10), (" ", 10), ("1.5", 10), ("12a", 10), ("0x", 16), ("08", 0), ("010", 0),
                ("1__0", 10), ("_1", 10), ("1_", 10), ("0b2", 0), ("2", 2), ("--1", 10), ("+-1", 10),
                ("1 2", 10), ("z", 35), ("0o8", 0), ("0x1g", 0), ("a", 10)]:
    t(lambda: int(s, base))
t(lambda: int("10", 1))
t(lambda: int("10", 37))
t(lambda: int("10", -1))
t(lambda: int(10, 10))
t(lambda: int(b"42"))
t(lambda: int(bytearray(b" 7 ")))
t(lambda: int(b"0x10", 16))
t(lambda: int(b"abc"))
t(lambda: int(None))
t(lambda: int([1]))
t(lambda: int(3.9))
t(lambda: int(-3.9))
t(lambda: int(1e20))
t(lambda: int(float("inf")))
t(lambda: int(float("nan")))
t(lambda: int(True))
t(lambda: int())
t(lambda: int("12", base=16))
t(lambda: int(x="12"))
class I:
    def __index__(self):
        return 7
class Ii:
    def __int__(self):
        return 9
print(bin(I()), hex(I()), oct(I()), [1, 2, 3, 4, 5, 6, 7, 8][I()], int(Ii()))
t(lambda: int(I()))
t(lambda: bin(Ii()))
t(lambda: hex(1.0))
t(lambda: bin("1"))
for n in [0, 1, -1, 255, -255, 2 ** 64, -2 ** 64, 2 ** 100 + 1]:
    print(bin(n), oct(n), hex(n), int(bin(n), 0), int(hex(n), 16), int(oct(n), 0))
print(int("1" * 100, 2) == 2 ** 100 - 1, int("z" * 20, 36), int("-" + "7" * 40, 8))
print(str(10 ** 50), repr(-10 ** 50), str(-0), int("000123"), int("-000"))
print(float("1_0.5"), float(" -1e3 "), float("inf"), float("-Infinity"), float("nan") != float("nan"))
t(lambda: float("1e"))
t(lambda: float(""))
t(lambda: float("1_"))
t(lambda: float("0x10"))
t(lambda: float(b"1.5"))
t(lambda: float("abc"))
t(lambda: float(None))
print(float(10 ** 20), float(-5), float(True), float("  .5"), float("5."), float("1E2"))
t(lambda: float(10 ** 400))
