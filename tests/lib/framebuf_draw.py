# framebuf: line, text (the 8x8 font), ellipse, poly and blit. The pixels
# expected are those of MicroPython's algorithms (Bresenham's line, John
# Kennedy's ellipse, the scan-line polygon fill of alienryderflex.com).
import framebuf


def show(fb, w, h):
    for y in range(h):
        print("".join("#" if fb.pixel(x, y) else "." for x in range(w)))


def mono(w, h):
    return framebuf.FrameBuffer(bytearray(((w + 7) // 8) * h), w, h, framebuf.MONO_HLSB)


# ---- line ----
fb = mono(16, 16)
fb.line(0, 0, 15, 5, 1)
fb.line(2, 15, 4, 0, 1)       # steep
fb.line(15, 15, 10, 10, 1)    # backwards
fb.line(-5, 8, 20, 8, 1)      # clipped
fb.line(7, 12, 7, 12, 1)      # a point
fb.line(30, 30, 40, 40, 1)    # outside
show(fb, 16, 16)

# ---- text ----
fb = mono(40, 10)
fb.text("Hi!", 0, 0)
fb.text("g_", 24, 1)
show(fb, 40, 10)
fb.fill(1)
fb.text("x", 2, 1, 0)         # colour 0 on a lit background
show(fb, 12, 10)
fb.fill(0)
fb.text("ab", -4, -3)         # clipped on the left and the top
fb.text("\x01\x7f", 12, 2)    # outside 32..126, and 127: the checkerboard
fb.text("ok\x00no", 30, 2)    # a NUL ends the text; clipped on the right
show(fb, 40, 10)
fb = mono(16, 8)
fb.text("\xe9", 0, 0)         # two UTF-8 bytes: two checkerboards
show(fb, 16, 8)
g = framebuf.FrameBuffer(bytearray(8 * 8), 8, 8, framebuf.GS8)
g.text("T", 0, 0, 200)
print([g.pixel(x, 0) for x in range(8)], g.pixel(3, 6), g.pixel(0, 1))
try:
    g.text(b"T", 0, 0)
except TypeError as e:
    print("TypeError", e)

# ---- ellipse ----
fb = mono(20, 13)
fb.ellipse(9, 6, 8, 5, 1)
show(fb, 20, 13)
fb.fill(0)
fb.ellipse(9, 6, 8, 5, 1, True)
show(fb, 20, 13)
fb.fill(0)
fb.ellipse(9, 6, 6, 4, 1, True, 0b0001)    # quadrant 1 (top right), filled
fb.ellipse(9, 6, 6, 4, 1, False, 0b1010)   # quadrants 2 and 4, outlines
show(fb, 20, 13)
fb.fill(0)
fb.ellipse(3, 3, 0, 0, 1)
fb.ellipse(8, 3, 0, 3, 1)
fb.ellipse(14, 3, 3, 0, 1)
fb.ellipse(10, 10, 2, 2, 1, True, 0)       # no quadrant: nothing
fb.ellipse(25, 6, 8, 3, 1)                 # mostly outside
show(fb, 20, 13)
fb = framebuf.FrameBuffer(bytearray(8 * 8), 8, 8, framebuf.GS8)
fb.ellipse(3, 3, 1000, 1000, 7)            # large radii: no overflow, nothing inside
print(fb.pixel(3, 3), fb.pixel(0, 0))

# ---- poly ----
fb = mono(16, 12)
tri = bytes([1, 1, 14, 3, 5, 10])
fb.poly(0, 0, tri, 1)
show(fb, 16, 12)
fb.fill(0)
fb.poly(0, 0, tri, 1, True)
show(fb, 16, 12)
fb.fill(0)
arrow = bytearray([0, 3, 6, 3, 6, 0, 11, 5, 6, 10, 6, 7, 0, 7])   # concave
fb.poly(2, 1, arrow, 1, True)
show(fb, 16, 12)
fb.fill(0)
fb.poly(-3, -2, bytes([0, 0, 8, 0, 8, 6, 0, 6]), 1)                # offset, clipped
fb.poly(10, 8, bytes([2, 2]), 1, True)                            # one point
fb.poly(12, 0, bytes([0, 0, 3, 3, 9]), 1)                         # an odd value is ignored
fb.poly(0, 0, b"", 1, True)
fb.poly(0, 0, memoryview(bytes([14, 9, 15, 11, 13, 11]))[0:6], 1, True)
show(fb, 16, 12)
try:
    fb.poly(0, 0, [1, 2, 3, 4], 1)
except TypeError as e:
    print("TypeError", e)

# ---- blit ----
src = mono(4, 4)
src.fill_rect(0, 0, 2, 2, 1)
src.pixel(3, 3, 1)
dst = framebuf.FrameBuffer(bytearray(8 * 6), 8, 6, framebuf.GS8)
dst.fill(5)
dst.blit(src, 1, 1)                        # the colours as they are: 0 and 1
dst.blit(src, 6, 4)                        # clipped on the right and the bottom
dst.blit(src, -2, -2)                      # clipped on the left and the top
for y in range(6):
    print([dst.pixel(x, y) for x in range(8)])
dst.fill(5)
pal = framebuf.FrameBuffer(bytearray(2), 2, 1, framebuf.GS8)
pal.pixel(0, 0, 9)
pal.pixel(1, 0, 200)
dst.blit(src, 0, 0, -1, pal)               # colour i becomes palette pixel i
dst.blit(src, 4, 2, 9, pal)                # key 9: what becomes 9 is not drawn
for y in range(6):
    print([dst.pixel(x, y) for x in range(8)])
dst.fill(0)
dst.blit((bytes([7, 0, 0, 7]), 2, 2, framebuf.GS8), 3, 3)   # a tuple source: read-only bytes
dst.blit([bytearray([1, 2, 3]), 3, 1, framebuf.GS8], 0, 0, 2)
dst.blit(src, 20, 0)
dst.blit(src, 0, -4)
short = framebuf.FrameBuffer(bytearray(1), 1, 1, framebuf.GS8)
short.pixel(0, 0, 42)
dst.blit(src, 4, 0, -1, short)             # colour 1 is beyond this palette: left as it was
for y in range(6):
    print([dst.pixel(x, y) for x in range(8)])


class Sprite(framebuf.FrameBuffer):
    def __init__(self):
        super().__init__(bytearray(2), 2, 2, framebuf.MONO_HMSB)
        self.pixel(1, 1, 1)


dst.fill(0)
dst.blit(Sprite(), 0, 0)
print([dst.pixel(x, y) for y in range(2) for x in range(2)])
m = mono(8, 2)
m.blit(m, 1, 0)                            # onto itself
for bad in ((bytes(1), 2, 2, framebuf.GS8), (bytes(4), 2, 2), 5, (bytes(4), 2, 2, 9)):
    try:
        dst.blit(bad, 0, 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e.args)
