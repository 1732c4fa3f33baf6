# a longer realistic program: expression tokenizer, parser and evaluator,
# plus a small inventory class hierarchy with reports.

class Token:
    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos

    def __repr__(self):
        return "Token(%s, %r)" % (self.kind, self.value)


class CalcError(Exception):
    def __init__(self, msg, pos=-1):
        super().__init__(msg)
        self.pos = pos


OPERATORS = {"+": (1, "L"), "-": (1, "L"), "*": (2, "L"), "/": (2, "L"),
             "%": (2, "L"), "^": (3, "R")}


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            lit = text[start:i]
            if lit.count(".") > 1:
                raise CalcError("bad number " + lit, start)
            tokens.append(Token("num", float(lit) if "." in lit else int(lit), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(Token("name", text[start:i], start))
        elif ch in OPERATORS or ch in "(),=":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError("unexpected character %r" % ch, i)
    tokens.append(Token("end", None, len(text)))
    return tokens


class Parser:
    """Precedence-climbing parser producing nested tuples."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def advance(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.advance()
        if tok.value != value:
            raise CalcError("expected %r" % value, tok.pos)
        return tok

    def parse_statement(self):
        if (self.peek().kind == "name" and self.tokens[self.i + 1].value == "="):
            name = self.advance().value
            self.advance()
            return ("assign", name, self.parse_expr(0))
        return self.parse_expr(0)

    def parse_expr(self, min_prec):
        left = self.parse_unary()
        while True:
            tok = self.peek()
            if tok.kind != "op" or tok.value not in OPERATORS:
                break
            prec, assoc = OPERATORS[tok.value]
            if prec < min_prec:
                break
            self.advance()
            right = self.parse_expr(prec + 1 if assoc == "L" else prec)
            left = ("bin", tok.value, left, right)
        return left

    def parse_unary(self):
        tok = self.peek()
        if tok.kind == "op" and tok.value == "-":
            self.advance()
            return ("neg", self.parse_unary())
        return self.parse_atom()

    def parse_atom(self):
        tok = self.advance()
        if tok.kind == "num":
            return ("num", tok.value)
        if tok.kind == "name":
            if self.peek().value == "(":
                self.advance()
                args = []
                if self.peek().value != ")":
                    args.append(self.parse_expr(0))
                    while self.peek().value == ",":
                        self.advance()
                        args.append(self.parse_expr(0))
                self.expect(")")
                return ("call", tok.value, args)
            return ("var", tok.value)
        if tok.value == "(":
            e = self.parse_expr(0)
            self.expect(")")
            return e
        raise CalcError("unexpected token %r" % (tok.value,), tok.pos)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


FUNCS = {
    "max": lambda *a: max(a),
    "min": lambda *a: min(a),
    "abs": abs,
    "gcd": gcd,
    "sum": lambda *a: sum(a),
}


class Evaluator:
    def __init__(self):
        self.env = {"answer": 42}
        self.evals = 0

    def eval(self, node):
        self.evals += 1
        kind = node[0]
        if kind == "num":
            return node[1]
        if kind == "var":
            try:
                return self.env[node[1]]
            except KeyError:
                raise CalcError("undefined " + node[1])
        if kind == "neg":
            return -self.eval(node[1])
        if kind == "assign":
            v = self.env[node[1]] = self.eval(node[2])
            return v
        if kind == "call":
            fn = FUNCS.get(node[1])
            if fn is None:
                raise CalcError("no function " + node[1])
            return fn(*[self.eval(a) for a in node[2]])
        op, a, b = node[1], self.eval(node[2]), self.eval(node[3])
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0:
                raise CalcError("division by zero")
            return a / b if (a % b) else a // b
        if op == "%":
            return a % b
        return a ** b


def to_str(node):
    kind = node[0]
    if kind in ("num", "var"):
        return str(node[1])
    if kind == "neg":
        return "(-%s)" % to_str(node[1])
    if kind == "assign":
        return "%s = %s" % (node[1], to_str(node[2]))
    if kind == "call":
        return "%s(%s)" % (node[1], ", ".join(to_str(a) for a in node[2]))
    return "(%s %s %s)" % (to_str(node[2]), node[1], to_str(node[3]))


calc = Evaluator()
programs = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-2 ^ 2",
    "x = 7",
    "y = x * 6 - 2",
    "y % 5 + answer",
    "max(1, x, y) - min(4, 2, 9)",
    "gcd(1071, 462) + abs(-3)",
    "10 / 4",
    "12 / 4",
    "2 ^ 100",
    "sum(1, 2, 3, 4) * 1.5",
    "1 / 0",
    "3 + * 4",
    "unknown + 1",
    "1.2.3",
    "4 $ 4",
    "nofunc(1)",
    "(1 + 2",
]
for src in programs:
    try:
        tree = Parser(tokenize(src)).parse_statement()
        print("%-28s => %-30s = %r" % (src, to_str(tree), calc.eval(tree)))
    except CalcError as e:
        print("%-28s !! %s (pos %d)" % (src, e, e.pos))
print("evaluations:", calc.evals, "env:", sorted(calc.env.items()))


class Item:
    category = "generic"

    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def value(self):
        return self.price * self.qty

    def tax_rate(self):
        return 20

    def __lt__(self, other):
        return (self.category, self.sku) < (other.category, other.sku)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, self.sku)


class Food(Item):
    category = "food"

    def __init__(self, sku, name, price, qty, days_left):
        super().__init__(sku, name, price, qty)
        self.days_left = days_left

    def tax_rate(self):
        return 5

    def value(self):
        v = super().value()
        return v // 2 if self.days_left < 3 else v


class Gadget(Item):
    category = "gadget"

    def __init__(self, sku, name, price, qty, warranty=1):
        super().__init__(sku, name, price, qty)
        self.warranty = warranty


class Inventory:
    def __init__(self):
        self.items = {}
        self.history = []

    def add(self, item):
        if item.sku in self.items:
            raise KeyError(item.sku)
        self.items[item.sku] = item
        self.history.append(("add", item.sku))

    def move(self, sku, delta):
        item = self.items[sku]
        if item.qty + delta < 0:
            raise ValueError("insufficient stock for " + sku)
        item.qty += delta
        self.history.append(("move", sku, delta))

    def total(self):
        return sum(i.value() for i in self.items.values())

    def by_category(self):
        groups = {}
        for item in sorted(self.items.values()):
            groups.setdefault(item.category, []).append(item)
        return groups

    def report(self):
        lines = []
        for cat, items in self.by_category().items():
            subtotal = sum(i.value() for i in items)
            lines.append("%-8s %3d items  value %8.2f" % (cat, len(items), subtotal / 100))
            for i in items:
                tax = i.value() * i.tax_rate() // 100
                lines.append("  %-6s %-14s x%-3d %7.2f tax %6.2f" % (i.sku, i.name, i.qty, i.value() / 100, tax / 100))
        return lines


inv = Inventory()
inv.add(Food("F1", "apples", 45, 100, 10))
inv.add(Food("F2", "bread", 250, 12, 1))
inv.add(Gadget("G1", "cable", 999, 7))
inv.add(Gadget("G2", "charger", 2499, 3, warranty=2))
inv.add(Item("X1", "mystery box", 500, 1))
for sku, delta in [("F1", -30), ("G1", 5), ("G2", -4), ("F2", -2), ("Z9", 1)]:
    try:
        inv.move(sku, delta)
    except ValueError as e:
        print("ValueError:", e)
    except KeyError as e:
        print("KeyError:", e)
try:
    inv.add(Item("F1", "dup", 1))
except KeyError as e:
    print("duplicate", e)
print("\n".join(inv.report()))
print("total %.2f" % (inv.total() / 100), len(inv.history), inv.history[-1])
print(sorted(inv.items.values()), max(inv.items.values(), key=Item.value))
