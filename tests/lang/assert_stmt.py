# assert
assert True
assert 1 == 1, "not raised"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args[0])
calls = []
def side():
    calls.append(1)
    return "msg"
assert True, side()
print(calls)
try:
    assert 0, side()
except AssertionError as e:
    print(e, calls)
def check(x):
    assert isinstance(x, int), "need int, got %s" % type(x).__name__
    return x * 2
print(check(4))
try:
    check("s")
except AssertionError as e:
    print(e)
x = 5
assert (x > 0), "paren"
print(issubclass(AssertionError, Exception))
