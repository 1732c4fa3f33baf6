# an uncaught exception: stdout up to the raise is kept, exit status is 1
def inner():
    print("in inner")
    raise ValueError("uncaught on purpose")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
print("start")
outer()
print("never printed")
