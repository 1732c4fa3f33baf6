# heapq: a min-heap in a list; the lists end in the same order as CPython's.
import heapq


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))], h)
h = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 4), h)
print(heapq.heappushpop([], 3))
h = [(3, 'c'), (1, 'a'), (2, 'b')]
heapq.heapify(h)
print(h, heapq.heappop(h), h)
h = ['pear', 'apple', 'fig', 'kiwi', 'date']
heapq.heapify(h)
print(h, [heapq.heappop(h) for _ in range(5)])
h = []
heapq.heapify(h)
print(h)
h = [1]
heapq.heapify(h)
print(heapq.heappop(h), h)

# a sort by heap over numbers with duplicates
data = [(i * 7919) % 101 for i in range(200)]
h = []
for x in data:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))
h = list(data)
heapq.heapify(h)
print(h[:10], all(h[i] <= h[2 * i + 1] for i in range(len(h) // 2)))

attempt(lambda: heapq.heappop([]))
attempt(lambda: heapq.heapreplace([], 1))
attempt(lambda: heapq.heappush((), 1))
attempt(lambda: heapq.heappop('abc'))
attempt(lambda: heapq.heapify(None))
attempt(lambda: heapq.heappush([1, 'a'], 2))
attempt(lambda: heapq.heappush([1], 'a'))


class Evil:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True


e = [1, 2, 3]
attempt(lambda: heapq.heappush(e, Evil(e)))
print(e)
