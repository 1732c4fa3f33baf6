# try/finally with return/break/continue, nested handlers, re-raise
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f3())
def f4():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("no else")
    return i
print(f4())
def f5():
    for i in range(3):
        try:
            try:
                raise KeyError(i)
            finally:
                print("inner fin", i)
        except KeyError as e:
            print("caught", repr(e))
            if i == 1:
                return "ret from except"
        finally:
            print("outer fin", i)
print(f5())
def f6():
    x = 0
    while True:
        try:
            x += 1
            if x > 3:
                return x
        finally:
            if x == 2:
                print("fin x=2")
print(f6())
def f7():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("handling")
            raise
    except ZeroDivisionError as e:
        print("re-raised", e)
f7()
def f8():
    try:
        raise TypeError("a")
    except TypeError as e:
        try:
            raise ValueError("b")
        except ValueError as e2:
            print("inner", e2)
        print("outer still", e)
        return e.__class__.__name__
print(f8())
def f9():
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        e
    except NameError:
        print("e deleted after except")
f9()
def f10():
    r = []
    for i in range(3):
        try:
            try:
                if i == 0:
                    raise IndexError
                r.append("t%d" % i)
            except IndexError:
                r.append("ie")
                continue
            else:
                r.append("else%d" % i)
                if i == 2:
                    break
            finally:
                r.append("f%d" % i)
        finally:
            r.append("F%d" % i)
    return r
print(f10())
def f11():
    try:
        raise RuntimeError("first")
    except RuntimeError:
        try:
            raise
        except RuntimeError as e:
            return "bare raise inside except: " + str(e)
print(f11())
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
for v in g:
    print("got", v)
    break
print("after break")
g.close()
print("after close")
def f12():
    try:
        return [i for i in range(3)]
    finally:
        print("f12 fin")
print(f12())
def f13(n):
    try:
        if n:
            raise ValueError(n)
        return "ok"
    except ValueError as e:
        return "err %s" % e
    else:
        return "else"
    finally:
        print("f13 fin", n)
print(f13(0), f13(5))
