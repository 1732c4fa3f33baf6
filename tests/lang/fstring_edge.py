# f-string edge cases
x = 10
y = "str"
items = {"a": 1, "b": [1, 2, 3]}
print(f"{x=}", f"{y=}", f"{x + 1=}", f"{x=:>5}", f"{x=!s}", f"{y=!r}", f"{x =}")
for src in ['f"{ x = }"', 'f"{x = }"', 'f"{x= }"', 'f"{x = :>4}"', 'f"{y = !r}"']:
    try:
        print(src, repr(eval(src)))
    except SyntaxError as e:
        print(src, "SyntaxError")
print(f"{items['a']}", f'{items["b"][1]}', f"{'nested'}", f'{"dq"}')
print(f"{x:{'>'}{5}}|", f"{3.14159:{'.'}{2}f}", f"{y:{'^'}{x}}|")
width, prec = 12, 4
print(f"{3.14159265:{width}.{prec}}|", f"{'s':{width}}|", f"{x:#{width}x}|")
print(f"{x!r:>6}|", f"{y!s:<6}|", f"{y!r:^9}|")
print(f"{'{'}{'}'}", f"{{{x}}}", f"{{x}}", f"{{{{x}}}}")
print(f"{x:0{3}d}", f"{-x:0{5}}", f"{x:+0{5}}")
print(f"{[a*2 for a in range(3)]}", f"{({1: 2})[1]}", f"{({'k': x})['k']}")
for src in ['f"{ {1: 2}[1] }"', 'f"{ 1 }"', 'f"{ x }|{ y!r }"', 'f"{ x :>4}"', 'f"{\tx\t}"', 'f"{ {1, 2} }"']:
    try:
        print(src, repr(eval(src)))
    except SyntaxError as e:
        print(src, "SyntaxError")
print(f"{(lambda: 5)()}", f"{x if x else 0}", f"{(x, y)}", f"{x,}")
print(f"{'a' 'b'}", f"{x:{'x'}}", f"{x:{'b'}}")
d = {"k": "v"}
print(f"{d['k']!r:>5}")
n = 3
print(f"{'*' * n:>{n * 2}}|", f"{n:{n}}|", f"{n ** n:_>{n + 5},}|")
print(f"{'%d' % x}", f"{x % 3}", f"{x // 3}", f"{x / 4}")
print(f"{x}" f"{y}" "{raw}", f"{x}" + f"{y}", rf"\n{x}", fr"\t{y}", f"\n{x}" == "\n10")
print(f"{chr(92)}")
def g():
    return f"{__name__ if False else 'inner'}"
print(g())
class K:
    v = 7
    def __format__(self, spec):
        return "K:" + spec
    def __str__(self):
        return "Kstr"
    def __repr__(self):
        return "Krepr"
k = K()
print(f"{k}", f"{k!s}", f"{k!r}", f"{k:xyz}", f"{k!s:>6}", f"{k!r:<6}|", f"{k.v}", f"{k=}")
print(f"{1_000_000:,}", f"{0.1 + 0.2}", f"{2 ** 0.5:.5f}", f"{10 ** 20}", f"{-7 // 2}")
print(f"""{
x
}""")
s = "abc"
print(f"{s[::-1]}", f"{s[1:]}", f"{s!r}", f"{len(s):03}", f"{s.upper():.2}")
def fmt(v, spec):
    return f"{v:{spec}}"
for v, spec in [(5, "03"), (5.5, ".3f"), ("q", "*>4"), (255, "#x"), (1e6, ",.0f")]:
    print(fmt(v, spec))
try:
    f"{x:q}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{y:d}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{undefined_name}"
except NameError as e:
    print("NameError", e)
