# f-strings
x = 42
name = "espy"
pi = 3.14159265
print(f"x={x}", f"{name}!", f"{x + 1}", f"{x * 2:>6}|")
print(f"{pi:.2f}", f"{pi:10.4f}|", f"{pi:<10.1f}|", f"{x:05d}", f"{x:#x}", f"{x:b}")
print(f"{name!r}", f"{name!s:>8}", f"{name.upper()}", f"{name[1:]}", f"{len(name)}")
print(f"{{braces}}", f"{{{x}}}", f"a{'b'}c", f'{"quoted"}')
w = 10
p = 3
print(f"{pi:{w}.{p}f}|", f"{name:{'>'}{w}}|", f"{x:{w}}|")
print(f"{f'{x}':>5}|", f"{f'{pi:.{p}f}'!r}", f"{'nested ' + f'{x:03}'}")
items = [1, 2, 3]
d = {"k": "v", 1: "one"}
print(f"{items}", f"{items[0]}", f"{items[-1] * 10}", f"{d['k']}", f"{d[1]}")
print(f"{[i * i for i in items]}", f"{sum(items)}", f"{', '.join(str(i) for i in items)}")
print(f"{x if x > 40 else 0}", f"{(lambda v: v * 2)(5)}", f"{x > 40}")
print(f"{1234567:,}", f"{1234567.891:,.2f}", f"{0.256:.1%}", f"{-5:+}", f"{5:+}")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|", f"{'x':*^7}")
class C:
    attr = "A"
    def __format__(self, spec):
        return "C(" + spec + ")"
    def __repr__(self):
        return "<C>"
    def __str__(self):
        return "strC"
c = C()
print(f"{c}", f"{c!r}", f"{c!s}", f"{c:spec}", f"{c.attr}", f"{C.attr * 2}")
print(f"""triple {x}""", f'''single {name}''', F"upper {x}")
print(f"multi" f"ple {x}" " plain", "plain " f"{x}")
s = f"{x}" * 2
print(s, type(s).__name__, f"" == "", f"{''}" == "")
print(f"{3.0}", f"{1e20}", f"{None}", f"{True}", f"{1/3}")
print(f"{x:>{w}}|", f"{x:<{w - 5}}|", f"{'é':>4}|", f"{'€uro':^8}|")
print(f"{-0.0}", f"{float('inf')}", f"{float('-inf'):>6}", f"{2**70}")
print(f"{x:_}", f"{2**20:_x}", f"{65:c}", f"{3.5:e}", f"{1e-7:g}")
for i in range(3):
    print(f"row {i}: {'#' * i:<3}|{i ** 2:>3}")
