# inheritance
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age
    def speak(self):
        return Dog.speak(self) + "!"
class Cat(Animal):
    kind = "cat"
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.describe())
p = Puppy("p", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, object))
print(isinstance(p, (Cat, Dog)), issubclass(Cat, (Dog, Animal)))
print(Puppy.__bases__ == (Dog,), Animal.__bases__ == (object,), Puppy.kind, p.age)
print([c.__name__ for c in Puppy.__mro__])
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
class A:
    x = 1
class B(A):
    pass
B.x = 2
print(A.x, B.x)
del B.x
print(B.x)
A.y = "late"
print(B().y)
class Shape:
    def area(self):
        raise NotImplementedError
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape().area()
except NotImplementedError:
    print("NotImplementedError")
print(Sq(4).area(), sum(s.area() for s in [Sq(1), Sq(2)]))
class Multi(Dog, Cat):
    pass
print(Multi("m").describe(), [c.__name__ for c in Multi.__mro__])
class Left:
    def who(self):
        return "left"
class Right:
    def who(self):
        return "right"
    def only_right(self):
        return "R"
class Both(Left, Right):
    pass
print(Both().who(), Both().only_right())
class Init1:
    def __init__(self):
        self.tag = "init1"
class Init2(Init1):
    pass
print(Init2().tag)
print(type(p) == Puppy, type(p) == Dog)
