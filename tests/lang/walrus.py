# assignment expressions (:=)
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10], y)
i = 0
out = []
while (i := i + 1) < 5:
    out.append(i)
print(out, i)
def f(x):
    return x * 3
print([r for v in range(5) if (r := f(v)) % 2 == 0])
print((a := 1, a + 1), a)
print(max(b := [3, 9, 2]), b)
def scope():
    [q := k for k in range(3)]
    return q
print(scope())
chunks = iter(["ab", "cd", ""])
got = []
while chunk := next(chunks):
    got.append(chunk)
print(got)
total = 0
print([total := total + v for v in range(5)], total)
print((z := 5) and z * 2, (w := 0) or "fallback", w)
def g():
    if any((hit := v) > 2 for v in [1, 2, 3, 4]):
        return hit
    return None
print(g())
x = (m := 3) ** 2
print(x, m)
print(f"{(s := 'walrus')!r} {s}")
