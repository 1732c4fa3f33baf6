# eval and exec
print(eval("1 + 2 * 3"), eval("'ab' * 2"), eval("[x * x for x in range(4)]"))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("x", {"x": "g"}, {"x": "l"}))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", ns)
print(ns["a"], ns["b"], ns["f"](1))
exec("z = 99")
print(z)
g = {"val": 1}
exec("val += 1\nresult = val * 10", g)
print(g["val"], g["result"])
code = """
class K:
    def m(self):
        return 'method'
out = K().m()
"""
d = {}
exec(code, d)
print(d["out"])
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    exec("def (:")
except SyntaxError:
    print("SyntaxError exec")
try:
    eval("undefined_name_xyz")
except NameError:
    print("NameError")
try:
    eval("1 / 0")
except ZeroDivisionError:
    print("ZeroDivisionError")
print(eval("  42  "), eval("(1,\n2)"), eval("{'a': [1, {2}]}")["a"][0])
print(eval("len('abcd')"), eval("abs(-3)", {}), exec("pass"))
src = "for i in range(3):\n    acc.append(i * i)\n"
acc = []
exec(src)
print(acc)
def in_func():
    loc = {}
    exec("q = 7", globals(), loc)
    return loc["q"]
print(in_func())
fn = eval("lambda a, b: a - b")
print(fn(10, 3))
exprs = ["2 ** 10", "7 // 2", "'x'.upper()", "[1, 2][-1]", "not True", "3 > 2 > 1"]
print([eval(e) for e in exprs])
print(eval(compile("1 + 1", "<s>", "eval")))
exec(compile("print('compiled exec')", "<s>", "exec"))
