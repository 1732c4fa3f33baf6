# exception objects: args, str, repr, attributes, hierarchy, subclassing
def show(e):
    print(type(e).__name__, repr(e), str(e), e.args)

show(Exception())
show(Exception("one"))
show(Exception("one", 2))
show(Exception(None))
show(ValueError(1, "x"))
show(KeyError("k"))
show(KeyError())
show(KeyError("a", "b"))
show(IndexError(5))
show(StopIteration(3))
show(OSError(2, "No such file"))
show(SystemExit(4))
show(AssertionError("msg"))
print(StopIteration(9).value, StopIteration().value, SystemExit(3).code, SystemExit().code, OSError(5, "x").errno)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(OverflowError, ArithmeticError), issubclass(UnicodeError, ValueError), issubclass(NotImplementedError, RuntimeError))
import builtins
print(issubclass(getattr(builtins, "RecursionError", RuntimeError), RuntimeError))
print(issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(SystemExit, BaseException), issubclass(Exception, BaseException), issubclass(AttributeError, Exception))
print(issubclass(ImportError, Exception), issubclass(TypeError, ValueError), isinstance(KeyError(), LookupError))
class MyErr(ValueError):
    def __init__(self, code, msg="m"):
        super().__init__(code, msg)
        self.code = code
class Other(MyErr):
    def __str__(self):
        return "Other<%s>" % self.code
for E in [MyErr, Other]:
    try:
        raise E(42)
    except ValueError as e:
        show(e)
        print(e.code, isinstance(e, MyErr))
class Bare(Exception):
    pass
show(Bare())
show(Bare("x", "y"))
try:
    raise Bare
except Bare as e:
    show(e)
try:
    raise ValueError
except ValueError as e:
    show(e)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise object
except TypeError as e:
    print("TypeError", e)
try:
    try:
        raise KeyError("inner")
    except (TypeError, KeyError) as e:
        print("tuple catch", repr(e))
        raise IndexError("outer") from e
except IndexError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError("no cause") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
err = ValueError("kept")
try:
    raise err
except ValueError as e:
    print(e is err)
e2 = Exception("a", "b")
e2.args = ("c",)
print(e2, e2.args)
try:
    {}["missing"]
except LookupError as e:
    show(e)
try:
    [][1]
except LookupError as e:
    show(e)
try:
    undefined_thing
except NameError as e:
    show(e)
try:
    None.foo
except AttributeError as e:
    show(e)
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError", e)
try:
    assert 1 == 2, "assert message"
except AssertionError as e:
    show(e)
try:
    assert False
except AssertionError as e:
    show(e)
print(repr(BaseException("x")), str(BaseException()), repr(ZeroDivisionError("z")))
def catcher(exc):
    try:
        raise exc
    except (ArithmeticError, LookupError) as e:
        return "arith/lookup " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
for ex in [ZeroDivisionError, KeyError, ValueError, OverflowError(), IndexError("i")]:
    print(catcher(ex))
