# instances of int/float/str subclasses used where the base type is expected
class MyInt(int):
    pass
class MyFloat(float):
    pass
class MyStr(str):
    pass
class MyBytes(bytes):
    pass
mi = MyInt(21)
mf = MyFloat(1.5)
ms = MyStr("q")
exprs = ['"%d" % mi', '"%x" % mi', '"%s" % mi', '"%f" % mi', '"{:d}".format(mi)', 'format(mi, "x")',
         'int.__repr__(mi)', 'str(mi)', 'repr(mi)', 'hex(mi)', 'bin(mi)', '"%.1f" % mf', '"%d" % MyFloat(2.5)',
         '"{:.2f}".format(mf)', '"%s" % ms', '"%r" % ms', '"%c" % MyInt(65)', '[1, 2, 3][MyInt(1)]',
         'chr(MyInt(66))', '"ab" * MyInt(2)', '[0] * MyInt(3)', 'MyInt(2) * (1,)', 'round(MyFloat(2.567), 1)',
         'int(mf)', 'MyInt(5).to_bytes(1, "big")', 'float(mi)', 'mi.bit_length()', 'range(MyInt(3))',
         '"abcdef"[MyInt(1):MyInt(4)]', 'mi + mi', 'type(mi + mi).__name__', 'mf * 2', 'type(-mf).__name__',
         'divmod(mi, 4)', 'pow(mi, 2, MyInt(10))', 'mi << MyInt(2)', 'abs(MyInt(-3))', 'hash(mi) == hash(21)',
         '{21: "x"}[mi]', 'mi == 21.0', 'sorted([MyInt(3), 1, MyFloat(2.0)])', 'max(mi, 5)', 'bytes(MyInt(2))',
         'bytearray([MyInt(65)])', '"x".center(MyInt(5))', '"a,b".split(",", MyInt(0))', 'ms + "r"',
         '"-".join([ms, MyStr("r")])', 'ms.upper()', 'type(ms.upper()).__name__', 'ms in "aqz"', '"q" == ms',
         'int(MyStr("42"))', 'float(MyStr("1.5"))', 'MyStr("a b").split()', 'ord(MyStr("a"))',
         'len(MyBytes(b"xyz"))', 'MyBytes(b"ab") + b"c"', 'MyBytes(b"ab").decode()', '"%s" % MyBytes(b"b")',
         'int.from_bytes(MyBytes(b"\\x01\\x00"), "big")', 'isinstance(mf, float)', 'mf.is_integer()',
         'str(mf)', 'repr(mf)', 'mi.real', 'int(mi) is not mi', 'bool(MyInt(0))', 'not MyStr("")']
for e in exprs:
    try:
        print(e, repr(eval(e)))
    except Exception as x:
        print(e, type(x).__name__, x)
