// SPDX-License-Identifier: MIT
// esp: the ESP8266's own functions (spec: esp8266-port-behaviour.md section
// 9). The flash ones act on the SPI flash through the hal: the chip's, or the
// simulated board's image; every range is checked against the flash size
// first, so a wrong offset is a clear ValueError rather than a ROM error.
#include "board.h"
#include "hal.h"
#include "exc.h"
#include "strimpl.h"

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

static const map_entry_t esp_table[] = {
    {QSTR(Q___name__), QSTR(Q_esp)},
    {QSTR(Q_flash_erase), PTR_VAL(&esp_flash_erase_obj)},
    {QSTR(Q_flash_id), PTR_VAL(&esp_flash_id_obj)},
    {QSTR(Q_flash_read), PTR_VAL(&esp_flash_read_obj)},
    {QSTR(Q_flash_size), PTR_VAL(&esp_flash_size_obj)},
    {QSTR(Q_flash_user_start), PTR_VAL(&esp_flash_user_start_obj)},
    {QSTR(Q_flash_write), PTR_VAL(&esp_flash_write_obj)},
};
MODULE_ROM(esp_module, Q_esp, esp_table);

ESPY_MODULE(esp, esp_module);
