// SPDX-License-Identifier: MIT
// QEMU's Xtensa semihosting: the `simcall` instruction with the call number
// in a2 and the arguments in a3..a5; the result comes back in a2 and the
// host's errno in a3. Files are the host's, relative to QEMU's working
// directory; file descriptors 0, 1 and 2 are QEMU's own stdin, stdout and
// stderr as long as QEMU runs without a serial console (-serial none).
#ifndef ESPY_QEMU_SEMIHOST_H
#define ESPY_QEMU_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

enum {
    SEMIHOST_EXIT = 1,          // (status)
    SEMIHOST_READ = 3,          // (fd, buf, len) -> count, -1
    SEMIHOST_WRITE = 4,         // (fd, buf, len) -> count, -1
    SEMIHOST_OPEN = 5,          // (path, flags, mode) -> fd, -1
    SEMIHOST_CLOSE = 6,         // (fd)
    SEMIHOST_LSEEK = 19,        // (fd, offset, whence) -> offset, -1
    SEMIHOST_ARGC = 1000,       // () -> argc
    SEMIHOST_ARGV_SIZE = 1001,  // () -> bytes SEMIHOST_ARGV writes
    SEMIHOST_ARGV = 1002,       // (buf): argv pointers, NULL, then the strings
};

#define SEMIHOST_EISDIR 21

static inline int32_t semihost_call(int32_t nr, int32_t a, int32_t b, int32_t c, int32_t *err) {
    register int32_t a2 __asm__("a2") = nr;
    register int32_t a3 __asm__("a3") = a;
    register int32_t a4 __asm__("a4") = b;
    register int32_t a5 __asm__("a5") = c;
    __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    if (err != NULL) {
        *err = a3;
    }
    return a2;
}

_Noreturn void semihost_exit(int status);

#endif
