# print() keyword arguments and str() of mixed values
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1, "x"], (2,), {"k": b"v"}, sep="|")
print("x", end="")
print()
print(*range(5), sep=" < ")
print("", "", sep="-")
print("multi\nline", "tab\there")
print("sep None", "ok", sep=None)
print("end None", end=None)
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 42, sep="+", file=w)
print(repr("".join(w.parts)))
print("é€😀", "unicode")
print(str(print)[:4] in ("<bui", "<fun"))
