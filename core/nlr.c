// SPDX-License-Identifier: MIT
// Non-local return (see nlr.h).
#include "nlr.h"
#include "hal.h"

nlr_buf_t *nlr_top;

void nlr_raise(value_t value) {
    nlr_buf_t *top = nlr_top;
    if (top == NULL) {
        hal_fatal("exception raised with no handler");
    }
    nlr_top = top->prev;
    top->value = value;
    longjmp(top->jmp, 1);
}
