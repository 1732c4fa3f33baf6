#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks floatconv.c built for single precision (the chip's floats):
repr must round-trip and be the shortest that does; parsing must round
to the nearest float.    test_float32.py BINARY"""
import random, struct, subprocess, sys

def f32(x):
    try:
        return struct.unpack('<f', struct.pack('<f', x))[0]
    except OverflowError:
        return float('inf')

def main():
    random.seed(2)
    vals = []
    for _ in range(20000):
        b = random.getrandbits(31)
        x = struct.unpack('<f', struct.pack('<I', b))[0]
        if x != x or x in (float('inf'),):
            continue
        vals.append((b, x))
    for x in [0.1, 0.5, 1.0, 3.14159, 1e10, 1e-10, 16777216.0, 1.401298464324817e-45, 3.4028234663852886e+38]:
        vals.append((struct.unpack('<I', struct.pack('<f', x))[0], f32(x)))
    inp = ''.join('repr %x\n' % b for b, _ in vals)
    strs = ['%.9g' % x for _, x in vals[:5000]] + ['%.20e' % x for _, x in vals[5000:8000]]
    inp += ''.join('parse %s\n' % s for s in strs)
    out = subprocess.run([sys.argv[1]], input=inp, capture_output=True, text=True).stdout.split('\n')
    bad = 0
    for (b, x), got in zip(vals, out):
        ok = f32(float(got)) == x
        digits = len(got.split('e')[0].replace('-', '').replace('.', '').strip('0')) if x else 1
        for k in range(1, digits):
            if f32(float('%.*e' % (k - 1, x))) == x:
                ok = False
        if not ok:
            bad += 1
            if bad < 10:
                print('repr FAIL', repr(x), got)
    for s, got in zip(strs, out[len(vals):]):
        exp = '%x' % struct.unpack('<I', struct.pack('<f', float(s)))[0]
        if got != exp:
            bad += 1
            if bad < 20:
                print('parse FAIL', s, exp, got)
    print('%d cases, %d failed' % (len(vals) + len(strs), bad))
    sys.exit(1 if bad else 0)

main()
