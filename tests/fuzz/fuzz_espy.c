// SPDX-License-Identifier: MIT
// libFuzzer target: every input is a Python program, compiled and run in a
// small heap. Whatever it does, espy must not crash, hang or corrupt memory:
// a Python exception is a normal outcome. A timer interrupts programs that
// run too long (they get KeyboardInterrupt, as from Ctrl-C).
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "espy.h"

static char heap[256 * 1024];
static int initialised;

static void on_alarm(int sig) {
    (void)sig;
    espy_interrupt();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char *argv[] = {"fuzz", NULL};
    espy_options_t opt = {heap, sizeof(heap), 1, argv, "", 0, 0};
    if (!initialised) {
        signal(SIGALRM, on_alarm);
        espy_init(&opt);
        initialised = 1;
    }
    // Each input runs in a fresh __main__ module.
    espy_new_main();
    struct itimerval t = {{0, 20000}, {0, 50000}};
    setitimer(ITIMER_REAL, &t, NULL);
    espy_run_string((const char *)data, size, "<fuzz>");
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    return 0;
}
