# SPDX-License-Identifier: MIT
# NeoPixel (WS2812) LEDs, as the port's frozen driver: a buffer of n pixels
# of bpp bytes in the strip's colour order (G, R, B, W), sent by
# machine.bitstream with the 800 kHz (timing=1) or 400 kHz (timing=0) pulse
# widths of the spec, or a (high0, low0, high1, low1) tuple in ns.
from machine import bitstream


class NeoPixel:
    ORDER = (1, 0, 2, 3)  # where R, G, B, W go in a pixel's bytes

    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        pin.init(pin.OUT)
        if isinstance(timing, int):
            timing = (400, 850, 800, 450) if timing else (800, 1700, 1600, 900)
        self.timing = timing

    def __len__(self):
        return self.n

    def __setitem__(self, i, v):
        at = i * self.bpp
        for k in range(self.bpp):
            self.buf[at + self.ORDER[k]] = v[k]

    def __getitem__(self, i):
        at = i * self.bpp
        return tuple(self.buf[at + self.ORDER[k]] for k in range(self.bpp))

    def fill(self, v):
        buf, bpp = self.buf, self.bpp
        for k in range(bpp):
            c = v[k]
            for j in range(self.ORDER[k], len(buf), bpp):
                buf[j] = c

    def write(self):
        bitstream(self.pin, 0, self.timing, self.buf)
