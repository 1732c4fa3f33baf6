// SPDX-License-Identifier: MIT
// The QEMU build's program: what start.S calls after reset.
//
// Its command line comes over semihosting (tools/espy-qemu passes it):
//
//     espy [-X stats] [-X heapsize=N[K]] [-c CODE | FILE] [ARGS...]
//
// With neither, a plain REPL reads lines from stdin.
//
// FILE is read relative to QEMU's working directory, and its directory is
// sys.path. The exit status goes back to QEMU's caller as MicroPython's unix
// port gives it: 0, 1 after an uncaught exception, SystemExit's code.
// `-X stats` prints the heap figures and the deepest C stack at exit;
// `-X heapsize` makes the heap smaller than the chip's.
#include <string.h>

#include "config.h"
#include "board_repl.h"
#include "espy.h"
#include "hal.h"
#include "semihost.h"
#include "vfs.h"

#define STATUS_USAGE 2
#define STACK_PAINT 0xA5A5A5A5u

// The Python heap (Python frames included), in its own section so that the
// linker script places it after .bss and start-up does not clear it.
static uint8_t heap[ESPY_DEFAULT_HEAP_SIZE] __attribute__((section(".espy_heap"), aligned(8)));

extern uint32_t _bss_start[], _bss_end[], _stack_bottom[], _stack_top[];

static void puts_err(const char *s) {
    hal_stderr_write(s, strlen(s));
}

// Unsigned decimal or hex, without printf.
static void put_number(uint32_t v, unsigned base) {
    char buf[12];
    int i = sizeof buf;
    do {
        buf[--i] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0);
    hal_stderr_write(buf + i, sizeof buf - (size_t)i);
}

static const char *const exception_names[] = {
    [0] = "illegal instruction", [2] = "instruction fetch error", [3] = "load/store error",
    [6] = "integer divide by zero", [9] = "unaligned load or store",
    [20] = "instruction fetch prohibited", [28] = "load prohibited", [29] = "store prohibited",
};

// Called by the vectors of start.S.
_Noreturn void qemu_exception(uint32_t cause, uint32_t pc, uint32_t vaddr, uint32_t vector) {
    puts_err("espy: CPU exception ");
    put_number(cause, 10);
    const char *name = cause < sizeof exception_names / sizeof exception_names[0] ? exception_names[cause] : NULL;
    if (name != NULL) {
        puts_err(" (");
        puts_err(name);
        puts_err(")");
    }
    puts_err(" at pc 0x");
    put_number(pc, 16);
    puts_err(", address 0x");
    put_number(vaddr, 16);
    puts_err(", vector ");
    put_number(vector, 10);
    puts_err("\n");
    semihost_exit(134);
}

// The deepest the C stack went: the painted words still intact at its bottom.
static size_t stack_high_water(void) {
    const uint32_t *p = _stack_bottom;
    while (p < _stack_top && *p == STACK_PAINT) {
        p++;
    }
    return (size_t)((const char *)_stack_top - (const char *)p);
}

static void __attribute__((noinline)) paint_stack(void) {
    char *sp;
    __asm__ volatile("mov %0, a1" : "=r"(sp));
    for (uint32_t *p = _stack_bottom; (char *)p < sp - 64; p++) {
        *p = STACK_PAINT;
    }
}

static void print_stats(void) {
    espy_print_stats();
    puts_err("espy-stats: c_stack_peak=");
    put_number((uint32_t)stack_high_water(), 10);
    puts_err(" c_stack_size=");
    put_number((uint32_t)((char *)_stack_top - (char *)_stack_bottom), 10);
    puts_err("\n");
}

static int usage(void) {
    puts_err("usage: espy [-X stats] [-X heapsize=N[K]] [-c CODE | FILE] [ARGS...]\n"
             "       espy [-X ...] --flash IMAGE   (the board: boot from the image, its REPL)\n");
    return STATUS_USAGE;
}

static void put_out(const char *s) {
    hal_stdout_write(s, strlen(s));
}

// With no file: a plain REPL on the semihosting console (lines from stdin,
// "... " while a statement is incomplete, results printed), so that the
// chip's budget can be seen from its prompt; the board's full REPL comes
// with the board. Ends at the end of input.
static int repl(void) {
    put_out("espy " ESPY_VERSION " (QEMU lx106)\n");
    static char text[1024];
    size_t len = 0;
    for (;;) {
        put_out(len == 0 ? ">>> " : "... ");
        int n = hal_stdin_readline(text + len, sizeof text - len - 1);
        if (n < 0) {
            put_out("\n");
            return 0;
        }
        len += (size_t)n;
        text[len++] = '\n';
        if (len + 2 >= sizeof text) {
            puts_err("espy: the input is too long\n");
            len = 0;
            continue;
        }
        if (!espy_repl_input_complete(text, len)) {
            continue;
        }
        espy_repl_run(text, len);
        len = 0;
    }
}

// The semihosting arguments, in a buffer on this function's caller's stack.
static char **fetch_args(char *buf, size_t size, int *argc) {
    *argc = semihost_call(SEMIHOST_ARGC, 0, 0, 0, NULL);
    int32_t need = semihost_call(SEMIHOST_ARGV_SIZE, 0, 0, 0, NULL);
    if (*argc < 0 || need < 0 || (size_t)need > size) {
        puts_err("espy: the command line is too long\n");
        semihost_exit(STATUS_USAGE);
    }
    semihost_call(SEMIHOST_ARGV, (int32_t)buf, 0, 0, NULL);
    return (char **)buf;
}

// "-X heapsize=N[K]": a heap smaller than the chip's (a test of running out
// of memory); false when malformed or larger than the heap there is.
static bool parse_heapsize(const char *s, size_t *size) {
    size_t n = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9' && n <= sizeof heap; p++) {
        n = n * 10 + (size_t)(*p - '0');
    }
    if (*p == 'k' || *p == 'K') {
        n *= 1024;
        p++;
    }
    if (p == s || *p != '\0' || n < 4096 || n > sizeof heap) {
        return false;
    }
    *size = n;
    return true;
}

int qemu_flash_open(const char *path);

// The board on QEMU: boots from the flash image (an existing file of 512
// KiB to 16 MiB, laid out as the chip's), then the board's REPL on the
// semihosting console, soft resets included, until the input ends.
static int board(espy_options_t *options, const char *flash) {
    if (qemu_flash_open(flash) != 0) {
        puts_err("espy: --flash: can't use the image (an existing file of 512K to 16M)\n");
        return STATUS_USAGE;
    }
    options->path = NULL;
    extern bool qemu_board_console;
    qemu_board_console = true;
    for (;;) {
        espy_init(options);
        board_boot();
        if (!repl_is_raw()) {
            repl_banner();
        }
        if (repl_run() != REPL_SOFT_RESET) {
            return 0;
        }
        espy_soft_reset();
        hal_console_write("MPY: soft reboot\r\n", 18);
    }
}

static int run(int argc, char **argv) {
    bool stats = false;
    const char *command = NULL, *flash = NULL;
    size_t heap_size = sizeof heap;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *x = strcmp(argv[i], "-X") == 0 && i + 1 < argc ? argv[i + 1] : "";
        if (strcmp(x, "stats") == 0) {
            stats = true;
            i++;
        } else if (strncmp(x, "heapsize=", 9) == 0) {
            if (!parse_heapsize(x + 9, &heap_size)) {
                puts_err("espy: -X heapsize: from 4K to the chip's ");
                put_number(sizeof heap / 1024, 10);
                puts_err("K\n");
                return STATUS_USAGE;
            }
            i++;
        } else if (strcmp(argv[i], "--flash") == 0 && i + 1 < argc) {
            flash = argv[++i];
        } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            command = argv[++i];
            break;
        } else {
            return usage();
        }
    }
    bool interactive = command == NULL && i >= argc;

    // sys.argv as CPython makes it; sys.path is the script's directory,
    // then the frozen modules.
    char **sys_argv = argv + i;
    int sys_argc = argc - i;
    const char *file = command == NULL && !interactive ? argv[i] : NULL;
    char path[128 + sizeof(":.frozen")] = ".";
    if (interactive) {
        static char *empty_argv[] = {""};
        sys_argv = empty_argv;
        sys_argc = 1;
    } else if (command != NULL) {
        argv[i] = "-c";
    } else {
        const char *slash = strrchr(file, '/');
        size_t n = slash == NULL ? 0 : slash == file ? 1 : (size_t)(slash - file);
        if (n >= sizeof path - sizeof(":.frozen")) {
            puts_err("espy: the script's directory name is too long\n");
            return STATUS_USAGE;
        }
        if (n > 0) {
            memcpy(path, file, n);
            path[n] = '\0';
        }
    }

    strcat(path, ":.frozen");

    espy_options_t options;
    memset(&options, 0, sizeof options);
    options.heap = heap;
    options.heap_size = heap_size;
    options.argc = sys_argc;
    options.argv = sys_argv;
    options.path = path;
    if (flash != NULL) {
        return board(&options, flash);
    }
    espy_init(&options);
    vfs_mount_host_root();            // QEMU's directory is '/'
    int status = interactive ? repl()
                 : command != NULL ? espy_run_string(command, strlen(command), "<string>") : espy_run_file(file);
    if (stats) {
        print_stats();
    }
    return status;
}

_Noreturn void qemu_start(void) {
    for (uint32_t *p = _bss_start; p < _bss_end; p++) {
        *p = 0;
    }
    if ((size_t)((char *)_stack_top - (char *)_stack_bottom) != ESPY_C_STACK_SIZE) {
        hal_fatal("the linker script's C stack is not ESPY_C_STACK_SIZE (config.h)");
    }
    paint_stack();
    char args[512] __attribute__((aligned(4)));
    int argc;
    char **argv = fetch_args(args, sizeof args, &argc);
    int status = run(argc, argv);
    if (*_stack_bottom != STACK_PAINT) {
        puts_err("espy: the C stack overflowed its ");
        put_number((uint32_t)((char *)_stack_top - (char *)_stack_bottom), 10);
        puts_err(" bytes\n");
        status = 134;
    }
    semihost_exit(status);
}
