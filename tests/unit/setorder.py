#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compares espy's set table with CPython's: random operations on sets of
ints, run by CPython here and by the unit-test binary (`test_containers
setops`), must print the same sets in the same order.

    tests/unit/setorder.py /tmp/tc [SEED]"""
import random
import subprocess
import sys


def script(rng):
    ops = []
    for _ in range(rng.randint(1, 400)):
        r = rng.random()
        span = rng.choice([10, 50, 200, 5000])
        if r < 0.5:
            ops.append("a %d" % rng.randint(-span // 4, span))
        elif r < 0.65:
            ops.append("d %d" % rng.randint(-span // 4, span))
        elif r < 0.7:
            ops.append("p")
        elif r < 0.75:
            ops.append("r")
        elif r < 0.77:
            ops.append("c")
        elif r < 0.79:
            ops.append("S")
        elif r < 0.81:
            ops.append("n")
        elif r < 0.9:
            kind = rng.choice("uixo")
            ops.append(kind + " " + " ".join(str(rng.randint(0, span)) for _ in range(rng.randint(0, 30))))
    ops.append("r")
    return ops


def run_python(ops):
    out = []
    s, saved = set(), set()
    for op in ops:
        k, _, rest = op.partition(" ")
        if k == "a":
            s.add(int(rest))
        elif k == "d":
            s.discard(int(rest))
        elif k == "p":
            out.append(repr(s.pop()) if s else None)
        elif k == "r":
            out.append(repr(s))
        elif k == "n":
            s = set()
        elif k == "c":
            saved = s.copy()
        elif k == "S":
            out.append("%r %r %r %r" % (s | saved, s & saved, s - saved, s ^ saved))
        else:
            items = [int(x) for x in rest.split()]
            {"u": s.update, "i": s.intersection_update, "x": s.symmetric_difference_update,
             "o": s.difference_update}[k](items)
    return out


def main():
    binary = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    failed = 0
    for n in range(300):
        ops = script(rng)
        # pop from an empty set raises in both: drop those scripts
        try:
            expected = run_python(ops)
        except KeyError:
            continue
        if None in expected:
            continue
        got = subprocess.run([binary, "setops"], input="\n".join(ops) + "\n", capture_output=True,
                             text=True).stdout.splitlines()
        if got != expected:
            failed += 1
            if failed <= 3:
                for i, (g, e) in enumerate(zip(got, expected)):
                    if g != e:
                        print("script %d line %d:\n  espy   %s\n  python %s" % (n, i, g[:300], e[:300]))
                        break
                else:
                    print("script %d: %d lines vs %d" % (n, len(got), len(expected)))
    print("%d scripts differ" % failed)
    return failed != 0


sys.exit(main())
