// SPDX-License-Identifier: MIT
// machine.RTC (spec section 8.8): the wall clock (hal_clock_us, the
// microseconds since 2000-01-01), a blob of user memory kept across resets
// and deep sleep, and ALARM0, which deepsleep() honours when RTC.irq asked
// it to wake the board.
//
// The memory is hal.h's RTC memory: a marker word, the length, then up to
// 492 bytes, as MicroPython lays out the blocks 67..191 of the chip's RTC
// memory (a memory without the marker, after power-on, holds b'').
#include <string.h>

#include "machine.h"

#define MEMORY_MAGIC 0x75507921u
#define MEMORY_MAX (HAL_RTC_MEMORY_SIZE - 8)
#define DAYS_1970_TO_2000 10957
#define WAKE_DEEPSLEEP 4

static const obj_t rtc_obj = {&machine_rtc_type};

// The alarm, in wall-clock microseconds (0: never set), and its wake flags.
static struct {
    int64_t alarm0;
    unsigned wake;
} rtc;

// ---- the calendar ------------------------------------------------------------------------------

// Days since 2000-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 - DAYS_1970_TO_2000;
}

static void civil_from_days(int64_t days, int64_t *y, int *m, int *d) {
    int64_t z = days + DAYS_1970_TO_2000 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// ---- datetime ------------------------------------------------------------------------------------

// datetime([(year, month, day, weekday, hours, minutes, seconds, subseconds)]):
// subseconds in milliseconds; the weekday (0 = Monday) is ignored when set.
static value_t rtc_datetime_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 1) {
        int64_t us = hal_clock_us();
        int64_t secs = floor_div(us, 1000000);
        int64_t days = floor_div(secs, 86400);
        int64_t in_day = secs - days * 86400;
        int64_t year;
        int month, day;
        civil_from_days(days, &year, &month, &day);
        int weekday = (int)((days % 7 + 7 + 5) % 7);       // 2000-01-01 was a Saturday
        value_t items[8] = {
            int_from_ll(year),         SMALL(month),           SMALL(day),
            SMALL(weekday),            SMALL(in_day / 3600),   SMALL(in_day / 60 % 60),
            SMALL(in_day % 60),        SMALL((us - secs * 1000000) / 1000),
        };
        return tuple_new(8, items);
    }
    size_t n;
    value_t *items = machine_items(args[1], &n);
    if (n != 8) {
        raise_fmt(&type_ValueError, "requested length 8 but object has length %d", (int)n);
    }
    smallint_t f[8];
    for (int i = 0; i < 8; i++) {
        f[i] = value_get_int(items[i]);
    }
    int64_t days = days_from_civil(f[0], f[1], f[2]);
    int64_t secs = days * 86400 + (int64_t)f[4] * 3600 + (int64_t)f[5] * 60 + f[6];
    hal_clock_set_us(secs * 1000000 + (int64_t)f[7] * 1000);
    return VAL_NONE;
}
static BUILTIN_FN(rtc_datetime_obj, Q_datetime, 1, 2, false, rtc_datetime_fn);

// ---- memory ------------------------------------------------------------------------------------

static value_t rtc_memory_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t head[2];
    if (n_args == 1) {
        hal_rtc_memory_read(0, head, sizeof head);
        if (head[0] != MEMORY_MAGIC || head[1] > MEMORY_MAX) {
            return bytes_new(NULL, 0);
        }
        uint8_t buf[MEMORY_MAX];
        hal_rtc_memory_read(8, buf, head[1]);
        return bytes_new(buf, head[1]);
    }
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    if (b.len > MEMORY_MAX) {
        raise_msg(&type_ValueError, "buffer too long");
    }
    head[0] = MEMORY_MAGIC;
    head[1] = (uint32_t)b.len;
    hal_rtc_memory_write(8, b.buf, b.len);
    hal_rtc_memory_write(0, head, sizeof head);
    return VAL_NONE;
}
static BUILTIN_FN(rtc_memory_obj, Q_memory, 1, 2, false, rtc_memory_fn);

// ---- the alarm ---------------------------------------------------------------------------------

static void check_alarm_id(value_t id) {
    if (value_get_int(id) != 0) {
        raise_msg(&type_ValueError, "invalid alarm");
    }
}

// alarm(id, time_ms): ALARM0 goes off time_ms from now.
static value_t rtc_alarm_fn(size_t n_args, size_t n_kw, const value_t *args) {
    check_alarm_id(args[1]);
    if (!value_is_int(args[2])) {
        raise_msg(&type_TypeError, "the alarm time must be an int of milliseconds");
    }
    rtc.alarm0 = hal_clock_us() + (int64_t)value_get_int(args[2]) * 1000;
    return VAL_NONE;
}
static BUILTIN_FN(rtc_alarm_obj, Q_alarm, 3, 3, false, rtc_alarm_fn);

static int64_t alarm_left_us(void) {
    int64_t left = rtc.alarm0 - hal_clock_us();
    return left > 0 ? left : 0;
}

static value_t rtc_alarm_left_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 1) {
        check_alarm_id(args[1]);
    }
    return int_from_ll(alarm_left_us() / 1000);
}
static BUILTIN_FN(rtc_alarm_left_obj, Q_alarm_left, 1, 2, false, rtc_alarm_left_fn);

// irq(*, trigger, handler=None, wake): only the wake from deep sleep.
static value_t rtc_irq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_trigger, ARG_REQUIRED | ARG_KW_ONLY}, {Q_handler, ARG_KW_ONLY}, {Q_wake, ARG_REQUIRED | ARG_KW_ONLY},
    };
    value_t a[3];
    machine_parse_args(n_args - 1, n_kw, args + 1, spec, 3, a);
    if (value_get_int(a[0]) != 0) {
        raise_msg(&type_ValueError, "invalid trigger");
    }
    if (a[1] != VAL_NULL && a[1] != VAL_NONE) {
        raise_msg(&type_ValueError, "RTC IRQ handlers are not supported");
    }
    rtc.wake = (unsigned)value_get_int(a[2]);
    return VAL_NONE;
}
static BUILTIN_FN(rtc_irq_obj, Q_irq, 1, 1, true, rtc_irq_fn);

bool machine_rtc_wake_alarm(uint64_t *sleep_us) {
    if (!(rtc.wake & WAKE_DEEPSLEEP) || rtc.alarm0 == 0) {
        return false;
    }
    int64_t left = alarm_left_us();
    *sleep_us = left == 0 ? 1 : (uint64_t)left > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint64_t)left;
    return true;
}

// ---- the type ------------------------------------------------------------------------------------

static value_t rtc_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0 || n_kw > 0) {
        raise_msg(&type_TypeError, "RTC() takes no arguments");
    }
    return PTR_VAL(&rtc_obj);
}

static const map_entry_t rtc_locals_table[] = {
    {QSTR(Q_ALARM0), SMALL(0)},
    {QSTR(Q_alarm), PTR_VAL(&rtc_alarm_obj)},
    {QSTR(Q_alarm_left), PTR_VAL(&rtc_alarm_left_obj)},
    {QSTR(Q_datetime), PTR_VAL(&rtc_datetime_obj)},
    {QSTR(Q_irq), PTR_VAL(&rtc_irq_obj)},
    {QSTR(Q_memory), PTR_VAL(&rtc_memory_obj)},
};
static const map_t rtc_locals = MAP_ROM(rtc_locals_table);

const type_t machine_rtc_type = {
    {&type_type},
    .name = Q_RTC,
    .make_new = rtc_make_new,
    .locals = &rtc_locals,
};
