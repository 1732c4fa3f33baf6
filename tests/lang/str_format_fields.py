# str.format field syntax
def t(fmt, *a, **k):
    try:
        print(repr(fmt), repr(fmt.format(*a, **k)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)

class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.items = [x, y]
    def __repr__(self):
        return "Pt(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
    def __format__(self, spec):
        if spec == "":
            return str(self)
        return "Pt<" + spec + ">"

p = Pt(1, 2)
t("{0.x} {0.y} {0.items[1]}", p)
t("{p.items[0]}{p.x}", p=p)
t("{0!r} {0!s} {0} {0:abc}", p)
t("{0!r:>12}|{0!s:*^10}|", p)
t("{a[x]} {a[0]}", a={"x": 1, 0: "zero", "0": "str0"})
t("{a[00]}", a={0: "int"})
t("{0[-1]}", {"-1": "neg key"})
t("{0[1]}", "xyz")
t("{0[1][0]}", ["ab", "cd"])
t("{0.real}", 5)
t("{0.nope}", 5)
t("{0[5]}", [1])
t("{0[x}", [1])
t("{0.}", p)
t("{!r}", "x")
t("{:}", "x")
t("{0}{}", 1, 2)
t("{}{0}", 1, 2)
t("{1}", 1)
t("{-1}", 1)
t("{0!}", 1)
t("{0!rr}", 1)
t("{0!a}", "é")
t("{0:>{1}}", "x", 5)
t("{0:{1}}", "x", "{}")
t("{:{}}{}", "a", 3, "b")
t("{:{:{}}}", "a", 1, 2)
t("{0:{width}.{prec}f}", 3.14159, width=10, prec=3)
t("{{}}{{{0}}}", 5)
t("}}{{")
t("{")
t("}")
t("x{ }y", **{" ": 1})
t("{0 }", 1)
t("{a b}", **{"a b": 3})
t("{a.b.c}", a=type("N", (), {"b": type("M", (), {"c": 9})}))
t("{0:%}", 0.5)
t("{:d}", "5")
t("{:s}", 5)
t("{:x}", 5.0)
t("{:,}", "abc")
print("{0}{0}{0}".format("ab"), "{} {}".format(*"xy"), "{x}{y}".format(**{"x": 1, "y": 2}))
print("{} {!r} {!s}".format(b"b", b"b", b"b"), "{:>5}".format(b"b" and "b"))
print(format(p), format(p, "q"), str.format("{}", 7), "{0}".format(p=1) if False else "skip")
