// SPDX-License-Identifier: MIT
// esp: the ESP8266's own functions (spec: esp8266-port-behaviour.md section
// 9). The vendor OS's log setting and the WiFi sleep type are kept (there
// is no vendor OS; the network module will read the sleep type); deep sleep
// and apa102_write go through the board's hal; dht_readinto is machine's
// (board/machine_dht.c). The flash functions act on
// the SPI flash through the hal: the chip's, or the simulated board's image;
// every range is checked against the flash size first, so a wrong offset is
// a clear ValueError rather than a ROM error.
#include <string.h>

#include "machine.h"
#include "board.h"
#include "hal.h"
#include "exc.h"
#include "strimpl.h"
#include "gc.h"
#include "hash_digest.h"

static struct {
    value_t osdebug;             // None or a UART number (a small int)
    uint8_t sleep_type;
} esp = {VAL_NONE, 2};

// osdebug(uart_no): where vendor OS messages would go; None silences them.
static value_t esp_osdebug_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (args[0] == VAL_NONE) {
        esp.osdebug = VAL_NONE;
    } else {
        smallint_t uart = value_get_int(args[0]);
        if (uart != 0 && uart != 1) {
            raise_fmt(&type_ValueError, "UART(%d) does not exist", (int)uart);
        }
        esp.osdebug = SMALL(uart);
    }
    return VAL_NONE;
}
static BUILTIN_FN(esp_osdebug_obj, Q_osdebug, 1, 1, false, esp_osdebug_fn);

// sleep_type([t]): SLEEP_NONE 0, SLEEP_LIGHT 1, SLEEP_MODEM 2 (the default).
static value_t esp_sleep_type_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return SMALL(esp.sleep_type);
    }
    smallint_t t = value_get_int(args[0]);
    if (t < 0 || t > 2) {
        raise_fmt(&type_ValueError, "invalid sleep type: %d", (int)t);
    }
    esp.sleep_type = (uint8_t)t;
    return VAL_NONE;
}
static BUILTIN_FN(esp_sleep_type_obj, Q_sleep_type, 0, 1, false, esp_sleep_type_fn);

// deepsleep(time_us=0, option=0): 0 sleeps until reset; waking is a reset.
static value_t esp_deepsleep_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t us = n_args > 0 ? value_get_int(args[0]) : 0;
    if (n_args > 1) {
        value_get_int(args[1]);  // the SDK's RF calibration option: nothing to calibrate
    }
    hal_reset(HAL_RESET_DEEPSLEEP, us <= 0 ? 0 : (uint64_t)us);
    raise_obj(PTR_VAL(&type_SystemExit));
}
static BUILTIN_FN(esp_deepsleep_obj, Q_deepsleep, 0, 2, false, esp_deepsleep_fn);

// neopixel_write(pin, buf, is800khz): the old firmware's way to drive
// WS2812 LEDs (the frozen neopixel module now uses machine.bitstream): the
// bytes as they are (G, R, B per LED), most significant bit first, at the
// 800 or 400 kHz timings.
static value_t esp_neopixel_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    static const uint32_t high[2][2] = {{800, 1600}, {400, 800}}, low[2][2] = {{1700, 900}, {850, 450}};
    int fast = obj_is_true(args[2]);
    machine_check(hal_pin_config(pin, HAL_PIN_OUT, false));
    hal_bitstream(pin, high[fast], low[fast], b.buf, b.len);
    return VAL_NONE;
}
static BUILTIN_FN(esp_neopixel_write_obj, Q_neopixel_write, 3, 3, false, esp_neopixel_write_fn);

// apa102_write(clock_pin, data_pin, buf): every byte most significant bit
// first, the data set while the clock is low and taken as it rises.
static value_t esp_apa102_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned clock = machine_pin_get(args[0]), data = machine_pin_get(args[1]);
    buffer_info_t b;
    if (!obj_get_buffer(args[2], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    machine_check(hal_pin_config(clock, HAL_PIN_OUT, false));
    machine_check(hal_pin_config(data, HAL_PIN_OUT, false));
    const uint8_t *p = b.buf;
    uint32_t irq = hal_irq_disable();
    for (size_t i = 0; i < b.len; i++) {
        for (int bit = 7; bit >= 0; bit--) {
            hal_pin_write(data, (p[i] >> bit) & 1);
            hal_pin_write(clock, 1);
            hal_pin_write(clock, 0);
        }
    }
    hal_irq_restore(irq);
    return VAL_NONE;
}
static BUILTIN_FN(esp_apa102_write_obj, Q_apa102_write, 3, 3, false, esp_apa102_write_fn);

// ---- the flash ----------------------------------------------------------------------

static void flash_check(int r) {
    if (r < 0) {
        raise_os_error(-r);
    }
}

static void flash_range(uint32_t offset, size_t len) {
    uint32_t size = hal_flash_size();
    if (size == 0) {
        raise_os_error(ESPY_ENODEV);
    }
    if (offset > size || len > size - offset) {
        raise_fmt(&type_ValueError, "flash range 0x%x..0x%x is outside the flash (0x%x bytes)", (unsigned)offset,
                  (unsigned)(offset + len), (unsigned)size);
    }
}

static uint32_t offset_arg(value_t v) {
    smallint_t n = index_value(v);
    if (n < 0 || (uint64_t)n > UINT32_MAX) {
        raise_msg(&type_ValueError, "flash offset out of range");
    }
    return (uint32_t)n;
}

// flash_read(offset, length or buffer): the bytes, or None after filling the buffer.
static value_t esp_flash_read(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t offset = offset_arg(args[0]);
    if (VAL_IS_SMALL(args[1])) {
        smallint_t len = SMALL_VALUE(args[1]);
        if (len < 0) {
            raise_msg(&type_ValueError, "negative length");
        }
        flash_range(offset, (size_t)len);
        vstr_t vs;
        vstr_init(&vs, (size_t)len);
        flash_check(hal_flash_read(offset, vstr_extend(&vs, (size_t)len), (size_t)len));
        return bytes_from_vstr(&vs);
    }
    buffer_info_t buf;
    obj_get_buffer_raise(args[1], &buf, BUFFER_WRITE);
    flash_range(offset, buf.len);
    flash_check(hal_flash_read(offset, buf.buf, buf.len));
    return VAL_NONE;
}
static BUILTIN_FN(esp_flash_read_obj, Q_flash_read, 2, 2, false, esp_flash_read);

static value_t esp_flash_write(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t offset = offset_arg(args[0]);
    buffer_info_t buf;
    obj_get_buffer_raise(args[1], &buf, BUFFER_READ);
    if (buf.len & 3) {
        raise_msg(&type_ValueError, "len must be multiple of 4");
    }
    if (offset & 3) {
        raise_msg(&type_ValueError, "offset must be multiple of 4");
    }
    flash_range(offset, buf.len);
    flash_check(hal_flash_write(offset, buf.buf, buf.len));
    return VAL_NONE;
}
static BUILTIN_FN(esp_flash_write_obj, Q_flash_write, 2, 2, false, esp_flash_write);

static value_t esp_flash_erase(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t sector = offset_arg(args[0]);
    if (sector > UINT32_MAX / HAL_FLASH_SECTOR_SIZE) {
        raise_msg(&type_ValueError, "flash offset out of range");
    }
    flash_range(sector * HAL_FLASH_SECTOR_SIZE, HAL_FLASH_SECTOR_SIZE);
    flash_check(hal_flash_erase(sector));
    return VAL_NONE;
}
static BUILTIN_FN(esp_flash_erase_obj, Q_flash_erase, 1, 1, false, esp_flash_erase);

static value_t esp_flash_size(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr(hal_flash_size());
}
static BUILTIN_FN(esp_flash_size_obj, Q_flash_size, 0, 0, false, esp_flash_size);

static value_t esp_flash_id(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr(hal_flash_id());
}
static BUILTIN_FN(esp_flash_id_obj, Q_flash_id, 0, 0, false, esp_flash_id);

static value_t esp_flash_user_start(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr(hal_flash_user_start());
}
static BUILTIN_FN(esp_flash_user_start_obj, Q_flash_user_start, 0, 0, false, esp_flash_user_start);

// ---- the firmware's integrity, and a summary ---------------------------------------------

#define FW_LENGTH_AT 0x8FFCu             // where the firmware's length T is stored
#define FW_MAX (1u << 20)

// The firmware's MD5 over flash bytes 4..T-1 (the first 4 are esptool's to
// rewrite); true when it matches the digest stored at T. *size gets T, 0
// when it is not a plausible length.
static bool firmware_check(uint32_t *size, uint8_t digest[HASH_MAX_DIGEST]) {
    uint8_t word[4];
    flash_check(hal_flash_read(FW_LENGTH_AT, word, 4));
    uint32_t t = (uint32_t)word[0] | (uint32_t)word[1] << 8 | (uint32_t)word[2] << 16 | (uint32_t)word[3] << 24;
    *size = t;
    if (t > FW_MAX || t <= FW_LENGTH_AT + 4 || t + 16 > hal_flash_size()) {
        return false;
    }
    hash_ctx_t h;
    hash_init(&h, HASH_MD5);
    uint8_t buf[256];
    for (uint32_t at = 4; at < t;) {
        uint32_t n = t - at < sizeof(buf) ? t - at : (uint32_t)sizeof(buf);
        flash_check(hal_flash_read(at, buf, n));
        hash_update(&h, buf, n);
        at += n;
    }
    hash_final(&h, digest);
    flash_check(hal_flash_read(t, buf, 16));
    return memcmp(buf, digest, 16) == 0;
}

static void print_md5(const print_t *p, const uint8_t digest[16]) {
    for (int i = 0; i < 16; i++) {
        print_fmt(p, "%c%c", "0123456789abcdef"[digest[i] >> 4], "0123456789abcdef"[digest[i] & 15]);
    }
}

// check_fw(): prints `size: T` and `md5: <hex>`; True when the firmware in
// flash is whole. A length over 1 MiB is `Invalid size` (and False).
static value_t esp_check_fw(size_t n_args, size_t n_kw, const value_t *args) {
    value_t out = sys_stdout();
    print_t p = modules_file_printer(&out);
    uint32_t size;
    uint8_t digest[HASH_MAX_DIGEST];
    bool ok = firmware_check(&size, digest);
    print_fmt(&p, "size: %u\n", (unsigned)size);
    if (size > FW_MAX || size <= FW_LENGTH_AT + 4 || size + 16 > hal_flash_size()) {
        print_str(&p, "Invalid size\n");
        return VAL_FALSE;
    }
    print_str(&p, "md5: ");
    print_md5(&p, digest);
    print_str(&p, "\n");
    return ok ? VAL_TRUE : VAL_FALSE;
}
static BUILTIN_FN(esp_check_fw_obj, Q_check_fw, 0, 0, false, esp_check_fw);

// info(): what port_diag and esp.meminfo() tell on the port, in one place:
// the flash, the firmware's check, the Python heap.
static value_t esp_info(size_t n_args, size_t n_kw, const value_t *args) {
    value_t out = sys_stdout();
    print_t p = modules_file_printer(&out);
    uint32_t size;
    uint8_t digest[HASH_MAX_DIGEST];
    print_fmt(&p, "flash: id 0x%x, %u bytes, user start 0x%x\n", (unsigned)hal_flash_id(),
              (unsigned)hal_flash_size(), (unsigned)hal_flash_user_start());
    bool ok = hal_flash_size() > 0 && firmware_check(&size, digest);
    if (hal_flash_size() == 0) {
        print_str(&p, "firmware: no flash\n");
    } else if (size > FW_MAX || size <= FW_LENGTH_AT + 4 || size + 16 > hal_flash_size()) {
        print_str(&p, "firmware: no valid length at 0x8ffc\n");
    } else {
        print_fmt(&p, "firmware: %u bytes, md5 ", (unsigned)size);
        print_md5(&p, digest);
        print_str(&p, ok ? " (good)\n" : " (does not match)\n");
    }
    gc_stats_t st;
    gc_get_stats(&st);
    print_fmt(&p, "heap: %u total, %u used, %u free, largest free block %u\n", (unsigned)st.total,
              (unsigned)st.used, (unsigned)st.free, (unsigned)st.max_free_block);
    print_fmt(&p, "cpu: %u MHz, chip id 0x%x\n", (unsigned)(hal_cpu_freq() / 1000000u), (unsigned)hal_chip_id());
    return VAL_NONE;
}
static BUILTIN_FN(esp_info_obj, Q_info, 0, 0, false, esp_info);

static const map_entry_t esp_table[] = {
    {QSTR(Q_SLEEP_LIGHT), SMALL(1)},
    {QSTR(Q_SLEEP_MODEM), SMALL(2)},
    {QSTR(Q_SLEEP_NONE), SMALL(0)},
    {QSTR(Q___name__), QSTR(Q_esp)},
    {QSTR(Q_apa102_write), PTR_VAL(&esp_apa102_write_obj)},
    {QSTR(Q_check_fw), PTR_VAL(&esp_check_fw_obj)},
    {QSTR(Q_deepsleep), PTR_VAL(&esp_deepsleep_obj)},
    {QSTR(Q_dht_readinto), PTR_VAL(&machine_dht_readinto_obj)},
    {QSTR(Q_flash_erase), PTR_VAL(&esp_flash_erase_obj)},
    {QSTR(Q_flash_id), PTR_VAL(&esp_flash_id_obj)},
    {QSTR(Q_flash_read), PTR_VAL(&esp_flash_read_obj)},
    {QSTR(Q_flash_size), PTR_VAL(&esp_flash_size_obj)},
    {QSTR(Q_flash_user_start), PTR_VAL(&esp_flash_user_start_obj)},
    {QSTR(Q_flash_write), PTR_VAL(&esp_flash_write_obj)},
    {QSTR(Q_info), PTR_VAL(&esp_info_obj)},
    {QSTR(Q_neopixel_write), PTR_VAL(&esp_neopixel_write_obj)},
    {QSTR(Q_osdebug), PTR_VAL(&esp_osdebug_obj)},
    {QSTR(Q_sleep_type), PTR_VAL(&esp_sleep_type_obj)},
};
MODULE_ROM(esp_module, Q_esp, esp_table);

ESPY_MODULE(esp, esp_module);
