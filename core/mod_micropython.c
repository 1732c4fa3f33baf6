// SPDX-License-Identifier: MIT
// The micropython module: interpreter internals a program may ask about
// (memory figures, the optimisation level), the heap lock, the interrupt
// character, and micropython.schedule's queue of callbacks, which the VM
// runs between bytecodes via micropython_run_scheduled.
#include "hal.h"
#include "modules.h"
#include "vm.h"

volatile uint8_t micropython_sched_pending;

static value_t mp_const_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return args[0];
}
static BUILTIN_FN(mp_const_obj, Q_const, 1, 1, false, mp_const_fn);

static value_t mp_opt_level_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return SMALL(modules_state.opt_level);
    }
    smallint_t level = value_get_int(args[0]);
    modules_state.opt_level = (int8_t)(level < 0 ? 0 : level > 3 ? 3 : level);
    return VAL_NONE;
}
static BUILTIN_FN(mp_opt_level_obj, Q_opt_level, 0, 1, false, mp_opt_level_fn);

static size_t stack_used(void) {
    char here;
    uintptr_t top = (uintptr_t)hal_stack_top(), at = (uintptr_t)&here;
    return top > at ? (size_t)(top - at) : 0;
}

static value_t mp_stack_use_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr(stack_used());
}
static BUILTIN_FN(mp_stack_use_obj, Q_stack_use, 0, 0, false, mp_stack_use_fn);

static void out(void *ctx, const char *data, size_t len) {
    hal_stdout_write(data, len);
}
static const print_t stdout_print = {NULL, out};

static value_t mp_mem_info_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_stats_t st;
    gc_get_stats(&st);
    const print_t *p = &stdout_print;
    print_fmt(p, "stack: %u out of %u\n", (unsigned)stack_used(), (unsigned)ESPY_C_STACK_LIMIT);
    print_fmt(p, "GC: total: %u, used: %u, free: %u\n", (unsigned)st.total, (unsigned)st.used, (unsigned)st.free);
    print_fmt(p, " No. of 1-blocks: %u, 2-blocks: %u, max blk sz: %u, max free sz: %u\n", (unsigned)st.one_blocks,
              (unsigned)st.two_blocks, (unsigned)st.max_block, (unsigned)(st.max_free_block / GC_BLOCK));
    if (n_args > 0 && obj_is_true(args[0])) {
        gc_dump_map(p);
    }
    return VAL_NONE;
}
static BUILTIN_FN(mp_mem_info_obj, Q_mem_info, 0, 1, false, mp_mem_info_fn);

static value_t mp_qstr_info_fn(size_t n_args, size_t n_kw, const value_t *args) {
    print_fmt(&stdout_print, "qstr pool: n_pool=1, n_qstr=%u, n_static=%u\n", (unsigned)qstr_count(),
              (unsigned)QSTR_STATIC_COUNT);
    return VAL_NONE;
}
static BUILTIN_FN(mp_qstr_info_obj, Q_qstr_info, 0, 1, false, mp_qstr_info_fn);

static value_t mp_heap_lock_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_lock();
    return VAL_NONE;
}
static BUILTIN_FN(mp_heap_lock_obj, Q_heap_lock, 0, 0, false, mp_heap_lock_fn);

static value_t mp_heap_unlock_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_unlock();
    return SMALL(gc_is_locked());
}
static BUILTIN_FN(mp_heap_unlock_obj, Q_heap_unlock, 0, 0, false, mp_heap_unlock_fn);

static value_t mp_heap_locked_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(gc_is_locked());
}
static BUILTIN_FN(mp_heap_locked_obj, Q_heap_locked, 0, 0, false, mp_heap_locked_fn);

int micropython_kbd_intr_char(void) {
    return modules_state.kbd_intr_char;
}

static value_t mp_kbd_intr_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t c = value_get_int(args[0]);
    modules_state.kbd_intr_char = (int16_t)(c < 0 || c > 255 ? -1 : c);
    return VAL_NONE;
}
static BUILTIN_FN(mp_kbd_intr_obj, Q_kbd_intr, 1, 1, false, mp_kbd_intr_fn);

static value_t mp_alloc_emergency_exception_buf_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(mp_alloc_emergency_exception_buf_obj, Q_alloc_emergency_exception_buf, 1, 1, false,
                  mp_alloc_emergency_exception_buf_fn);

// Queues fn(arg) for the VM's next safe point; false when the queue is
// full. Interrupt handlers call it too (board/'s pin and timer interrupts),
// so the queue changes only with interrupts off.
bool micropython_schedule(value_t fn, value_t arg) {
    modules_state_t *s = &modules_state;
    uint32_t irq = hal_irq_disable();
    bool queued = s->sched_len < SCHED_QUEUE;
    if (queued) {
        unsigned i = (s->sched_head + s->sched_len) % SCHED_QUEUE;
        s->sched_fn[i] = fn;
        s->sched_arg[i] = arg;
        s->sched_len++;
        micropython_sched_pending = 1;
    }
    hal_irq_restore(irq);
    return queued;
}

static value_t mp_schedule_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (!micropython_schedule(args[0], args[1])) {
        raise_msg(&type_RuntimeError, "schedule queue full");
    }
    return VAL_NONE;
}
static BUILTIN_FN(mp_schedule_obj, Q_schedule, 2, 2, false, mp_schedule_fn);

void micropython_run_scheduled(void) {
    modules_state_t *s = &modules_state;
    micropython_sched_pending = 0;
    for (;;) {
        uint32_t irq = hal_irq_disable();
        if (s->sched_len == 0) {
            hal_irq_restore(irq);
            return;
        }
        unsigned i = s->sched_head;
        value_t fn = s->sched_fn[i], arg = s->sched_arg[i];
        s->sched_fn[i] = s->sched_arg[i] = VAL_NULL;
        s->sched_head = (uint8_t)((i + 1) % SCHED_QUEUE);
        s->sched_len--;
        hal_irq_restore(irq);
        call_function_1(fn, arg);
    }
}

static const map_entry_t mp_table[] = {
    {QSTR(Q___name__), QSTR(Q_micropython)},
    {QSTR(Q_alloc_emergency_exception_buf), PTR_VAL(&mp_alloc_emergency_exception_buf_obj)},
    {QSTR(Q_const), PTR_VAL(&mp_const_obj)},
    {QSTR(Q_heap_lock), PTR_VAL(&mp_heap_lock_obj)},
    {QSTR(Q_heap_locked), PTR_VAL(&mp_heap_locked_obj)},
    {QSTR(Q_heap_unlock), PTR_VAL(&mp_heap_unlock_obj)},
    {QSTR(Q_kbd_intr), PTR_VAL(&mp_kbd_intr_obj)},
    {QSTR(Q_mem_info), PTR_VAL(&mp_mem_info_obj)},
    {QSTR(Q_opt_level), PTR_VAL(&mp_opt_level_obj)},
    {QSTR(Q_qstr_info), PTR_VAL(&mp_qstr_info_obj)},
    {QSTR(Q_schedule), PTR_VAL(&mp_schedule_obj)},
    {QSTR(Q_stack_use), PTR_VAL(&mp_stack_use_obj)},
};
static const dict_obj_t mp_dict = {{&type_dict}, MAP_ROM(mp_table)};
const module_obj_t micropython_module = {{&type_module}, PTR_VAL(&mp_dict), Q_micropython};
