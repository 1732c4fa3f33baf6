// SPDX-License-Identifier: MIT
// The random module, as MicroPython's: seed, getrandbits (at most 32
// bits), randrange, randint, choice, random and uniform, all drawn from
// Yasmarang, the small 32-bit generator MicroPython uses (Ilya Levin's
// public-domain design). Seeded alike, it gives the same numbers as
// MicroPython's random module; not CPython's Mersenne Twister sequence.
// Argument errors use CPython's messages.
#include <math.h>

#include "bigint.h"
#include "lib.h"

static struct {
    uint32_t pad, n, d;
    uint8_t dat;
    bool seeded;
} yasmarang_state;

static void yasmarang_seed(uint32_t seed) {
    yasmarang_state.pad = seed;
    yasmarang_state.n = 69;
    yasmarang_state.d = 233;
    yasmarang_state.dat = 0;
    yasmarang_state.seeded = true;
}

// The seed when none is given: the hardware's random numbers (os.urandom's
// source: the chip's RNG register, the host's getrandom).
static void seed_from_hardware(void) {
    uint32_t seed;
    hal_random_bytes(&seed, sizeof(seed));
    yasmarang_seed(seed);
}

static uint32_t yasmarang(void) {
    if (!yasmarang_state.seeded) {
        seed_from_hardware();
    }
    uint32_t pad = yasmarang_state.pad, d = yasmarang_state.d;
    uint8_t dat = yasmarang_state.dat;
    pad += dat + d * yasmarang_state.n;
    pad = (pad << 3) + (pad >> 29);
    yasmarang_state.n = pad | 2;
    d ^= (pad << 31) + (pad >> 1);
    dat ^= (uint8_t)(pad ^ (d >> 8) ^ 1);
    yasmarang_state.pad = pad;
    yasmarang_state.d = d;
    yasmarang_state.dat = dat;
    return pad ^ (d << 5) ^ (pad >> 18) ^ ((uint32_t)dat << 1);
}

// A number in [0, n), n > 0, by rejection under the smallest covering mask
// (MicroPython's method, so that the same seed gives the same choices).
// Ranges beyond 32 bits, possible where a small int has 63 bits, draw two
// words per try.
static uint64_t random_below(uint64_t n) {
    uint64_t mask = 1;
    while ((n & mask) < n) {
        mask = (mask << 1) | 1;
    }
    uint64_t r;
    do {
        r = yasmarang();
        if (mask > 0xffffffffu) {
            r = r << 32 | yasmarang();
        }
        r &= mask;
    } while (r >= n);
    return r;
}

// A float in [0, 1): random bits in the fraction of a number in [1, 2).
static pyfloat_t random_unit(void) {
#if ESPY_FLOAT_IS_DOUBLE
    uint64_t hi = yasmarang();
    uint64_t frac = (hi << 32 | yasmarang()) & (((uint64_t)1 << 52) - 1);
    return (pyfloat_t)ldexp((double)frac, -52);
#else
    return (pyfloat_t)ldexp((double)(yasmarang() & ((1u << 23) - 1)), -23);
#endif
}

// ---- the functions -------------------------------------------------------------

// seed(n=None): n's low 32 bits; None seeds from the hardware.
static value_t random_seed(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0 || args[0] == VAL_NONE) {
        seed_from_hardware();
        return VAL_NONE;
    }
    value_t low = int_binary_op(BINOP_AND, int_index(args[0]), int_from_ull(0xffffffffu));
    long long ll = 0;
    if (VAL_IS_SMALL(low)) {
        ll = SMALL_VALUE(low);
    } else {
        bigint_get_ll(low, &ll);
    }
    yasmarang_seed((uint32_t)ll);
    return VAL_NONE;
}
static BUILTIN_FN(random_seed_obj, Q_seed, 0, 1, false, random_seed);

static value_t random_getrandbits(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t n = value_get_int(args[0]);
    if (n < 0) {
        raise_msg(&type_ValueError, "number of bits must be non-negative");
    }
    if (n > 32) {
        raise_msg(&type_ValueError, "bits must be 32 or less");
    }
    if (n == 0) {
        return SMALL(0);
    }
    return int_from_uintptr(yasmarang() & (0xffffffffu >> (32 - n)));
}
static BUILTIN_FN(random_getrandbits_obj, Q_getrandbits, 1, 1, false, random_getrandbits);

static _Noreturn void empty_range(void) {
    raise_msg(&type_ValueError, "empty range for randrange()");
}

// start + step * k for a random k below count (count > 0); the result lies
// between start and stop, so it fits.
static value_t pick(smallint_t start, smallint_t step, uint64_t count) {
    return int_from_intptr((smallint_t)((uintptr_t)start + (uintptr_t)step * (uintptr_t)random_below(count)));
}

// randrange(stop) or randrange(start, stop[, step])
static value_t random_randrange(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = value_get_int(args[0]);
    } else {
        start = value_get_int(args[0]);
        stop = value_get_int(args[1]);
        if (n_args > 2) {
            step = value_get_int(args[2]);
        }
    }
    if (step == 0) {
        raise_msg(&type_ValueError, "zero step for randrange()");
    }
    // The count of values in the range, computed in unsigned arithmetic
    // so that no bound can overflow.
    uint64_t width, count;
    if (step > 0) {
        if (start >= stop) {
            empty_range();
        }
        width = (uint64_t)((uintptr_t)stop - (uintptr_t)start);
        count = (width + (uint64_t)step - 1) / (uint64_t)step;
    } else {
        if (start <= stop) {
            empty_range();
        }
        width = (uint64_t)((uintptr_t)start - (uintptr_t)stop);
        count = (width - (uint64_t)step - 1) / -(uint64_t)step;
    }
    return pick(start, step, count);
}
static BUILTIN_FN(random_randrange_obj, Q_randrange, 1, 3, false, random_randrange);

static value_t random_randint(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t a = value_get_int(args[0]), b = value_get_int(args[1]);
    if (a > b) {
        empty_range();
    }
    return pick(a, 1, (uint64_t)((uintptr_t)b - (uintptr_t)a) + 1);
}
static BUILTIN_FN(random_randint_obj, Q_randint, 2, 2, false, random_randint);

static value_t random_choice(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len = obj_len_size(args[0]);
    if (len == 0) {
        raise_msg(&type_IndexError, "Cannot choose from an empty sequence");
    }
    return obj_subscr(args[0], int_from_uintptr((uintptr_t)random_below(len)), VAL_SENTINEL);
}
static BUILTIN_FN(random_choice_obj, Q_choice, 1, 1, false, random_choice);

static value_t random_random(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(random_unit());
}
static BUILTIN_FN(random_random_obj, Q_random, 0, 0, false, random_random);

// uniform(a, b): a + (b - a) * random(), in the precision of floats.
static value_t random_uniform(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t a = (pyfloat_t)value_get_float(args[0]), b = (pyfloat_t)value_get_float(args[1]);
    return float_new(a + (b - a) * random_unit());
}
static BUILTIN_FN(random_uniform_obj, Q_uniform, 2, 2, false, random_uniform);

static const map_entry_t random_table[] = {
    {QSTR(Q___name__), QSTR(Q_random)},
    {QSTR(Q_choice), PTR_VAL(&random_choice_obj)},
    {QSTR(Q_getrandbits), PTR_VAL(&random_getrandbits_obj)},
    {QSTR(Q_randint), PTR_VAL(&random_randint_obj)},
    {QSTR(Q_random), PTR_VAL(&random_random_obj)},
    {QSTR(Q_randrange), PTR_VAL(&random_randrange_obj)},
    {QSTR(Q_seed), PTR_VAL(&random_seed_obj)},
    {QSTR(Q_uniform), PTR_VAL(&random_uniform_obj)},
};
MODULE_ROM(random_module, Q_random, random_table);
ESPY_MODULE(random, random_module);
ESPY_MODULE(urandom, random_module);
