# A frozen module (lib/frozen/upysh.py, compiled into the program by
# tools/freeze): found through sys.path's '.frozen' entry, imported once,
# its functions and classes work, errors in its code name its file.
import os
import sys

print('.frozen' in sys.path)
from upysh import *
import upysh
print(upysh.__name__, sys.modules['upysh'] is upysh)

D = 'frozen_upysh.tmp'
rm(D, True)
mkdir(D)
cd(D)
with open('a.txt', 'w') as f:
    f.write('one\ntwo\nthree\n')
mkdir('sub')
with open('sub/b.txt', 'w') as f:
    f.write('b\n')
cp('a.txt', 'c.txt')
cp('a.txt', 'sub')
mv('c.txt', 'd.txt')
print(sorted(os.listdir('.')), sorted(os.listdir('sub')))
cat('d.txt')
head('a.txt', 2)
print(repr(pwd).endswith('/' + D), pwd() == os.getcwd())
print(repr(clear) == '\x1b[2J\x1b[H')
try:
    head('missing.txt')
except OSError as e:
    print('OSError', e.errno)
rm('missing.txt')
cd('..')
rm(D, True)
print(D in os.listdir('.'))
print(type(man).__name__, 'upysh commands' in repr(man))
