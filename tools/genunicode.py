#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes core/unicode_tables.h, the character database of core/unicode.c.

    python3 tools/genunicode.py [OUT]        (default core/unicode_tables.h)

Run it with CPython 3.11: the tables must answer what that interpreter's str
methods answer, so they are read from it (unicodedata and the str methods
of every code point) rather than from the Unicode data files, and the script
refuses another Unicode version than 14.0.0. The output is committed; run
this again only to move to another CPython.

The layout (explained again in unicode.c, which reads it):

- every code point has a record: its property bits (UNICODE_ALPHA ... of
  unicode.h) and, for each case mapping (upper, lower, title, fold), an
  index into a table of deltas (mapping = code point + delta), or
  UNICODE_SPECIAL when the mapping is several code points;
- a pattern is a pair of records, one for even and one for odd code points,
  so that runs of alternating capital and small letters (Ā ā Ă ă ...) take
  one pattern;
- the code points 0..0x10FFFF are cut into runs of one pattern, each a
  uint16 (pattern << 8 | length code), and the first code point of every
  16th run is a checkpoint: a lookup bisects the checkpoints, then adds up
  at most 15 run lengths;
- the multi-code-point mappings (SpecialCasing and full case folding) are
  a sorted list of (code point, mapping) with their code points in a pool.
"""
import sys
import unicodedata

UNICODE_VERSION = "14.0.0"
# Property bits: the tables name them as unicode.h's UNICODE_* constants.
PROPS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "UPPER", "LOWER", "TITLE",
         "CASE_IGNORABLE", "PRINTABLE", "ID_START", "ID_CONTINUE"]
BIT = {name: 1 << i for i, name in enumerate(PROPS)}
CASES = ["upper", "lower", "title", "casefold"]
SPECIAL = 255              # delta index of a multi-code-point mapping
RUNS_PER_CHECKPOINT = 16
# Length codes of a run: 0..LONG-1 mean 1..LONG code points, LONG + k means
# 2 ** (8 + k) code points.
LONG = 0xF0
# unicode.c tests spaces in code (unicode_isspace_nonascii): these.
SPACES = {0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}
N = 0x110000


def props_of(c):
    ch = chr(c)
    bits = 0
    for name, value in [("ALPHA", ch.isalpha()), ("DECIMAL", ch.isdecimal()),
                        ("DIGIT", ch.isdigit()), ("NUMERIC", ch.isnumeric()),
                        ("UPPER", ch.isupper()), ("LOWER", ch.islower()),
                        ("TITLE", unicodedata.category(ch) == "Lt"),
                        ("CASE_IGNORABLE", case_ignorable(ch)),
                        ("PRINTABLE", ch.isprintable()),
                        ("ID_START", ch.isidentifier() and ch != "_"),
                        ("ID_CONTINUE", ("a" + ch).isidentifier())]:
        if value:
            bits |= BIT[name]
    return bits


def cased(ch):
    # title() lowers a letter that follows a cased character.
    return (ch + "a").title()[-1] == "a"


def case_ignorable(ch):
    # Read from lower()'s final sigma rule: a capital sigma after a cased
    # letter becomes final (ς) unless a cased letter follows it, and
    # case-ignorable characters are skipped both ways.
    if cased(ch):
        return ("AΣ" + ch).lower()[1] == "ς"
    return ("A" + ch + "Σ").lower()[-1] == "ς"


def check_properties(props):
    """The assumptions unicode.c makes about the properties."""
    for c in range(N):
        p, ch = props[c], chr(c)
        case_bits = p & (BIT["UPPER"] | BIT["LOWER"] | BIT["TITLE"])
        assert case_bits & (case_bits - 1) == 0, "U+%04X has two of upper, lower, title" % c
        assert bool(case_bits) == cased(ch), "cased is not upper|lower|title at U+%04X" % c
        if p & BIT["DECIMAL"]:
            assert p & BIT["DIGIT"], "U+%04X is decimal but not a digit" % c
        if p & BIT["DIGIT"]:
            assert p & BIT["NUMERIC"], "U+%04X is a digit but not numeric" % c
        if unicodedata.category(ch) in ("Mn", "Me", "Cf", "Lm", "Sk"):
            assert p & BIT["CASE_IGNORABLE"], "U+%04X should be case-ignorable" % c
        assert ch.isspace() == (c in SPACES or (c < 0x80 and ch.isspace())), \
            "U+%04X: update SPACES and unicode_isspace_nonascii" % c


def case_mappings():
    """Per code point the four mappings as deltas (or None: several code
    points), and the multi-code-point ones as {(code point, case): str}."""
    deltas, special = [], {}
    for c in range(N):
        ch, row = chr(c), []
        for k, case in enumerate(CASES):
            s = getattr(ch, case)()
            if len(s) == 1:
                row.append(ord(s) - c)
            else:
                assert c <= 0xFFFF and len(s) <= 3 and max(map(ord, s)) <= 0xFFFF, \
                    "special mapping of U+%04X does not fit the format" % c
                special[(c, k)] = s
                row.append(None)
        deltas.append(row)
    return deltas, special


def build_records(props, deltas):
    delta_values = sorted({d for row in deltas for d in row if d is not None},
                          key=lambda d: (d != 0, abs(d), d))
    assert delta_values[0] == 0 and len(delta_values) < SPECIAL
    delta_index = {d: i for i, d in enumerate(delta_values)}
    records, record_index, per_code_point = [], {}, []
    for c in range(N):
        record = (props[c], tuple(SPECIAL if d is None else delta_index[d] for d in deltas[c]))
        if record not in record_index:
            record_index[record] = len(records)
            records.append(record)
        per_code_point.append(record_index[record])
    assert records[0] == (0, (0, 0, 0, 0)), "U+0000 should have no properties"
    assert len(records) <= 256
    return delta_values, records, per_code_point


def build_runs(per_code_point):
    """Runs of one pattern (record of even, record of odd code points)."""
    patterns, pattern_index, runs = [], {}, []
    c = 0
    while c < N:
        a = per_code_point[c]
        b = per_code_point[c + 1] if c + 1 < N else a
        pattern = (a, b) if c % 2 == 0 else (b, a)
        end = c
        while end < N and per_code_point[end] == pattern[end & 1]:
            end += 1
        if a != b and end - c < 3:
            # Two records that do not go on alternating: a plain run.
            pattern, end = (a, a), c + 1
            while end < N and per_code_point[end] == a:
                end += 1
        if pattern not in pattern_index:
            pattern_index[pattern] = len(patterns)
            patterns.append(pattern)
        runs.append((pattern_index[pattern], end - c))
        c = end
    assert len(patterns) <= 256
    return patterns, runs


def length_codes(length):
    codes = []
    while length > 0:
        if length <= LONG:
            codes.append(length - 1)
            length = 0
        elif length < 256:
            codes.append(LONG - 1)
            length -= LONG
        else:
            k = length.bit_length() - 1 - 8
            codes.append(LONG + k)
            length -= 1 << (8 + k)
    return codes


def code_length(code):
    return code + 1 if code < LONG else 1 << (8 + code - LONG)


def encode_runs(runs):
    words = []
    for pattern, length in runs:
        words += [pattern << 8 | code for code in length_codes(length)]
    checkpoints, c = [], 0
    for i, word in enumerate(words):
        if i % RUNS_PER_CHECKPOINT == 0:
            checkpoints.append(c)
        c += code_length(word & 0xFF)
    assert c == N
    return words, checkpoints


def build_special(special):
    """Entries cp << 16 | case << 14 | pool offset << 2 | (length - 1)."""
    pool = []
    offsets = {}
    for s in sorted(set(special.values()), key=lambda s: (-len(s), s)):
        cps = [ord(x) for x in s]
        found = next((i for i in range(len(pool) - len(cps) + 1) if pool[i:i + len(cps)] == cps),
                     None)
        if found is None:
            # Share the end of the pool with the start of s where they agree.
            overlap = next((n for n in range(min(len(cps), len(pool)), 0, -1)
                            if pool[-n:] == cps[:n]), 0)
            found = len(pool) - overlap
            pool += cps[overlap:]
        offsets[s] = found
    assert len(pool) < 1 << 12
    entries = [c << 16 | k << 14 | offsets[s] << 2 | (len(s) - 1)
               for (c, k), s in sorted(special.items())]
    return entries, pool


def verify(props, deltas, special, tables):
    """Decodes the tables as unicode.c does and compares every code point."""
    delta_values, records, patterns, words, checkpoints, entries, pool = tables
    c = 0
    for i, word in enumerate(words):
        if i % RUNS_PER_CHECKPOINT == 0:
            assert checkpoints[i // RUNS_PER_CHECKPOINT] == c
        pattern = patterns[word >> 8]
        for cp in range(c, c + code_length(word & 0xFF)):
            p, idx = records[pattern[cp & 1]]
            assert p == props[cp], "properties of U+%04X" % cp
            for k in range(4):
                if idx[k] == SPECIAL:
                    key = cp << 2 | k
                    entry = next(e for e in entries if e >> 14 == key)
                    offset, n = (entry >> 2) & 0xFFF, (entry & 3) + 1
                    assert "".join(map(chr, pool[offset:offset + n])) == special[(cp, k)]
                else:
                    assert delta_values[idx[k]] == deltas[cp][k], "mapping of U+%04X" % cp
        c += code_length(word & 0xFF)


def c_array(decl, values, fmt, per_line):
    lines = ["static const %s = {" % decl]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(fmt % v for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def prop_names(bits):
    names = ["UNICODE_" + name for name in PROPS if bits & BIT[name]]
    return " | ".join(names) if names else "0"


def render(tables):
    delta_values, records, patterns, words, checkpoints, entries, pool = tables
    size = (len(delta_values) * 4 + len(records) * 6 + len(patterns) * 2 + len(words) * 2 +
            len(checkpoints) * 4 + len(entries) * 4 + len(pool) * 2)
    out = ["// SPDX-License-Identifier: MIT",
           "// Generated by tools/genunicode.py from CPython %s's unicodedata (Unicode %s)"
           % (sys.version.split()[0], UNICODE_VERSION),
           "// and str methods; do not edit. To regenerate, with python3 3.11:",
           "//     python3 tools/genunicode.py core/unicode_tables.h",
           "// Included by unicode.c, which declares the types and explains the layout.",
           "// %d records, %d patterns, %d runs, %d checkpoints, %d special mappings:"
           % (len(records), len(patterns), len(words), len(checkpoints), len(entries)),
           "// %d bytes of tables." % size,
           "",
           "#define UNICODE_RUNS_PER_CHECKPOINT %d" % RUNS_PER_CHECKPOINT,
           "#define UNICODE_LONG_RUN 0x%X" % LONG,
           "#define UNICODE_SPECIAL %d" % SPECIAL,
           "",
           c_array("int32_t unicode_deltas[%d]" % len(delta_values), delta_values, "%d", 12),
           "",
           "static const unicode_record_t unicode_records[%d] = {" % len(records)]
    for bits, idx in records:
        out.append("    {%s, {%s}}," % (prop_names(bits), ", ".join(map(str, idx))))
    out += ["};",
            "",
            c_array("uint8_t unicode_patterns[%d][2]" % len(patterns),
                    ["{%d, %d}" % p for p in patterns], "%s", 10),
            "",
            c_array("uint16_t unicode_runs[%d]" % len(words), words, "0x%04X", 12),
            "",
            c_array("uint32_t unicode_checkpoints[%d]" % len(checkpoints), checkpoints,
                    "0x%05X", 10),
            "",
            c_array("uint32_t unicode_special[%d]" % len(entries), entries, "0x%08X", 8),
            "",
            c_array("uint16_t unicode_special_pool[%d]" % len(pool), pool, "0x%04X", 12),
            ""]
    return "\n".join(out), size


def main():
    if unicodedata.unidata_version != UNICODE_VERSION:
        sys.exit("genunicode.py: this python3 has Unicode %s; run it with CPython 3.11 "
                 "(Unicode %s)" % (unicodedata.unidata_version, UNICODE_VERSION))
    path = sys.argv[1] if len(sys.argv) > 1 else "core/unicode_tables.h"
    props = [props_of(c) for c in range(N)]
    check_properties(props)
    deltas, special = case_mappings()
    delta_values, records, per_code_point = build_records(props, deltas)
    patterns, runs = build_runs(per_code_point)
    words, checkpoints = encode_runs(runs)
    entries, pool = build_special(special)
    tables = (delta_values, records, patterns, words, checkpoints, entries, pool)
    verify(props, deltas, special, tables)
    text, size = render(tables)
    with open(path, "w") as f:
        f.write(text)
    print("genunicode.py: wrote %s, %d bytes of tables" % (path, size))


if __name__ == "__main__":
    main()
