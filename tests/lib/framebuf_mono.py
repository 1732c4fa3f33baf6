# framebuf: the monochrome formats (MONO_VLSB, MONO_HLSB, MONO_HMSB), the
# rectangle operations, scroll, buffers and the size checks.
import framebuf


def show(fb, w, h):
    for y in range(h):
        print("".join("#" if fb.pixel(x, y) else "." for x in range(w)))


print(framebuf.MONO_VLSB, framebuf.MVLSB, framebuf.MONO_HLSB, framebuf.MONO_HMSB)

# ---- pixels of MONO_VLSB: a byte is 8 pixels of a column, bit 0 on top ----
buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 8, 16, framebuf.MONO_VLSB)
fb.fill(1)
print(buf)
fb.fill(0)
print(buf)
for x, y in ((0, 0), (7, 0), (0, 15), (7, 15), (3, 9)):
    fb.pixel(x, y, 1)
print(buf)
print(fb.pixel(0, 0), fb.pixel(1, 0), fb.pixel(3, 9), fb.pixel(8, 0), fb.pixel(0, 16), fb.pixel(-1, 0))
fb.pixel(20, 20, 1)           # outside: nothing happens
fb.pixel(0, 0, 0)
fb.pixel(1, 1, 5)             # any colour but 0 is 1
print(buf[0], buf[1], buf == bytearray(b"\x00\x02\x00\x00\x00\x00\x00\x01\x80\x00\x00\x02\x00\x00\x00\x80"))


# ---- the same drawing in the three formats ----
def draw(fb):
    fb.fill(0)
    fb.fill_rect(1, 1, 3, 2, 1)
    fb.hline(-2, 5, 5, 1)         # clipped on the left
    fb.vline(6, 12, 10, 1)        # clipped at the bottom
    fb.rect(4, 7, 4, 4, 1)
    fb.rect(0, 12, 3, 3, 1, True)
    fb.fill_rect(5, 0, 0, 5, 1)   # no width: nothing
    fb.fill_rect(5, 0, 2, -1, 1)  # negative height: nothing
    fb.fill_rect(7, 14, 5, 5, 1)
    fb.fill_rect(-10, -10, 5, 5, 1)   # wholly outside
    fb.rect(0, 0, 0, 0, 1)


for fmt in (framebuf.MONO_VLSB, framebuf.MONO_HLSB, framebuf.MONO_HMSB):
    buf = bytearray(16)
    fb = framebuf.FrameBuffer(buf, 8, 16, fmt)
    draw(fb)
    print(fmt, buf)
show(fb, 8, 16)

# ---- the stride ----
buf = bytearray(3)
fb = framebuf.FrameBuffer(buf, 5, 3, framebuf.MONO_HLSB)   # rows of 5 pixels take a byte each
fb.pixel(4, 2, 1)
fb.fill_rect(0, 0, 5, 1, 1)
print(buf)
buf = bytearray(14)
fb = framebuf.FrameBuffer(buf, 4, 16, framebuf.MONO_VLSB, 10)   # rows of bytes 10 apart
fb.pixel(3, 8, 1)
fb.fill_rect(0, 0, 4, 1, 1)
print(buf)
buf = bytearray(6)
fb = framebuf.FrameBuffer(buf, 3, 3, framebuf.MONO_HMSB, 9)    # the stride rounds up to 16
fb.vline(1, 0, 3, 1)
print(buf)

# ---- scroll: the picture moves, what it uncovers keeps its pixels ----
buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 8, 8, framebuf.MONO_VLSB)
for x, y in ((0, 0), (7, 7), (3, 4)):
    fb.pixel(x, y, 1)
fb.scroll(2, 1)
show(fb, 8, 8)
fb.scroll(-3, -2)
show(fb, 8, 8)
before = bytes(buf)
fb.scroll(8, 0)
fb.scroll(0, -8)
fb.scroll(-100, 100)
print(bytes(buf) == before)

# ---- buffers ----
mv = memoryview(bytearray(20))
fb = framebuf.FrameBuffer(mv[4:], 8, 16, framebuf.MONO_VLSB)
fb.fill(1)
print(mv.tobytes())
fb = framebuf.FrameBuffer1(bytearray(16), 8, 16)
fb.pixel(0, 9, 1)
print(bytes(fb), memoryview(fb)[8])
fb = framebuf.FrameBuffer1(bytearray(20), 8, 16, 10)
fb.pixel(0, 9, 1)
print(bytes(fb)[10])
grow = bytearray(16)
fb = framebuf.FrameBuffer(grow, 8, 16, framebuf.MONO_VLSB)
grow.extend(bytes(200))       # the storage moves: the framebuffer follows
fb.fill(1)
print(grow[:17])
del grow[8:]                  # now too small
try:
    fb.fill(0)
except ValueError as e:
    print("ValueError", e.args)


# ---- subclasses ----
class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.buffer = bytearray(width * height // 8)
        super().__init__(self.buffer, width, height, framebuf.MONO_HLSB)

    def data(self):
        return bytes(self.buffer)


d = Display(8, 2)
d.fill(1)
d.pixel(0, 0, 0)
print(d.data(), d.pixel(1, 0), isinstance(d, framebuf.FrameBuffer))
d.text("A", 0, 0, 0)


class Plain(framebuf.FrameBuffer):
    pass


p = Plain(bytearray(2), 8, 2, framebuf.MONO_HMSB)
p.pixel(1, 1, 1)
print(bytes(p))


# ---- errors ----
def error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.args)


error(lambda: framebuf.FrameBuffer(bytearray(15), 8, 16, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(13), 4, 16, framebuf.MONO_VLSB, 10))
error(lambda: framebuf.FrameBuffer(bytearray(2), 5, 3, framebuf.MONO_HLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 0, 8, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8, 0, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 0x10000, 1, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8, 8, framebuf.MONO_VLSB, 7))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8, 8, 7))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8, 8, -1))
error(lambda: framebuf.FrameBuffer(bytes(100), 8, 8, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(100, 8, 8, framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8, 8, format=framebuf.MONO_VLSB))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8))
error(lambda: framebuf.FrameBuffer(bytearray(100), 8.0, 8, framebuf.MONO_VLSB))
fb = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB)
error(lambda: fb.pixel(0))
error(lambda: fb.fill_rect(0, 0, 1, 1))
error(lambda: fb.rect(0, 0, 1, 1, "1"))
error(lambda: fb.hline(0, 0, 1.5, 1))
