# helper module for module_getattr.py (not a test: name starts with '_')
# A module-level __getattr__ (PEP 562) answers for names the module lacks.
present = "present"
calls = []


def __getattr__(name):
    if not name.startswith("__"):  # CPython's from-import asks for __path__
        calls.append(name)
    if name.startswith("lazy_"):
        value = name[5:].upper()
        globals()[name] = value    # later lookups find it without a call
        return value
    raise AttributeError("no " + name)
