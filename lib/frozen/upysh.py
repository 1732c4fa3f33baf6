# SPDX-License-Identifier: MIT
# upysh: shell-like commands for the REPL, as in MicroPython's frozen module.
#
#     >>> from upysh import *
#     >>> ls
#     >>> cat('boot.py')
import os
import sys

_DIR = 0x4000


class LS:
    def __repr__(self):
        self.__call__()
        return ""

    def __call__(self, path="."):
        entries = sorted(os.ilistdir(path))
        for e in entries:
            if e[1] == _DIR:
                print("   <dir> %s" % e[0])
        for e in entries:
            if e[1] != _DIR:
                if len(e) > 3:
                    print("% 8d %s" % (e[3], e[0]))
                else:
                    print("     %s" % e[0])
        try:
            st = os.statvfs(path)
            print("\n{:,d}k free".format(st[1] * st[3] // 1024))
        except OSError:
            pass


class PWD:
    def __repr__(self):
        return os.getcwd()

    def __call__(self):
        return self.__repr__()


class CLEAR:
    def __repr__(self):
        return "\x1b[2J\x1b[H"

    def __call__(self):
        return self.__repr__()


def head(f, n=10):
    with open(f) as f:
        for i in range(n):
            line = f.readline()
            if not line:
                break
            sys.stdout.write(line)


def cat(f):
    head(f, 1 << 30)


def cp(s, t):
    try:
        if os.stat(t)[0] & _DIR:
            t = t.rstrip("/") + "/" + s
    except OSError:
        pass
    buf = bytearray(512)
    view = memoryview(buf)
    with open(s, "rb") as src, open(t, "wb") as dst:
        while True:
            n = src.readinto(buf)
            if not n:
                break
            dst.write(view[:n])


def newfile(path):
    print("Type file contents line by line, finish with EOF (Ctrl+D).")
    with open(path, "w") as f:
        while True:
            try:
                line = input()
            except EOFError:
                break
            f.write(line)
            f.write("\n")


def rm(d, recursive=False):
    try:
        if (os.stat(d)[0] & _DIR) and recursive:
            for e in os.ilistdir(d):
                if e[0] != "." and e[0] != "..":
                    rm("/".join((d, e[0])), True)
            os.rmdir(d)
        else:
            os.remove(d)
    except OSError:
        print("rm of '%s' failed" % d)


class Man:
    def __repr__(self):
        return """
upysh is intended to be imported using:
from upysh import *

To see this help text again, type "man".

upysh commands:
clear, ls, ls(...), head(...), cat(...), newfile(...)
cp('src', 'dest'), mv('old', 'new'), rm(...)
pwd, cd(...), mkdir(...), rmdir(...)
"""


man = Man()
pwd = PWD()
ls = LS()
clear = CLEAR()

cd = os.chdir
mkdir = os.mkdir
mv = os.rename
rmdir = os.rmdir

print(man)
