# Benchmark: lists, sorting, slicing.
def lcg(seed):
    while True:
        seed = (seed * 75 + 74) % 65537
        yield seed


def make(n, seed):
    g = lcg(seed)
    return [next(g) % 10000 for _ in range(n)]


def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v
    return a


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def ops(a):
    b = []
    for x in a:
        b.append(x)
        if len(b) > 50:
            b.pop(0)
    c = a[::2] + a[1::2]
    c.reverse()
    c.insert(10, -1)
    c.remove(-1)
    s = sorted(c, key=lambda v: (v % 7, v))
    return sum(b) + c.index(a[-1]) + s[0] + s[-1] + len(c) + c.count(a[0])


def matrix(n):
    m = [[(i * n + j) % 17 for j in range(n)] for i in range(n)]
    t = [[m[j][i] for j in range(n)] for i in range(n)]
    r = [[0] * n for _ in range(n)]
    for i in range(n):
        ri = r[i]
        mi = m[i]
        for k in range(n):
            mik = mi[k]
            tk = m[k]
            for j in range(n):
                ri[j] += mik * tk[j]
    return sum(sum(row) for row in r) + t[1][2]


def main():
    check = 0
    for rep in range(105):
        a = make(3000, rep + 1)
        s1 = sorted(a)
        s2 = merge_sort(a)
        s3 = insertion_sort(a[:350])
        a.sort(reverse=True)
        check += (s1 == s2) + (s3 == sorted(a[:0] + s3)) + s1[1500] + a[0] + ops(a)
        check += matrix(26)
    print("lists:", check)


main()
