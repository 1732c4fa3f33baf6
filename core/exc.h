// SPDX-License-Identifier: MIT
// Exception objects: the layout shared by every builtin exception type, and
// the traceback record the VM fills while an exception unwinds.
//
// An instance of a user class derived from an exception type is a class
// instance (type.h) whose native base is one of these; reach the exc_obj_t
// with obj_native(v, &type_BaseException).
#ifndef ESPY_EXC_H
#define ESPY_EXC_H

#include "obj.h"

typedef struct exc_obj {
    obj_t base;
    value_t args;            // a tuple
    value_t traceback;       // VAL_NULL, or an exc_tb_t (a raw GC block, not a Python value)
    value_t cause;           // VAL_NULL (never set), None, or an exception
    value_t context;         // VAL_NULL or an exception
    uint8_t suppress_context;
    uint8_t skip_traceback;  // re-raised: the next frame is already recorded
} exc_obj_t;

// One traceback line; `repeat` counts the consecutive identical frames
// (recursion), printed as CPython's "[Previous line repeated N more times]".
typedef struct exc_tb_entry {
    uint32_t line;
    uint16_t file;           // qstr
    uint16_t block;          // qstr, Q_NULL for a SyntaxError's location
    uint32_t repeat;
} exc_tb_entry_t;

typedef struct exc_tb {
    uint32_t len, alloc;
    exc_tb_entry_t entries[];   // innermost first
} exc_tb_t;

// The errno values of OSError: MicroPython's (Linux's) numbers on every
// target, whatever the C library's errno.h says (newlib's ETIMEDOUT is 116).
// The errno module lists these.
#define ESPY_ERRNOS(X) \
    X(EPERM, 1) X(ENOENT, 2) X(EIO, 5) X(EBADF, 9) X(EAGAIN, 11) X(ENOMEM, 12) X(EACCES, 13) \
    X(EEXIST, 17) X(ENODEV, 19) X(ENOTDIR, 20) X(EISDIR, 21) X(EINVAL, 22) X(ENOSPC, 28) X(EROFS, 30) \
    X(ENAMETOOLONG, 36) X(ENOSYS, 38) X(ENOTEMPTY, 39) X(EOPNOTSUPP, 95) X(EADDRINUSE, 98) \
    X(ECONNABORTED, 103) X(ECONNRESET, 104) X(ENOBUFS, 105) X(EISCONN, 106) X(ENOTCONN, 107) \
    X(ETIMEDOUT, 110) X(ECONNREFUSED, 111) X(EHOSTUNREACH, 113) X(EALREADY, 114) X(EINPROGRESS, 115)

enum {
#define X(name, num) ESPY_##name = num,
    ESPY_ERRNOS(X)
#undef X
};

// The exc_obj_t behind an exception value (a builtin exception or an
// instance of a class derived from one); NULL if v is not an exception.
exc_obj_t *exc_get(value_t v);
// The C name of an errno value ("ENOENT"), or NULL when unknown.
const char *exc_errno_name(int errno_value);

// Writes str(exc) (kind PRINT_STR) or repr(exc) with the given class name.
void exc_print_as(const print_t *p, qstr_t name, value_t exc, print_kind_t kind);
// Marks the preallocated MemoryError (called from modules_mark_roots).
void exc_mark_roots(void);

#endif
