// SPDX-License-Identifier: MIT
// The embedding interface: what a target's main program calls.
#ifndef ESPY_ESPY_H
#define ESPY_ESPY_H

// The release, as the banner and sys.version print it.
#define ESPY_VERSION "0.1.0"

#include <stdbool.h>
#include <stddef.h>

typedef struct espy_options {
    void *heap;               // the whole Python heap (Python frames are allocated from it too)
    size_t heap_size;
    int argc;                 // sys.argv
    char **argv;
    const char *path;         // sys.path entries separated by ':' (NULL: default)
    int opt_level;            // -O count
    int verbose;              // -v count
} espy_options_t;

// Sets up the interpreter, before anything else. Called again (with the
// same heap) it is a soft reset: a fresh Python state.
void espy_init(const espy_options_t *options);

// Each of these runs code in the __main__ module and returns the exit status
// for the process: 0 on success; on an uncaught exception, prints the
// traceback to stderr and returns 1; on SystemExit, its code.
int espy_run_file(const char *path);
int espy_run_string(const char *source, size_t len, const char *filename);
int espy_run_module(const char *module_name);      // -m

// The REPL: the source passed to these functions is every line typed so
// far, each ending in '\n' (so an empty line ends the text with "\n\n").
// espy_repl_input_complete says whether the text typed so far is a
// complete statement (false: the REPL shows "... " and reads another line).
// espy_repl_run compiles it in "single" mode (expression values are printed
// with repr) and runs it; it returns -1 normally, or the exit status if the
// code raised SystemExit.
bool espy_repl_input_complete(const char *source, size_t len);
int espy_repl_run(const char *source, size_t len);

// Before a soft reset (then espy_init again): finalises every object that
// has a finaliser, so that open files are closed and their data written.
void espy_soft_reset(void);

// Replaces the __main__ module by an empty one (tests and fuzzing run many
// programs in one interpreter).
void espy_new_main(void);

// Asks running code to raise KeyboardInterrupt as soon as possible; safe to
// call from a signal handler or an interrupt.
void espy_interrupt(void);

// -X stats: collect often (every 1/64 of the heap allocated) so that the
// peak of live data is measured, then print the figures at exit
// ("espy-stats: heap_peak=N ...", heap_peak being the most data found
// live by any collection).
void espy_measure_heap(void);
void espy_print_stats(void);

#endif
