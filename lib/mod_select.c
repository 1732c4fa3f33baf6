// SPDX-License-Identifier: MIT
// The select module (also importable as uselect), as MicroPython's: poll
// objects (register, modify, unregister, poll, ipoll) and select.select().
//
// An object can be waited on when it has the stream protocol with an ioctl
// (lib/stream.h), or when it has an ioctl(request, arg) method written in
// Python; either is asked STREAM_POLL with the events wanted and answers
// with those that are ready (a negative answer from Python is an errno).
// There is no operating system to sleep in: waiting polls every object,
// and while none is ready and the timeout has not passed, sleeps 1 ms,
// checking for Ctrl-C (and running micropython.schedule's callbacks)
// between rounds.
#include "exc.h"
#include "lib.h"
#include "stream.h"
#include "vm.h"

// ipoll's flag: an object reported once is not polled again until its
// events are set anew by modify() or register().
#define FLAG_ONESHOT 1

// One registered object.
typedef struct poll_entry {
    value_t obj;               // as registered, which is what poll() returns
    value_t target;            // the native stream behind obj
    const stream_p_t *proto;   // its protocol, or NULL: call obj.ioctl() instead
    uintptr_t events;          // asked for
    uintptr_t revents;         // found ready by the last round
} poll_entry_t;

// The objects being waited on, in the order they were registered. An
// object unregistered leaves a hole (obj VAL_NULL), filled by the next
// register() or closed at the next poll: a Python ioctl may unregister
// objects during a round, and a program iterating over ipoll() often does,
// and neither must see the other entries move.
typedef struct poll_set {
    size_t len, alloc;
    poll_entry_t *entries;
} poll_set_t;

typedef struct poll_obj {
    obj_t base;
    poll_set_t set;
    value_t ret_tuple;         // ipoll's (obj, event) tuple, reused for every result
    size_t iter_left;          // results ipoll has still to give
    size_t iter_pos;           // where ipoll looks for the next one
    uint8_t flags;             // of the last poll() or ipoll()
} poll_obj_t;

extern const type_t type_poll;

// ---- the set of objects ---------------------------------------------------------------

static poll_entry_t *pollset_find(poll_set_t *set, value_t obj) {
    for (size_t i = 0; i < set->len; i++) {
        if (set->entries[i].obj == obj) {
            return &set->entries[i];
        }
    }
    return NULL;
}

// Adds obj asking for events, or changes the events of an object already
// there (or-ing them in when or_events: select() lists one object in
// several lists). TypeError for an object that cannot be polled.
static void pollset_add(poll_set_t *set, value_t obj, uintptr_t events, bool or_events) {
    poll_entry_t *e = pollset_find(set, obj);
    if (e != NULL) {
        e->events = or_events ? e->events | events : events;
        return;
    }
    value_t target = obj;
    const stream_p_t *proto = stream_get_maybe(&target);
    value_t method[2];
    if (proto == NULL && !obj_load_method_maybe(obj, Q_ioctl, method)) {
        stream_get(&target, STREAM_OP_IOCTL);   // raises: not a stream
    }
    if (proto != NULL && proto->ioctl == NULL) {
        raise_os_error(ESPY_EINVAL);
    }
    e = pollset_find(set, VAL_NULL);
    if (e == NULL) {
        if (set->len == set->alloc) {
            size_t alloc = set->alloc * 2 + 4;
            set->entries = gc_realloc(set->entries, alloc * sizeof(poll_entry_t));
            set->alloc = alloc;
        }
        e = &set->entries[set->len++];
    }
    *e = (poll_entry_t){obj, target, proto, events, 0};
}

static void pollset_remove(poll_set_t *set, value_t obj) {
    poll_entry_t *e = pollset_find(set, obj);
    if (e != NULL) {
        *e = (poll_entry_t){0};
    }
}

// Closes the holes, keeping the order.
static void pollset_compact(poll_set_t *set) {
    size_t kept = 0;
    for (size_t i = 0; i < set->len; i++) {
        if (set->entries[i].obj != VAL_NULL) {
            set->entries[kept++] = set->entries[i];
        }
    }
    for (size_t i = kept; i < set->len; i++) {
        set->entries[i] = (poll_entry_t){0};
    }
    set->len = kept;
}

// Asks entry i which of its events are ready.
static uintptr_t entry_poll(poll_set_t *set, size_t i) {
    poll_entry_t e = set->entries[i];
    if (e.proto != NULL) {
        int err = 0;
        intptr_t r = e.proto->ioctl(e.target, STREAM_POLL, e.events, &err);
        if (r == STREAM_ERROR) {
            raise_os_error(err);
        }
        return (uintptr_t)r;
    }
    value_t args[2] = {SMALL(STREAM_POLL), int_from_uintptr(e.events)};
    smallint_t r = value_get_int(call_method(e.obj, Q_ioctl, 2, args));
    if (r < 0) {
        raise_os_error((int)-r);
    }
    return (uintptr_t)r;
}

// One round: asks every object, records what is ready and returns how many
// objects are. counts (when not NULL) receives how many are readable,
// writable, and in error, for select(). A Python ioctl may change the set
// while it runs: entries are reached by index every time, and an answer is
// kept only when its entry still holds the object asked.
static size_t pollset_poll_once(poll_set_t *set, size_t counts[3]) {
    size_t ready = 0;
    for (size_t i = 0; i < set->len; i++) {
        value_t obj = set->entries[i].obj;
        if (obj == VAL_NULL) {
            continue;
        }
        uintptr_t r = entry_poll(set, i);
        if (set->entries[i].obj != obj) {
            continue;
        }
        set->entries[i].revents = r;
        if (r == 0) {
            continue;
        }
        ready++;
        if (counts != NULL) {
            counts[0] += (r & STREAM_POLL_RD) != 0;
            counts[1] += (r & STREAM_POLL_WR) != 0;
            counts[2] += (r & ~(uintptr_t)(STREAM_POLL_RD | STREAM_POLL_WR)) != 0;
        }
    }
    return ready;
}

// Polls until an object is ready or timeout_ms (negative: no limit) has
// passed; returns how many objects are ready.
static size_t pollset_wait(poll_set_t *set, intptr_t timeout_ms, size_t counts[3]) {
    pollset_compact(set);
    uint32_t start = hal_ticks_ms();
    uint32_t limit = (uint64_t)timeout_ms > UINT32_MAX ? UINT32_MAX : (uint32_t)timeout_ms;
    for (;;) {
        if (counts != NULL) {
            counts[0] = counts[1] = counts[2] = 0;
        }
        size_t ready = pollset_poll_once(set, counts);
        if (ready > 0 || (timeout_ms >= 0 && hal_ticks_ms() - start >= limit)) {
            return ready;
        }
        vm_check_interrupt();
        hal_delay_ms(1);
    }
}

// ---- poll objects -----------------------------------------------------------------------

static poll_obj_t *poll_self(value_t v) {
    return obj_native(v, &type_poll);
}

// register(obj[, eventmask]): POLLIN | POLLOUT by default.
static value_t poll_register_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uintptr_t events = STREAM_POLL_RD | STREAM_POLL_WR;
    if (n_args > 2) {
        events = (uintptr_t)value_get_int(args[2]);
    }
    pollset_add(&poll_self(args[0])->set, args[1], events, false);
    return VAL_NONE;
}
static BUILTIN_FN(poll_register_obj, Q_register, 2, 3, false, poll_register_fn);

// unregister(obj): nothing happens for an object not registered, as in
// MicroPython (CPython raises KeyError).
static value_t poll_unregister_fn(size_t n_args, size_t n_kw, const value_t *args) {
    pollset_remove(&poll_self(args[0])->set, args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(poll_unregister_obj, Q_unregister, 2, 2, false, poll_unregister_fn);

// modify(obj, eventmask): OSError(ENOENT) for an object not registered.
static value_t poll_modify_fn(size_t n_args, size_t n_kw, const value_t *args) {
    poll_set_t *set = &poll_self(args[0])->set;
    if (pollset_find(set, args[1]) == NULL) {
        raise_os_error(ESPY_ENOENT);
    }
    uintptr_t events = (uintptr_t)value_get_int(args[2]);
    poll_entry_t *e = pollset_find(set, args[1]);   // an __index__ may have changed the set
    if (e != NULL) {
        e->events = events;
    }
    return VAL_NONE;
}
static BUILTIN_FN(poll_modify_obj, Q_modify, 3, 3, false, poll_modify_fn);

// The common part of poll([timeout[, flags]]) and ipoll(): the timeout is
// in milliseconds, None or negative for none; returns how many are ready.
static size_t poll_run(poll_obj_t *self, size_t n_args, const value_t *args) {
    intptr_t timeout = -1;
    if (n_args > 1 && args[1] != VAL_NONE) {
        timeout = value_get_int(args[1]);
    }
    self->flags = n_args > 2 ? (uint8_t)value_get_int(args[2]) : 0;
    return pollset_wait(&self->set, timeout < 0 ? -1 : timeout, NULL);
}

// An object reported under the one-shot flag is polled for nothing more.
static void report(poll_obj_t *self, poll_entry_t *e) {
    if (self->flags & FLAG_ONESHOT) {
        e->events = 0;
    }
}

// poll([timeout[, flags]]): a list of (obj, event) tuples.
static value_t poll_poll_fn(size_t n_args, size_t n_kw, const value_t *args) {
    poll_obj_t *self = poll_self(args[0]);
    size_t ready = poll_run(self, n_args, args);
    value_t list = list_new(0, NULL);
    for (size_t i = 0; i < self->set.len && ready > 0; i++) {
        poll_entry_t *e = &self->set.entries[i];
        if (e->revents != 0) {
            value_t pair[2] = {e->obj, int_from_uintptr(e->revents)};
            report(self, e);
            list_append(list, tuple_new(2, pair));
        }
    }
    return list;
}
static BUILTIN_FN(poll_poll_obj, Q_poll, 1, 3, false, poll_poll_fn);

// ipoll([timeout[, flags]]): the poll object itself, as an iterator whose
// items are one tuple, refilled for each result (no allocation per result).
static value_t poll_ipoll_fn(size_t n_args, size_t n_kw, const value_t *args) {
    poll_obj_t *self = poll_self(args[0]);
    if (self->ret_tuple == VAL_NULL) {
        self->ret_tuple = tuple_new(2, NULL);
    }
    self->iter_left = poll_run(self, n_args, args);
    self->iter_pos = 0;
    return args[0];
}
static BUILTIN_FN(poll_ipoll_obj, Q_ipoll, 1, 3, false, poll_ipoll_fn);

static value_t poll_iternext(value_t v) {
    poll_obj_t *self = poll_self(v);
    while (self->iter_left > 0 && self->iter_pos < self->set.len) {
        poll_entry_t *e = &self->set.entries[self->iter_pos++];
        if (e->revents != 0) {
            self->iter_left--;
            tuple_obj_t *t = VAL_PTR(self->ret_tuple);
            t->items[0] = e->obj;
            t->items[1] = int_from_uintptr(e->revents);
            report(self, e);
            return self->ret_tuple;
        }
    }
    self->iter_left = 0;
    return VAL_STOP;
}

static value_t poll_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args + n_kw, 0, 0, Q_poll);
    poll_obj_t *self = gc_alloc(sizeof(poll_obj_t), 0);
    self->base.type = &type_poll;
    return PTR_VAL(self);
}

static const map_entry_t poll_locals_table[] = {
    {QSTR(Q_ipoll), PTR_VAL(&poll_ipoll_obj)},
    {QSTR(Q_modify), PTR_VAL(&poll_modify_obj)},
    {QSTR(Q_poll), PTR_VAL(&poll_poll_obj)},
    {QSTR(Q_register), PTR_VAL(&poll_register_obj)},
    {QSTR(Q_unregister), PTR_VAL(&poll_unregister_obj)},
};
static const map_t poll_locals = MAP_ROM(poll_locals_table);

const type_t type_poll = {
    {&type_type},
    .name = Q_poll,
    .make_new = poll_make_new,
    .getiter = iter_self,
    .iternext = poll_iternext,
    .locals = &poll_locals,
};

// ---- select.select ------------------------------------------------------------------------

// The items of select()'s list arguments: a tuple or a list.
static value_t *list_arg(value_t v, size_t *len) {
    if (!OBJ_TYPE_IS(v, &type_tuple) && !OBJ_TYPE_IS(v, &type_list)) {
        raise_fmt(&type_TypeError, "object '%T' isn't a tuple or list", v);
    }
    return seq_items(v, len);
}

// The objects of list `which` (0 read, 1 write, 2 error) that are ready.
static value_t ready_list(poll_set_t *set, size_t count, int which) {
    value_t list = list_new(0, NULL);
    for (size_t i = 0; i < set->len && count > 0; i++) {
        uintptr_t r = set->entries[i].revents;
        bool match = which == 0   ? (r & STREAM_POLL_RD) != 0
                     : which == 1 ? (r & STREAM_POLL_WR) != 0
                                  : (r & ~(uintptr_t)(STREAM_POLL_RD | STREAM_POLL_WR)) != 0;
        if (match) {
            list_append(list, set->entries[i].obj);
            count--;
        }
    }
    return list;
}

// select(rlist, wlist, xlist[, timeout]): timeout in seconds (int or
// float), None or negative for none; returns three lists of ready objects.
static value_t select_select_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const uintptr_t events[3] = {
        STREAM_POLL_RD,
        STREAM_POLL_WR,
        STREAM_POLL_ERR | STREAM_POLL_HUP,
    };
    intptr_t timeout = -1;
    if (n_args > 3 && args[3] != VAL_NONE) {
        double seconds = value_get_float(args[3]);
        if (seconds >= 0) {
            timeout = seconds * 1000 >= (double)INT32_MAX ? INT32_MAX : (intptr_t)(seconds * 1000);
        }
    }
    poll_set_t set = {0, 0, NULL};
    for (int k = 0; k < 3; k++) {
        size_t len;
        value_t *items = list_arg(args[k], &len);
        for (size_t i = 0; i < len; i++) {
            pollset_add(&set, items[i], events[k], true);
        }
    }
    size_t counts[3] = {0, 0, 0};
    pollset_wait(&set, timeout, counts);
    value_t lists[3];
    for (int k = 0; k < 3; k++) {
        lists[k] = ready_list(&set, counts[k], k);
    }
    gc_free(set.entries);
    return tuple_new(3, lists);
}
static BUILTIN_FN(select_select_obj, Q_select, 3, 4, false, select_select_fn);

static const map_entry_t select_table[] = {
    {QSTR(Q_POLLERR), SMALL(STREAM_POLL_ERR)},
    {QSTR(Q_POLLHUP), SMALL(STREAM_POLL_HUP)},
    {QSTR(Q_POLLIN), SMALL(STREAM_POLL_RD)},
    {QSTR(Q_POLLOUT), SMALL(STREAM_POLL_WR)},
    {QSTR(Q___name__), QSTR(Q_select)},
    {QSTR(Q_poll), PTR_VAL(&type_poll)},
    {QSTR(Q_select), PTR_VAL(&select_select_obj)},
};
MODULE_ROM(select_module, Q_select, select_table);

ESPY_MODULE(select, select_module);
ESPY_MODULE(uselect, select_module);
