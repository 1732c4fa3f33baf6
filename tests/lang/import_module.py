# import a helper module from the test directory (_mod_helper.py)
import _mod_helper
print(_mod_helper.VALUE, _mod_helper.double(21), _mod_helper.__name__)
import _mod_helper as mh
print(mh is _mod_helper, mh.Greeter("espy").greet())
from _mod_helper import double, VALUE as V
print(double(4), V)
from _mod_helper import *
print(public_name, "_private" in dir())
print(_mod_helper.load_count)
import _mod_helper
import _mod_helper
print(_mod_helper.load_count)
import sys
print("_mod_helper" in sys.modules, sys.modules["_mod_helper"] is _mod_helper)
_mod_helper.VALUE = 100
from _mod_helper import VALUE
print(VALUE)
try:
    import _no_such_module_here
except ImportError as e:
    print("ImportError", isinstance(e, ImportError))
try:
    from _mod_helper import not_there
except ImportError:
    print("ImportError from-import")
def local_import():
    import _mod_helper as inner
    return inner.double(1)
print(local_import())
print(type(_mod_helper).__name__, hasattr(_mod_helper, "double"))
print(mh.counter(), mh.counter(), _mod_helper.state)
