# while / else
i = 0
while i < 3:
    i += 1
else:
    print("else ran, i =", i)
i = 0
while i < 10:
    if i == 4:
        break
    i += 1
else:
    print("not printed")
print("broke at", i)
while False:
    print("never")
else:
    print("else on false condition")
n = 0
out = []
while n < 10:
    n += 1
    if n % 2:
        continue
    out.append(n)
else:
    out.append("end")
print(out)
def search(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            return "found at %d" % i
        i += 1
    else:
        return "not found"
print(search([5, 6, 7], 6), search([5, 6, 7], 9))
outer = 0
results = []
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            break
        inner += 1
    else:
        results.append("inner exhausted %d" % outer)
    results.append((outer, inner))
    outer += 1
print(results)
x = 10
while x:
    x -= 3
    if x < 0:
        break
else:
    print("exact zero")
print(x)
count = 0
while True:
    count += 1
    if count >= 1000:
        break
print(count)
try:
    k = 0
    while k < 5:
        k += 1
        if k == 3:
            raise ValueError("in loop")
    else:
        print("not reached")
except ValueError:
    print("exception skips else", k)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
