# framebuf: the formats of several bits a pixel (RGB565, GS2_HMSB,
# GS4_HMSB, GS8): how pixels are stored, fill, fill_rect, scroll, sizes.
import framebuf


def rows(fb, w, h):
    for y in range(h):
        print([fb.pixel(x, y) for x in range(w)])


print(framebuf.RGB565, framebuf.GS2_HMSB, framebuf.GS4_HMSB, framebuf.GS8)

# ---- RGB565: 16 bits a pixel, in the machine's (little-endian) byte order ----
buf = bytearray(4 * 3 * 2)
fb = framebuf.FrameBuffer(buf, 4, 3, framebuf.RGB565)
fb.fill(0x1234)
print(buf == b"\x34\x12" * 12)
fb.pixel(1, 0, 0xF800)
fb.pixel(3, 2, 0x07E0)
print(fb.pixel(1, 0), fb.pixel(3, 2), fb.pixel(0, 0), buf[2:4], buf[22:24])
fb.pixel(0, 0, 0x12345)       # the colour keeps its low 16 bits
fb.pixel(2, 0, -1)
print(fb.pixel(0, 0), fb.pixel(2, 0))
fb.fill_rect(1, 1, 10, 1, 0xFFFF)
fb.hline(0, 2, 2, 7)
rows(fb, 4, 3)
fb.scroll(1, 0)
rows(fb, 4, 3)
fb.scroll(0, -1)
rows(fb, 4, 3)
mv = memoryview(bytearray(9))[1:]   # a buffer not aligned on 2 bytes
odd = framebuf.FrameBuffer(mv, 2, 2, framebuf.RGB565)
odd.fill(0xABCD)
odd.pixel(1, 1, 0x0102)
print(mv.tobytes(), odd.pixel(0, 0), odd.pixel(1, 1))

# ---- GS2_HMSB: 4 pixels a byte, the leftmost in the low bits ----
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 5, 2, framebuf.GS2_HMSB)   # rows of 8 pixels: 2 bytes
fb.pixel(0, 0, 1)
fb.pixel(1, 0, 2)
fb.pixel(2, 0, 3)
fb.pixel(4, 0, 3)
fb.pixel(3, 1, 2)
fb.pixel(0, 1, 7)             # 2 bits kept
print(buf)
rows(fb, 5, 2)
fb.fill(2)
print(buf)
fb.fill_rect(1, 0, 3, 2, 0)
print(buf)

# ---- GS4_HMSB: 2 pixels a byte, the leftmost in the high nibble ----
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 3, 2, framebuf.GS4_HMSB)   # rows of 4 pixels: 2 bytes
fb.pixel(0, 0, 0xA)
fb.pixel(1, 0, 5)
fb.pixel(2, 0, 0xF)
fb.pixel(1, 1, 0x13)
fb.pixel(0, 1, 0x1C)
print(buf)
rows(fb, 3, 2)
fb.fill_rect(1, 0, 2, 2, 7)
print(buf)
fb.fill(1)
print(buf)
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 8, 1, framebuf.GS4_HMSB)
fb.fill_rect(1, 0, 5, 1, 0xB)  # odd start, odd end
print(buf)
fb.fill_rect(2, 0, 3, 1, 0x14)
print(buf)
fb.scroll(-1, 0)
rows(fb, 8, 1)

# ---- GS8: a byte a pixel ----
buf = bytearray(7)
fb = framebuf.FrameBuffer(buf, 3, 2, framebuf.GS8, 4)
fb.pixel(2, 1, 0x1FF)
fb.fill_rect(0, 0, 2, 2, 9)
print(buf, fb.pixel(3, 0), fb.pixel(2, 1))
fb.vline(2, -5, 6, 0x80)
fb.scroll(-1, 1)
rows(fb, 3, 2)

# ---- sizes ----
for args in ((23, 4, 3, framebuf.RGB565), (3, 5, 2, framebuf.GS2_HMSB), (3, 3, 2, framebuf.GS4_HMSB),
             (6, 3, 2, framebuf.GS8, 4), (5, 3, 2, framebuf.GS8)):
    try:
        framebuf.FrameBuffer(bytearray(args[0]), *args[1:])
        print("made")
    except ValueError as e:
        print("ValueError", e.args)
for args in ((24, 4, 3, framebuf.RGB565), (4, 5, 2, framebuf.GS2_HMSB), (4, 3, 2, framebuf.GS4_HMSB),
             (7, 3, 2, framebuf.GS8, 4), (6, 3, 2, framebuf.GS8)):
    framebuf.FrameBuffer(bytearray(args[0]), *args[1:])
print("sizes ok")
