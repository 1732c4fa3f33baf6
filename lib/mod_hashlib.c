// SPDX-License-Identifier: MIT
// The hashlib module: sha256, sha1 and md5 objects with update() and
// digest(), as MicroPython's (which has no hexdigest(): binascii.hexlify
// does that). The digests are hash_digest.c's. update() hashes the caller's
// buffer in place, so a large input costs no copy; digest() works on a copy
// of the state, so it may be called again, and updating may go on, as in
// CPython (MicroPython raises "hash is final" instead).
#include "hash_digest.h"
#include "lib.h"

typedef struct hash_obj {
    obj_t base;
    hash_ctx_t ctx;
} hash_obj_t;

extern const type_t hashlib_sha256_type, hashlib_sha1_type, hashlib_md5_type;

// The bytes of a value to hash: CPython's TypeErrors for anything else.
static void data_of(value_t v, buffer_info_t *info) {
    if (obj_get_buffer(v, info, BUFFER_READ)) {
        return;
    }
    if (value_is_str(v)) {
        raise_msg(&type_TypeError, "Strings must be encoded before hashing");
    }
    raise_msg(&type_TypeError, "object supporting the buffer API required");
}

static value_t hash_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_fmt(&type_TypeError, "%q() takes no keyword arguments", type->name);
    }
    arg_check_count(n_args, 0, 1, type->name);
    hash_algo_t algo = type == &hashlib_md5_type ? HASH_MD5 : type == &hashlib_sha1_type ? HASH_SHA1 : HASH_SHA256;
    // Nothing in the object points into the heap.
    hash_obj_t *h = gc_alloc(sizeof(hash_obj_t), GC_LEAF);
    h->base.type = type;
    hash_init(&h->ctx, algo);
    if (n_args > 0) {
        buffer_info_t info;
        data_of(args[0], &info);
        hash_update(&h->ctx, info.buf, info.len);
    }
    return PTR_VAL(h);
}

static hash_obj_t *hash_self(value_t v) {
    const type_t *t = value_type(v);
    if (t != &hashlib_sha256_type && t != &hashlib_sha1_type && t != &hashlib_md5_type) {
        raise_fmt(&type_TypeError, "expected a hash object, not '%T'", v);
    }
    return VAL_PTR(v);
}

static value_t hash_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hash_obj_t *h = hash_self(args[0]);
    buffer_info_t info;
    data_of(args[1], &info);
    hash_update(&h->ctx, info.buf, info.len);
    return VAL_NONE;
}
static BUILTIN_FN(hash_update_obj, Q_update, 2, 2, false, hash_update_fn);

static value_t hash_digest_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hash_obj_t *h = hash_self(args[0]);
    uint8_t out[HASH_MAX_DIGEST];
    hash_final(&h->ctx, out);
    return bytes_new(out, hash_digest_size(h->ctx.algo));
}
static BUILTIN_FN(hash_digest_obj, Q_digest, 1, 1, false, hash_digest_fn);

static const map_entry_t hash_locals_table[] = {
    {QSTR(Q_digest), PTR_VAL(&hash_digest_obj)},
    {QSTR(Q_update), PTR_VAL(&hash_update_obj)},
};
static const map_t hash_locals = MAP_ROM(hash_locals_table);

const type_t hashlib_sha256_type = {
    {&type_type},
    .name = Q_sha256,
    .make_new = hash_make_new,
    .locals = &hash_locals,
};

const type_t hashlib_sha1_type = {
    {&type_type},
    .name = Q_sha1,
    .make_new = hash_make_new,
    .locals = &hash_locals,
};

const type_t hashlib_md5_type = {
    {&type_type},
    .name = Q_md5,
    .make_new = hash_make_new,
    .locals = &hash_locals,
};

static const map_entry_t hashlib_table[] = {
    {QSTR(Q___name__), QSTR(Q_hashlib)},
    {QSTR(Q_md5), PTR_VAL(&hashlib_md5_type)},
    {QSTR(Q_sha1), PTR_VAL(&hashlib_sha1_type)},
    {QSTR(Q_sha256), PTR_VAL(&hashlib_sha256_type)},
};
MODULE_ROM(hashlib_module, Q_hashlib, hashlib_table);
ESPY_MODULE(hashlib, hashlib_module);
ESPY_MODULE(uhashlib, hashlib_module);
