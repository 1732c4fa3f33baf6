# unbounded recursion must raise RuntimeError (RecursionError in CPython is a subclass)
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RuntimeError as e:
    print("caught RuntimeError", isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RuntimeError:
    print("caught RuntimeError mutual")
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RuntimeError:
    print("caught RuntimeError in __repr__")
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(200))
try:
    down(0)
except RuntimeError:
    print("caught again: interpreter still healthy")
print(ok(100))
