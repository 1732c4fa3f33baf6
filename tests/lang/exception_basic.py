# exceptions
def classify(fn):
    try:
        fn()
    except ZeroDivisionError as e:
        return "ZeroDivisionError"
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__
    else:
        return "no exception"
    finally:
        pass
print(classify(lambda: 1 / 0))
print(classify(lambda: {}["k"]))
print(classify(lambda: [][0]))
print(classify(lambda: int("x")))
print(classify(lambda: None.attr))
print(classify(lambda: undefined_var))
print(classify(lambda: 1 + "a"))
print(classify(lambda: 42))
try:
    raise ValueError("msg", 2)
except ValueError as e:
    print(e.args, len(e.args), repr(ValueError("a")), str(ValueError("a")), str(ValueError()))
try:
    raise TypeError
except TypeError as e:
    print("class raised", type(e).__name__, e.args)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling")
        raise
except KeyError as e:
    print("re-raised", e)
try:
    try:
        raise IndexError("a")
    except IndexError:
        raise ValueError("b")
except ValueError as e:
    print("replaced", e, type(e.__context__).__name__)
e_outside = None
try:
    raise RuntimeError("x")
except RuntimeError as e:
    e_outside = e
try:
    e
    print("e still bound")
except NameError:
    print("e unbound after except")
print(type(e_outside).__name__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(IndexError, LookupError), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(OSError, Exception), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnicodeError, ValueError), issubclass(AttributeError, Exception))
def nested_tries(n):
    out = []
    try:
        try:
            if n == 0:
                raise ValueError
            out.append("inner ok")
        finally:
            out.append("inner finally")
    except ValueError:
        out.append("outer caught")
    return out
print(nested_tries(0), nested_tries(1))
def raise_in_else():
    try:
        pass
    except ValueError:
        return "wrong"
    else:
        raise KeyError("from else")
try:
    raise_in_else()
except KeyError as e:
    print("else raised", e)
try:
    raise Exception("base")
except BaseException as e:
    print("BaseException caught", e)
for exc in [ValueError, TypeError, KeyError, IndexError, AttributeError, NameError,
            ZeroDivisionError, OverflowError, RuntimeError, StopIteration, AssertionError,
            NotImplementedError, OSError, MemoryError, ImportError, SyntaxError]:
    try:
        raise exc("m")
    except exc as e:
        print(exc.__name__, e.args, end="; ")
print()
try:
    raise 5
except TypeError:
    print("TypeError raising non-exception")
def loop_raise():
    for i in range(5):
        try:
            if i % 2:
                raise ValueError(i)
        except ValueError as e:
            print("odd", e.args[0], end=" ")
            continue
        print("even", i, end=" ")
    print()
loop_raise()
try:
    [1, 2, 3].index(7)
except ValueError:
    print("ValueError from method")
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print(e is err)
# sys.exc_info inside and outside a handler
import sys
print(sys.exc_info())
try:
    {}["gone"]
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is None or hasattr(tb, "tb_lineno"))
print(sys.exc_info())
