# The character database against python3: every str predicate and case
# mapping for every code point of the blocks where case and character
# classes are intricate, every 37th code point of the planes that have
# characters (0-3 and 14), and every 3701st of the unassigned and
# private-use planes. The output stays short: per property, how many code
# points it holds for (or changes), a hash of all the results, and a
# digest of each of 32 chunks of the code points, so a difference shows in
# which chunk it is.
BLOCKS = [
    (0x0000, 0x0590),    # ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers, Greek, Cyrillic, Armenian
    (0x0660, 0x0670), (0x06F0, 0x0700), (0x0960, 0x0980),   # Arabic, Devanagari digits
    (0x10A0, 0x1100),    # Georgian
    (0x13A0, 0x1400),    # Cherokee
    (0x1C80, 0x1CC0),    # Cyrillic Extended-C, Georgian Extended
    (0x1D00, 0x1DC0),    # phonetic extensions
    (0x1E00, 0x2200),    # Latin Extended Additional, Greek Extended, punctuation, letterlike, Roman numerals
    (0x2460, 0x2500),    # enclosed alphanumerics
    (0x2C00, 0x2D30),    # Glagolitic, Latin Extended-C, Coptic, Georgian Supplement
    (0x2DE0, 0x2E00), (0x3000, 0x3040),
    (0x4E00, 0x4E10), (0x5340, 0x5350), (0x96F0, 0x9700),   # CJK numerals among ideographs
    (0xA640, 0xA6A0), (0xA720, 0xA800), (0xAB30, 0xABC0),   # Cyrillic Ext-B, Latin Ext-D/E, Cherokee
    (0xD7F0, 0xD800), (0xFB00, 0xFB20), (0xFDD0, 0xFDF0), (0xFEF0, 0xFF70), (0xFFF0, 0x10000),
    (0x10400, 0x10450),  # Deseret
    (0x104B0, 0x10500),  # Osage
    (0x10570, 0x105C0),  # Vithkuqi
    (0x10C80, 0x10D00),  # Old Hungarian
    (0x118A0, 0x11900),  # Warang Citi
    (0x16E40, 0x16EA0),  # Medefaidrin
    (0x1D400, 0x1D500),  # mathematical letters
    (0x1E900, 0x1E960),  # Adlam
    (0x1F100, 0x1F1A0),  # enclosed alphanumeric supplement
    (0x2FA10, 0x2FA20), (0x31340, 0x31350), (0xE0000, 0xE0080), (0xE01E0, 0xE0200),
    (0xF0000, 0xF0008), (0x10FFF8, 0x110000),
]
# (start, step) of the sampling, up to the next start.
STRIDES = [(0, 37), (0x40000, 3701), (0xE0000, 37), (0xF0000, 3701), (0x110000, 0)]


def step_at(c):
    k = 0
    while STRIDES[k + 1][0] <= c:
        k += 1
    return STRIDES[k][1]


def points():
    # The samples, and all of each block, in order.
    sample = 0
    for lo, hi in BLOCKS + [(0x110000, 0x110000)]:
        while sample < lo:
            yield sample
            sample += step_at(sample)
        for c in range(lo, hi):
            yield c
        while sample < hi:
            sample += step_at(sample)


PREDICATES = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isupper", "islower", "istitle",
              "isprintable", "isspace", "isidentifier", "isalnum"]
MAPPINGS = ["upper", "lower", "title", "casefold", "capitalize", "swapcase"]
NAMES = PREDICATES + MAPPINGS + ["continues-name"]
MASK = 0xFFFFF     # hashes stay small ints on the 32-bit builds
DIGITS = "0123456789abcdefghijklmnopqrstuv"
CHUNKS = 32

n = 0
for c in points():
    n += 1
chunk_size = (n + CHUNKS - 1) // CHUNKS
print(n, "code points")

count = [0] * len(NAMES)      # code points where a predicate holds, or a mapping changes
total = [0] * len(NAMES)      # hash of the chunk hashes
chunk = [0] * len(NAMES)      # hash of this chunk's results
digest = [[] for name in NAMES]
i = 0
for c in points():
    ch = chr(c)
    results = []
    for name in PREDICATES:
        results.append(1 if getattr(ch, name)() else 0)
    for name in MAPPINGS:
        s = getattr(ch, name)()
        h = len(s)
        for x in s:
            h = (h * 33 + ord(x)) & MASK
        results.append(h * 2 + (s != ch))
    results.append(1 if ("a" + ch).isidentifier() else 0)
    for k in range(len(NAMES)):
        v = results[k]
        count[k] += v & 1
        chunk[k] = (chunk[k] * 33 + v) & MASK
    i += 1
    if i % chunk_size == 0 or i == n:
        for k in range(len(NAMES)):
            h = chunk[k]
            total[k] = (total[k] * 33 + h) & MASK
            digest[k].append(DIGITS[h >> 5 & 31] + DIGITS[h & 31])
            chunk[k] = 0

for k in range(len(NAMES)):
    print(NAMES[k], count[k], "%05x" % total[k], "".join(digest[k]))

# Context-dependent case: final sigma, titlecase digraphs, special casing.
for s in ["ΣΑΣ", "ΌΣΟΣ ΣΑΣ", "Σ", "AΣ", "AΣb", "A'Σ", "A'Σ'", "AΣ'b", "Σa", "ΑΣ̈", "ᾼΣ",
          "ǅemal ǈub", "ǆ", "ǉubljana", "ǊOŠKA", "ß straße", "ﬁnal ﬂow", "İstanbul", "ŉ", "ǰ",
          "ᾳ ᾷ ᾀ", "ΐ", "ﬀ ﬃ ﬅ", "և", "Ⅷ ⅷ ⓐ Ⓐ", "ꭰ Ꭰ ᏸ", "𐐀𐐨", "ⰰⰀ", "ꞌꞋ", "ɐⱯ"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()), repr(s.casefold()), s.isupper(), s.islower(), s.istitle())
