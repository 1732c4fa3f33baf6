# re: where espy follows MicroPython rather than CPython: the ure name,
# match objects printed as <match num=N>, bad patterns caught as
# ValueError; and what differs from CPython on purpose.
import ure
import re

print(ure is re)
print(re.match('a', 'abc'))
print(re.match('(a)(b)?', 'ac'))
print(re.search(r'(\w+)@(\w+)\.(\w+)', 'mail bob@example.com'))
print(re.match('x', 'y'))
try:
    re.compile('(')
except ValueError as e:
    print('ValueError', type(e).__name__, e)
print(issubclass(re.error, ValueError), re.error.__name__)
print(repr(re.error('bad')))
# \N{...} needs the Unicode name database, which the chip has no room for
for p in [r'\N{DIGIT ONE}', r'[\N{DIGIT ONE}]']:
    try:
        re.compile(p)
    except re.error as e:
        print('error', e)
# replacements of the wrong type (CPython adds "sequence item N:")
for args in [('a', b'x', 'a'), (b'a', 'x', b'a'), ('a', lambda m: 1, 'a'), (b'a', lambda m: 'x', b'a')]:
    try:
        re.sub(*args)
    except TypeError as e:
        print('TypeError', e)
# finditer gives an iterator named as CPython's
print(type(re.finditer('a', 'a')).__name__)
