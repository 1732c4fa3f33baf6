# SPDX-License-Identifier: MIT
# Random format specs for int, float, bool and str; run with espy and
# python3 and compare (tests/unit/num_check.sh).
seed = 7


def choice(seq):
    # a small LCG: espy has no random module yet
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seq[(seed >> 8) % len(seq)]


vals = [0, 1, -1, 42, -1234567, 2**40, -(10**25), True, 0.0, -0.0, 1.5, -2.675, 1e16, 1e-7, 123456.789,
        float('inf'), float('nan'), 5e-324, 'abc', '', 'héllo']
parts = [['', 'x<', '*>', '0=', '^', '<', '>', '=', 'é^'], ['', '+', '-', ' '], ['', 'z'], ['', '#'], ['', '0'],
         ['', '1', '8', '15'], ['', ',', '_'], ['', '.0', '.1', '.3', '.10'],
         ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's']]
for i in range(4000):
    v = choice(vals)
    spec = ''.join(choice(p) for p in parts)
    try:
        r = repr(format(v, spec))
    except Exception as e:
        r = '!! %s %s' % (type(e).__name__, e)
    print(repr(v), repr(spec), r)
