# random: MicroPython's Yasmarang generator, so the numbers are
# MicroPython's, not CPython's (hence the .exp file): the same seed gives
# the same sequence; values stay in their ranges; every error.
import random

random.seed(1)
a = [random.getrandbits(8) for i in range(8)]
random.seed(1)
b = [random.getrandbits(8) for i in range(8)]
print(a, a == b)
random.seed(2)
print([random.getrandbits(8) for i in range(8)] != a)

random.seed(12345)
print([random.getrandbits(32) for i in range(3)])
print([random.getrandbits(n) for n in (0, 1, 2, 16, 31, 32)])
print([random.randrange(10) for i in range(10)])
print([random.randrange(-5, 5) for i in range(10)])
print([random.randrange(10, 100, 7) for i in range(10)])
print([random.randrange(100, 10, -7) for i in range(10)])
print([random.randint(1, 6) for i in range(10)])
print([random.randint(-3, -3) for i in range(3)])
print([random.choice("abcdef") for i in range(10)])
print([random.choice([None, True, 3]) for i in range(6)])
print(random.choice((7,)), random.choice(range(40, 50)))

# Seeds are taken modulo 2**32: any int, negative or big.
random.seed(2**32 + 5)
x = random.getrandbits(32)
random.seed(5)
print(x == random.getrandbits(32))
random.seed(-1)
x = random.getrandbits(32)
random.seed(0xFFFFFFFF)
print(x == random.getrandbits(32))
random.seed(True)
x = random.getrandbits(32)
random.seed(1)
print(x == random.getrandbits(32))

# Ranges: every value reachable, none outside.
random.seed(7)
seen = set(random.randrange(3, 12, 4) for i in range(200))
print(sorted(seen))
seen = set(random.randint(-2, 2) for i in range(200))
print(sorted(seen))
print(all(0 <= random.getrandbits(3) < 8 for i in range(200)))
print(all(-10 < random.randrange(0, -10, -1) <= 0 for i in range(200)))
print(set(random.getrandbits(1) for i in range(100)))

# random() and uniform(): floats in [0, 1) and [a, b].
f = [random.random() for i in range(200)]
print(type(f[0]).__name__, all(0.0 <= x < 1.0 for x in f), len(set(f)) > 190)
u = [random.uniform(2, 5) for i in range(200)]
print(all(2.0 <= x <= 5.0 for x in u), min(u) < 2.5, max(u) > 4.5)
print(all(-1.0 <= random.uniform(-1, -1.0) <= -1.0 for i in range(3)))
print(all(3 <= random.uniform(4, 3) <= 4 for i in range(50)))

# Seeding from the hardware (ticks for now) still gives numbers.
random.seed()
random.seed(None)
print(0 <= random.randrange(10) < 10)


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: random.getrandbits(-1))
check(lambda: random.getrandbits(33))
check(lambda: random.getrandbits(1.5))
check(lambda: random.randrange(0))
check(lambda: random.randrange(-3))
check(lambda: random.randrange(5, 5))
check(lambda: random.randrange(5, 1))
check(lambda: random.randrange(1, 10, 0))
check(lambda: random.randrange(1, 10, -1))
check(lambda: random.randrange(10, 1, 1))
check(lambda: random.randrange(1.5))
check(lambda: random.randrange("a"))
check(lambda: random.randint(5, 1))
check(lambda: random.randint(1.5, 3))
check(lambda: random.randint(1))
check(lambda: random.choice([]))
check(lambda: random.choice(""))
check(lambda: random.choice({1: 2}))
check(lambda: random.choice(5))
check(lambda: random.seed(1.5))
check(lambda: random.seed("a"))
check(lambda: random.uniform("a", 1))
check(lambda: random.random(1))
