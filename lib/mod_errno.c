// SPDX-License-Identifier: MIT
// The errno module: every errno value OSError carries (core/exc.h's
// ESPY_ERRNOS, MicroPython's numbers), and errorcode, the read-only dict
// from number to name. Both tables are in ROM, made from the one list.
#include "exc.h"
#include "lib.h"

// The names, for tools/genqstr.py (the compiler reports one missing):
// Q_EPERM Q_ENOENT Q_EIO Q_EBADF Q_EAGAIN Q_ENOMEM Q_EACCES Q_EEXIST Q_ENODEV Q_ENOTDIR Q_EISDIR
// Q_EINVAL Q_ENOSPC Q_EROFS Q_ENAMETOOLONG Q_ENOSYS Q_ENOTEMPTY Q_EOPNOTSUPP Q_EADDRINUSE
// Q_ECONNABORTED Q_ECONNRESET Q_ENOBUFS Q_EISCONN Q_ENOTCONN Q_ETIMEDOUT Q_ECONNREFUSED
// Q_EHOSTUNREACH Q_EALREADY Q_EINPROGRESS

static const map_entry_t errorcode_table[] = {
#define X(name, num) {SMALL(num), QSTR(Q_##name)},
    ESPY_ERRNOS(X)
#undef X
};
static const dict_obj_t errorcode_dict = {{&type_dict}, MAP_ROM(errorcode_table)};

// Unsorted (the names are not in qstr order): searched linearly.
static const map_entry_t errno_module_table[] = {
    {QSTR(Q___name__), QSTR(Q_errno)},
    {QSTR(Q_errorcode), PTR_VAL(&errorcode_dict)},
#define X(name, num) {QSTR(Q_##name), SMALL(num)},
    ESPY_ERRNOS(X)
#undef X
};
MODULE_ROM(errno_module, Q_errno, errno_module_table);
ESPY_MODULE(errno, errno_module);
ESPY_MODULE(uerrno, errno_module);
