// SPDX-License-Identifier: MIT
// The framebuf module, as MicroPython's: FrameBuffer draws into the bytes
// of a buffer (a bytearray, array or memoryview) laid out as a display
// wants them, so that a driver sends the buffer as it is.
//
// Formats: MONO_VLSB (a byte is 8 pixels of a column, bit 0 on top; rows of
// bytes are `stride` bytes apart), MONO_HLSB and MONO_HMSB (a byte is 8
// pixels of a row, the leftmost in bit 7 or bit 0), GS2_HMSB, GS4_HMSB and
// GS8 (2, 4 or 8 bits a pixel along rows), RGB565 (16 bits a pixel, in the
// machine's byte order). The drawing algorithms are MicroPython's, so that
// the same program lights the same pixels.
//
// The buffer is asked for its bytes at every call, not once: a bytearray's
// storage moves when it grows, and one that shrank below the size the
// framebuffer needs raises ValueError instead of being written past.
// Coordinates are clamped to +-2**24 (radii to 65535) so that no sum of
// them overflows; a framebuffer is at most 65535 pixels wide and high.
#include <string.h>

#include "font_petme128_8x8.h"
#include "lib.h"

enum { MONO_VLSB, RGB565, GS4_HMSB, MONO_HLSB, MONO_HMSB, GS2_HMSB, GS8, FORMAT_COUNT };

#define COORD_LIMIT (1 << 24)
#define RADIUS_LIMIT 0xffff

typedef struct framebuf {
    obj_t base;
    value_t buf_obj;           // whose buffer holds the pixels; VAL_NULL before __init__
    size_t need;               // bytes the buffer must have
    uint32_t width, height, stride;
    uint8_t format;
} framebuf_t;

// A framebuffer ready to draw on: the bytes fetched for this call.
typedef struct fb {
    uint8_t *buf;
    int width, height;
    size_t stride;
    int format;
} fb_t;

extern const type_t type_framebuf;

// ---- pixels of each format --------------------------------------------------------------
// x and y are inside the framebuffer; fill_rect's rectangle is clipped to it
// and not empty.

typedef struct format {
    void (*set)(const fb_t *fb, int x, int y, uint32_t col);
    uint32_t (*get)(const fb_t *fb, int x, int y);
    void (*fill_rect)(const fb_t *fb, int x, int y, int w, int h, uint32_t col);
} format_t;

static void mvlsb_set(const fb_t *fb, int x, int y, uint32_t col) {
    uint8_t *b = &fb->buf[(size_t)(y >> 3) * fb->stride + x];
    unsigned bit = y & 7;
    *b = (uint8_t)((*b & ~(1u << bit)) | ((col != 0) << bit));
}

static uint32_t mvlsb_get(const fb_t *fb, int x, int y) {
    return (fb->buf[(size_t)(y >> 3) * fb->stride + x] >> (y & 7)) & 1;
}

static void mvlsb_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    for (; h > 0; h--, y++) {
        uint8_t *b = &fb->buf[(size_t)(y >> 3) * fb->stride + x];
        unsigned bit = y & 7;
        for (int i = 0; i < w; i++, b++) {
            *b = (uint8_t)((*b & ~(1u << bit)) | ((col != 0) << bit));
        }
    }
}

// MONO_HLSB and MONO_HMSB: the stride is a multiple of 8 pixels.
static unsigned mono_horiz_bit(const fb_t *fb, int x) {
    return fb->format == MONO_HMSB ? (unsigned)x & 7 : 7 - ((unsigned)x & 7);
}

static void mono_horiz_set(const fb_t *fb, int x, int y, uint32_t col) {
    uint8_t *b = &fb->buf[((size_t)y * fb->stride + x) >> 3];
    unsigned bit = mono_horiz_bit(fb, x);
    *b = (uint8_t)((*b & ~(1u << bit)) | ((col != 0) << bit));
}

static uint32_t mono_horiz_get(const fb_t *fb, int x, int y) {
    return (fb->buf[((size_t)y * fb->stride + x) >> 3] >> mono_horiz_bit(fb, x)) & 1;
}

static void mono_horiz_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    size_t advance = fb->stride >> 3;
    for (; w > 0; w--, x++) {
        uint8_t *b = &fb->buf[(size_t)y * advance + (x >> 3)];
        unsigned bit = mono_horiz_bit(fb, x);
        for (int i = 0; i < h; i++, b += advance) {
            *b = (uint8_t)((*b & ~(1u << bit)) | ((col != 0) << bit));
        }
    }
}

// RGB565 pixels are copied byte by byte: the buffer may be misaligned.
static void rgb565_set(const fb_t *fb, int x, int y, uint32_t col) {
    uint16_t c = (uint16_t)col;
    memcpy(&fb->buf[2 * ((size_t)y * fb->stride + x)], &c, 2);
}

static uint32_t rgb565_get(const fb_t *fb, int x, int y) {
    uint16_t c;
    memcpy(&c, &fb->buf[2 * ((size_t)y * fb->stride + x)], 2);
    return c;
}

static void rgb565_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    uint16_t c = (uint16_t)col;
    for (; h > 0; h--, y++) {
        uint8_t *b = &fb->buf[2 * ((size_t)y * fb->stride + x)];
        for (int i = 0; i < w; i++, b += 2) {
            memcpy(b, &c, 2);
        }
    }
}

// GS2_HMSB: four pixels a byte, the leftmost in the low bits (as
// MicroPython, whatever the name says).
static void gs2_set(const fb_t *fb, int x, int y, uint32_t col) {
    uint8_t *b = &fb->buf[((size_t)y * fb->stride + x) >> 2];
    unsigned shift = ((unsigned)x & 3) << 1;
    *b = (uint8_t)((*b & ~(3u << shift)) | ((col & 3) << shift));
}

static uint32_t gs2_get(const fb_t *fb, int x, int y) {
    return (fb->buf[((size_t)y * fb->stride + x) >> 2] >> (((unsigned)x & 3) << 1)) & 3;
}

static void gs2_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    for (int yy = y; yy < y + h; yy++) {
        for (int xx = x; xx < x + w; xx++) {
            gs2_set(fb, xx, yy, col);
        }
    }
}

// GS4_HMSB: two pixels a byte, the leftmost in the high nibble.
static void gs4_set(const fb_t *fb, int x, int y, uint32_t col) {
    uint8_t *b = &fb->buf[((size_t)y * fb->stride + x) >> 1];
    if (x & 1) {
        *b = (uint8_t)((col & 0x0f) | (*b & 0xf0));
    } else {
        *b = (uint8_t)((col << 4) | (*b & 0x0f));
    }
}

static uint32_t gs4_get(const fb_t *fb, int x, int y) {
    uint8_t b = fb->buf[((size_t)y * fb->stride + x) >> 1];
    return x & 1 ? b & 0x0f : b >> 4;
}

static void gs4_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    col &= 0x0f;
    for (; h > 0; h--, y++) {
        int xx = x, left = w;
        if ((xx & 1) && left > 0) {
            gs4_set(fb, xx++, y, col);
            left--;
        }
        memset(&fb->buf[((size_t)y * fb->stride + xx) >> 1], (int)(col << 4 | col), (size_t)(left >> 1));
        if (left & 1) {
            gs4_set(fb, xx + left - 1, y, col);
        }
    }
}

static void gs8_set(const fb_t *fb, int x, int y, uint32_t col) {
    fb->buf[(size_t)y * fb->stride + x] = (uint8_t)col;
}

static uint32_t gs8_get(const fb_t *fb, int x, int y) {
    return fb->buf[(size_t)y * fb->stride + x];
}

static void gs8_fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    for (; h > 0; h--, y++) {
        memset(&fb->buf[(size_t)y * fb->stride + x], (int)(uint8_t)col, (size_t)w);
    }
}

static const format_t formats[FORMAT_COUNT] = {
    [MONO_VLSB] = {mvlsb_set, mvlsb_get, mvlsb_fill_rect},
    [RGB565] = {rgb565_set, rgb565_get, rgb565_fill_rect},
    [GS4_HMSB] = {gs4_set, gs4_get, gs4_fill_rect},
    [MONO_HLSB] = {mono_horiz_set, mono_horiz_get, mono_horiz_fill_rect},
    [MONO_HMSB] = {mono_horiz_set, mono_horiz_get, mono_horiz_fill_rect},
    [GS2_HMSB] = {gs2_set, gs2_get, gs2_fill_rect},
    [GS8] = {gs8_set, gs8_get, gs8_fill_rect},
};

static inline void setpixel(const fb_t *fb, int x, int y, uint32_t col) {
    formats[fb->format].set(fb, x, y, col);
}

static inline uint32_t getpixel(const fb_t *fb, int x, int y) {
    return formats[fb->format].get(fb, x, y);
}

static void setpixel_checked(const fb_t *fb, int x, int y, uint32_t col) {
    if (x >= 0 && x < fb->width && y >= 0 && y < fb->height) {
        setpixel(fb, x, y, col);
    }
}

static void fill_rect(const fb_t *fb, int x, int y, int w, int h, uint32_t col) {
    if (w < 1 || h < 1 || x + w <= 0 || y + h <= 0 || x >= fb->width || y >= fb->height) {
        return;
    }
    int xend = x + w < fb->width ? x + w : fb->width;
    int yend = y + h < fb->height ? y + h : fb->height;
    x = x > 0 ? x : 0;
    y = y > 0 ? y : 0;
    formats[fb->format].fill_rect(fb, x, y, xend - x, yend - y, col);
}

// ---- the geometry of a framebuffer ----------------------------------------------------------

// Checks width, height, format and stride (rounded up to whole bytes for
// the formats of several pixels a byte) and returns the bytes a buffer
// needs; ValueError (without message, as MicroPython) when one is wrong.
static size_t geometry(smallint_t width, smallint_t height, smallint_t format, smallint_t *stride) {
    if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || *stride > 0xffff || *stride < width) {
        raise_obj(PTR_VAL(&type_ValueError));
    }
    size_t bpp = 1, rows = (size_t)height, row_width = (size_t)width, strides = (size_t)height - 1;
    switch (format) {
        case MONO_VLSB:
            rows = ((size_t)height + 7) & ~(size_t)7;
            strides = rows - 8;
            break;
        case MONO_HLSB:
        case MONO_HMSB:
            *stride = (*stride + 7) & ~7;
            row_width = ((size_t)width + 7) & ~(size_t)7;
            break;
        case GS2_HMSB:
            *stride = (*stride + 3) & ~3;
            row_width = ((size_t)width + 3) & ~(size_t)3;
            bpp = 2;
            break;
        case GS4_HMSB:
            *stride = (*stride + 1) & ~1;
            row_width = ((size_t)width + 1) & ~(size_t)1;
            bpp = 4;
            break;
        case GS8:
            bpp = 8;
            break;
        case RGB565:
            bpp = 16;
            break;
        default:
            raise_msg(&type_ValueError, "invalid format");
    }
    uint64_t need = ((uint64_t)strides * (uint64_t)*stride + (rows - strides) * row_width) * bpp / 8;
    if (need > SIZE_MAX) {
        raise_obj(PTR_VAL(&type_ValueError));
    }
    return (size_t)need;
}

// The bytes of buf_obj (writable when asked), checked to be enough.
static uint8_t *buffer_of(value_t buf_obj, size_t need, int flags) {
    buffer_info_t info;
    if (!obj_get_buffer(buf_obj, &info, flags)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    if (info.len < need) {
        raise_obj(PTR_VAL(&type_ValueError));
    }
    return info.buf;
}

// FrameBuffer(buffer, width, height, format[, stride]) and its __init__.
static void framebuf_setup(framebuf_t *self, size_t n_args, const value_t *args) {
    smallint_t width = value_get_int(args[1]), height = value_get_int(args[2]);
    smallint_t format = value_get_int(args[3]);
    smallint_t stride = n_args > 4 ? value_get_int(args[4]) : width;
    size_t need = geometry(width, height, format, &stride);
    buffer_of(args[0], need, BUFFER_WRITE);
    self->buf_obj = args[0];
    self->need = need;
    self->width = (uint32_t)width;
    self->height = (uint32_t)height;
    self->stride = (uint32_t)stride;
    self->format = (uint8_t)format;
}

// A framebuffer made by a subclass's constructor is empty (0 x 0) until
// the subclass calls FrameBuffer.__init__.
static value_t framebuf_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    framebuf_t *self = gc_alloc(sizeof(framebuf_t), 0);
    self->base.type = &type_framebuf;
    if (n_args > 0) {
        arg_check_count(n_args, 4, 5, Q_FrameBuffer);
        framebuf_setup(self, n_args, args);
    }
    return PTR_VAL(self);
}

static value_t framebuf_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    framebuf_setup(obj_native(args[0], &type_framebuf), n_args - 1, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_init_obj, Q___init__, 5, 6, false, framebuf_init_fn);

// The framebuffer behind self (a FrameBuffer or an instance of a subclass),
// with its buffer fetched for this call.
static void fb_begin(value_t self, fb_t *fb) {
    framebuf_t *f = obj_native(self, &type_framebuf);
    fb->buf = f->buf_obj != VAL_NULL ? buffer_of(f->buf_obj, f->need, BUFFER_WRITE) : NULL;
    fb->width = f->buf_obj != VAL_NULL ? (int)f->width : 0;
    fb->height = f->buf_obj != VAL_NULL ? (int)f->height : 0;
    fb->stride = f->stride;
    fb->format = f->format;
}

// A framebuffer to read from, for blit(): a FrameBuffer, or a tuple or
// list (buffer, width, height, format[, stride]) whose buffer may be
// read-only.
static void fb_source(value_t v, fb_t *fb) {
    if (obj_native_maybe(v, &type_framebuf) != NULL) {
        fb_begin(v, fb);
        return;
    }
    if (!OBJ_TYPE_IS(v, &type_tuple) && !OBJ_TYPE_IS(v, &type_list)) {
        raise_fmt(&type_TypeError, "object '%T' isn't a tuple or list", v);
    }
    size_t len;
    value_t *items = seq_items(v, &len);
    if (len < 4 || len > 5) {
        raise_obj(PTR_VAL(&type_ValueError));
    }
    smallint_t width = value_get_int(items[1]), height = value_get_int(items[2]);
    smallint_t format = value_get_int(items[3]);
    smallint_t stride = len > 4 ? value_get_int(items[4]) : width;
    size_t need = geometry(width, height, format, &stride);
    fb->buf = buffer_of(items[0], need, BUFFER_READ);
    fb->width = (int)width;
    fb->height = (int)height;
    fb->stride = (size_t)stride;
    fb->format = (int)format;
}

static bool framebuf_buffer(value_t self, buffer_info_t *info, int flags) {
    framebuf_t *f = VAL_PTR(self);
    return f->buf_obj != VAL_NULL && obj_get_buffer(f->buf_obj, info, flags);
}

// ---- arguments ---------------------------------------------------------------------------

static int clamp(smallint_t v, int limit) {
    return v < -limit ? -limit : v > limit ? limit : (int)v;
}

static int coord(value_t v) {
    return clamp(value_get_int(v), COORD_LIMIT);
}

static uint32_t colour(value_t v) {
    return (uint32_t)value_get_int(v);
}

// ---- drawing -------------------------------------------------------------------------------

static value_t framebuf_fill_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    fill_rect(&fb, 0, 0, fb.width, fb.height, colour(args[1]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_fill_obj, Q_fill, 2, 2, false, framebuf_fill_fn);

// fill_rect(x, y, w, h, c)
static value_t framebuf_fill_rect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]), w = coord(args[3]), h = coord(args[4]);
    fill_rect(&fb, x, y, w, h, colour(args[5]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_fill_rect_obj, Q_fill_rect, 6, 6, false, framebuf_fill_rect_fn);

// pixel(x, y) reads (None outside), pixel(x, y, c) writes.
static value_t framebuf_pixel_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]);
    if (x < 0 || x >= fb.width || y < 0 || y >= fb.height) {
        return VAL_NONE;
    }
    if (n_args == 3) {
        return int_from_uintptr(getpixel(&fb, x, y));
    }
    setpixel(&fb, x, y, colour(args[3]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_pixel_obj, Q_pixel, 3, 4, false, framebuf_pixel_fn);

// hline(x, y, w, c)
static value_t framebuf_hline_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]), w = coord(args[3]);
    fill_rect(&fb, x, y, w, 1, colour(args[4]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_hline_obj, Q_hline, 5, 5, false, framebuf_hline_fn);

// vline(x, y, h, c)
static value_t framebuf_vline_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]), h = coord(args[3]);
    fill_rect(&fb, x, y, 1, h, colour(args[4]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_vline_obj, Q_vline, 5, 5, false, framebuf_vline_fn);

// rect(x, y, w, h, c[, fill])
static value_t framebuf_rect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]), w = coord(args[3]), h = coord(args[4]);
    uint32_t col = colour(args[5]);
    if (n_args > 6 && obj_is_true(args[6])) {
        fill_rect(&fb, x, y, w, h, col);
    } else {
        fill_rect(&fb, x, y, w, 1, col);
        fill_rect(&fb, x, y + h - 1, w, 1, col);
        fill_rect(&fb, x, y, 1, h, col);
        fill_rect(&fb, x + w - 1, y, 1, h, col);
    }
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_rect_obj, Q_rect, 6, 7, false, framebuf_rect_fn);

// Bresenham's line, both ends included: MicroPython's steps exactly.
static void line(const fb_t *fb, int x1, int y1, int x2, int y2, uint32_t col) {
    int dx = x2 - x1, sx = 1, dy = y2 - y1, sy = 1;
    if (dx <= 0) {
        dx = -dx;
        sx = -1;
    }
    if (dy <= 0) {
        dy = -dy;
        sy = -1;
    }
    bool steep = dy > dx;
    if (steep) {
        int t = x1;
        x1 = y1;
        y1 = t;
        t = dx;
        dx = dy;
        dy = t;
        t = sx;
        sx = sy;
        sy = t;
    }
    int e = 2 * dy - dx;
    for (int i = 0; i < dx; i++) {
        if (steep) {
            setpixel_checked(fb, y1, x1, col);
        } else {
            setpixel_checked(fb, x1, y1, col);
        }
        while (e >= 0) {
            y1 += sy;
            e -= 2 * dx;
        }
        x1 += sx;
        e += 2 * dy;
    }
    setpixel_checked(fb, x2, y2, col);
}

// line(x1, y1, x2, y2, c)
static value_t framebuf_line_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x1 = coord(args[1]), y1 = coord(args[2]), x2 = coord(args[3]), y2 = coord(args[4]);
    line(&fb, x1, y1, x2, y2, colour(args[5]));
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_line_obj, Q_line, 6, 6, false, framebuf_line_fn);

// Quadrants of ellipse()'s mask, as on a clock face: Q2 Q1 over Q3 Q4.
#define ELLIPSE_FILL 0x10
#define ELLIPSE_Q1 0x01
#define ELLIPSE_Q2 0x02
#define ELLIPSE_Q3 0x04
#define ELLIPSE_Q4 0x08
#define ELLIPSE_ALL 0x0f

static void ellipse_points(const fb_t *fb, int cx, int cy, int x, int y, uint32_t col, unsigned mask) {
    if (mask & ELLIPSE_FILL) {
        if (mask & ELLIPSE_Q1) {
            fill_rect(fb, cx, cy - y, x + 1, 1, col);
        }
        if (mask & ELLIPSE_Q2) {
            fill_rect(fb, cx - x, cy - y, x + 1, 1, col);
        }
        if (mask & ELLIPSE_Q3) {
            fill_rect(fb, cx - x, cy + y, x + 1, 1, col);
        }
        if (mask & ELLIPSE_Q4) {
            fill_rect(fb, cx, cy + y, x + 1, 1, col);
        }
        return;
    }
    if (mask & ELLIPSE_Q1) {
        setpixel_checked(fb, cx + x, cy - y, col);
    }
    if (mask & ELLIPSE_Q2) {
        setpixel_checked(fb, cx - x, cy - y, col);
    }
    if (mask & ELLIPSE_Q3) {
        setpixel_checked(fb, cx - x, cy + y, col);
    }
    if (mask & ELLIPSE_Q4) {
        setpixel_checked(fb, cx + x, cy + y, col);
    }
}

// ellipse(x, y, xr, yr, c[, fill[, mask]]): John Kennedy's integer
// algorithm, as MicroPython, in 64-bit arithmetic (its products of radii
// overflow 32 bits from a radius of about 1000).
static value_t framebuf_ellipse_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int cx = coord(args[1]), cy = coord(args[2]);
    int64_t a = clamp(value_get_int(args[3]), RADIUS_LIMIT), b = clamp(value_get_int(args[4]), RADIUS_LIMIT);
    uint32_t col = colour(args[5]);
    unsigned mask = n_args > 6 && obj_is_true(args[6]) ? ELLIPSE_FILL : 0;
    mask |= n_args > 7 ? (unsigned)value_get_int(args[7]) & ELLIPSE_ALL : ELLIPSE_ALL;
    if (a == 0 && b == 0) {
        ellipse_points(&fb, cx, cy, 0, 0, col, mask);   // the loops below would not end
        return VAL_NONE;
    }
    int64_t two_a2 = 2 * a * a, two_b2 = 2 * b * b;
    // the points where the slope is above -1, from (a, 0) up
    int64_t x = a, y = 0, xchange = b * b * (1 - 2 * a), ychange = a * a, error = 0;
    int64_t stop_x = two_b2 * a, stop_y = 0;
    while (stop_x >= stop_y) {
        ellipse_points(&fb, cx, cy, (int)x, (int)y, col, mask);
        y++;
        stop_y += two_a2;
        error += ychange;
        ychange += two_a2;
        if (2 * error + xchange > 0) {
            x--;
            stop_x -= two_b2;
            error += xchange;
            xchange += two_b2;
        }
    }
    // the points where it is below, from (0, b) down
    x = 0;
    y = b;
    xchange = b * b;
    ychange = a * a * (1 - 2 * b);
    error = 0;
    stop_x = 0;
    stop_y = two_a2 * b;
    while (stop_x <= stop_y) {
        ellipse_points(&fb, cx, cy, (int)x, (int)y, col, mask);
        x++;
        stop_x += two_b2;
        error += xchange;
        xchange += two_b2;
        if (2 * error + ychange > 0) {
            y--;
            stop_y -= two_a2;
            error += ychange;
            ychange += two_a2;
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_ellipse_obj, Q_ellipse, 6, 8, false, framebuf_ellipse_fn);

// The coordinates of poly(): an array (any integer type code) read as
// MicroPython's binary module does.
typedef struct coords {
    const uint8_t *data;
    size_t size;       // bytes an item
    int typecode;
} coords_t;

static int coords_item(const coords_t *c, size_t i) {
    const uint8_t *p = c->data + i * c->size;
    int64_t v;
    switch (c->typecode) {
        case 'b': v = (int8_t)*p; break;
        case 'B': v = *p; break;
        case 'h': { int16_t t; memcpy(&t, p, 2); v = t; break; }
        case 'H': { uint16_t t; memcpy(&t, p, 2); v = t; break; }
        case 'i': case 'l': case 'q':
            if (c->size == 4) {
                int32_t t;
                memcpy(&t, p, 4);
                v = t;
            } else {
                memcpy(&v, p, 8);
            }
            break;
        default:   // unsigned I, L, Q
            if (c->size == 4) {
                uint32_t t;
                memcpy(&t, p, 4);
                v = t;
            } else {
                uint64_t t;
                memcpy(&t, p, 8);
                v = t > INT64_MAX ? INT64_MAX : (int64_t)t;
            }
            break;
    }
    return v < -COORD_LIMIT ? -COORD_LIMIT : v > COORD_LIMIT ? COORD_LIMIT : (int)v;
}

static void coords_of(value_t v, coords_t *c, size_t *n_points) {
    buffer_info_t info;
    if (!obj_get_buffer(v, &info, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    switch (info.typecode) {
        case 'b': case 'B': c->size = 1; break;
        case 'h': case 'H': c->size = 2; break;
        case 'i': case 'I': c->size = 4; break;
        case 'l': case 'L': c->size = sizeof(long); break;
        case 'q': case 'Q': c->size = 8; break;
        case 'f': case 'd': raise_msg(&type_TypeError, "can't convert float to int");
        default: raise_fmt(&type_TypeError, "unsupported buffer type '%c'", info.typecode);
    }
    c->data = info.buf;
    c->typecode = info.typecode;
    *n_points = info.len / (c->size * 2);   // an odd last value is ignored
}

// The x coordinates (in nodes) where the edges of the polygon cross row y,
// sorted, and the boundary pixels that rule misses drawn (alienryderflex's
// polygon fill, MicroPython's version).
static size_t poly_row(const fb_t *fb, int x, int y, const coords_t *c, size_t n, int row, uint32_t col, int *nodes) {
    size_t count = 0;
    int px1 = coords_item(c, 0), py1 = coords_item(c, 1);
    for (size_t k = n; k-- > 0;) {
        int px2 = coords_item(c, 2 * k), py2 = coords_item(c, 2 * k + 1);
        // The bottom pixel of an edge is left out so that the node is not
        // counted again with the next edge.
        if (py1 != py2 && ((py1 > row && py2 <= row) || (py1 <= row && py2 > row))) {
            int64_t node = (32 * (int64_t)px1 + 32 * (int64_t)(px2 - px1) * (row - py1) / (py2 - py1) + 16) / 32;
            nodes[count++] = (int)node;
        } else if (row == (py1 > py2 ? py1 : py2)) {
            // at a local minimum, the pixels the rule misses
            if (py1 < py2) {
                setpixel_checked(fb, x + px2, y + py2, col);
            } else if (py2 < py1) {
                setpixel_checked(fb, x + px1, y + py1, col);
            } else {
                line(fb, x + px1, y + py1, x + px2, y + py2, col);
            }
        }
        px1 = px2;
        py1 = py2;
    }
    for (size_t i = 1; i < count; i++) {
        int v = nodes[i];
        size_t j = i;
        for (; j > 0 && nodes[j - 1] > v; j--) {
            nodes[j] = nodes[j - 1];
        }
        nodes[j] = v;
    }
    return count;
}

// poly(x, y, coords, c[, fill]): the closed polygon of the points in
// coords (x0, y0, x1, y1, ...), drawn at (x, y).
static value_t framebuf_poly_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int x = coord(args[1]), y = coord(args[2]);
    coords_t c;
    size_t n;
    coords_of(args[3], &c, &n);
    if (n == 0) {
        return VAL_NONE;
    }
    uint32_t col = colour(args[4]);
    if (n_args < 6 || !obj_is_true(args[5])) {
        int px1 = coords_item(&c, 0), py1 = coords_item(&c, 1);
        for (size_t k = n; k-- > 0;) {
            int px2 = coords_item(&c, 2 * k), py2 = coords_item(&c, 2 * k + 1);
            line(&fb, x + px1, y + py1, x + px2, y + py2, col);
            px1 = px2;
            py1 = py2;
        }
        return VAL_NONE;
    }
    int y_min = COORD_LIMIT, y_max = -COORD_LIMIT;
    for (size_t k = 0; k < n; k++) {
        int py = coords_item(&c, 2 * k + 1);
        y_min = py < y_min ? py : y_min;
        y_max = py > y_max ? py : y_max;
    }
    // Rows outside the framebuffer draw nothing: they are skipped.
    y_min = y_min > -y ? y_min : -y;
    y_max = y_max < fb.height - 1 - y ? y_max : fb.height - 1 - y;
    int *nodes = gc_alloc(n * sizeof(int), GC_LEAF);
    for (int row = y_min; row <= y_max; row++) {
        size_t count = poly_row(&fb, x, y, &c, n, row, col, nodes);
        for (size_t i = 0; i + 1 < count; i += 2) {
            fill_rect(&fb, x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, col);
        }
    }
    gc_free(nodes);
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_poly_obj, Q_poly, 5, 6, false, framebuf_poly_fn);

// scroll(xstep, ystep): moves the picture; what it uncovers keeps its pixels.
static value_t framebuf_scroll_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    int xstep = coord(args[1]), ystep = coord(args[2]);
    if (xstep <= -fb.width || xstep >= fb.width || ystep <= -fb.height || ystep >= fb.height) {
        return VAL_NONE;
    }
    // Copy away from the direction of movement so no pixel is read after
    // it was overwritten.
    int sx = xstep < 0 ? 0 : fb.width - 1, xend = xstep < 0 ? fb.width + xstep : xstep - 1;
    int dx = xstep < 0 ? 1 : -1;
    int y = ystep < 0 ? 0 : fb.height - 1, yend = ystep < 0 ? fb.height + ystep : ystep - 1;
    int dy = ystep < 0 ? 1 : -1;
    for (; y != yend; y += dy) {
        for (int x = sx; x != xend; x += dx) {
            setpixel(&fb, x, y, getpixel(&fb, x - xstep, y - ystep));
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_scroll_obj, Q_scroll, 3, 3, false, framebuf_scroll_fn);

// text(s, x, y[, c]): 8x8 characters from (x, y); a byte outside 32..127
// (each byte of a UTF-8 sequence) shows as the checkerboard of 127, and
// the text ends at a NUL, as MicroPython's.
static value_t framebuf_text_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb;
    fb_begin(args[0], &fb);
    size_t len;
    const char *s = str_data(args[1], &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "can't convert '%T' object to str implicitly", args[1]);
    }
    int x = coord(args[2]), y = coord(args[3]);
    uint32_t col = n_args > 4 ? colour(args[4]) : 1;
    for (size_t i = 0; i < len && s[i] != 0; i++) {
        unsigned ch = (uint8_t)s[i];
        if (ch < FONT_FIRST || ch > FONT_LAST) {
            ch = FONT_LAST;
        }
        const uint8_t *glyph = &font_petme128_8x8[(ch - FONT_FIRST) * 8];
        for (int j = 0; j < 8; j++, x++) {
            if (x < 0 || x >= fb.width) {
                continue;
            }
            unsigned column = glyph[j];
            for (int yy = y; column != 0; column >>= 1, yy++) {
                if ((column & 1) && yy >= 0 && yy < fb.height) {
                    setpixel(&fb, x, yy, col);
                }
            }
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_text_obj, Q_text, 4, 5, false, framebuf_text_fn);

// blit(fbuf, x, y[, key[, palette]]): copies fbuf's pixels to (x, y),
// translated through the palette (a framebuffer one pixel high whose pixel
// i is the colour of colour i) and skipping those whose colour is key. A
// colour beyond the palette's width leaves the pixel as it was.
static value_t framebuf_blit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    fb_t fb, src, palette;
    fb_begin(args[0], &fb);
    fb_source(args[1], &src);
    int x = coord(args[2]), y = coord(args[3]);
    uint32_t key = n_args > 4 ? colour(args[4]) : (uint32_t)-1;
    bool has_palette = n_args > 5 && args[5] != VAL_NONE;
    if (has_palette) {
        fb_source(args[5], &palette);
    }
    if (x >= fb.width || y >= fb.height || -x >= src.width || -y >= src.height) {
        return VAL_NONE;
    }
    int x0 = x > 0 ? x : 0, y0 = y > 0 ? y : 0;
    int sx = x < 0 ? -x : 0, sy = y < 0 ? -y : 0;
    int x0end = x + src.width < fb.width ? x + src.width : fb.width;
    int y0end = y + src.height < fb.height ? y + src.height : fb.height;
    for (; y0 < y0end; y0++, sy++) {
        for (int cx = x0, csx = sx; cx < x0end; cx++, csx++) {
            uint32_t c = getpixel(&src, csx, sy);
            if (has_palette) {
                if (c >= (uint32_t)palette.width) {
                    continue;
                }
                c = getpixel(&palette, (int)c, 0);
            }
            if (c != key) {
                setpixel(&fb, cx, y0, c);
            }
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(framebuf_blit_obj, Q_blit, 4, 6, false, framebuf_blit_fn);

static const map_entry_t framebuf_locals_table[] = {
    {QSTR(Q___init__), PTR_VAL(&framebuf_init_obj)},
    {QSTR(Q_blit), PTR_VAL(&framebuf_blit_obj)},
    {QSTR(Q_ellipse), PTR_VAL(&framebuf_ellipse_obj)},
    {QSTR(Q_fill), PTR_VAL(&framebuf_fill_obj)},
    {QSTR(Q_fill_rect), PTR_VAL(&framebuf_fill_rect_obj)},
    {QSTR(Q_hline), PTR_VAL(&framebuf_hline_obj)},
    {QSTR(Q_line), PTR_VAL(&framebuf_line_obj)},
    {QSTR(Q_pixel), PTR_VAL(&framebuf_pixel_obj)},
    {QSTR(Q_poly), PTR_VAL(&framebuf_poly_obj)},
    {QSTR(Q_rect), PTR_VAL(&framebuf_rect_obj)},
    {QSTR(Q_scroll), PTR_VAL(&framebuf_scroll_obj)},
    {QSTR(Q_text), PTR_VAL(&framebuf_text_obj)},
    {QSTR(Q_vline), PTR_VAL(&framebuf_vline_obj)},
};
static const map_t framebuf_locals = MAP_ROM(framebuf_locals_table);

const type_t type_framebuf = {
    {&type_type},
    .name = Q_FrameBuffer,
    .flags = TYPE_FLAG_BASETYPE,
    .make_new = framebuf_make_new,
    .buffer = framebuf_buffer,
    .locals = &framebuf_locals,
};

// FrameBuffer1(buffer, width, height[, stride]): the old name of a
// MONO_VLSB FrameBuffer.
static value_t framebuf_framebuffer1_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t full[5] = {args[0], args[1], args[2], SMALL(MONO_VLSB), n_args > 3 ? args[3] : args[1]};
    return framebuf_make_new(&type_framebuf, 5, 0, full);
}
static BUILTIN_FN(framebuf_framebuffer1_obj, Q_FrameBuffer1, 3, 4, false, framebuf_framebuffer1_fn);

static const map_entry_t framebuf_module_table[] = {
    {QSTR(Q_FrameBuffer), PTR_VAL(&type_framebuf)},
    {QSTR(Q_FrameBuffer1), PTR_VAL(&framebuf_framebuffer1_obj)},
    {QSTR(Q_GS2_HMSB), SMALL(GS2_HMSB)},
    {QSTR(Q_GS4_HMSB), SMALL(GS4_HMSB)},
    {QSTR(Q_GS8), SMALL(GS8)},
    {QSTR(Q_MONO_HLSB), SMALL(MONO_HLSB)},
    {QSTR(Q_MONO_HMSB), SMALL(MONO_HMSB)},
    {QSTR(Q_MONO_VLSB), SMALL(MONO_VLSB)},
    {QSTR(Q_MVLSB), SMALL(MONO_VLSB)},
    {QSTR(Q_RGB565), SMALL(RGB565)},
    {QSTR(Q___name__), QSTR(Q_framebuf)},
};
MODULE_ROM(framebuf_module, Q_framebuf, framebuf_module_table);

ESPY_MODULE(framebuf, framebuf_module);
