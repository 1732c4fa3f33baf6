# Benchmark: a small ray tracer with classes and floats.
class V3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return V3(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V3(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return V3(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        m = self.dot(self) ** 0.5
        return V3(self.x / m, self.y / m, self.z / m)


class Ray:
    def __init__(self, origin, direction):
        self.o = origin
        self.d = direction


class Sphere:
    def __init__(self, center, radius, color, refl):
        self.c = center
        self.r2 = radius * radius
        self.color = color
        self.refl = refl

    def hit(self, ray):
        oc = ray.o - self.c
        b = oc.dot(ray.d)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0:
            return None
        sq = disc ** 0.5
        t = -b - sq
        if t > 1e-6:
            return t
        t = -b + sq
        if t > 1e-6:
            return t
        return None

    def normal(self, p):
        return (p - self.c).norm()


class Plane:
    def __init__(self, y, color, refl):
        self.y = y
        self.color = color
        self.refl = refl

    def hit(self, ray):
        if abs(ray.d.y) < 1e-9:
            return None
        t = (self.y - ray.o.y) / ray.d.y
        return t if t > 1e-6 else None

    def normal(self, p):
        return V3(0.0, 1.0, 0.0)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(V3(0.0, 1.0, 5.0), 1.0, V3(0.9, 0.2, 0.2), 0.3),
            Sphere(V3(-2.0, 0.7, 6.0), 0.7, V3(0.2, 0.9, 0.2), 0.5),
            Sphere(V3(2.0, 0.5, 4.0), 0.5, V3(0.2, 0.2, 0.9), 0.1),
            Plane(0.0, V3(0.8, 0.8, 0.8), 0.2),
        ]
        self.light = V3(5.0, 8.0, -3.0)

    def nearest(self, ray):
        best = None
        best_t = 1e30
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return V3(0.1, 0.1, 0.2)
        p = ray.o + ray.d * t
        n = obj.normal(p)
        to_light = (self.light - p).norm()
        shadow, st = self.nearest(Ray(p, to_light))
        diffuse = max(0.0, n.dot(to_light))
        if shadow is not None:
            diffuse *= 0.3
        col = obj.color * (0.1 + 0.9 * diffuse)
        if depth > 0 and obj.refl > 0:
            rd = ray.d - n * (2 * ray.d.dot(n))
            col = col * (1 - obj.refl) + self.trace(Ray(p, rd.norm()), depth - 1) * obj.refl
        return col


def render(w, h):
    scene = Scene()
    eye = V3(0.0, 1.0, -1.0)
    total = V3(0.0, 0.0, 0.0)
    hist = [0] * 8
    for j in range(h):
        for i in range(w):
            d = V3((i - w / 2) / w, (h / 2 - j) / h, 1.0).norm()
            c = scene.trace(Ray(eye, d), 2)
            total = total + c
            lum = 0.3 * c.x + 0.59 * c.y + 0.11 * c.z
            hist[min(7, int(lum * 8))] += 1
    return total, hist


def main():
    total, hist = render(320, 240)
    print("raytrace: %.3f %.3f %.3f" % (total.x, total.y, total.z), hist)


main()
