# helper module for import_module.py (not a test: name starts with '_')
VALUE = 42
public_name = "public"
_private = "hidden"
state = []
load_count = 1
print("loading _mod_helper")


def double(x):
    return x * 2


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hello " + self.name


def counter():
    state.append(len(state))
    return len(state)
