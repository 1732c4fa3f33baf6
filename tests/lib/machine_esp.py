# The esp module's basics on the simulated board (the flash functions are
# tested with the flash).
import esp
import machine
import simboard
import time
from machine import Pin

print(esp.SLEEP_NONE, esp.SLEEP_LIGHT, esp.SLEEP_MODEM)
print(esp.sleep_type())
esp.sleep_type(esp.SLEEP_LIGHT)
print(esp.sleep_type())
esp.sleep_type(esp.SLEEP_MODEM)
esp.osdebug(None)
esp.osdebug(0)
for f in (lambda: esp.sleep_type(3), lambda: esp.osdebug(2), lambda: esp.apa102_write(14, 13, b"")):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)

# apa102_write clocks the bits out: 8 rising clock edges per byte.
simboard.reset()
edges = []
clock = Pin(14, Pin.IN)
clock.irq(lambda p: edges.append(1), Pin.IRQ_RISING)
esp.apa102_write(Pin(14), Pin(13), b"\xff")
time.sleep_ms(1)
print(simboard.state(14), simboard.pin(13), len(edges) > 0)
clock.irq(None)

# neopixel_write (the old firmware's): the bytes as given, on an output pin.
esp.neopixel_write(Pin(5), b"\x10\x20\x30", True)
esp.neopixel_write(Pin(5), bytearray(b"\xff"), False)
print(simboard.bitstream(5), simboard.state(5))
try:
    esp.neopixel_write(Pin(5), 12, True)
except TypeError as e:
    print("TypeError:", e)

start = time.ticks_ms()
try:
    esp.deepsleep(30000)
except SystemExit:
    print("SystemExit", machine.reset_cause() == machine.DEEPSLEEP_RESET,
          time.ticks_diff(time.ticks_ms(), start) >= 29)
