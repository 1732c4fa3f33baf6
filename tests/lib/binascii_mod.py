# binascii: hexlify/unhexlify (with a separator), base64 both ways (the
# newline keyword, CPython's lenient decoder: skipped characters, padding
# rules), crc32 (with a running value); every error. CPython raises
# binascii.Error (a ValueError) where espy, as MicroPython, raises
# ValueError: the tests print isinstance(e, ValueError).
import binascii


def check(f):
    try:
        print(repr(f()))
    except ValueError as e:
        print("ValueError", isinstance(e, ValueError), e)
    except Exception as e:
        print(type(e).__name__, e)


def check_type(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


# hexlify
check(lambda: binascii.hexlify(b""))
check(lambda: binascii.hexlify(b"\x00\x01\x7f\x80\xfe\xff"))
check(lambda: binascii.hexlify(bytearray(b"abc")))
check(lambda: binascii.hexlify(memoryview(b"xyz")[1:]))
check(lambda: binascii.hexlify(bytes(range(256)))[:40])
check(lambda: binascii.hexlify(b"\x01\x02\x03", ":"))
check(lambda: binascii.hexlify(b"\x01\x02\x03", b"-"))
check(lambda: binascii.hexlify(b"\x01", " "))
check(lambda: binascii.hexlify(b"", ":"))
check(lambda: binascii.hexlify(b"\x01\x02", "::"))
check(lambda: binascii.hexlify(b"\x01\x02", ""))
check_type(lambda: binascii.hexlify(b"\x01\x02", 5))
check(lambda: binascii.hexlify("abc"))
check(lambda: binascii.hexlify(5))

# unhexlify
check(lambda: binascii.unhexlify(b""))
check(lambda: binascii.unhexlify(b"00017f80feff"))
check(lambda: binascii.unhexlify(b"ABCDEF"))
check(lambda: binascii.unhexlify("abcdef"))
check(lambda: binascii.unhexlify(bytearray(b"4142")))
check(lambda: binascii.unhexlify(b"abc"))
check(lambda: binascii.unhexlify(b"zz"))
check(lambda: binascii.unhexlify(b"0g"))
check(lambda: binascii.unhexlify(b"00 11"))
check(lambda: binascii.unhexlify("\u00e9\u00e9"))
check(lambda: binascii.unhexlify(5))
check(lambda: binascii.unhexlify(binascii.hexlify(bytes(range(256)))) == bytes(range(256)))

# b2a_base64
for n in range(7):
    check(lambda: binascii.b2a_base64(b"abcdefg"[:n]))
check(lambda: binascii.b2a_base64(b"\xff\xfe\xfd\x00"))
check(lambda: binascii.b2a_base64(bytes(range(256)))[-10:])
check(lambda: binascii.b2a_base64(b"ab", newline=False))
check(lambda: binascii.b2a_base64(b"ab", newline=0))
check(lambda: binascii.b2a_base64(b"ab", newline=True))
check(lambda: binascii.b2a_base64(bytearray(b"hi")))
check(lambda: binascii.b2a_base64("ab"))
check(lambda: binascii.b2a_base64(b"ab", foo=1))

# a2b_base64
check(lambda: binascii.a2b_base64(b""))
check(lambda: binascii.a2b_base64(b"YQ=="))
check(lambda: binascii.a2b_base64(b"YWI="))
check(lambda: binascii.a2b_base64(b"YWJj"))
check(lambda: binascii.a2b_base64("YWJjZA==\n"))
check(lambda: binascii.a2b_base64(b"YW Jj\nZA=="))
check(lambda: binascii.a2b_base64(b"YWJjZA==ignored"))
check(lambda: binascii.a2b_base64(b"YWJjZA=garbage="))
check(lambda: binascii.a2b_base64(b"Y!W@J#j$"))
check(lambda: binascii.a2b_base64(b"YQ"))
check(lambda: binascii.a2b_base64(b"YWI"))
check(lambda: binascii.a2b_base64(b"YQ="))
check(lambda: binascii.a2b_base64(b"Y"))
check(lambda: binascii.a2b_base64(b"YWJjZ"))
check(lambda: binascii.a2b_base64(b"=YWJj"))
check(lambda: binascii.a2b_base64(b"YW=Jj"))
check(lambda: binascii.a2b_base64(b"===="))
check(lambda: binascii.a2b_base64(b"-_8="))
check(lambda: binascii.a2b_base64(b"+/8="))
check(lambda: binascii.a2b_base64("YQ\u00e9=="))
check(lambda: binascii.a2b_base64(5))
check(lambda: binascii.a2b_base64(binascii.b2a_base64(bytes(range(256)))) == bytes(range(256)))

# crc32
check(lambda: binascii.crc32(b""))
check(lambda: binascii.crc32(b"hello"))
check(lambda: binascii.crc32(b"The quick brown fox jumps over the lazy dog"))
check(lambda: binascii.crc32(bytes(range(256))))
check(lambda: binascii.crc32(b"lo", binascii.crc32(b"hel")))
check(lambda: binascii.crc32(b"hello", 0xFFFFFFFF))
check(lambda: binascii.crc32(b"hello", -1))
check(lambda: binascii.crc32(b"hello", 2**40 + 5))
check(lambda: binascii.crc32(b"hello", -2**70))
check(lambda: binascii.crc32(b"hello", True))
check(lambda: binascii.crc32(bytearray(b"hello")))
check(lambda: binascii.crc32(b"x", 1.5))
check(lambda: binascii.crc32("hello"))
