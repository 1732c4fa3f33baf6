# SPDX-License-Identifier: MIT
# Number semantics, checked by running this file with espy and python3 and
# comparing the output (tests/unit/num_check.sh). Each line prints a result
# or the exception type and message.
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

ints = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 2**30 - 1, 2**30, -2**30, 2**31, 2**62 - 1, 2**62, -2**62, 2**63, -2**63,
        2**64 + 1, 10**20, -10**20, 3**100, -(5**80), 2**200 - 1]
floats = [0.0, -0.0, 0.5, -1.5, 2.5, 3.0, 1e16, 1e-5, 0.1, 123456789012345678.0, float('inf'), float('-inf'), 1e300, -2.75]

for a in ints:
    for b in ints:
        show('%r + %r' % (a, b), lambda: a + b)
        show('%r - %r' % (a, b), lambda: a - b)
        show('%r * %r' % (a, b), lambda: a * b)
        show('%r // %r' % (a, b), lambda: a // b)
        show('%r %% %r' % (a, b), lambda: a % b)
        show('%r / %r' % (a, b), lambda: a / b)
        show('divmod(%r, %r)' % (a, b), lambda: divmod(a, b))
        show('%r & %r' % (a, b), lambda: a & b)
        show('%r | %r' % (a, b), lambda: a | b)
        show('%r ^ %r' % (a, b), lambda: a ^ b)
        show('%r < %r' % (a, b), lambda: (a < b, a <= b, a == b, a != b, a > b, a >= b))
    for s in [0, 1, 5, 31, 32, 33, 63, 64, 100, -1]:
        show('%r << %r' % (a, s), lambda: a << s)
        show('%r >> %r' % (a, s), lambda: a >> s)
    for e in [0, 1, 2, 3, 10, 31, 64, -1, -2]:
        show('%r ** %r' % (a, e), lambda: a ** e)
    show('-%r' % a, lambda: (-a, +a, ~a, abs(a), bool(a), hash(a), str(a), hex(a), oct(a), bin(a)))
    show('float(%r)' % a, lambda: float(a))
    show('bit_length(%r)' % a, lambda: (a.bit_length(), a.bit_count()))
    show('fmt(%r)' % a, lambda: ('%d' % a, format(a, ','), format(a, '_x'), format(a, '#o'), format(a, '+015,'),
                                format(a, '^30'), format(a, 'e'), format(a, '.3%'), format(a, '#010b')))
    for m in [3, 7, -7, 2**61 - 1, 10**30 + 7]:
        show('pow(%r, 5, %r)' % (a, m), lambda: pow(a, 5, m))
        show('pow(%r, -1, %r)' % (a, m), lambda: pow(a, -1, m))
    for nd in [-1, -2, -5, 0, 2]:
        show('round(%r, %r)' % (a, nd), lambda: round(a, nd))
    show('to_bytes(%r)' % a, lambda: a.to_bytes(40, 'big', signed=True))
    show('to_bytes_l(%r)' % a, lambda: a.to_bytes(10, 'little', signed=True))
    show('to_bytes_u(%r)' % a, lambda: a.to_bytes(10, 'little'))
    show('from_bytes(%r)' % a, lambda: int.from_bytes(a.to_bytes(40, 'big', signed=True), 'big', signed=True))

for x in floats:
    for y in floats + [1, -3, 2**70, 0]:
        show('%r + %r' % (x, y), lambda: x + y)
        show('%r - %r' % (x, y), lambda: x - y)
        show('%r * %r' % (x, y), lambda: x * y)
        show('%r / %r' % (x, y), lambda: x / y)
        show('%r // %r' % (x, y), lambda: x // y)
        show('%r %% %r' % (x, y), lambda: x % y)
        show('%r ** %r' % (x, y), lambda: x ** y)
        show('divmod(%r, %r)' % (x, y), lambda: divmod(x, y))
        show('cmp %r %r' % (x, y), lambda: (x < y, x <= y, x == y, x != y, x > y, x >= y))
        show('rcmp %r %r' % (x, y), lambda: (y < x, y <= x, y == x, y != x, y > x, y >= x))
        show('r+ %r %r' % (x, y), lambda: (y + x, y - x, y * x))
    show('un %r' % x, lambda: (-x, +x, abs(x), bool(x), str(x), repr(x), x.is_integer()))
    show('hash %r' % x, lambda: hash(x))
    show('int %r' % x, lambda: int(x))
    show('round %r' % x, lambda: round(x))
    for nd in [-2, -1, 0, 1, 2, 5]:
        show('round(%r, %r)' % (x, nd), lambda: round(x, nd))
    show('ratio %r' % x, lambda: x.as_integer_ratio())
    for spec in ['', 'e', '.3e', 'E', 'f', '.2f', '.0f', '#.0f', 'g', '.3g', '#g', 'G', '%', '.1%', '10.3', '+', ' ', '<12',
                 '>12.4', '^12', '=+12', '012.3f', ',.2f', '_', 'z.1f', '#', '.0', 'n', ',', '015,.3f', '*^+20.5e']:
        show('format(%r, %r)' % (x, spec), lambda: format(x, spec))

for s in ['0', '-0', ' 12 ', '+5', '1_000', '0x1f', '0o17', '0b101', '010', '00', '0_0', '1__0', '_1', '1_', 'abc', '',
          '12a', '  -  5', '-0x10', '99999999999999999999999', '0x_1f', '1 2']:
    for base in [10, 0, 16, 2, 36]:
        show('int(%r, %r)' % (s, base), lambda: int(s, base))
    show('float(%r)' % s, lambda: float(s))
for s in ['1.5', ' -2.5e3 ', 'inf', '-Infinity', 'nan', '1e400', '1e-400', '.5', '5.', '.', '1_000.5', '1e1_0', '0x10',
          '1.7976931348623157e308', '2.2250738585072014e-308', '4.9e-324', '2.4703282292062328e-324', '1e', 'e5',
          '0.1e-1_0', '123456789012345678901234567890', '-0.0', '+.5e+2']:
    show('float(%r)' % s, lambda: float(s))
    show('float(b%r)' % s, lambda: float(s.encode()))
show('int(b)', lambda: int(b'42'))
show('int(b, 16)', lambda: int(b'ff', 16))
show('int(base=)', lambda: int('11', base=2))
show('int(x, 37)', lambda: int('1', 37))
show('int(1.5, 2)', lambda: int(1.5, 2))
show('int([])', lambda: int([]))
show('float([])', lambda: float([]))
show('int(True)', lambda: (int(True), float(False), True + True, True & False, True | False, True ^ True, -True, ~True))
show('bool ops', lambda: (True * 3, True / 2, True // 1, True ** 2, True << 3, True == 1, hash(True), str(True)))
show('int()', lambda: (int(), float(), bool(), bool(0), bool(3), bool([]), bool([1])))
show('big', lambda: 2 ** 1000 // 3 ** 200)
show('fact', lambda: str(__import__('math').factorial(300)) if False else 1)
f = 1
for i in range(1, 400):
    f = f * i
show('f400', lambda: f)
show('f400 str', lambda: len(str(f)))
show('f400 //', lambda: (f // (f // 12345), f % 1000000007, f >> 1000, f.bit_length()))
show('f400 float', lambda: float(f))
show('f400/f399', lambda: f / (f // 399))
show('10**400 / 3', lambda: 10 ** 400 / 3)
show('1/3**400', lambda: 1 / 3 ** 400)
show('big cmp float', lambda: (2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 > 1e308, -10**400 < -1e308, 10**400 < float('inf')))
show('hash', lambda: (hash(1.5), hash(-1), hash(-1.0), hash(2**61), hash(2**61 - 1), hash(1e100), hash(-2**100), hash(0.1)))
show('hash eq', lambda: (hash(10**20) == hash(1e20), hash(2**80) == hash(float(2**80))))
show('round', lambda: (round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1e20), round(1234.5678, -2), round(5e-324, 400)))
show('round overflow', lambda: round(1.7976931348623157e308, -308))
show('round inf', lambda: round(float('inf')))
show('round nan', lambda: round(float('nan')))
show('round str', lambda: round(1.5, 'a'))
show('abs str', lambda: abs('a'))
show('divmod str', lambda: divmod('a', 1))
show('pow', lambda: (pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(3, 4, 5), pow(base=2, exp=5), pow(2, 5, mod=3)))
show('pow0', lambda: pow(2, 1, 0))
show('powf3', lambda: pow(2.0, 1, 3))
show('pow inv', lambda: pow(2, -1, 4))
show('pow 0 neg', lambda: 0 ** -1)
show('pow 0.0 neg', lambda: 0.0 ** -1)
show('pow neg frac', lambda: (-8.0) ** 0.5 if False else 1)
show('pow ovf', lambda: 10.0 ** 400)
show('2**-1075', lambda: 2 ** -1075)
show('shift neg', lambda: 1 << -1)
show('shift neg2', lambda: 1 >> -1)
show('shift huge', lambda: (1 >> 10**20, -1 >> 10**20, 0 << 10**20))
show('zero div', lambda: 1 // 0)
show('zero mod', lambda: 1 % 0)
show('zero tdiv', lambda: 1 / 0)
show('zero fdiv', lambda: 1.0 // 0)
show('zero fmod', lambda: 1.0 % 0)
show('zero fdm', lambda: divmod(1.0, 0))
show('big zero div', lambda: 10 ** 30 // 0)
show('to_bytes err', lambda: (256).to_bytes(1, 'big'))
show('to_bytes neg', lambda: (-1).to_bytes(1, 'big'))
show('to_bytes order', lambda: (1).to_bytes(1, 'middle'))
show('to_bytes def', lambda: ((1).to_bytes(), (65535).to_bytes(2), (-128).to_bytes(1, signed=True), (127).to_bytes(1, 'little', signed=True)))
show('to_bytes -129', lambda: (-129).to_bytes(1, 'big', signed=True))
show('to_bytes 128', lambda: (128).to_bytes(1, 'big', signed=True))
show('from_bytes', lambda: (int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'', 'big'), bool.from_bytes(b'\x01', 'big')))
show('float methods', lambda: ((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e100).as_integer_ratio()[1], (3.0).is_integer(), (1.5).conjugate(), (5).conjugate()))
show('attrs', lambda: ((5).real, (5).imag, (5).numerator, (5).denominator, (1.5).real, (1.5).imag, True.real))
show('ratio inf', lambda: float('inf').as_integer_ratio())
show('ratio nan', lambda: float('nan').as_integer_ratio())
show('int inf', lambda: int(float('inf')))
show('int nan', lambda: int(float('nan')))
show('float big', lambda: float(10 ** 400))
show('big + float', lambda: 10 ** 400 + 1.0)
show('floats repr', lambda: [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308, 123456789012345678.0, 1e22, 1e23, 100.0, 1.5e-7])
show('fmt errors', lambda: format(1, 'abc'))
show('fmt e1', lambda: format('a', '+'))
show('fmt e2', lambda: format('a', '#'))
show('fmt e3', lambda: format('a', '='))
show('fmt e4', lambda: format('a', ','))
show('fmt e5', lambda: format(1.5, 'd'))
show('fmt e6', lambda: format(1, '.2d'))
show('fmt e7', lambda: format(65, '+c'))
show('fmt e8', lambda: format(-1, 'c'))
show('fmt e9', lambda: format(1, ',_'))
show('fmt e10', lambda: format(1, 'z'))
show('fmt e11', lambda: format(1, ',x'))
show('fmt e12', lambda: format(1, '_c'))
show('fmt e13', lambda: format('a', 'd'))
show('fmt e14', lambda: format(True, 's'))
show('fmt e15', lambda: format(1.5, '.'))
show('fmt e16', lambda: format(1, '1000000000000000000000'))
show('fmt e17', lambda: format('a', 'z'))
show('fmt ok', lambda: (format('ab', '05'), format(1234, '08,'), format(1234, '09,'), format(5, '<05'), format('é', '^5'),
                        format('abc', 'x^7.2'), format(5, 'é^5'), format(65, 'c'), format(0x1F600, '^5c'), format(True, '>5'),
                        format(True, ''), format(-5, '=+8'), format(1234567, '#_x'), format(1234, '#010_b'), format(255, '#X'),
                        format(12345.678, '_.2f'), format(-0.0, 'z.1f'), format(-0.001, 'z.1f'), format(float('nan'), '+'),
                        format(float('-inf'), '010F'), format(1e100, 'f')[:20], format(0.1, '.30f'), format(1.0, '.1'),
                        format(5e-324, '.3e'), format(2**70, 'e'), format(2**70, ','), format('abc', ''), format('abc', '.1'),
                        format(1e20, ','), format(1234.5, '010,')))
show('big width', lambda: len(format(1, '1000000')))
show('big prec', lambda: format(1.5, '.400f')[-5:])
show('huge float fmt', lambda: format(1e308, '.5f')[:10])
