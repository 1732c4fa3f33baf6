# which sources compile: valid code must compile, invalid code must raise SyntaxError
valid = [
    "x = 1", "(x) = 1", "x = 1\n(x) += 1", "x = [1]\n(x[0]) += 1", "x = 1\n((x)) += 2", "[x] = 1,", "(x, y) = z = 1, 2",
    "*x, = [1]", "[*x] = [1]", "def f(a, /): pass", "def f(a, /, b, *, c): pass", "def f(*a, **k): pass",
    "def f(*, k): pass", "lambda *, k: k", "lambda a, /: a", "f(*a, *b, **c, **d)", "f(a, *b, c, *d)",
    "f(*a, k=1)", "f(k=1, *a)", "f(k=1, *a, j=2, **d)", "f(**d, k=1)", "def g(): x = yield",
    "def g(): yield from x", "async def f(): await x", "async def f(): [x async for x in y]",
    "async def f(): [await x for x in y]", "async def f():\n    async with a as b: pass",
    "async def f():\n    async for i in y: pass", "x = [y := 1, y ** 2]", "if (n := 10) > 5: pass",
    "def f(x=(y := 1)): pass", "f(a := 1)", "x[a := 1]", "x = (a := 1, b := 2)", "x = {(a := 1)}",
    "x: int = 1", "x.y: int = 1", "x[0]: int", "class C:\n    a: int", "def f() -> int: pass",
    "def f(a: int = 1, *b: str, **c: float) -> None: pass", "@x\nclass C: pass", "@x.y[0](1)\ndef f(): pass",
    "@(lambda f: f)\ndef f(): pass", "global x\nx = 1", "def f():\n    x = 1\n    def g():\n        nonlocal x",
    "for x, in [[1]]: pass", "for (x) in y: pass", "for x.y in z: pass", "for x[0] in z: pass",
    "del x, (y, z), [w]", "del (x)", "del (x)[0]", "del (o).a", "del [1][0]", "[1][0] = 2", "(o).a = 1", "del x.y[0]", "with a as b, c as d: pass", "with (a, b): pass",
    "with (a as b, c as d): pass", "try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "from . import x", "from .. import x", "from .a.b import (c, d,)", "import a.b.c as d", "from x import *",
    "class C(*bases): pass", "x = 1 if y else 2 if z else 3", "x = not not y",
    "x = -+~1", "x = a if b else lambda: c", "x = [i for i in range(3) if i if not i]", "x = 1; y = 2;",
    "x = a[1:2, ::3, ...]", "x = a[:, None]", "print(f'{x=!r:>10}')", "x = f'{a:{b}{c}}'", "x = f'{a!r:{b}}'",
    "x = 1 \\\n + 2", "if 1:\r\n    pass\r\n", "x = 1\ry = 2", "é = 1", "ℌ = 1", "def é(): pass",
    "x = 0_0", "x = 1_0.0_1e1_0", "x = 0b_1", "x = 0x_f", "x = 1.e5", "x = .5", "x = 5.",
    "x = 'a' 'b' f'{c}'", "x = b'a' b'b'", "x = ''' \n '''", "x = r'\\''", "lambda: (yield)",
    "def f():\n    return\n    yield", "while 1:\n    try:\n        continue\n    finally:\n        break",
]
invalid = [
    "f():t", "print(1) print(2): 3", "a b c():d", "x = 1\n*x", "*[1, 2]", "a := 1", "x = a := 1",
    "def f(x):\n    return* 2", "await x", "print(await(1))", "def f():\n    await x", "x = [await(1)]",
    "lambda: await x", "(a, b): int = 1, 2", "x = *a", "for *a in b: pass", "*x = y", "def f(*, **k): pass",
    "def f(*): pass", "def f(**k, a): pass", "def f(/, a): pass", "def f(a, a): pass", "lambda a, a: 1",
    "def f(a=1, b): pass", "f(**k, *a)", "f(a=1, b)", "f(x for x in y, 1)", "f(a=1, a=2)",
    "x = [(yield) for x in y]", "x = [x for x in y for z in (yield)]", "x = [i := 0 for i in range(3)]",
    "x = [j for i in range(3) if (i := 1)]", "class C:\n    [(z := 1) for x in y]", "f(a=b := 1)",
    "x = {a := 1: 2}", "(a.b := 1)", "(a[0] := 1)", "((a, b) := 1)",
    "x = f'{a#}'", "x = f'{*a}'", "x = f'{}'", "x = f'{a!}'", "x = f'{a!x}'", "x = f'}'", "x = f'{'",
    "x = f'{a:{b:{c:{d}}}}'", "async with x: pass", "async for x in y: pass", "def f(): [x async for x in y]",
    "[await x for x in y]", "async def f():\n    yield from x", "def f():\n    x = 1\n    def g():\n        nonlocal y",
    "nonlocal x", "def f():\n    global x\n    x = 1\n    nonlocal x", "def f(a):\n    global a",
    "def f():\n    x = 1\n    global x", "return 1", "yield 1", "break", "continue", "class C:\n    return 1",
    "del f()", "del 1", "del x + 1", "f() = 1", "1 = x", "None = 1", "True = 1", "f() += 1", "(a, b) += 1",
    "[a] += 1", "x = yield = 1", "for 1 in z: pass", "for f() in z: pass", "import", "import *",
    "from x import *, y", "from import x", "import .x", "from x import a,", "x = 0b", "x = 0o8",
    "x = 1__0", "x = 1_", "x = 07", "x = 1e", "x = 0x", "x = '\\x4'", "x = b'\\xZZ'", "x = b'é'", "x = '\\u12'",
    "x = '''", "x = 'abc", "if x:\npass", "if x:\n  a\n b", "  x = 1", "x = (1,\n2", "x = [1, 2", "x = 1)",
    "x = 1;;", ";", "x ==", "a.1", "1.real", "x = a[]", "x = not", "assert", "raise x from", "raise from x",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", "try:\n    pass\nelse:\n    pass", "try:\n    pass\n",
    "x = 5 if 1", "x = [i for i in range(3) if]", "x = {**a, b}", "x = {a: b, *c}", "x = {*a, b: c}",
    "def f(True): pass", "x = 1 if 2 else", "@\ndef f(): pass", "@x\nx = 1", "class 1: pass", "def 1(): pass",
    "x€ = 1", "lambda: x = 1", "x = lambda: yield", "print(*)", "print(**)", "[*]", "f(*)", "del *a",
    "x = 1 \\ 2", "if 1:\n\tx = 1\n        y = 2", "else: pass", "elif 1: pass", "except: pass", "finally: pass",
    "with: pass", "while: pass", "for x in: pass", "def f(:\n  pass", "class C(: pass", "x = (,)",
]
for group, srcs in (("valid", valid), ("invalid", invalid)):
    for s in srcs:
        try:
            compile(s, "<t>", "exec")
            r = "compiles"
        except SyntaxError:
            r = "SyntaxError"
        print(group, repr(s), r)
