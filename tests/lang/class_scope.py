# class body scoping rules
x = "global x"
class A:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    def method_cls(self):
        return A.x
    lst = [x for _ in range(1)]
print(A.y, A().method(), A().method_cls(), A.lst)
def outer():
    v = "enclosing"
    class B:
        w = v
        def m(self):
            return v
    return B
B = outer()
print(B.w, B().m())
def shadow():
    v = "func"
    class C:
        v = "class"
        def get(self):
            return v
    return C().get(), C.v
print(shadow())
class D:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
d1, d2 = D(), D()
print(d1.inc(), d1.inc(), d2.inc(), D.count)
class E:
    items = []
    def add(self, v):
        self.items.append(v)
e1, e2 = E(), E()
e1.add(1)
e2.add(2)
print(E.items, e1.items is e2.items)
class F:
    a = 1
    b = a * 2
    del a
print(hasattr(F, "a"), F.b)
class G:
    def helper():
        return "helper"
    value = helper()
print(G.value)
class H:
    name = "H"
    def __init__(self):
        self.name = "instance"
    def who(self):
        return self.name, type(self).name
print(H().who())
def make(n):
    class Dyn:
        size = n
        def get(self):
            return self.size * n
    return Dyn
print(make(3)().get(), make(4).size, make(1) is make(1))
class Outer:
    class Inner:
        val = "inner"
    def get(self):
        return self.Inner.val
print(Outer.Inner.val, Outer().get(), Outer.Inner.__name__)
