# Where espy's json follows MicroPython rather than CPython (hence the .exp
# file): text beyond ASCII is written as UTF-8, not escaped (CPython's
# ensure_ascii=False); dumps takes no keyword but separators; and a \uXXXX
# escape of an unpaired surrogate is an error (CPython makes a str that
# espy's UTF-8 strings cannot hold).
import json


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: json.dumps("caf\u00e9 \u20ac \U0001f600"))
check(lambda: json.dumps({"cl\u00e9": ["\u4e2d\u6587", "\x7f"]}))
check(lambda: len(json.dumps("\u00e9" * 10)))
check(lambda: json.loads(json.dumps("\u00e9\x7f\U0001f600\x01")) == "\u00e9\x7f\U0001f600\x01")


class Out:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s


check(lambda: json.dumps([1], indent=2))
check(lambda: json.dumps([1], sort_keys=True))

out = Out()
json.dump(["\u00e9", 1], out, separators=("|", "="))
print(out.text)

check(lambda: json.loads('"\\ud800"'))
check(lambda: json.loads('"\\udc00"'))
check(lambda: json.loads('"x\\ud83d\\u0041"'))
check(lambda: json.loads('["\\ud83d"]'))
check(lambda: json.loads('"\\ud83d\\ude0"'))
check(lambda: json.loads('"\\ud83d\\ude00"'))
