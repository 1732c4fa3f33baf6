# global statement and module scope
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def make_new():
    global brand_new
    brand_new = "created"
make_new()
print(brand_new)
x = 10
def read_only():
    return x * 2
print(read_only())
def local_shadow():
    x = 5
    return x
print(local_shadow(), x)
def unbound_local():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError", isinstance(e, NameError))
    x = 1
unbound_local()
def nested():
    def inner():
        global x
        x = 77
    inner()
nested()
print(x)
def del_global():
    global tmp
    tmp = 1
    del tmp
del_global()
print("tmp" in globals())
try:
    print(undefined_name)
except NameError:
    print("NameError")
g = globals()
g["injected"] = 123
print(injected)
print("bump" in globals(), globals()["counter"], __name__)
class C:
    global cls_global
    cls_global = "from class"
    y = x + 1
print(cls_global, C.y)
for loop_var in range(3):
    pass
print(loop_var)
if True:
    in_block = "visible"
print(in_block)
def uses_builtin():
    return len([1, 2])
len_backup = len
def shadow_builtin():
    global len
    len = lambda obj: -1
shadow_builtin()
print(uses_builtin())
del len
print(uses_builtin(), len_backup is len)
