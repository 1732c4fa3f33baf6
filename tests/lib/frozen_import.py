# Frozen modules (compiled into the program by tools/freeze) on every
# build, QEMU's included: found through sys.path's '.frozen' entry before
# the directories after it, imported once, run from their read-only code;
# errors raised inside frozen code reach the caller.
import sys

print('.frozen' in sys.path)
import upysh
import upysh as again
print(upysh is again, upysh.__name__, sys.modules['upysh'] is upysh)
upysh.head('frozen_import.py', 2)
print(callable(upysh.cat), type(upysh.ls).__name__, type(upysh.pwd).__name__)
try:
    upysh.head('no such file')
except OSError as e:
    print('OSError', e.errno)
try:
    upysh.head(123, 'x')
except TypeError as e:
    print('TypeError')
# Without '.frozen' on sys.path, frozen modules are not found.
sys.path.remove('.frozen')
del sys.modules['upysh']
try:
    import upysh
except ImportError as e:
    print(e)
sys.path.append('.frozen')
import upysh
print(upysh is not again)
