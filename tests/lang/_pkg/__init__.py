# helper package for import_package.py
from .sub import sub_func
from . import sub as sub_alias
PKG_NAME = "pkg"
print("init _pkg")


def pkg_func():
    return "pkg_func"
