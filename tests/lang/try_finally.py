# try/finally with return, break, continue
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally after return")
print(ret_in_try())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(swallow())
def break_in_try():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(break_in_try())
def continue_in_try():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f")
    return out
print(continue_in_try())
def nested():
    out = []
    try:
        try:
            out.append("inner")
            return out
        finally:
            out.append("inner finally")
    finally:
        out.append("outer finally")
print(nested())
def while_finally():
    n = 0
    out = []
    while True:
        try:
            n += 1
            if n > 3:
                break
            if n == 2:
                continue
            out.append(n)
        finally:
            out.append("fin%d" % n)
    return out
print(while_finally())
def return_value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_captured())
def exc_through_finally():
    try:
        try:
            raise KeyError("k")
        finally:
            print("cleanup")
    except KeyError as e:
        return "caught " + repr(e)
print(exc_through_finally())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "exception discarded by break", i
print(break_in_finally())
def deep_return():
    for i in range(3):
        for j in range(3):
            try:
                try:
                    if i == 1 and j == 1:
                        return (i, j)
                finally:
                    print("inner", i, j)
            finally:
                pass
print(deep_return())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
# When a suspended generator is finalised is an implementation detail
# (CPython: at once, by reference counting); close() runs its finally blocks.
g = gen_finally()
for v in g:
    print("got", v)
    break
g.close()
print("loop done")
def finally_order():
    log = []
    try:
        try:
            log.append(1)
            raise ValueError
        except ValueError:
            log.append(2)
            return log
        finally:
            log.append(3)
    finally:
        log.append(4)
print(finally_order())
def try_else_finally(fail):
    log = []
    try:
        if fail:
            raise IndexError
    except IndexError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(try_else_finally(True), try_else_finally(False))
count = 0
for i in range(10):
    try:
        if i % 3 == 0:
            continue
        count += i
    finally:
        count += 100
print(count)
def raise_in_finally():
    try:
        return 1
    finally:
        raise RuntimeError("from finally")
try:
    raise_in_finally()
except RuntimeError as e:
    print("RuntimeError", e)
