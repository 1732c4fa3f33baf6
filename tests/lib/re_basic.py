# re: compiling and matching, match objects, flags, the syntax the engine supports.
import re


def show(m):
    # match objects print differently in MicroPython: show their parts
    if m is None:
        print(None)
    else:
        print(m.span(), repr(m.group()), m.groups())


# match, search, fullmatch: module functions and pattern methods
show(re.match('a', 'abc'))
show(re.match('b', 'abc'))
show(re.search('b', 'abc'))
show(re.search('x', 'abc'))
show(re.fullmatch(r'\d+', '123'))
show(re.fullmatch(r'\d+', '123a'))
show(re.fullmatch('a|ab', 'ab'))
p = re.compile(r'(\w+) (\w+)')
m = p.match('hello world!')
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2), m[2])
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2), m.start(), m.end())
print(m.string, m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p)
print(p.pattern, p.groups, p.groupindex, p.flags == re.UNICODE)
print(p, re.compile(b'x'), re.compile('a', re.I | re.M), re.compile('b', re.A | re.S | re.X))
print(re.compile(p) is p)

# pos and endpos
p = re.compile('o')
show(p.search('foo boo', 3))
show(p.search('foo boo', 3, 5))
show(p.match('foo', 1))
show(p.match('foo', 0))
show(p.search('foo', -5))
show(p.search('foo', 10))
show(re.compile('$').search('abc', 0, 2))
show(re.compile('^b').search('ab', 1))
show(p.fullmatch('xo', 1))
show(p.match('foo', pos=2, endpos=3))

# characters, sets and escapes
for pat, s in [('.', 'x'), ('.', '\n'), ('a.c', 'abc'), ('[abc]+', 'cabd'), ('[^abc]+', 'xyzab'),
               ('[a-f0-9]+', 'dead99beefz'), ('[]a]+', ']a]b'), ('[^]a]+', 'xy]'), ('[a-]+', 'a-a-b'),
               ('[-a]+', '-a'), (r'[\]]', ']'), (r'[\d.]+', '3.14x'), (r'[\w-]+', 'ab-c d'),
               (r'[\s]+', ' \t\nx'), (r'[\D]+', 'ab1'), (r'[\W]+', '!?a'), (r'[\S]+', 'ab c'),
               (r'\d+', 'a42b'), (r'\D+', '12ab3'), (r'\w+', '--ab_9--'), (r'\W+', 'ab--cd'),
               (r'\s+', 'a \t\r\n\f\vb'), (r'\S+', '  xy  '), (r'\.\*\+\?', '.*+?'),
               (r'\x41\u00e9\U0001F600', 'A\u00e9\U0001F600'), (r'\t\n\r\f\v\a', '\t\n\r\f\v\a'),
               (r'\0\101\060', '\x00A0'), (r'[\x41-\x43]+', 'ABCD'), (r'[\b]', '\b'), ('\\\\', '\\'),
               ('[.]', 'x.'), ('a{', 'a{'), ('a{,', 'a{,'), ('a{1', 'a{1'), ('{}', '{}'), ('a{x}', 'a{x}'),
               ('x{1,2', 'x{1,2'), (r'\#\ \-', '# -'), ('[\u00e0-\u00ff]+', 'abc\u00e9\u00e8x')]:
    show(re.search(pat, s))

# repeats: greedy, lazy, possessive, counted
for pat, s in [('a*', 'aaab'), ('a*?', 'aaab'), ('a+', 'baaa'), ('a+?', 'aaa'), ('a?', 'ab'),
               ('a??', 'ab'), ('a{2}', 'aaaa'), ('a{2,}', 'aaaa'), ('a{,2}', 'aaaa'), ('a{2,3}', 'aaaa'),
               ('a{2,3}?', 'aaaa'), ('a{0}', 'aaa'), ('a{,}', 'aa'), ('(ab)*', 'ababab'), ('(ab)+?', 'ababab'),
               ('(ab){2}', 'ababab'), ('(ab){1,2}?c', 'ababc'), ('(?:ab)*c', 'ababc'), ('a*+a', 'aaa'),
               ('a++b', 'aab'), ('a?+a', 'a'), ('(?:ab)*+ab', 'abab'), ('(?>a+)b', 'aab'), ('(?>a|ab)c', 'abc'),
               ('(a|ab)(c|bcd)(d*)', 'abcd'), ('x*y*z*', ''), ('(a*)*', 'aa'), ('(a*)+', 'b'), ('(a|)+b', 'aab'),
               ('(?:a|b)*?b', 'aab'), ('.*foo', 'xfooyfoo'), ('.*?foo', 'xfooyfoo'), ('(a{2}){2}', 'aaaaa'),
               (r'\d{3}-\d{4}', 'call 555-1234 now'), ('[ab]{3,}', 'xaabbay')]:
    show(re.search(pat, s))

# alternation and groups
for pat, s in [('cat|dog', 'hotdog'), ('a|b|c', 'xc'), ('(a)|(b)', 'b'), ('(a)(b)?', 'ac'), ('()', 'x'),
               ('a|', 'b'), ('|a', 'a'), ('(?:x|y)(z)', 'yz'), ('((a)b)', 'ab'), ('(a(b(c)))', 'abc'),
               ('(?P<first>\\w+) (?P<last>\\w+)', 'Ada Lovelace')]:
    show(re.search(pat, s))

m = re.match('(?P<first>\\w+) (?P<last>\\w+)(?P<rest> .*)?', 'Ada Lovelace')
print(m.group('first'), m['last'], m.group('rest'), m.groupdict(), m.groupdict('-'), m.span('last'))
print(m.start('rest'), m.end('rest'), m.span('rest'), m.groups('?'), m.lastindex, m.lastgroup)
print(re.match('((a)b)', 'ab').lastindex, re.match('(a)((b))', 'ab').lastindex, re.match('a', 'a').lastindex)
print(m.expand(r'\g<last>, \1! \g<0>'))

# back-references
show(re.match(r'(a+)b\1', 'aabaa'))
show(re.match(r'(a+)b\1', 'aaba'))
show(re.search(r'(\w)\1', 'abccd'))
show(re.match(r'(?P<q>["\']).*?(?P=q)', '"it\'s" x'))
show(re.match(r'(a)|\1', 'x'))
show(re.match(r'(?:(a)|b)\1', 'b'))

# anchors and boundaries
for pat, s in [('^a', 'ba'), ('a$', 'ba'), ('a$', 'a\n'), ('a$', 'a\nb'), (r'a\Z', 'a\n'), (r'\Aa', 'ba'),
               (r'\bfoo\b', 'a foo b'), (r'\bfoo\b', 'afoo'), (r'\Boo\B', 'foot'), (r'\b', ''), (r'\B', ''),
               (r'\B', 'ab'), ('^$', ''), ('$', 'ab\n')]:
    show(re.search(pat, s))

# lookaround
for pat, s in [('foo(?=bar)', 'foobaz foobar'), ('foo(?!bar)', 'foobar foobaz'), ('(?<=-)\\w+', 'spam-egg'),
               ('(?<!-)\\b\\w+', '-ab cd'), ('(?<=ab|cd)x', 'cdx'), ('(?=(\\w+))\\w', 'abc'),
               ('(?!a)(?!b)\\w', 'abc'), ('(?<=a)(?<!b)c', 'ac'), ('(?=a)*b', 'b'), ('(?<=\\d{2})x', '1x12x')]:
    show(re.search(pat, s))

# flags
show(re.match('abc', 'ABC', re.I))
show(re.match('[a-c]+', 'ABCd', re.IGNORECASE))
show(re.match('(?i)[^a]', 'A'))
show(re.match(r'(a)\1', 'aA', re.I))
print(re.findall('^\\w', 'ab\ncd\nef', re.M), re.findall('\\w$', 'ab\ncd\nef', re.MULTILINE))
print(re.findall('^\\w', 'ab\ncd'), re.findall('(?m)\\w$', 'ab\ncd'))
show(re.match('a.b', 'a\nb', re.S))
show(re.match('(?s)a.b', 'a\nb'))
show(re.match('(?s:a.)b', 'a\nb'))
show(re.match('(?i:a)b', 'Ab'))
show(re.match('(?i:a)b', 'AB'))
show(re.match('(?-i:a)b', 'aB', re.I))
show(re.match(' a b # comment\n c', 'abc', re.X))
show(re.match('(?x) [ ] a \\  b', ' a b'))
show(re.match(r'\w+', 'caf\u00e9', re.A))
show(re.match(r'(?a)\w+', 'caf\u00e9'))
show(re.match(r'(?a:\w)\w', '\u00e9\u00e9'))
show(re.match('(?x)(?i)A', 'a'))
show(re.match('a(?#comment)b', 'ab'))
print(re.compile('(?i)a').flags, re.compile('(?m)(?s)a').flags, re.compile('a', re.A).flags)
print(re.compile(b'a', re.I).flags, re.compile(b'(?L)a').flags)
print([int(f) for f in (re.I, re.M, re.S, re.X, re.A, re.U)])
print([int(f) for f in (re.IGNORECASE, re.MULTILINE, re.DOTALL, re.VERBOSE, re.ASCII, re.UNICODE)])

# bytes patterns and subjects
show(re.match(rb'\w+', b'abc def'))
show(re.search(b'[\x80-\xff]+', b'ab\x80\xfez'))
show(re.match(b'a', bytearray(b'ab')))
show(re.match(b'a.', memoryview(b'ab')))
print(re.match(b'(?i)AB', b'ab').group(), re.match(rb'\s', b'\x1c'), re.match(r'\s', '\x1c') is not None)
show(re.match(rb'(?i)\xe9', b'\xc9'))
print(re.findall(rb'\d', b'a1b2'), re.sub(rb'\d', b'#', b'a1b2'), re.split(rb',', bytearray(b'a,b')))
print(re.Pattern.__name__, re.Match.__name__, type(re.compile('')) is re.Pattern, type(re.match('', '')) is re.Match)
