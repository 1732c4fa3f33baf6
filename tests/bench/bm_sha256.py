# Benchmark: SHA-256 of a megabyte fed in pieces of varying sizes (as data
# arrives from a socket or a file), repeated; the data is never copied.
import hashlib
from binascii import hexlify


def main():
    block = bytes((i * 131 + 7) & 0xFF for i in range(4096))
    data = block * 256   # 1 MiB
    view = memoryview(data)
    digests = []
    for rep in range(600):
        h = hashlib.sha256()
        pos = 0
        size = 1 + rep * 37
        while pos < len(data):
            h.update(view[pos:pos + size])
            pos += size
            size = size * 5 % 4093 + 1
        digests.append(h.digest())
    print("sha256:", len(data), len(set(digests)), hexlify(digests[0]), hexlify(digests[-1]))


main()
