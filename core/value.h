// SPDX-License-Identifier: MIT
// The value word: every Python value espy handles is one machine word.
//
// A value is a uintptr_t, so it is 32 bits on the chip and in host32, and
// 64 bits on the ordinary host build; nothing here depends on which. The low
// bits say what the word holds:
//
//     bit:  31 (or 63) ............................ 3  2  1  0
//           +-----------------------------------------+--+--+--+
//           |  signed integer, 31 (63) bits                   | 1|   small int
//           +--------------------------------------------+--+--+--+
//           |  index into the interned-name pools        | 0| 1| 0|   qstr (interned str)
//           +--------------------------------------------+--+--+--+
//           |  number of the constant (None, True, ...)  | 1| 1| 0|   special constant
//           +--------------------------------------------+--+--+--+
//           |  address of an object (heap or read-only data)  | 0| 0|   object pointer
//           +-----------------------------------------------+--+--+
//
// Objects are at least 4-byte aligned, so a pointer always ends in 00. The
// word 0 is VAL_NULL: "no value" (an empty slot, a missing result); it is
// never a Python value. Small ints, interned names and the constants are
// never allocated; everything else is an object whose first word points to
// its type (see obj.h).
#ifndef ESPY_VALUE_H
#define ESPY_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t value_t;
typedef intptr_t smallint_t;
typedef uint32_t qstr_t;

#define VAL_NULL ((value_t)0)

#define VAL_IS_SMALL(v) (((v) & 1) != 0)
#define VAL_IS_QSTR(v) (((v) & 7) == 2)
#define VAL_IS_SPECIAL(v) (((v) & 7) == 6)
#define VAL_IS_OBJ(v) (((v) & 3) == 0 && (v) != 0)

// Small ints: the value shifted left one bit, tag 1.
#define SMALL_MIN (INTPTR_MIN >> 1)
#define SMALL_MAX (INTPTR_MAX >> 1)
#define SMALL_FITS(i) ((i) >= SMALL_MIN && (i) <= SMALL_MAX)
#define SMALL(i) ((value_t)(((uintptr_t)(i) << 1) | 1))
#define SMALL_VALUE(v) ((smallint_t)(v) >> 1)

// Interned names.
#define QSTR(q) ((value_t)(((uintptr_t)(q) << 3) | 2))
#define QSTR_INDEX(v) ((qstr_t)((v) >> 3))

// Special constants. VAL_STOP ends an iteration without raising
// StopIteration; VAL_SENTINEL marks "load" in the subscr/attr protocols.
// Neither ever reaches Python code.
#define SPECIAL(n) ((value_t)(((uintptr_t)(n) << 3) | 6))
#define VAL_NONE SPECIAL(0)
#define VAL_FALSE SPECIAL(1)
#define VAL_TRUE SPECIAL(2)
#define VAL_ELLIPSIS SPECIAL(3)
#define VAL_NOTIMPL SPECIAL(4)
#define VAL_STOP SPECIAL(5)
#define VAL_SENTINEL SPECIAL(6)

#define VAL_BOOL(b) ((b) ? VAL_TRUE : VAL_FALSE)
#define VAL_IS_BOOL(v) ((v) == VAL_TRUE || (v) == VAL_FALSE)

#define VAL_PTR(v) ((void *)(v))
#define PTR_VAL(p) ((value_t)(p))

#endif
