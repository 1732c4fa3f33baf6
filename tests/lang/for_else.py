# for / else
for i in range(3):
    pass
else:
    print("else after", i)
for i in range(10):
    if i == 5:
        break
else:
    print("not printed")
print("broke at", i)
for x in []:
    print("never")
else:
    print("else on empty")
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    else:
        return None
print(find_prime_factor(91), find_prime_factor(97))
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for i in range(4):
    if i % 2:
        continue
    print("even", i)
else:
    print("else after continue")
for ch in "abc":
    for k in range(2):
        if ch == "b":
            break
    else:
        print("inner complete", ch)
        continue
    print("inner broken", ch)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
items = [1, 2, 3]
for v in items:
    if v == 2:
        items.append(4)
print(items)
for v in items[:]:
    items.remove(v)
print(items)
d = {"a": 1, "b": 2}
for k in list(d):
    del d[k]
print(d)
for s in "x", "y":
    print(s, end=" ")
print()
for attr_target in [[0]]:
    pass
class Obj:
    pass
o = Obj()
for o.attr in range(3):
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate([7, 8, 9]):
    pass
print(lst)
total = 0
for a in range(3):
    for b in range(3):
        if b > a:
            break
        total += a * b
print(total)
def gen():
    yield 1
    yield 2
for v in gen():
    print("gen", v)
else:
    print("gen exhausted")
