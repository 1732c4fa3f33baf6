# submodule of _pkg, uses relative imports
from . import helper_mod
from .helper_mod import CONST
print("init _pkg.sub")


def sub_func():
    return "sub_func " + str(CONST) + " " + helper_mod.name()
