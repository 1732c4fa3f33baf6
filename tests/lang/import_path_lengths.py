# A module found in a sys.path directory whose name is shorter than an
# earlier directory's: the path tried before must not leak into the next
# (espy's import kept the tail of "LONGER_DIR/_mod_helper.py" after
# "DIR/_mod_helper", and found nothing).
import sys

here = sys.path[0]
sys.path.insert(0, here + "/_pkg/inner")   # longer than here, no _mod_helper
sys.path.insert(0, here + "/_pkg")
import _mod_helper

print(_mod_helper.VALUE)
try:
    import _no_such_module
except ImportError:
    print("ImportError")
del sys.path[:2]
print(sys.path[0] == here)
