# str methods
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.find("o", 5), s.find("xyz"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.count("l"), s.count("l", 5), s.count(""), "".count(""))
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("ld"), s.endswith("o", 0, 5))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("", "-"), "aaa".replace("a", "bb"))
print(s.split(", "), "a b  c ".split(), "a,b,,c".split(","), "  ".split(), "".split(","))
print("a b c d".split(" ", 2), "a b c d".rsplit(" ", 2), "a1b1c".rsplit("1"))
print("line1\nline2\r\nline3".splitlines(), "x\n\ny\n".splitlines(), "a\nb".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "|".join(("1",)))
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "\t\n a \r\n".strip())
print("abc".partition("b"), "abc".partition("z"), "a-b-c".rpartition("-"), "abc".rpartition("z"))
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".ljust(6, "."), "abc".rjust(6))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("abc".isalpha(), "ab1".isalpha(), "123".isdigit(), "12a".isdigit(), "".isdigit())
print("   ".isspace(), " a ".isspace(), "abc".islower(), "aBc".islower(), "ABC".isupper())
print("ab12".isalnum(), "ab 12".isalnum(), "Hello World".istitle(), "hello".istitle())
print("_id1".isidentifier(), "1id".isidentifier(), "123".isdecimal(), "123".isnumeric())
print("a\tb".expandtabs(4), "tab\tx".expandtabs())
print("ab" * 3, 3 * "-", "x" * 0, "x" * -1, "abc" + "def")
print("b" in "abc", "bc" in "abc", "" in "abc", "d" not in "abc")
print(len(""), len("abc"), "abc"[0], "abc"[-1], "abc"[1:], "abc"[::-1])
print("abc" < "abd", "abc" < "ab", "B" < "a", "abc" == "abc", "a" != "b")
print(min("hello"), max("hello"), sorted("hello"), list("hi"))
print(str(), str(12), str(1.5), str(None), str(True), str([1, "a"]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"))
print("%s" % "x", "a".__add__("b"), "abc".__len__())
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("x"))
print("one two three".title(), "they're".title(), "ABC def".casefold())
print(ord("a"), chr(97), "abc".encode(), "x".join(["1", "2", "3"]))
print("a,b;c".replace(",", " ").replace(";", " ").split())
print("Mississippi".find("ss", 3), "Mississippi".rfind("ss", 0, 5), "Mississippi".count("ss"))
print("abc".find("c", -1), "abc".find("a", -1), "abc".index("b", -2))
try:
    "abc".index("z")
except ValueError:
    print("ValueError index")
try:
    "abc".split("")
except ValueError:
    print("ValueError split")
try:
    "abc"[5]
except IndexError as e:
    print("IndexError", e)
try:
    "abc" + 1
except TypeError:
    print("TypeError")
try:
    s[0] = "h"
except TypeError:
    print("TypeError immutable")
print(" a b ".split(None), "a  b".split(" "), "1,2,3".split(",", 1))
print("abcabc".lstrip("ab"), "abcabc".rstrip("bc"), "".strip())
t = ""
for ch in "loop":
    t = ch + t
print(t, "".join(reversed("loop")))
print("aaa".find("aa", 1), "aaa".count("aa"), "x".center(4, "#"))
print("%d items" % 3, "{} and {}".format("a", "b"))
