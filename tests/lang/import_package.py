# import a package directory (_pkg) with relative imports inside
import _pkg
print(_pkg.PKG_NAME, _pkg.pkg_func(), _pkg.sub_func())
print(_pkg.sub_alias is _pkg.sub, _pkg.sub.__name__, _pkg.__name__)
import _pkg.sub
print(_pkg.sub.sub_func())
from _pkg import sub
from _pkg.sub import sub_func as sf
print(sub is _pkg.sub, sf())
from _pkg.helper_mod import CONST, name
print(CONST, name())
import _pkg.inner
print(_pkg.inner.INNER, _pkg.inner.PARENT_CONST)
from _pkg.inner import INNER
print(INNER)
import _pkg.helper_mod as hm
print(hm.CONST, hm is _pkg.helper_mod)
import sys
print(sorted(k for k in sys.modules if k.startswith("_pkg")))
try:
    from _pkg import nonexistent
except ImportError:
    print("ImportError")
try:
    import _pkg.nonexistent_sub
except ImportError:
    print("ImportError submodule")
