# exception chaining: raise ... from ..., __cause__, __context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise IndexError("first")
    except IndexError:
        raise TypeError("second") from None
except TypeError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(e, repr(e.__cause__), e.__context__)
e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__)
def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except KeyError as e:
        raise LookupError("mid") from e
def level1():
    try:
        level2()
    except LookupError as e:
        raise RuntimeError("top") from e
try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append("%s(%s)" % (type(cur).__name__, cur))
        cur = cur.__cause__
    print(" <- ".join(chain))
try:
    raise ValueError("x") from 5
except TypeError:
    print("TypeError bad cause")
try:
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise IndexError(2)
        except IndexError:
            raise ValueError(3)
except ValueError as e:
    ctx = e.__context__
    print(type(ctx).__name__, type(ctx.__context__).__name__)
try:
    try:
        raise OSError("io")
    finally:
        print("finally runs")
except OSError as e:
    print("caught", e, e.__context__)
try:
    try:
        raise ValueError("orig")
    finally:
        try:
            raise KeyError("in finally")
        except KeyError:
            pass
except ValueError as e:
    print("original preserved:", e)
err = KeyError("manual")
err.__cause__ = ValueError("set by hand")
print(type(err.__cause__).__name__)
try:
    raise ValueError("y") from TypeError
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
