# Benchmark: a small hand-written JSON-like serializer and parser over generated data.
def gen_data(seed, n):
    x = seed
    items = []
    for i in range(n):
        x = (x * 75 + 74) % 65537
        items.append({
            "id": i,
            "name": "item%d" % (x % 1000),
            "price": (x % 10000) / 100,
            "tags": ["t%d" % (x % 7), "t%d" % (x % 11)],
            "active": x % 3 == 0,
            "parent": None if i % 5 else i // 5,
            "note": 'quote " and \\ slash\n' if i % 17 == 0 else "",
        })
    return {"version": 1, "items": items, "meta": {"count": n, "seed": seed}}


ESC = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def dump_str(s):
    out = ['"']
    for ch in s:
        out.append(ESC.get(ch, ch))
    out.append('"')
    return "".join(out)


def dumps(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    t = type(v)
    if t is int:
        return str(v)
    if t is float:
        return repr(v)
    if t is str:
        return dump_str(v)
    if t is list:
        return "[" + ",".join(dumps(x) for x in v) + "]"
    if t is dict:
        return "{" + ",".join(dump_str(k) + ":" + dumps(x) for k, x in v.items()) + "}"
    raise TypeError("cannot serialize")


class Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0

    def ws(self):
        s = self.s
        i = self.i
        while i < len(s) and s[i] in " \t\n\r":
            i += 1
        self.i = i

    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if self.s.startswith("null", self.i):
            self.i += 4
            return None
        if self.s.startswith("true", self.i):
            self.i += 4
            return True
        if self.s.startswith("false", self.i):
            self.i += 5
            return False
        return self.number()

    def obj(self):
        self.i += 1
        d = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return d
        while True:
            self.ws()
            k = self.string()
            self.ws()
            self.i += 1  # ':'
            d[k] = self.value()
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "}":
                return d

    def arr(self):
        self.i += 1
        a = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return a
        while True:
            a.append(self.value())
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "]":
                return a

    def string(self):
        s = self.s
        i = self.i + 1
        out = []
        while True:
            c = s[i]
            if c == '"':
                break
            if c == "\\":
                i += 1
                c = {"n": "\n", "t": "\t", "r": "\r"}.get(s[i], s[i])
            out.append(c)
            i += 1
        self.i = i + 1
        return "".join(out)

    def number(self):
        s = self.s
        start = self.i
        i = start
        while i < len(s) and s[i] in "+-0123456789.eE":
            i += 1
        self.i = i
        lit = s[start:i]
        if "." in lit or "e" in lit or "E" in lit:
            return float(lit)
        return int(lit)


def main():
    total = 0
    for rep in range(200):
        data = gen_data(rep + 1, 120)
        text = dumps(data)
        back = Parser(text).value()
        again = dumps(back)
        ok = again == text
        price = sum(it["price"] for it in back["items"])
        total += len(text) + ok + int(price * 100) + sum(len(it["tags"]) for it in back["items"])
    print("json:", total, ok, text[:60])


main()
