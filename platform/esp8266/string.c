// SPDX-License-Identifier: MIT
// The C library's byte-reading string functions, safe on flash.
//
// Core code compares and searches names and constant strings that live in
// the flash window (the static qstr texts: memcmp in qstr.c's lookup of every
// name the compiler meets; strchr over constant sets of characters). The C
// library's and the ROM's versions read those a byte at a time with l8ui,
// and every such load from flash is a LoadStoreError that exception.c must
// emulate, a few hundred cycles per byte. These are compiled with
// -mforce-l32 like the rest of our code: no exception, whatever the memory.
// memcpy, memmove and memset stay the ROM's (esp8266.ld): they move words
// where they can and meet flash only at the unaligned ends.
//
// gcc may compile a byte-counting loop into a call to strlen (itself, here):
// NO_IDIOMS turns that off.
#include <stddef.h>
#include <string.h>

#define NO_IDIOMS __attribute__((optimize("no-tree-loop-distribute-patterns")))

NO_IDIOMS int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *p = a, *q = b;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != q[i]) {
            return p[i] - q[i];
        }
    }
    return 0;
}

NO_IDIOMS void *memchr(const void *s, int c, size_t n) {
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == (unsigned char)c) {
            return (void *)(p + i);
        }
    }
    return NULL;
}

NO_IDIOMS size_t strlen(const char *s) {
    const char *p = s;
    while (*p != '\0') {
        p++;
    }
    return (size_t)(p - s);
}

NO_IDIOMS int strcmp(const char *a, const char *b) {
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p != '\0' && *p == *q) {
        p++;
        q++;
    }
    return *p - *q;
}

NO_IDIOMS int strncmp(const char *a, const char *b, size_t n) {
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != q[i] || p[i] == '\0') {
            return p[i] - q[i];
        }
    }
    return 0;
}

NO_IDIOMS char *strchr(const char *s, int c) {
    for (;; s++) {
        if (*s == (char)c) {
            return (char *)s;
        }
        if (*s == '\0') {
            return NULL;
        }
    }
}
