# A module's __getattr__ is called for names it does not have (PEP 562).
import _getattr_mod as m

print(m.present, m.calls)
print(m.lazy_one, m.calls)
print(m.lazy_one, m.calls)          # now a global: no second call
from _getattr_mod import lazy_two

print(lazy_two, m.calls)
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(m, "other"), getattr(m, "other2", "default"))
print(m.calls)
try:
    from _getattr_mod import absent
except ImportError:
    print("ImportError")
m.present = "changed"
print(m.present, "present" in m.calls)
