# Benchmark: classes, attribute access and method calls.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self


class Particle:
    count = 0

    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self.alive = True
        Particle.count += 1

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x > 1000:
            self.pos.x -= 1000
        self.vel.y = -self.vel.y

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1

    def get(self):
        return self.n


class Base:
    def value(self):
        return 1


class Mid(Base):
    def value(self):
        return super().value() + 1


class Leaf(Mid):
    def value(self):
        return super().value() * 3


def main():
    ps = [Particle(i) for i in range(100)]
    for _ in range(10000):
        for p in ps:
            p.step()
    e = sum(p.energy for p in ps)
    sx = sum(p.pos.x for p in ps)
    c = Counter()
    for i in range(3000000):
        c.inc()
    leaf = Leaf()
    lv = 0
    for i in range(900000):
        lv += leaf.value()
    v = Vec(1, 1)
    for i in range(900000):
        v.scale(1)
        v = v.add(Vec(0, 1))
    print("attrs:", e, sx, c.get(), lv, v.x, v.y, Particle.count)


main()
