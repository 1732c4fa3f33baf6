# SPDX-License-Identifier: MIT
# APA102 (DotStar) LEDs, as the port's frozen driver: NeoPixel's buffer with
# four bytes a pixel in R, G, B, brightness order, clocked out by
# esp.apa102_write on a clock and a data pin.
from esp import apa102_write
from neopixel import NeoPixel


class APA102(NeoPixel):
    ORDER = (0, 1, 2, 3)

    def __init__(self, clock_pin, data_pin, n, bpp=4):
        super().__init__(data_pin, n, bpp)
        self.clock_pin = clock_pin
        clock_pin.init(clock_pin.OUT)

    def write(self):
        apa102_write(self.clock_pin, self.pin, self.buf)
