# bool is a subclass of int
print(True + True, True * 3, False - 1, True / 2, True // 1, -True, ~False)
print(True == 1, False == 0, True != 2, 1 == 1.0 == True)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), type(True + 0).__name__)
print(str(True), repr(False), int(True), float(False), bool(1), bool(0), bool(-1), bool(0.0), bool(0.1))
print(bool(""), bool("0"), bool([]), bool([0]), bool({}), bool(()), bool(None), bool(range(0)), bool(set()))
print(sum([True, True, False]), [1, 2, 3][True], {True: "t"}[1], {1: "one"}[True])
print(True & True, True | False, True ^ True, type(True & False).__name__, type(True | 2).__name__)
print(max(True, 2), min(False, -1), sorted([True, False, 2, -1]), abs(True), hash(True) == hash(1))
print(True > False, False < 1, True >= 1, "%d %s %r" % (True, True, True), "{}".format(False))
print(f"{True:d}", f"{True}", f"{True:>6}", str(True).upper(), bool.__name__)
print(not True, not 0, not [], not [0], not "", not "x", (not None) + 1)
x = 5
print((x > 3) + (x > 4) + (x > 5), [i for i in range(5) if (i % 2) == True])
print(True and 3, 0 and True, False or [], None or False, 3 or True)
try:
    class B(bool):
        pass
    print("subclass allowed")
except TypeError:
    print("TypeError cannot subclass bool")
print(bool(), int(), True.real if hasattr(True, "real") else 1, (True).bit_length())
print(1 in [True], True in [1], 0 in [False], None in [0, False])
