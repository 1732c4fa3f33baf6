// SPDX-License-Identifier: MIT
// Frozen modules: Python modules compiled by tools/freeze into read-only C
// data (build/frozen/frozen.c) and linked into the program. Their code
// objects, bytecode and constants are never copied to the heap: importing
// one costs only what its code makes when it runs (on the chip the code
// stays in flash).
//
// They are found through sys.path's ".frozen" entry: the import of `a.b`
// along the entry ".frozen" looks for "a/b.py" or the package "a/b/__init__.py"
// in the table (core/import.c); a frozen package's __path__ is ".frozen/a".
#ifndef ESPY_FROZEN_H
#define ESPY_FROZEN_H

#include <math.h>

#include "bigint.h"
#include "code.h"

typedef struct frozen_module {
    const char *path;           // "asyncio/core.py", "asyncio/__init__.py"
    const code_t *code;         // the module's code
} frozen_module_t;

// The table tools/freeze writes, sorted by path.
extern const frozen_module_t frozen_modules[];
extern const uint16_t frozen_count;

// The code of the module at path[0..len) ("a/b.py"), or NULL.
const code_t *frozen_find(const char *path, size_t len);

// For frozen.c: an int constant that is a small int where the value word has
// 64 bits and a big int (the object big) where it has 32.
#define FROZEN_WIDE (UINTPTR_MAX > 0xFFFFFFFFu)
#if FROZEN_WIDE
#define FROZEN_WIDE_INT(i, big) SMALL(i)
#else
#define FROZEN_WIDE_INT(i, big) PTR_VAL(&big)
#endif

#endif
