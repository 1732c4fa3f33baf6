# eval/exec/compile with globals/locals dicts
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def ts(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("x + y", {"x": 1}, {"y": 2}), eval(" 3 "))
g = {"a": 1}
l = {"a": 10, "b": 20}
print(eval("a + b", g, l), eval("[a for _ in range(2)]", g, l))
exec("c = a + 5", g, l)
print(l["c"], "c" in g)
exec("d = 7", g)
print(g["d"], sorted(k for k in g if k != "__builtins__"))
exec("def f(n): return n * a", g)
print(g["f"](3))
exec("global gz\ngz = 1", g, l)
print(g.get("gz"), "gz" in l)
ns = {}
exec("import sys\nv = sys.maxsize > 0", ns)
print(ns["v"], "sys" in ns)
code = compile("q * 2", "<expr>", "eval")
print(eval(code, {"q": 4}), eval(code, {"q": "ab"}), type(code).__name__)
code2 = compile("r = 5\nfor i in range(3):\n    r += i\n", "<prog>", "exec")
ns2 = {}
exec(code2, ns2)
print(ns2["r"], exec(code2, ns2), ns2["r"])
code3 = compile("1 + 1", "<single>", "single")
exec(code3, {})
ts(lambda: compile("x = 1", "<f>", "eval"))
ts(lambda: compile("1 +", "<f>", "exec"))
t(lambda: compile("1", "<f>", "bogus"))
ts(lambda: eval("1 +"))
ts(lambda: eval("x = 1"))
t(lambda: eval("undefined_zz"))
t(lambda: exec("raise KeyError('from exec')"))
t(lambda: exec("1/0"))
t(lambda: eval(5))
t(lambda: eval("a", None, {"a": 9}))
print(eval("(lambda z: z + w)(1)", {"w": 100}))
def scope_test():
    local_v = 3
    return eval("local_v + 1"), eval("local_v * 2", globals(), {"local_v": 50})
print(scope_test())
gg = 1
def set_via_exec():
    exec("gg2 = 5", globals())
    return gg2
print(set_via_exec())
src = """
class K:
    val = 3
    def get(self):
        return self.val * 2
res = K().get()
"""
ns3 = {}
exec(src, ns3)
print(ns3["res"], ns3["K"].__name__)
print(eval("'%s-%d' % ('a', 1)"), eval("{'k': [1, (2, 3)]}"), eval("1_000 + 0x10 + 0o10 + 0b10"))
print(eval("\n\n  42  \n") if False else 42, eval("1 if True else 2"), eval("not 1"), eval("[] or 'x'"))
ts(lambda: exec("def broken(:\n  pass"))
ts(lambda: exec("if 1:\nprint(1)"))
ts(lambda: exec("  x = 1"))
ts(lambda: exec("return 5"))
ts(lambda: exec("break"))
ts(lambda: exec("yield 1"))
ts(lambda: exec("nonlocal q"))
ts(lambda: exec("def f():\n    x = 1\n    def g():\n        nonlocal y\n"))
ts(lambda: exec("f(**{}, *[])"))
ts(lambda: exec("a, *b, *c = 1, 2, 3"))
ts(lambda: exec("del f()"))
ts(lambda: exec("(a, b) += 1"))
ts(lambda: exec("1 = x"))
ts(lambda: exec("None = 1"))
ts(lambda: exec("f(x for x in y, 1)"))
ts(lambda: exec("def f(a, a): pass"))
ts(lambda: exec("def f(a=1, b): pass"))
ts(lambda: exec("lambda: (yield)"))
ts(lambda: exec("x = 08"))
ts(lambda: exec("'unterminated"))
ts(lambda: exec("def f(**k):\n    return k\nf(a=1, a=2)"))
ts(lambda: exec("continue"))
ts(lambda: exec("class C:\n    return 1"))
ts(lambda: exec("x = (1,\n"))
ts(lambda: exec("@\ndef f(): pass"))
ts(lambda: exec("try:\n    pass\n"))
ts(lambda: exec("async def f():\n    yield from x"))
ts(lambda: exec("def f():\n    global x\n    x = 1\n    nonlocal x"))
