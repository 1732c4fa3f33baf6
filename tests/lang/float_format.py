# float formatting: str/repr, format specs, % formatting
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2 / 3, 123.456, 1e-5, 1.5e-7, 1e15, 1e16,
        123456789012.345, 2.5e-300, float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), str(v), "%g" % v, "%.3g" % v, "{:.2f}".format(v), "{:e}".format(v))
for v in [3.14159, -2.71828, 1234.5678, 0.000123456]:
    print("{:f}|{:.0f}|{:.1f}|{:10.3f}|{:<10.2f}|{:+.2f}|{:010.4f}".format(v, v, v, v, v, v, v))
    print("{:e}|{:.0e}|{:E}|{:g}|{:.10g}|{:G}|{:%}|{:.1%}".format(v, v, v, v, v, v, v, v))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, 0.125, 0.375, 2.675]:
    print(v, "%.0f" % v, "%.2f" % v, "{:.1f}".format(v), round(v, 1))
print("{:,.3f}".format(1234567.8915), "{:_.1f}".format(9876543.21), "{:>12,.2f}|".format(-1234.5))
print("{:g}".format(100000.0), "{:g}".format(1000000.0), "{:g}".format(0.0001), "{:g}".format(0.00001))
print("{:.0g}".format(0.5), "{:#g}".format(1.0), "{:#.3g}".format(2.0), "{:.3}".format(3.14159))
print(str(1e21), str(1e-4), str(123e-10), str(5e-324), str(1.7976931348623157e308))
print(f"{2.5:08.3f}", f"{-2.5:08.3f}", f"{1e10:.2e}", f"{12.0:g}", f"{12.5:.1f}")
print(float("1e500"), float("-1e500"), float("1e-500"), -float("1e-500"))
print(repr(1.0 / 7), repr(100.0 / 7), repr(1e6 / 7), repr(2.0 ** 0.5 * 1e5))
print(0.1 + 0.7, 0.3 - 0.1, 4.35 * 100, 1.1 + 2.2, 3 * 1.1)
print(9007199254740993.0, 2.0 ** 53 + 1, 1.0e-320, 4.9e-324 / 2)
print("%.15g" % 0.1, "%.17g" % 0.1, "%.20f" % 0.1, "%.12e" % 1.0)
print("%10.4f|%-10.4f|%+10.4f|%010.4f" % (3.14159, 3.14159, 3.14159, -3.14159))
