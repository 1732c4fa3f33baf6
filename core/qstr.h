// SPDX-License-Identifier: MIT
// Interned names (qstrs).
//
// Every name the compiler sees (identifiers, attribute names, keyword
// arguments) is interned: stored once and referred to by a small index, so
// that comparing two names is comparing two integers. Strings made at run
// time are never interned; a qstr and a str object with the same text are
// equal and hash the same (str_hash, FNV-1a).
//
// The names the C code uses are static: tools/genqstr.py finds every
// `Q_name` in the sources and writes build/gen/qstrdefs.h (the enum) and
// build/gen/qstrdata.c (the read-only table with lengths and hashes). Names
// that are not C identifiers come from core/qstr_special.txt. Names made
// by the compiler at run time go into pools on the GC heap.
#ifndef ESPY_QSTR_H
#define ESPY_QSTR_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"
#include "qstrdefs.h"   // generated: enum { Q_NULL, Q_..., QSTR_STATIC_COUNT }

void qstr_init(void);
qstr_t qstr_from_strn(const char *s, size_t len);     // interns
qstr_t qstr_from_str(const char *s);
qstr_t qstr_find_strn(const char *s, size_t len);     // Q_NULL if not interned
const char *qstr_str(qstr_t q);                       // NUL-terminated
size_t qstr_len(qstr_t q);
uint32_t qstr_hash(qstr_t q);
const char *qstr_data(qstr_t q, size_t *len);
void qstr_mark_roots(void);                           // called by gc_mark_roots
size_t qstr_count(void);

#endif
