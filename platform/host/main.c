// SPDX-License-Identifier: MIT
// The host program, `espy`: command line as MicroPython's unix port has it
// (and CPython, for sys.argv), so that tools written for those work.
//
//     espy [options] [-c cmd | -m module | file | -] [args...]
//
// It parses the options, maps the heap, builds sys.path from MICROPYPATH,
// and hands over to the core (espy.h): a script, a command, a module, a
// program read from stdin; with no program and a terminal (or --board,
// --pty), the simulated ESP8266 board (board_host.c) with its REPL.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board_host.h"
#include "config.h"
#include "board_io.h"
#include "clock_host.h"
#include "flash_host.h"
#include "espy.h"
#include "readline.h"
#include "repl.h"
#include "vfs.h"
#include "wifi_env.h"

#define MIN_HEAP_SIZE 4096
#define DEFAULT_PATH ":.frozen:~/.micropython/lib:/usr/lib/micropython"
#define STATUS_USAGE 2
#define BOARD_HEAP_SIZE (38 * 1024)         // MicroPython's heap on the ESP8266

static const char *prog = "espy";

static void usage(FILE *f) {
    fprintf(f,
        "usage: %s [option ...] [-c cmd | -m mod | file | -] [arg ...]\n"
        "With no program and a terminal, runs the simulated ESP8266 board: its REPL on\n"
        "the terminal as on the chip's UART (Ctrl-D soft reset, Ctrl-] quits).\n"
        "Options:\n"
        "--board  : run the board with stdin/stdout as its UART (pipes, for tools)\n"
        "--pty    : run the board with its UART on a new pseudo-terminal (prints its path)\n"
        "--flash PATH       : the board's flash image (default ./flash.img; made, erased, if missing)\n"
        "--flash-size SIZE  : 512K, 1M, 2M, 4M (default), 8M or 16M\n"
        "--clock-speed N    : the board's RTC runs N times faster than real time (default 1)\n"
        "--board-io PATH    : the board's pins and devices on a Unix socket (see docs/board-io.md)\n"
        "--wifi FILE        : the access points around the board, one a line: `ap ssid=NAME\n"
        "                     key=KEY channel=N rssi=DBM ...` (docs/architecture.md; default:\n"
        "                     espy-open, open, and espy-wpa2, key espy-secret)\n"
        "-c cmd   : program passed in as a string (terminates the option list)\n"
        "-m mod   : run a library module as a script (terminates the option list)\n"
        "-i       : inspect interactively after running the script or command\n"
        "-O       : raise the optimisation level (-OO: twice)\n"
        "-v       : verbose (trace various operations); may be repeated\n"
        "-h       : print this help message and exit\n"
        "-X opt   : implementation-specific options:\n"
        "  heapsize=<n>[w][K|M] : the heap size in bytes (default %dK, at least %dK;\n"
        "                         'w' scales by the word size over 4)\n"
        "  emit=bytecode        : emit bytecode (the only code emitter)\n"
        "  stats                : print heap statistics at exit\n"
        "Environment:\n"
        "MICROPYPATH : ':'-separated directories searched for modules\n"
        "              (default \"%s\")\n",
        prog, ESPY_DEFAULT_HEAP_SIZE / 1024, MIN_HEAP_SIZE / 1024, DEFAULT_PATH);
}

static int value_error(const char *fmt, const char *arg) {
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return STATUS_USAGE;
}

static int usage_error(const char *fmt, const char *arg) {
    value_error(fmt, arg);
    usage(stderr);
    return STATUS_USAGE;
}

// "heapsize=N[w][K|M]": returns false when malformed.
static bool parse_heapsize(const char *s, size_t *size) {
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s || errno != 0 || *s == '-') {
        return false;
    }
    if (*end == 'w') {
        n = n * sizeof(void *) / 4;
        end++;
    }
    if (*end == 'k' || *end == 'K') {
        n *= 1024;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        n *= 1024 * 1024;
        end++;
    }
    if (*end != '\0' || n > (unsigned long long)SIZE_MAX / 2) {
        return false;
    }
    *size = (size_t)n;
    return true;
}

typedef struct {
    espy_options_t options;
    bool inspect;
    bool stats;
    bool heap_given;            // -X heapsize: else the board gets the chip's heap
} settings_t;

// One -X option; returns 0 or an exit status.
static int x_option(settings_t *s, const char *opt) {
    if (strncmp(opt, "heapsize=", 9) == 0) {
        s->heap_given = true;
        if (!parse_heapsize(opt + 9, &s->options.heap_size)) {
            return value_error("invalid heap size in -X %s", opt);
        }
        if (s->options.heap_size < MIN_HEAP_SIZE) {
            return value_error("heap size too small in -X %s (the minimum is 4K)", opt);
        }
    } else if (strcmp(opt, "emit=bytecode") == 0) {
    } else if (strcmp(opt, "emit=native") == 0 || strcmp(opt, "emit=viper") == 0) {
        fprintf(stderr, "%s: -X %s is not supported: espy only compiles to bytecode\n", prog, opt);
        return STATUS_USAGE;
    } else if (strcmp(opt, "stats") == 0) {
        s->stats = true;
    } else {
        return usage_error("unknown -X option: %s", opt);
    }
    return 0;
}

// Adds a path entry, expanding a leading "~" to $HOME as MicroPython does.
static void path_add(char *out, size_t *len, const char *entry, size_t n) {
    const char *home = getenv("HOME");
    if (home != NULL && n >= 1 && entry[0] == '~' && (n == 1 || entry[1] == '/')) {
        size_t h = strlen(home);
        memcpy(out + *len, home, h);
        *len += h;
        entry++;
        n--;
    }
    memcpy(out + *len, entry, n);
    *len += n;
}

// sys.path: MICROPYPATH or the default; a script's directory replaces a
// leading "" entry (the current directory) or goes first.
static char *make_path(const char *script) {
    const char *base = getenv("MICROPYPATH");
    if (base == NULL) {
        base = DEFAULT_PATH;
    }
    char dir[PATH_MAX] = "";
    if (script != NULL) {
        char *real = realpath(script, NULL);
        const char *p = real ? real : script;
        const char *slash = strrchr(p, '/');
        if (slash == NULL) {
            strcpy(dir, ".");
        } else {
            size_t n = (size_t)(slash - p);
            if (n == 0) {
                n = 1;                    // "/x.py": the root
            }
            if (n >= sizeof dir) {
                n = sizeof dir - 1;
            }
            memcpy(dir, p, n);
            dir[n] = '\0';
        }
        free(real);
    }
    const char *home = getenv("HOME");
    size_t room = strlen(base) + strlen(dir) + 2;
    for (const char *p = base; *p; p++) {
        room += *p == '~' && home ? strlen(home) : 0;
    }
    char *out = malloc(room + 1);
    if (out == NULL) {
        return NULL;
    }
    size_t len = 0;
    if (script != NULL) {
        memcpy(out, dir, strlen(dir));
        len = strlen(dir);
        if (*base == ':') {
            base++;                       // dir replaces the "" entry
        }
        if (*base != '\0') {
            out[len++] = ':';
        }
    }
    while (*base != '\0') {
        const char *colon = strchr(base, ':');
        size_t n = colon ? (size_t)(colon - base) : strlen(base);
        path_add(out, &len, base, n);
        base += n;
        if (*base == ':') {
            out[len++] = *base++;
        }
    }
    out[len] = '\0';
    return out;
}

static void *map_heap(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        p = calloc(1, size);
    }
    return p;
}

// The whole of stdin, as a program.
static int run_stdin(void) {
    size_t cap = 4096, len = 0;
    char *src = malloc(cap);
    for (;;) {
        if (src == NULL) {
            fprintf(stderr, "%s: out of memory reading stdin\n", prog);
            return 1;
        }
        int n = readline_read_bytes(src + len, cap - len);
        if (n <= 0) {
            break;
        }
        len += (size_t)n;
        if (len == cap) {
            cap *= 2;
            char *bigger = realloc(src, cap);
            if (bigger == NULL) {
                free(src);
            }
            src = bigger;
        }
    }
    int status = espy_run_string(src, len, "<stdin>");
    free(src);
    return status;
}

static int check_script(const char *file) {
    int fd = open(file, O_RDONLY);
    int e = errno;
    if (fd >= 0) {
        struct stat st;
        e = fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) ? EISDIR : 0;
        close(fd);
    }
    if (e != 0) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, file, e, strerror(e));
        return STATUS_USAGE;
    }
    return 0;
}

// The core may use ESPY_C_STACK_LIMIT bytes of C stack before it raises
// RuntimeError; make sure the main thread's stack may grow that far (Linux
// checks the limit when the stack grows, so raising it now is enough).
static void ensure_stack_size(void) {
    const rlim_t want = ESPY_C_STACK_LIMIT + 2 * 1024 * 1024;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= want ? want : rl.rlim_max;
        setrlimit(RLIMIT_STACK, &rl);
    }
}

int main(int argc, char **argv) {
    hal_host_init(__builtin_frame_address(0));

    settings_t s;
    memset(&s, 0, sizeof s);
    s.options.heap_size = ESPY_DEFAULT_HEAP_SIZE;
    const char *command = NULL, *module = NULL, *file = NULL;
    int board = 0;                                    // 1: --board, 2: --pty
    const char *flash_path = "flash.img";
    uint32_t flash_size = 4u << 20;
    double clock_speed = 0;                           // 0: not given
    const char *board_io = NULL;

    int i = 1;
    for (; i < argc && command == NULL && module == NULL; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            break;                                    // the script, or "-"
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--board") == 0 || strcmp(a, "--pty") == 0) {
            board = a[2] == 'p' ? 2 : 1;
            continue;
        }
        if (strcmp(a, "--flash") == 0 || strcmp(a, "--flash-size") == 0) {
            if (i + 1 >= argc) {
                return usage_error("argument expected for the %s option", a);
            }
            const char *value = argv[++i];
            if (a[7] == '\0') {
                flash_path = value;
            } else if (!flash_host_parse_size(value, &flash_size)) {
                return value_error("--flash-size %s: give 512K, 1M, 2M, 4M, 8M or 16M", value);
            }
            continue;
        }
        if (strcmp(a, "--board-io") == 0) {
            if (i + 1 >= argc) {
                return usage_error("argument expected for the %s option", a);
            }
            board_io = argv[++i];
            continue;
        }
        if (strcmp(a, "--clock-speed") == 0) {
            if (i + 1 >= argc) {
                return usage_error("argument expected for the %s option", a);
            }
            char *end;
            clock_speed = strtod(argv[++i], &end);
            if (*end != '\0' || !(clock_speed >= 0.001 && clock_speed <= 1e7)) {
                return value_error("--clock-speed %s: give a number from 0.001 to 10000000", argv[i]);
            }
            continue;
        }
        if (strcmp(a, "--wifi") == 0) {
            if (i + 1 >= argc) {
                return usage_error("argument expected for the %s option", a);
            }
            if (wifi_env_load(argv[++i]) != 0) {
                return STATUS_USAGE;
            }
            continue;
        }
        if (strcmp(a, "--version") == 0) {
            printf("%s\n", repl_version_line());
            return 0;
        }
        if (a[1] == '-') {
            return usage_error("unknown option %s", a);
        }
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'c' || *p == 'm' || *p == 'X') {
                // The value is the rest of this argument or the next one.
                const char *value = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
                char opt[3] = {'-', *p, '\0'};
                if (value == NULL) {
                    return usage_error("argument expected for the %s option", opt);
                }
                if (*p == 'c') {
                    command = value;
                } else if (*p == 'm') {
                    module = value;
                } else {
                    int status = x_option(&s, value);
                    if (status) {
                        return status;
                    }
                }
                break;
            }
            switch (*p) {
                case 'O': s.options.opt_level++; break;
                case 'i': s.inspect = true; break;
                case 'v': s.options.verbose++; break;
                case 'h': usage(stdout); return 0;
                default: {
                    char opt[3] = {'-', *p, '\0'};
                    return usage_error("unknown option %s", opt);
                }
            }
        }
    }

    // sys.argv as CPython makes it.
    char **args = argv + i;
    int nargs = argc - i;
    static char *empty_argv[] = {"", NULL};
    char **sys_argv;
    int sys_argc;
    if (command != NULL || module != NULL) {
        sys_argc = nargs + 1;
        sys_argv = calloc((size_t)sys_argc + 1, sizeof(char *));
        if (sys_argv == NULL) {
            return 1;
        }
        sys_argv[0] = command != NULL ? "-c" : (char *)module;
        memcpy(sys_argv + 1, args, (size_t)nargs * sizeof(char *));
    } else if (nargs > 0) {
        file = args[0];
        sys_argv = args;
        sys_argc = nargs;
    } else {
        sys_argv = empty_argv;
        sys_argc = 1;
    }
    bool script = file != NULL && strcmp(file, "-") != 0;
    if (script) {
        int status = check_script(file);
        if (status) {
            return status;
        }
    }

    s.options.argc = sys_argc;
    s.options.argv = sys_argv;
    s.options.path = make_path(script ? file : NULL);
    bool program = command != NULL || module != NULL || file != NULL;
    bool board_mode = board != 0 || (!program && !s.inspect && isatty(0));
    if (board_mode && !s.heap_given) {
        // The chip's 38 KiB, in words of this build (objects here are made
        // of 8-byte words where the chip's are 4).
        s.options.heap_size = BOARD_HEAP_SIZE * sizeof(void *) / 4;
    }
    s.options.heap = map_heap(s.options.heap_size);
    if (s.options.heap == NULL) {
        fprintf(stderr, "%s: cannot allocate a heap of %zu bytes\n", prog, s.options.heap_size);
        return 1;
    }

    ensure_stack_size();
    if (board_mode || clock_speed != 0) {
        clock_host_simulate_rtc(clock_speed != 0 ? clock_speed : 1);
    }
    if (board_mode) {
        if (program) {
            return usage_error("%s runs the board: give it no program", board == 2 ? "--pty" : "--board");
        }
        if (flash_host_open(flash_path, flash_size) != 0 || (board_io != NULL && board_io_start(board_io) != 0)) {
            return 1;
        }
        // Power on: the radio reads its saved settings from the flash and, as
        // the SDK does, starts connecting the station it was last told to.
        hal_wifi_status();
        return board_host_run(&s.options, board == 2);
    }
    if (board_io != NULL) {
        return usage_error("--board-io %s: the board's pins are there only with the board (no program)", board_io);
    }
    espy_init(&s.options);
    vfs_mount_host_root();            // files as in MicroPython's unix port
    if (s.stats) {
        espy_measure_heap();
    }
    readline_init();

    int status = 0;
    bool ran = true;
    if (command != NULL) {
        status = espy_run_string(command, strlen(command), "<string>");
    } else if (module != NULL) {
        status = espy_run_module(module);
    } else if (script) {
        status = espy_run_file(file);
    } else if (file != NULL || (!s.inspect && !readline_stdin_is_terminal())) {
        status = run_stdin();                         // "-" or a pipe
    } else {
        ran = false;
    }
    if (!ran || s.inspect) {
        status = host_repl_run();
    }

    readline_restore_terminal();
    if (s.stats) {
        espy_print_stats();
    }
    return status;
}
