// SPDX-License-Identifier: MIT
// vstr: a growable byte buffer on the GC heap, and its print_t sink.
//
// The buffer is allocated with room for a str object header in front of
// it, so that str_from_vstr (and bytes_from_vstr) can turn the buffer into
// a str object in place, without copying: building a string with a vstr
// costs one allocation (plus the growth steps) however it ends. One byte
// past `alloc` is always reserved for the terminating NUL of the str.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

#define HDR offsetof(str_obj_t, data)

static void vstr_grow(vstr_t *vs, size_t need) {
    size_t alloc = vs->alloc * 2;
    if (alloc < need) {
        alloc = need;
    }
    if (alloc < 16) {
        alloc = 16;
    }
    if (alloc > SIZE_MAX - HDR - 8) {
        raise_msg(&type_MemoryError, "string too large");
    }
    char *raw;
    if (vs->buf == NULL) {
        raw = gc_alloc(HDR + alloc + 1, GC_LEAF);
    } else {
        raw = gc_realloc(vs->buf - HDR, HDR + alloc + 1);
    }
    vs->buf = raw + HDR;
    vs->alloc = alloc;
}

void vstr_init(vstr_t *vs, size_t capacity) {
    vs->buf = NULL;
    vs->len = 0;
    vs->alloc = 0;
    vstr_grow(vs, capacity);
}

char *vstr_extend(vstr_t *vs, size_t n) {
    size_t need = vs->len + n;
    if (need < n) {
        raise_msg(&type_MemoryError, "string too large");
    }
    if (need > vs->alloc || vs->buf == NULL) {
        vstr_grow(vs, need);
    }
    char *p = vs->buf + vs->len;
    vs->len = need;
    return p;
}

const char *vstr_cstr(vstr_t *vs) {
    if (vs->buf == NULL) {
        vstr_grow(vs, 0);
    }
    vs->buf[vs->len] = 0;
    return vs->buf;
}

void vstr_add_strn(vstr_t *vs, const char *s, size_t n) {
    if (vs->len + n <= vs->alloc && vs->buf != NULL) {
        memcpy(vs->buf + vs->len, s, n);
        vs->len += n;
        return;
    }
    // s may point into vs->buf itself: keep an offset across the realloc.
    bool inside = vs->buf != NULL && s >= vs->buf && s < vs->buf + vs->alloc;
    size_t off = inside ? (size_t)(s - vs->buf) : 0;
    char *p = vstr_extend(vs, n);
    memcpy(p, inside ? vs->buf + off : s, n);
}

void vstr_add_str(vstr_t *vs, const char *s) {
    vstr_add_strn(vs, s, strlen(s));
}

void vstr_add_char(vstr_t *vs, char c) {
    if (vs->len < vs->alloc && vs->buf != NULL) {
        vs->buf[vs->len++] = c;
        return;
    }
    *vstr_extend(vs, 1) = c;
}

void vstr_add_utf8(vstr_t *vs, uint32_t codepoint) {
    char tmp[4];
    size_t n = utf8_encode(tmp, codepoint);
    vstr_add_strn(vs, tmp, n);
}

static void vstr_write(void *ctx, const char *data, size_t len) {
    vstr_add_strn((vstr_t *)ctx, data, len);
}

print_t vstr_printer(vstr_t *vs) {
    print_t p = {vs, vstr_write};
    return p;
}

// print_strn and print_str are in runtime.c (with print_fmt).

// Turns the buffer into an object of the given type with str's layout
// (str or bytes), in place, and leaves vs empty.
str_obj_t *vstr_take(vstr_t *vs, const type_t *type) {
    if (vs->buf == NULL) {
        vstr_grow(vs, 0);
    }
    char *raw = vs->buf - HDR;
    size_t len = vs->len;
    if (vs->alloc - len > 32 + len / 8) {
        raw = gc_realloc(raw, HDR + len + 1);
    }
    str_obj_t *o = (str_obj_t *)raw;
    o->base.type = type;
    o->hash = 0;
    o->len = (uint32_t)len;
    o->charlen = (uint32_t)len;
    o->data[len] = 0;
    vs->buf = NULL;
    vs->len = 0;
    vs->alloc = 0;
    return o;
}
