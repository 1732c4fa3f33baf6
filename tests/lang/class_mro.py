# method resolution order (C3)
def names(cls):
    return [c.__name__ for c in cls.__mro__]
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print(names(Z))
class Top:
    def who(self):
        return "Top"
class L(Top):
    def who(self):
        return "L>" + super().who()
class R(Top):
    def who(self):
        return "R>" + super().who()
class Bottom(L, R):
    def who(self):
        return "Bottom>" + super().who()
print(names(Bottom), Bottom().who())
class X: pass
class Y: pass
try:
    class Bad(X, Y): pass
    class Bad2(Y, X): pass
    class Worse(Bad, Bad2): pass
    print("no error")
except TypeError:
    print("TypeError MRO conflict")
try:
    class Dup(X, X): pass
except TypeError:
    print("TypeError duplicate base")
class F: x = "F"
class G(F): pass
class H(F): x = "H"
class I(G, H): pass
print(I.x, names(I))
class Mix1:
    def hello(self):
        return ["Mix1"] + super().hello()
class Mix2:
    def hello(self):
        return ["Mix2"] + super().hello()
class BaseH:
    def hello(self):
        return ["BaseH"]
class Final(Mix1, Mix2, BaseH):
    pass
print(Final().hello(), names(Final))
print(Z.mro() == list(Z.__mro__), names(object), names(int), names(bool))
