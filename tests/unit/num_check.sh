#!/bin/sh
# SPDX-License-Identifier: MIT
# The number tests: the C unit tests of bigint.c/floatconv.c (double and
# single precision) against python3, then the Python programs
# tests/unit/num_*.py run by espy and by python3, outputs compared.
#     tests/unit/num_check.sh [ESPY]        (from the repository root)
# Known differences: CPython returns complex for negative ** fractional.
set -e
ESPY=${1:-build/host/espy}
T=${TMPDIR:-/tmp}/espy-num.$$
mkdir -p "$T"
python3 tools/genqstr.py build/host/gen core/qstr_special.txt core/*.c core/*.h
CFLAGS="-std=gnu11 -O1 -g -Icore -Ibuild/host/gen"
cc $CFLAGS -Iplatform/host tests/unit/test_bigint.c core/bigint.c core/floatconv.c -lm -o "$T/test_bigint"
cc $CFLAGS -Iplatform/qemu tests/unit/test_bigint.c core/bigint.c core/floatconv.c -lm -o "$T/test_float32"
python3 tests/unit/test_bigint.py "$T/test_bigint" 3000
python3 tests/unit/test_float32.py "$T/test_float32"
status=0
for f in tests/unit/num_cases.py tests/unit/num_fmt_fuzz.py; do
    python3 "$f" > "$T/expected" 2>&1 || true
    "$ESPY" "$f" > "$T/got" 2>&1 || true
    if diff "$T/expected" "$T/got" | grep -v 'fractional power\|j)$' | grep -q '^[<>]'; then
        echo "FAIL $f"
        diff "$T/expected" "$T/got" | grep -v 'fractional power\|j)$' | grep '^[<>]' | head -20
        status=1
    else
        echo "ok $f"
    fi
done
rm -rf "$T"
exit $status
