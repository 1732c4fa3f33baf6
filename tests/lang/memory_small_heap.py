# espy-options: -X heapsize=16k
# A program that runs out of memory catches MemoryError and goes on; a loop
# that allocates and drops objects runs for ever in a 16 KiB heap.
n = 0
try:
    x = [0] * 100000
except MemoryError:
    print("caught MemoryError")
total = 0
for i in range(20000):
    s = str(i) * 3
    l = [i, s, (i, s)]
    d = {"k": l}
    total += len(d["k"][1])
print(total)
def fill():
    big = []
    try:
        while True:
            big.append("x" * 100)
    except MemoryError:
        return len(big)
n = fill()
print("filled, then recovered", n > 10)
print([i * i for i in range(10)])
