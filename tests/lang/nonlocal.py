# nonlocal
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(10))
def two_levels():
    x = "a"
    def mid():
        def inner():
            nonlocal x
            x = x + "c"
        nonlocal x
        x = x + "b"
        inner()
    mid()
    return x
print(two_levels())
def skip_level():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v = 99
        inner()
        return v
    r = mid()
    return r, v
print(skip_level())
def nested_shadow():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x = 3
        inner()
        return x
    return mid(), x
print(nested_shadow())
def loop_nl():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(loop_nl())
def multi():
    a = b = 0
    def set_both():
        nonlocal a, b
        a, b = 1, 2
    set_both()
    return a, b
print(multi())
def gen_nl():
    state = 0
    def g():
        nonlocal state
        while state < 3:
            state += 1
            yield state
    return list(g()), state
print(gen_nl())
def make_acc():
    items = []
    count = 0
    def add(x):
        nonlocal count
        items.append(x)
        count += 1
        return count, items
    return add
a = make_acc()
a("x")
print(a("y"))
def delete_nl():
    v = 5
    def d():
        nonlocal v
        del v
    d()
    try:
        return v
    except NameError:
        return "NameError"
print(delete_nl())
