#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the QEMU build's ROM arithmetic helpers (platform/qemu/romfuncs.c)
against the host: integer division and 64-bit multiplication, and IEEE 754
single and double arithmetic and conversions, on random and edge-case
operands (zeros, subnormals, infinities, NaNs, extremes).

    romfuncs_check.py ELF [--count N] [--seed S]

ELF is build/qemu/romfuncs_check.elf (tests/unit/romfuncs_check.c). Prints
`romfuncs: N checked, N wrong` and exits 1 when a result is wrong."""
import argparse
import ctypes
import random
import struct
import subprocess
import sys

QEMU = ["qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-nodefaults", "-display", "none",
        "-monitor", "none", "-serial", "none", "-semihosting", "-kernel"]
M32, M64 = (1 << 32) - 1, (1 << 64) - 1


def d2u(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def u2d(u):
    return struct.unpack("<d", struct.pack("<Q", u))[0]


def f2u(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def u2f(u):
    return struct.unpack("<f", struct.pack("<I", u))[0]


def to_f32(x):
    return ctypes.c_float(x).value       # a C cast: rounds to nearest even, overflows to inf


def s32(u):
    return u - (1 << 32) if u >> 31 else u


def s64(u):
    return u - (1 << 64) if u >> 63 else u


def is_nan64(u):
    return (u >> 52) & 0x7FF == 0x7FF and u & ((1 << 52) - 1)


def is_nan32(u):
    return (u >> 23) & 0xFF == 0xFF and u & ((1 << 23) - 1)


class Operands:
    def __init__(self, rng):
        self.r = rng

    def f64(self):
        r = self.r.random()
        if r < 0.3:
            return self.r.getrandbits(64)
        if r < 0.4:
            return self.r.choice([0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000001, 1,
                                  0x000FFFFFFFFFFFFF, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF, d2u(1.0), d2u(-1.0)])
        if r < 0.5:
            exp = self.r.choice([0, 1, 2, 0x7FE, 0x7FD, 0x3FF])
            return self.r.getrandbits(52) | exp << 52 | self.r.getrandbits(1) << 63
        if r < 0.8:
            return d2u(self.r.uniform(-1000, 1000))
        return d2u(self.r.randint(-10**6, 10**6) * 2.0 ** self.r.randint(-60, 60))

    def f32(self):
        r = self.r.random()
        if r < 0.3:
            return self.r.getrandbits(32)
        if r < 0.4:
            return self.r.choice([0, 1 << 31, 0x7F800000, 0xFF800000, 0x7FC00001, 1, 0x007FFFFF, 0x00800000,
                                  0x7F7FFFFF, f2u(1.0)])
        if r < 0.5:
            exp = self.r.choice([0, 1, 2, 0xFE, 0xFD, 0x7F])
            return self.r.getrandbits(23) | exp << 23 | self.r.getrandbits(1) << 31
        return f2u(to_f32(self.r.uniform(-1000, 1000) * 2.0 ** self.r.randint(-30, 30)))

    def i32(self):
        r = self.r.random()
        if r < 0.3:
            return self.r.getrandbits(32)
        if r < 0.5:
            return self.r.choice([0, 1, M32, 0x80000000, 0x7FFFFFFF, 0x80000001, 2, 10])
        return self.r.getrandbits(self.r.randint(1, 32))

    def i64(self):
        r = self.r.random()
        if r < 0.3:
            return self.r.getrandbits(64)
        if r < 0.4:
            return self.r.choice([0, 1, M64, 1 << 63, (1 << 63) - 1, 1 << 32, M32, 10])
        return self.r.getrandbits(self.r.randint(1, 64))


def float_div(x, y, a_sign, b_sign):
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return float("nan")
        return float("inf") if a_sign == b_sign else float("-inf")


def trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def records(ops, count):
    """Yields (op, a, b, expected, kind): kind 'd', 'f' or an integer mask."""
    double_ops = [lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, None]
    for _ in range(count):
        for op in range(4):
            a, b = ops.f64(), ops.f64()
            x, y = u2d(a), u2d(b)
            try:
                e = float_div(x, y, a >> 63, b >> 63) if op == 3 else double_ops[op](x, y)
            except OverflowError:
                continue
            yield op, a, b, d2u(e), "d"
        for op in range(4, 8):
            a, b = ops.f32(), ops.f32()
            x, y = u2f(a), u2f(b)
            try:
                e = float_div(x, y, a >> 31, b >> 31) if op == 7 else double_ops[op - 4](x, y)
            except OverflowError:
                continue
            yield op, a, b, f2u(to_f32(e)), "f"
        a = ops.f32()
        yield 8, a, 0, d2u(u2f(a)), "d"
        a = ops.f64()
        yield 9, a, 0, f2u(to_f32(u2d(a))), "f"
        x = u2d(ops.f64())
        if x == x and abs(x) < 2**31:
            yield 10, d2u(x), 0, int(x) & M32, M32
        x = abs(ops.r.uniform(0, 2**32) if ops.r.random() < 0.5 else u2d(ops.f64()))
        if x == x and x < 2**32:
            yield 11, d2u(x), 0, int(x), M32
        i = ops.i32()
        yield 12, i, 0, d2u(float(s32(i))), "d"
        yield 13, i, 0, d2u(float(i)), "d"
        yield 14, i, 0, f2u(to_f32(float(s32(i)))), "f"
        yield 15, i, 0, f2u(to_f32(float(i))), "f"
        x = abs(u2f(ops.f32()))
        if x == x and x < 2**32:
            yield 16, f2u(x), 0, int(x), M32
        a, b = ops.i32(), ops.i32() or 7
        yield 17, a, b, a // b, M32
        yield 18, a, b, a % b, M32
        q = trunc_div(s32(a), s32(b))
        yield 19, a, b, q & M32, M32
        yield 20, a, b, (s32(a) - q * s32(b)) & M32, M32
        a, b = ops.i64(), ops.i64() or 3
        if ops.r.random() < 0.5:
            b = (b >> ops.r.randint(0, 63)) or 5
        yield 21, a, b, a // b, M64
        yield 22, a, b, a % b, M64
        yield 23, a, b, trunc_div(s64(a), s64(b)) & M64, M64
        a, b = ops.i32(), ops.i32()
        yield 24, a, b, a * b, M64
        a, b = ops.i64(), ops.i64()
        yield 25, a, b, (a * b) & M64, M64


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("elf")
    ap.add_argument("--count", type=int, default=2000, help="rounds of every operation")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    recs = list(records(Operands(random.Random(args.seed)), args.count))
    stream = bytearray()
    for i in range(0, len(recs), 64):
        batch = recs[i:i + 64]
        stream += struct.pack("<I", len(batch))
        for op, a, b, _, _ in batch:
            stream += struct.pack("<IQQ", op, a, b)
    p = subprocess.run(QEMU + [args.elf], input=bytes(stream), stdout=subprocess.PIPE, timeout=300)
    got = struct.unpack("<%dQ" % (len(p.stdout) // 8), p.stdout[:len(p.stdout) // 8 * 8])
    if p.returncode != 0 or len(got) != len(recs):
        print("romfuncs: the check program failed (status %d, %d of %d results)"
              % (p.returncode, len(got), len(recs)))
        return 1
    wrong = 0
    for (op, a, b, want, kind), g in zip(recs, got):
        if kind == "d":
            ok = g == want or (is_nan64(g) and is_nan64(want))
        elif kind == "f":
            g &= M32
            ok = g == want or (is_nan32(g) and is_nan32(want))
        else:
            g &= kind
            ok = g == want
        if not ok:
            wrong += 1
            if wrong <= 10:
                print("romfuncs: op %d (%#x, %#x) gave %#x, expected %#x" % (op, a, b, g, want))
    print("romfuncs: %d checked, %d wrong" % (len(recs), wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
