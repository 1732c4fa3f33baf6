# str.format
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{x} and {y}".format(x=1, y=2), "{0}{k}".format(9, k="!"))
print("{:>10}|".format("right"), "{:<10}|".format("left"), "{:^10}|".format("mid"))
print("{:*>8}".format(42), "{:-<8}".format(42), "{:_^9}".format("ab"))
print("{:5}|{:5}|".format(42, "ab"), "{:05}".format(42), "{:+05}".format(42))
print("{:,}".format(1234567), "{:,}".format(-1234567.891), "{:_}".format(10 ** 8))
print("{:,.2f}".format(1234567.891), "{:,d}".format(0), "{:,}".format(999))
print("{:d} {:x} {:X} {:o} {:b}".format(255, 255, 255, 255, 255))
print("{:#x} {:#o} {:#b} {:#X}".format(255, 8, 5, 255))
print("{:08b}".format(5), "{:#010x}".format(255), "{:+d} {:+d} {: d}".format(5, -5, 5))
print("{:.3f} {:.0f} {:e} {:.2e} {:E}".format(3.14159, 2.5, 12345.678, 0.000123, 1e10))
print("{:g} {:g} {:g} {:g} {:.3g}".format(1.5, 1e20, 0.0001, 1e-5, 3.14159))
print("{:%} {:.1%}".format(0.25, 0.1234))
print("{:10.3f}|{:<10.2f}|{:^10.1f}|".format(3.14159, 2.71828, 1.41421))
print("{:f}".format(1.0 / 3), "{}".format(1.0 / 3), "{:.10f}".format(0.1))
print("{!r} {!s}".format("q", "q"), "{!r:>6}".format("q"))
print("{0[0]} {0[1]} {1[key]}".format([7, 8], {"key": "v"}))
class P:
    def __init__(self):
        self.x = 3
        self.y = 4
print("{0.x},{0.y}".format(P()), "{p.x}".format(p=P()))
print("{{literal}} {}".format(5), "{{}}".format())
print("{:{w}}|".format("ab", w=6), "{:{}.{}f}".format(3.14159, 8, 2))
print("{:>{}}".format("z", 4), "{:{fill}^7}".format("c", fill="="))
print("{:c}".format(65), "{:s}".format("str"), "{:n}".format(12))
print("{:=+8}".format(-42), "{:=8}".format(-42), "{:0=6}".format(-3))
print("{:.2s}".format("abcdef"), "{:>8.3s}|".format("abcdef"))
print("{}".format(None), "{}".format(True), "{:d}".format(True), "{}".format([1, 2]))
print("{:e}".format(0.0), "{:.1f}".format(-0.0), "{:f}".format(float("inf")), "{:f}".format(float("nan")))
print("{:.0f} {:.0f} {:.0f} {:.0f}".format(0.5, 1.5, 2.5, -0.5))
print("{:5.1f}%".format(99.44), "{:x}".format(2 ** 70), "{:,}".format(2 ** 70))
print(format(42), format(42, "x"), format(3.5, ".2f"), format("s", ">3"), format(1234, ","))
print("{:>6}".format(-1.5), "{:06.2f}".format(-1.5), "{:+.1f}".format(1.25))
print("a{}b{}c".format("", ""), "{}".format(""), "{:3}|".format(""))
for bad in ["{", "}", "{0!x}", "{:d}"]:
    try:
        bad.format("s")
        print("ok", bad)
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, repr(bad))
try:
    "{} {}".format(1)
except IndexError:
    print("IndexError")
try:
    "{name}".format(other=1)
except KeyError as e:
    print("KeyError", e)
