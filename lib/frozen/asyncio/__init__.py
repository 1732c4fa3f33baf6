# SPDX-License-Identifier: MIT
# asyncio, MicroPython's subset (its API and behaviour), in Python.
#
# core has the scheduler and is imported at once; the other parts are
# imported the first time one of their names is used (through the module's
# __getattr__), so that a program using only tasks and sleeps does not pay
# RAM for streams, locks and events.
from .core import *

__version__ = (3, 0, 0)

_attrs = {
    "wait_for": "funcs",
    "wait_for_ms": "funcs",
    "gather": "funcs",
    "Event": "event",
    "ThreadSafeFlag": "event",
    "Lock": "lock",
    "open_connection": "stream",
    "start_server": "stream",
    "StreamReader": "stream",
    "StreamWriter": "stream",
}


# Looks a name up in its submodule and keeps it as a global, so that the
# next lookup is direct.
def __getattr__(attr):
    mod = _attrs.get(attr, None)
    if mod is None:
        raise AttributeError(attr)
    value = getattr(__import__(mod, None, None, True, 1), attr)
    globals()[attr] = value
    return value
