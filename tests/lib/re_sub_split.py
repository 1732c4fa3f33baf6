# re: sub, subn, split, findall, finditer, escape, and replacement templates.
import re

# sub with a literal, with group references, with a callable, with count
print(re.sub(r'\s+', '-', 'a  b   c'))
print(re.sub('x', '-', 'abc'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
print(re.sub(r'(?P<n>\d)', r'<\g<n>>', 'a1b22'))
print(re.sub(r'(\d)', r'\g<1>\g<0>', 'a1b2'))
print(re.sub('a', r'\n\t\\', 'xay'))
print(re.sub('a', r'\-\&\ ', 'a'))
print(re.sub('(a)|b', r'[\1]', 'ab'))
print(repr(re.sub('a', r'\0\012', 'a')))
print(re.sub(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', r'\10\1', 'abcdefghij'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'(\w)(\d)', lambda m: m.group(2) + m.group(1), 'a1 b2'))
print(re.sub('a', 'b', 'aaaa', 2), re.sub('a', 'b', 'aaaa', count=1), re.sub('a', 'b', 'aaaa', -1))
print(re.subn('a', 'b', 'aaa'), re.subn('a', 'b', 'aaa', count=2), re.subn('x', 'y', 'aaa'))
print(re.compile('o').sub('0', 'foo boo', 3), re.compile('o').subn(repl='0', string='foo'))
print(re.sub('(?i)b', 'x', 'aBcb', flags=0), re.sub('b', 'x', 'aBcb', flags=re.I))

# empty matches next to other matches (Python 3.7 rules)
print(re.sub('x*', '-', 'abxd'))
print(re.sub('', '-', 'abc'))
print(re.sub('a|', '-', 'bac'))
print(re.subn(r'\b', '|', 'ab cd'))
print(re.sub('(?=b)', '^', 'abab'))

# split
print(re.split(r',\s*', 'a, b,c,   d'))
print(re.split(r'(,)', 'a,b,c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(',', 'a,b,c,d', 2), re.split(',', 'a,b,c', maxsplit=1), re.split(',', 'a,b', -1))
print(re.split(r'\b', 'a b'), re.split('x*', 'axbc'), re.split('', 'ab'))
print(re.split(',', ''), re.split('x', 'abc'), re.split('^', 'a\nb', flags=re.M))
print(re.compile(r'\W+').split('Words, words, words.'), re.compile(r'(\W+)').split('Words, words.', 1))

# findall and finditer
print(re.findall(r'\d', 'a1b2c3'), re.findall(r'(\w)(\d)', 'a1b2c3'), re.findall(r'(\w)\d', 'a1b2'))
print(re.findall('a(b)?', 'aab'), re.findall('(a)(b)?', 'aab'), re.findall('', 'ab'), re.findall('x*', 'axb'))
print(re.compile('o').findall('foo boo', 2, 6), re.compile('o').findall('foo', endpos=2))
print([m.span() for m in re.finditer(r'x*', 'axbxx')])
print([(m.group(), m.start()) for m in re.finditer(r'\w+', 'ab cd  ef')])
it = re.compile(r'\d').finditer('a1b22', 2)
print(next(it).span(), [m.span() for m in it], list(it))
m = next(re.compile('b').finditer('abc', 1, 2))
print(m.pos, m.endpos, m.span())

# escape
print(re.escape('a.b*c?d+(e)[f]{g}|h^i$j\\k l-m#n&o~p'), re.escape(b'a.b'), re.escape('\t\n_x1'))
print(re.match(re.escape('1+1=2'), '1+1=2').group())


# errors in templates and replacements
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: re.sub('(a)', r'\2', 'a'))
attempt(lambda: re.sub('(a)', r'\g<2>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<x>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<1x>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<1', 'a'))
attempt(lambda: re.sub('(a)', r'\g', 'a'))
attempt(lambda: re.sub('(a)', r'\q', 'a'))
attempt(lambda: re.sub('(a)', '\\', 'a'))
attempt(lambda: re.sub('(a)', r'\777', 'a'))
attempt(lambda: re.sub('a', 'b', 'xyz'))
attempt(lambda: re.sub('(a)', r'\g<0>\g<1>', 'xyz'))
attempt(lambda: re.sub('a', 1, 'a'))
attempt(lambda: re.sub('a', None, 'a'))
attempt(lambda: re.sub(b'a', 1, b'a'))
attempt(lambda: re.sub('a', lambda m: 1 / 0, 'a'))
attempt(lambda: re.sub('a', lambda m: m.group().upper(), 'banana'))
attempt(lambda: re.sub(b'a', lambda m: bytearray(b'z'), b'ba'))
attempt(lambda: re.match('(a)', 'a').expand(r'\2'))
attempt(lambda: re.split('x'))
attempt(lambda: re.findall('x', 5))
attempt(lambda: re.sub('x', 'y', 'x', 0, 0, 0))
attempt(lambda: re.compile('x').sub('y'))
attempt(lambda: re.compile('x').sub(repl='y', string='x', cnt=1))
attempt(lambda: re.compile('x').match('x', pos=0, string='x'))
