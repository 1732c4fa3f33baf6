# chained comparisons
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 1 < 2 > 3 < 4, 5 == x == 5.0)
print(0 <= x <= 5, 0 < x < 5, x > 3 != 4, 1 == 1 != 2 == 2)
print(1 < 2 in [2], 3 not in [1] == True if False else "skip", [1] == [1] is not None)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(2) == v(2), calls)
calls.clear()
print(v(1) == v(1) == v(2) == v(3), calls)
a = [1, 2]
print(a is a is not None, 2 in a in [a], "a" < "b" < "c", (1, 2) < (1, 3) <= (1, 3))
print(not 1 < 2 < 3, (1 < 2) < 3, 1 < (2 < 3), 2 > 1 == True)
y = 0
print(-1 < y < 1, y < 1 < y, 1 > y >= 0 > -1)
