// SPDX-License-Identifier: MIT
// The embedding interface (espy.h): start-up, running code in __main__,
// and turning an uncaught exception into a traceback and an exit status.
#include <string.h>

#include "code.h"
#include "compile.h"
#include "espy.h"
#include "hal.h"
#include "vm.h"

void modules_init(int argc, char **argv, const char *path_string);
void import_reset_main_module(void);
void import_run_main_module(const char *name);

static void stderr_write(void *ctx, const char *data, size_t len) {
    (void)ctx;
    hal_stderr_write(data, len);
}

static const print_t stderr_print = {NULL, stderr_write};

void port_reset(void);

// Also the soft reset: every root that pointed into the old heap is cleared.
void espy_init(const espy_options_t *options) {
    nlr_top = NULL;
    gc_init(options->heap, options->heap_size);
    vm_init(options->heap_size);
    qstr_init();
    import_reset_main_module();
    port_reset();
    modules_init(options->argc, options->argv, options->path);
    import_main_module();
}

// The exit status for an exception that reached the top: SystemExit gives
// its code; anything else prints a traceback and gives 1.
static int handle_uncaught(value_t exc) {
    if (exc_matches(exc, PTR_VAL(&type_SystemExit))) {
        value_t args = obj_getattr(exc, Q_args);
        size_t n;
        value_t *items = seq_items(args, &n);
        value_t code = n > 0 ? items[0] : VAL_NONE;
        if (code == VAL_NONE) {
            return 0;
        }
        smallint_t status;
        if (value_get_int_maybe(code, &status)) {
            return (int)(status & 0xFF);
        }
        obj_print(&stderr_print, code, PRINT_STR);
        hal_stderr_write("\n", 1);
        return 1;
    }
    exc_print_traceback(&stderr_print, exc);
    return 1;
}

// Runs fn(arg) with a handler; returns the exit status.
static int protect(void (*fn)(const void *arg), const void *arg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fn(arg);
        nlr_pop();
        return 0;
    }
    // Printing the traceback may itself fail (out of memory): report that plainly.
    nlr_buf_t nlr2;
    int status = 1;
    if (nlr_push(&nlr2) == 0) {
        status = handle_uncaught(nlr.value);
        nlr_pop();
    } else {
        const char *msg = "espy: error while printing an exception\n";
        hal_stderr_write(msg, strlen(msg));
    }
    return status;
}

static void run_file(const void *arg) {
    import_run_path((const char *)arg, import_main_module());
}

int espy_run_file(const char *path) {
    if (port_path_kind(path) != 1) {
        const char *a = "espy: can't open file '";
        hal_stderr_write(a, strlen(a));
        hal_stderr_write(path, strlen(path));
        const char *b = "': [Errno 2] No such file or directory\n";
        hal_stderr_write(b, strlen(b));
        return 2;
    }
    return protect(run_file, path);
}

typedef struct source {
    const char *text;
    size_t len;
    const char *filename;
    compile_mode_t mode;
} source_t;

static void run_source(const void *arg) {
    const source_t *src = arg;
    value_t code = compile_string(src->text, src->len, qstr_from_str(src->filename), src->mode);
    module_obj_t *main = VAL_PTR(import_main_module());
    vm_run_code(code, main->globals, VAL_NULL);
}

int espy_run_string(const char *source, size_t len, const char *filename) {
    source_t src = {source, len, filename, COMPILE_FILE};
    return protect(run_source, &src);
}

static void run_module(const void *arg) {
    import_run_main_module((const char *)arg);
}

int espy_run_module(const char *module_name) {
    return protect(run_module, module_name);
}

bool espy_repl_input_complete(const char *source, size_t len) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        compile_string(source, len, Q_lt_stdin_gt, COMPILE_SINGLE);
        nlr_pop();
        return true;
    }
    return !(compile_input_incomplete && exc_matches(nlr.value, PTR_VAL(&type_SyntaxError)));
}

int espy_repl_run(const char *source, size_t len) {
    vm_interrupt_pending = 0;    // a Ctrl-C typed at the prompt is not for this code
    source_t src = {source, len, "<stdin>", COMPILE_SINGLE};
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        run_source(&src);
        nlr_pop();
        return -1;
    }
    if (exc_matches(nlr.value, PTR_VAL(&type_SystemExit))) {
        return handle_uncaught(nlr.value);
    }
    exc_print_traceback(&stderr_print, nlr.value);
    return -1;
}

void espy_soft_reset(void) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        gc_finalise_all();
        nlr_pop();
    }
}

void espy_new_main(void) {
    import_reset_main_module();
    import_main_module();
    vm_interrupt_pending = 0;
}

void espy_interrupt(void) {
    vm_interrupt_pending = 1;
}

void espy_measure_heap(void) {
    gc_stats_t st;
    gc_get_stats(&st);
    gc_set_threshold((intptr_t)(st.total / 64));
}

void espy_print_stats(void) {
    gc_collect();
    gc_stats_t st;
    gc_get_stats(&st);
    print_fmt(&stderr_print, "espy-stats: heap_peak=%u heap_size=%u heap_used=%u collections=%u max_free_block=%u\n",
              (unsigned)st.peak_live, (unsigned)st.total, (unsigned)st.used, (unsigned)st.collections,
              (unsigned)st.max_free_block);
}
