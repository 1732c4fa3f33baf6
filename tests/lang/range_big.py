# ranges with bounds of any size (beyond a small int, as CPython allows)
big = range(0, 2 ** 40, 2 ** 20)
print(len(big), big[-1], big[12345], big)
r = range(2**100, 2**100 + 10, 3)
print(r, list(r), len(r), r[1], r[-1], r[1:3], r[::-1], list(reversed(r)), 2**100+3 in r, 2**100+4 in r)
print(r.index(2**100+6), r.count(2**100+6), r.count(5), hash(r) == hash(range(2**100, 2**100+10, 3)))
r2 = range(-2**70, 2**70, 2**68)
print(len(r2), list(r2), r2[3], r2[-2:], r2.start, r2.stop, r2.step)
print(range(2**64) == range(0, 2**64), range(2**64)[2**63], bool(range(2**64, 0)))
print(list(range(2**62 - 2, 2**62 + 2)), list(range(2**30-2, 2**30+2)))
print(range(0, 2**31+2, 2**30)[1:], list(range(10)[2**80:]))
try:
    len(range(2**64))
except OverflowError as e:
    print("OverflowError", e)
try:
    range(2**64)[2**65]
except IndexError as e:
    print("IndexError", e)
print(range(2**64).index(5), 2**64 - 1 in range(2**64), 2**64 in range(2**64), 5.0 in range(2**100))
for i in range(2**100, 2**100 + 3): print(i)
