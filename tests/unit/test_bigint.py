#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Random checks of bigint.c and floatconv.c against python3.
    test_bigint.py BINARY [N]"""
import random, struct, subprocess, sys

def h(x):
    return ('-' if x < 0 else '') + format(abs(x), 'x')

def bits(d):
    return format(struct.unpack('<Q', struct.pack('<d', d))[0], 'x')

def rint(maxbits):
    n = random.getrandbits(random.randint(1, maxbits))
    if random.random() < 0.2:
        n = (1 << random.randint(1, maxbits)) - random.randint(0, 3)
    return -n if random.random() < 0.5 else n

def rfloat():
    r = random.random()
    if r < 0.3:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(63)))[0] * random.choice([1, -1])
    if r < 0.6:
        return random.uniform(-1e6, 1e6)
    if r < 0.8:
        return round(random.uniform(-1000, 1000), random.randint(0, 6))
    return random.choice([0.1, 0.2, 0.3, 1e16, 1e-5, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
                          123456789012345678.0, 0.5, 2.5, 1.0, 100.0, 1e22, 1e23, 9.999999999999999e22])

def main():
    exe = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    random.seed(1)
    cases = []
    for _ in range(n):
        a, b = rint(random.choice([30, 64, 200, 3000])), rint(random.choice([30, 64, 200, 2000]))
        op = random.choice(['add', 'sub', 'mul', 'divmod', 'and', 'or', 'xor', 'cmp', 'truediv',
                            'lshift', 'rshift', 'todouble', 'hash', 'dec', 'powmod', 'pow'])
        if op == 'divmod' or op == 'truediv':
            b = b or 7
            if op == 'divmod':
                cases.append(('divmod %s %s' % (h(a), h(b)), '%s %s' % (h(a // b), h(a % b))))
            else:
                try:
                    cases.append(('truediv %s %s' % (h(a), h(b)), repr(a / b)))
                except OverflowError:
                    pass
            continue
        if op in ('lshift', 'rshift'):
            b = random.randint(0, 300)
        if op == 'pow':
            a = rint(100); b = random.randint(0, 40)
        if op == 'powmod':
            m = rint(300) or 5
            b = abs(b)
            cases.append(('powmod %s %s %s' % (h(a), h(b), h(abs(m))), h(pow(a, b, abs(m)))))
            continue
        if op == 'todouble':
            try:
                exp = repr(float(a))
            except OverflowError:
                continue
            cases.append(('todouble %s 0' % h(a), exp))
            continue
        if op == 'hash':
            cases.append(('hash %s 0' % h(a), str(hash(a))))
            continue
        if op == 'dec':
            cases.append(('dec %s 0' % h(a), str(abs(a))))
            cases.append(('fromdec 0 %s' % str(abs(a)), h(abs(a))))
            continue
        exp = {'add': lambda: h(a + b), 'sub': lambda: h(a - b), 'mul': lambda: h(a * b),
               'and': lambda: h(a & b), 'or': lambda: h(a | b), 'xor': lambda: h(a ^ b),
               'cmp': lambda: str((a > b) - (a < b)), 'lshift': lambda: h(a << b),
               'rshift': lambda: h(a >> b), 'pow': lambda: h(a ** b)}[op]()
        cases.append(('%s %s %s' % (op, h(a), h(b)), exp))
    for _ in range(n):
        d = rfloat()
        if d != d or d in (float('inf'), float('-inf')):
            continue
        cases.append(('repr %s' % bits(d), repr(d)))
        s = random.choice([repr(d), '%.25e' % d, '%.3e' % d, '%.17g' % d, '%.40f' % d, str(random.randint(0, 10**30)) + 'e-' + str(random.randint(0, 340))])
        cases.append(('parse %s' % s, bits(float(s))))
        t = random.choice('efgEFGn')
        prec = random.choice([0, 1, 2, 3, 6, 10, 17, 20, 30])
        alt = random.randint(0, 1)
        spec = ('#' if alt else '') + '.' + str(prec) + (t if t != 'n' else '')
        if t == 'n' and alt:
            continue
        cases.append(('fmt %s %d %d %s' % (t, prec, alt, bits(abs(d))), format(abs(d), spec)))
    inp = '\n'.join(c for c, _ in cases) + '\n'
    out = subprocess.run([exe], input=inp, capture_output=True, text=True).stdout.split('\n')
    bad = 0
    for (c, e), got in zip(cases, out):
        if got != e:
            bad += 1
            if bad < 20:
                print('FAIL', c[:200], 'expected', e[:200], 'got', got[:200])
    print('%d cases, %d failed' % (len(cases), bad))
    sys.exit(1 if bad else 0)

main()
