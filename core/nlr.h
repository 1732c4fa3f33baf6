// SPDX-License-Identifier: MIT
// Non-local return: how a raised exception unwinds the C stack.
//
// A function that wants to catch pushes an nlr_buf_t on a linked list and
// calls setjmp through nlr_push; nlr_raise longjmps to the newest buffer,
// which is popped, with the exception value in buf.value. Code that returns
// normally must nlr_pop() its buffer. The VM keeps one buffer per entry into
// the interpreter loop, not one per Python call, so a raise costs one
// longjmp however many Python frames it leaves.
//
//     nlr_buf_t nlr;
//     if (nlr_push(&nlr) == 0) {
//         ... code that may raise ...
//         nlr_pop();
//     } else {
//         value_t exc = nlr.value;    // the exception instance
//     }
#ifndef ESPY_NLR_H
#define ESPY_NLR_H

#include <setjmp.h>

#include "value.h"

typedef struct nlr_buf {
    struct nlr_buf *prev;
    value_t value;
    jmp_buf jmp;
} nlr_buf_t;

extern nlr_buf_t *nlr_top;

#define nlr_push(buf) ((buf)->prev = nlr_top, nlr_top = (buf), setjmp((buf)->jmp))
#define nlr_pop() (nlr_top = nlr_top->prev)
_Noreturn void nlr_raise(value_t value);

#endif
