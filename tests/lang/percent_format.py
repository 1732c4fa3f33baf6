# printf-style % formatting
print("%s %s" % ("a", "b"), "%s" % "solo", "%s" % (1,), "%s" % [1, 2])
print("%d %i %d" % (42, -7, 3.9), "%5d|%-5d|%05d" % (42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%f %.2f %5.2f|%-8.3f|%08.3f" % (3.14159, 3.14159, 3.14159, 3.14159, -3.14159))
print("%e %.3e %E %g %G %g" % (12345.678, 0.00012, 1e10, 1e20, 1e-20, 0.5))
print("%r %r %r" % ("str", 1, [1, "a"]), "%a" % "x" if False else "%r" % None)
print("%c%c" % (72, "i"), "%%" % (), "100%% sure" % ())
print("%+d %+d % d" % (5, -5, 5), "%+.1f" % 2.25, "%.0f %.0f" % (0.5, 1.5))
print("%(name)s is %(age)d" % {"name": "Al", "age": 30})
print("%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 1.23456))
print("%s" % (("t", "u"),), "%s and %s" % ("x", ("y",)))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%x" % 2 ** 70, "%d" % 2 ** 70, "%o" % -8, "%x" % -255)
print("%s" % 1.0, "%s" % 0.1, "%r" % 1e22, "%s" % -0.0)
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")))
print("%5.1f%%" % 99.5, "%d%%" % 50)
print("%d" % True, "%s" % False, "%s" % None)
print(b"%d %s" % (5, b"x"), b"%x" % 255)
for fmt, args in [("%d", "s"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, fmt)
try:
    print("%(k)s" % {"j": 1})
except KeyError as e:
    print("KeyError", e)
