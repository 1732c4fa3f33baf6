// SPDX-License-Identifier: MIT
// The os module as MicroPython's ESP8266 port has it: the filesystem
// functions of the VFS (vfs.c), uname, urandom, and dupterm and
// dupterm_notify, which are the board's console (board/console.c).
#include <string.h>

#include "console.h"
#include "espy.h"
#include "exc.h"
#include "strimpl.h"
#include "vfs.h"

// ---- uname ------------------------------------------------------------------------------

// uname()'s result: a tuple whose items are also attributes, printed as
// MicroPython prints it: (sysname='esp8266', nodename=...).
typedef struct {
    obj_t base;
    value_t items;              // the 5-tuple
} uname_t;

static const qstr_t uname_fields[5] = {Q_sysname, Q_nodename, Q_release, Q_version, Q_machine};

static void uname_print(const print_t *p, value_t self, print_kind_t kind) {
    tuple_obj_t *t = VAL_PTR(((uname_t *)VAL_PTR(self))->items);
    for (size_t i = 0; i < 5; i++) {
        print_fmt(p, "%s%q=%R", i == 0 ? "(" : ", ", uname_fields[i], t->items[i]);
    }
    print_str(p, ")");
}

static void uname_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;                   // read-only: the runtime raises AttributeError
    }
    for (size_t i = 0; i < 5; i++) {
        if (name == uname_fields[i]) {
            dest[0] = ((tuple_obj_t *)VAL_PTR(((uname_t *)VAL_PTR(self))->items))->items[i];
        }
    }
}

static value_t uname_subscr(value_t self, value_t index, value_t value) {
    return value == VAL_SENTINEL ? obj_subscr(((uname_t *)VAL_PTR(self))->items, index, value) : VAL_NULL;
}

static value_t uname_getiter(value_t self) {
    return obj_getiter(((uname_t *)VAL_PTR(self))->items);
}

static value_t uname_unary_op(unop_t op, value_t self) {
    return op == UNOP_LEN ? SMALL(5) : op == UNOP_BOOL ? VAL_TRUE : VAL_NULL;
}

static const type_t type_uname = {
    {&type_type}, .name = Q_uname_result, .print = uname_print, .attr = uname_attr, .subscr = uname_subscr,
    .getiter = uname_getiter, .unary_op = uname_unary_op,
};

// uname(): espy is the board wherever it runs. The version is the
// release and the build's date, as MicroPython's "v1.24.1 on 2024-11-29".
static value_t os_uname_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__;     // "Mmm dd yyyy"
    int month = 1;
    for (int m = 0; m < 12; m++) {
        if (strncmp(d, months + 3 * m, 3) == 0) {
            month = m + 1;
        }
    }
    char version[sizeof(ESPY_VERSION " on ") + 10] = ESPY_VERSION " on ";
    size_t n = sizeof(ESPY_VERSION " on ") - 1;
    char date[10] = {d[7], d[8], d[9], d[10], '-', (char)('0' + month / 10), (char)('0' + month % 10), '-',
                     d[4] == ' ' ? '0' : d[4], d[5]};
    memcpy(version + n, date, sizeof(date));
    value_t items[5] = {str_new_cstr("esp8266"), str_new_cstr("esp8266"), str_new_cstr(ESPY_VERSION),
                        str_new(version, n + sizeof(date)), str_new_cstr("ESP module with ESP8266")};
    uname_t *u = gc_alloc(sizeof(uname_t), 0);
    u->base.type = &type_uname;
    u->items = tuple_new(5, items);
    return PTR_VAL(u);
}
static BUILTIN_FN(os_uname_obj, Q_uname, 0, 0, false, os_uname_fn);

// ---- urandom ----------------------------------------------------------------

static value_t os_urandom_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t n = index_value(args[0]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative argument not allowed");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n);
    hal_random_bytes(vstr_extend(&vs, (size_t)n), (size_t)n);
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(os_urandom_obj, Q_urandom, 1, 1, false, os_urandom_fn);

static const map_entry_t os_module_table[] = {
    {QSTR(Q_VfsFat), PTR_VAL(&type_vfs_fat)},
    {QSTR(Q_VfsLfs2), PTR_VAL(&type_vfs_lfs2)},
    {QSTR(Q_VfsPosix), PTR_VAL(&type_vfs_posix)},
    {QSTR(Q___name__), QSTR(Q_os)},
    {QSTR(Q_chdir), PTR_VAL(&vfs_chdir_obj)},
    {QSTR(Q_dupterm), PTR_VAL(&os_dupterm_obj)},
    {QSTR(Q_dupterm_notify), PTR_VAL(&os_dupterm_notify_obj)},
    {QSTR(Q_getcwd), PTR_VAL(&vfs_getcwd_obj)},
    {QSTR(Q_ilistdir), PTR_VAL(&vfs_ilistdir_obj)},
    {QSTR(Q_listdir), PTR_VAL(&vfs_listdir_obj)},
    {QSTR(Q_mkdir), PTR_VAL(&vfs_mkdir_obj)},
    {QSTR(Q_mount), PTR_VAL(&vfs_mount_obj)},
    {QSTR(Q_remove), PTR_VAL(&vfs_remove_obj)},
    {QSTR(Q_rename), PTR_VAL(&vfs_rename_obj)},
    {QSTR(Q_rmdir), PTR_VAL(&vfs_rmdir_obj)},
    {QSTR(Q_sep), QSTR(Q__slash_)},
    {QSTR(Q_stat), PTR_VAL(&vfs_stat_obj)},
    {QSTR(Q_statvfs), PTR_VAL(&vfs_statvfs_obj)},
    {QSTR(Q_sync), PTR_VAL(&vfs_sync_obj)},
    {QSTR(Q_umount), PTR_VAL(&vfs_umount_obj)},
    {QSTR(Q_uname), PTR_VAL(&os_uname_obj)},
    {QSTR(Q_unlink), PTR_VAL(&vfs_remove_obj)},
    {QSTR(Q_urandom), PTR_VAL(&os_urandom_obj)},
};
MODULE_ROM(os_module, Q_os, os_module_table);
ESPY_MODULE(os, os_module);
ESPY_MODULE(uos, os_module);
