# sys module basics (only values that are implementation-independent)
import sys
print(len(sys.argv), sys.argv[0].endswith("sys_basic.py"))
print(sys.maxsize > 2 ** 30, sys.maxsize >= 2 ** 31 - 1, type(sys.maxsize).__name__)
print(sys.byteorder in ("little", "big"), sys.byteorder == "little")
print(hasattr(sys.implementation, "name"), type(sys.implementation.name).__name__)
print(type(sys.version).__name__, sys.version_info[0], sys.version_info[0] == 3)
print(isinstance(sys.path, list), isinstance(sys.modules, dict), "sys" in sys.modules)
print(hasattr(sys, "exit"), hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"))
n = sys.stdout.write("written via sys.stdout\n")
print(n)
sys.stderr.write("this goes to stderr\n")
print(sys.platform != "", type(sys.platform).__name__)
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit", e.code, issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
print(sys.modules["sys"] is sys, __name__)
print("done")
