# The frozen LED drivers: neopixel.NeoPixel keeps pixels in the strip's
# G, R, B(, W) order and sends them with machine.bitstream (the simulated
# board keeps the bytes); apa102.APA102 stores R, G, B, brightness.
from machine import Pin
import neopixel
import apa102
import simboard

np = neopixel.NeoPixel(Pin(4), 3)
print(len(np), np.bpp, np.timing)
np[0] = (255, 0, 0)
np[1] = (0, 128, 1)
print(np[0], np[1], np[2], bytes(np.buf))
np.write()
print(simboard.bitstream(4) == bytes(np.buf), Pin(4)())
np.fill((1, 2, 3))
print(bytes(np.buf), np[2])
rgbw = neopixel.NeoPixel(Pin(5), 2, bpp=4, timing=0)
rgbw[1] = (10, 20, 30, 40)
print(rgbw.timing, bytes(rgbw.buf), rgbw[1])
custom = neopixel.NeoPixel(Pin(12), 1, timing=(300, 900, 900, 300))
print(custom.timing)

strip = apa102.APA102(Pin(14), Pin(13), 2)
strip[0] = (1, 2, 3, 31)
print(strip[0], strip[1], bytes(strip.buf), len(strip))
strip.write()
print("written")
