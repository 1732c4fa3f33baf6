// SPDX-License-Identifier: MIT
// The time module as MicroPython's ESP8266 port has it (spec section 11):
// sleeping, the wrapping tick counters, and the calendar over the clock of
// seconds since 2000-01-01.
//
// Ticks are masked to 30 bits, so that they stay small ints on the chip;
// ticks_diff and ticks_add compute modulo 2^30. The board's calendar is
// 32-bit: localtime takes a machine word (OverflowError beyond) and reads
// it as an unsigned count of seconds since 2000, so -1 is 2136-02-07
// 06:28:15; mktime gives its result modulo 2^32 in the same way. Dates in
// between are exact (proleptic Gregorian), and mktime normalises fields out
// of their range (month 13, day 0, second -1) as the board does.
#include "exc.h"
#include "lib.h"
#include "vm.h"

#define TICKS_PERIOD (1u << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

#define SECONDS_PER_DAY 86400
#define DAYS_1970_TO_2000 10957

// An int argument as the board takes it: a machine word (32 bits), with
// MicroPython's errors.
static int32_t word_arg(value_t v) {
    if (!value_is_int(v)) {
        raise_fmt(&type_TypeError, "can't convert %T to int", v);
    }
    smallint_t i;
    if (!value_get_int_maybe(v, &i) || i < INT32_MIN || i > INT32_MAX) {
        raise_msg(&type_OverflowError, "overflow converting long int to machine word");
    }
    return (int32_t)i;
}

// ---- sleeping ------------------------------------------------------------------------------

// Waits in steps of at most 100 ms, checking for Ctrl-C (KeyboardInterrupt)
// and running what micropython.schedule (or an interrupt: a pin, a timer)
// queued as soon as it is queued. The part of a step under a millisecond
// is a busy wait on the microsecond ticks.
static void sleep_us(uint64_t us) {
    uint32_t last = hal_ticks_us();
    while (us > 0) {
        uint32_t step = us > 100000 ? 100000 : (uint32_t)us;
        if (step >= 1000) {
            hal_delay_ms(step / 1000);
        }
        while (hal_ticks_us() - last < step && !vm_interrupt_pending && !micropython_sched_pending) {
        }
        uint32_t now = hal_ticks_us(), spent = now - last;
        last = now;
        us = spent >= us ? 0 : us - spent;
        vm_check_interrupt();
    }
}

static value_t time_sleep_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t s;
    if (value_get_int_maybe(args[0], &s)) {
        if (s < 0) {
            raise_msg(&type_ValueError, "sleep length must be non-negative");
        }
        uint64_t secs = (uint64_t)s;
        sleep_us(secs < 10000000000000u ? secs * 1000000u : UINT64_MAX);
        return VAL_NONE;
    }
    double d = value_get_float(args[0]);
    if (!(d >= 0)) {
        raise_msg(&type_ValueError, d < 0 ? "sleep length must be non-negative" : "Invalid value NaN (not a number)");
    }
    sleep_us(d < 1e13 ? (uint64_t)(d * 1e6) : UINT64_MAX);
    return VAL_NONE;
}
static BUILTIN_FN(time_sleep_obj, Q_sleep, 1, 1, false, time_sleep_fn);

static value_t time_sleep_ms_fn(size_t n_args, size_t n_kw, const value_t *args) {
    int32_t ms = word_arg(args[0]);
    if (ms > 0) {
        sleep_us((uint64_t)ms * 1000u);
    }
    return VAL_NONE;
}
static BUILTIN_FN(time_sleep_ms_obj, Q_sleep_ms, 1, 1, false, time_sleep_ms_fn);

static value_t time_sleep_us_fn(size_t n_args, size_t n_kw, const value_t *args) {
    int32_t us = word_arg(args[0]);
    if (us > 0) {
        sleep_us((uint64_t)us);
    }
    return VAL_NONE;
}
static BUILTIN_FN(time_sleep_us_obj, Q_sleep_us, 1, 1, false, time_sleep_us_fn);

// ---- ticks --------------------------------------------------------------------------------------

static value_t time_ticks_ms_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(hal_ticks_ms() & TICKS_MASK);
}
static BUILTIN_FN(time_ticks_ms_obj, Q_ticks_ms, 0, 0, false, time_ticks_ms_fn);

static value_t time_ticks_us_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(hal_ticks_us() & TICKS_MASK);
}
static BUILTIN_FN(time_ticks_us_obj, Q_ticks_us, 0, 0, false, time_ticks_us_fn);

static value_t time_ticks_cpu_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(hal_ticks_cpu() & TICKS_MASK);
}
static BUILTIN_FN(time_ticks_cpu_obj, Q_ticks_cpu, 0, 0, false, time_ticks_cpu_fn);

// ticks_add(ticks, delta), -2^29 < delta < 2^29 so that ticks_diff can
// give delta back; ticks are taken modulo 2^30.
static value_t time_ticks_add_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t ticks = (uint32_t)word_arg(args[0]);
    if (!value_is_int(args[1])) {
        word_arg(args[1]);              // TypeError
    }
    smallint_t delta;
    if (!value_get_int_maybe(args[1], &delta) || delta <= -(smallint_t)TICKS_HALF || delta >= (smallint_t)TICKS_HALF) {
        raise_msg(&type_OverflowError, "ticks interval overflow");
    }
    return SMALL((ticks + (uint32_t)delta) & TICKS_MASK);
}
static BUILTIN_FN(time_ticks_add_obj, Q_ticks_add, 2, 2, false, time_ticks_add_fn);

// ticks_diff(end, start): signed, in [-2^29, 2^29).
static value_t time_ticks_diff_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t end = (uint32_t)word_arg(args[0]), start = (uint32_t)word_arg(args[1]);
    return SMALL((smallint_t)((end - start + TICKS_HALF) & TICKS_MASK) - (smallint_t)TICKS_HALF);
}
static BUILTIN_FN(time_ticks_diff_obj, Q_ticks_diff, 2, 2, false, time_ticks_diff_fn);

// ---- the clock --------------------------------------------------------------------------------

static int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static value_t time_time_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_ll(floor_div(hal_clock_us(), 1000000));
}
static BUILTIN_FN(time_time_obj, Q_time, 0, 0, false, time_time_fn);

static value_t time_time_ns_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_ll(hal_clock_us() * 1000);
}
static BUILTIN_FN(time_time_ns_obj, Q_time_ns, 0, 0, false, time_time_ns_fn);

// ---- the calendar -------------------------------------------------------------------------------

// Days since 1970-01-01 of a date, and back (Howard Hinnant's algorithms:
// exact for any year in range; month 1..12).
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d) {
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = era * 400 + yoe + (*m <= 2);
}

// localtime([secs]) and gmtime([secs]): (year, month, mday, hour, minute,
// second, weekday 0 = Monday, yearday 1..366); no time zones.
static value_t time_localtime_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t secs = n_args > 0 && args[0] != VAL_NONE ? (uint32_t)word_arg(args[0])
                                                      : (uint32_t)floor_div(hal_clock_us(), 1000000);
    int64_t days = secs / SECONDS_PER_DAY + DAYS_1970_TO_2000;
    uint32_t rest = secs % SECONDS_PER_DAY;
    int64_t year;
    int month, mday;
    civil_from_days(days, &year, &month, &mday);
    value_t items[8] = {
        int_from_ll(year), SMALL(month), SMALL(mday), SMALL(rest / 3600), SMALL(rest / 60 % 60), SMALL(rest % 60),
        SMALL((days + 3) % 7),          // 1970-01-01 was a Thursday
        SMALL(days - days_from_civil(year, 1, 1) + 1),
    };
    return tuple_new(8, items);
}
static BUILTIN_FN(time_localtime_obj, Q_localtime, 0, 1, false, time_localtime_fn);
static BUILTIN_FN(time_gmtime_obj, Q_gmtime, 0, 1, false, time_localtime_fn);

// mktime((year, month, mday, hour, minute, second, weekday, yearday[, dst])):
// the weekday, yearday and dst are ignored.
static value_t time_mktime_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    value_t *items = seq_items(args[0], &len);
    if (items == NULL) {
        raise_fmt(&type_TypeError, "object '%T' isn't a tuple or list", args[0]);
    }
    if (len < 8 || len > 9) {
        raise_fmt(&type_TypeError, "mktime needs a tuple of length 8 or 9 (%u given)", (unsigned)len);
    }
    int64_t f[6];
    for (int i = 0; i < 6; i++) {
        f[i] = word_arg(items[i]);
    }
    // Months beyond 1..12 move the year; days, hours, minutes and seconds
    // beyond their range are counted from the first of the month.
    int64_t month0 = f[1] - 1;
    int64_t year = f[0] + floor_div(month0, 12);
    int64_t days = days_from_civil(year, month0 - floor_div(month0, 12) * 12 + 1, 1) + f[2] - 1 - DAYS_1970_TO_2000;
    int64_t secs = days * SECONDS_PER_DAY + f[3] * 3600 + f[4] * 60 + f[5];
    return int_from_uintptr((uint32_t)secs);
}
static BUILTIN_FN(time_mktime_obj, Q_mktime, 1, 1, false, time_mktime_fn);

static const map_entry_t time_module_table[] = {
    {QSTR(Q___name__), QSTR(Q_time)},
    {QSTR(Q_gmtime), PTR_VAL(&time_gmtime_obj)},
    {QSTR(Q_localtime), PTR_VAL(&time_localtime_obj)},
    {QSTR(Q_mktime), PTR_VAL(&time_mktime_obj)},
    {QSTR(Q_sleep), PTR_VAL(&time_sleep_obj)},
    {QSTR(Q_sleep_ms), PTR_VAL(&time_sleep_ms_obj)},
    {QSTR(Q_sleep_us), PTR_VAL(&time_sleep_us_obj)},
    {QSTR(Q_ticks_add), PTR_VAL(&time_ticks_add_obj)},
    {QSTR(Q_ticks_cpu), PTR_VAL(&time_ticks_cpu_obj)},
    {QSTR(Q_ticks_diff), PTR_VAL(&time_ticks_diff_obj)},
    {QSTR(Q_ticks_ms), PTR_VAL(&time_ticks_ms_obj)},
    {QSTR(Q_ticks_us), PTR_VAL(&time_ticks_us_obj)},
    {QSTR(Q_time), PTR_VAL(&time_time_obj)},
    {QSTR(Q_time_ns), PTR_VAL(&time_time_ns_obj)},
};
MODULE_ROM(time_module, Q_time, time_module_table);
ESPY_MODULE(time, time_module);
ESPY_MODULE(utime, time_module);
