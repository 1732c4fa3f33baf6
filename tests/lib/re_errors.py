# re: bad patterns raise re.error (a ValueError here, as MicroPython's
# errors are) with CPython's messages; pathological patterns end; huge
# repeats and deep nesting are bounded.
import re

bad = ['*', '+a', 'a**', 'a{2}{3}', '(?:a)**', '|*', '(*)', '^*', r'\b*', r'\b+', '{1}', 'a{3,2}', 'x{2,1}',
       '[z-a]', '[a', '[]', '[^]', r'[\d-z]', r'[a-\d]', '(', '((a)', '(a(b', ')', 'a)', '(?', '(?P', '(?P<',
       '(?P<a', '(?Pa)', '(?P<1>a)', '(?P<a!>x)', '(?P<>x)', '(?P<a>a)(?P<a>b)', '(?P=b)', '(?P=', '(?P=1)',
       '(?P<a>x)(?P=a', r'\1', r'(a)\2', r'(a\1)', '(?P<a>(?P=a))', '\\', r'\q', r'[\q]', r'\z', r'\G', r'\x1',
       r'\u12', r'\U0011FFFF', r'\777', r'[\8]', '(?x', '(?i', '(?i-', '(?-i)', '(?-:a)', '(?i-i:a)', '(?z)',
       '(?<x>a)', '(?<ab)', '(?#abc', '(?i)a(?m)', 'a(?i)b', '(?L)a', '(?a)(?u)a', '(?-a:b)', '(?<=a|bc)',
       r'(?<=\d+)', '(?<!a*)', '(?<=a|)']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except (re.error, ValueError) as e:
        print(repr(p), type(e).__name__, e)

for p in [b'(?u)a', b'(?L)(?a)a', rb'\u0041', rb'\N{DIGIT ONE}', rb'[\u0041]']:
    try:
        re.compile(p)
        print(p, 'compiled')
    except (re.error, ValueError) as e:
        print(p, type(e).__name__, e)


def attempt(f):
    try:
        r = f()
        print(r if not hasattr(r, 'span') else r.span())
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: isinstance(re.error('x'), Exception))

# flags and types
attempt(lambda: re.compile('a', re.L))
attempt(lambda: re.compile(b'a', re.U))
attempt(lambda: re.compile('a', re.A | re.U))
attempt(lambda: re.compile(re.compile('a'), re.I))
attempt(lambda: re.compile(1))
attempt(lambda: re.match('a', b'a'))
attempt(lambda: re.match(b'a', 'a'))
attempt(lambda: re.match('a', 1))
attempt(lambda: re.match('a', None))
attempt(lambda: re.compile('a').match('a', 'x'))
attempt(lambda: re.compile('a').match('a', 1.5))
attempt(lambda: re.match('(a)', 'a').group(2))
attempt(lambda: re.match('(a)', 'a').group(-1))
attempt(lambda: re.match('(a)', 'a').group('x'))
attempt(lambda: re.match('(a)', 'a').group(1.0))
attempt(lambda: re.match('(a)', 'a')[3])
attempt(lambda: re.match('(a)', 'a').start(5))
attempt(lambda: re.match('(?P<x>a)', 'a').span('y'))

# repeat counts: CPython's limit is an OverflowError
attempt(lambda: re.compile('x{4294967295}'))
attempt(lambda: re.compile(r'\d{4294967294,4294967295}'))
attempt(lambda: re.compile('x{99999999999999999999}'))
attempt(lambda: re.match('a{4294967294}', 'a' * 10))
attempt(lambda: re.match('(?:a{1000}){1000}', 'a' * 10))
attempt(lambda: re.match('(?:ab){2,100000}', 'ab' * 50).span())
attempt(lambda: re.match('a{3}b{2,}c{,2}', 'aaabbbcc').span())
attempt(lambda: len(re.match('.*', 'x' * 2000).group()))
attempt(lambda: len(re.match('(?:ab)*', 'ab' * 200).group()))
attempt(lambda: len(re.match('(a|b)*', 'ab' * 50).group()))
attempt(lambda: re.match('(?:(?:(?:a)*)*)*b', 'aaaa'))
attempt(lambda: re.match('(?:)*', 'a'))
attempt(lambda: re.match('(?:a?)*?b', 'aab'))
attempt(lambda: re.match('(?:a|){3,5}b', 'ab'))
attempt(lambda: re.match('(?:|a){100}b', 'aab'))
attempt(lambda: re.match('(a*)*b', 'a' * 12))
attempt(lambda: re.match('(a|a)*b', 'a' * 12))
attempt(lambda: re.match('(?:a+)+b', 'a' * 12))
attempt(lambda: re.search('(a|aa)*c', 'a' * 12))
attempt(lambda: re.match('(?>a+)+b', 'a' * 30))
attempt(lambda: re.match('a++b', 'a' * 30))

# deep nesting: the compiler keeps its groups on the heap, not the C stack
attempt(lambda: re.compile('(?:' * 100 + 'a' + ')' * 100).match('a').span())
attempt(lambda: re.compile('(' * 100 + 'a' + ')' * 100).match('a').group(100))
attempt(lambda: re.compile('(?:' * 10 + 'a' + ')*' * 10).match('aaa').span())
attempt(lambda: re.compile('[' + 'ab' * 150 + ']+').match('aaa'))
attempt(lambda: re.compile('(?:a|b|c|d|e|f|g|h|i|j){20}').match('abcdefghij' * 2))
attempt(lambda: len(re.compile('|'.join(['x%d' % i for i in range(100)])).findall('x1 x99 x55')))
