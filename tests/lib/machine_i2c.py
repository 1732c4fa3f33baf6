# machine.SoftI2C bit-banged through the simulated pins, talking to a
# simulated 24C02 EEPROM (256 bytes at 0x50) that sees only the levels of
# SCL and SDA.
import machine
import simboard
from machine import Pin, SoftI2C

simboard.reset()
simboard.i2c_device(5, 4, 0x50)
simboard.i2c_device(5, 4, 0x57)
simboard.i2c_memory(0x50, b"espy on an EEPROM", 0)

i2c = SoftI2C(scl=Pin(5), sda=Pin(4))
print(i2c)
print(machine.I2C is SoftI2C)
print(SoftI2C(Pin(5), Pin(4), 100000))
print(SoftI2C(Pin(5), Pin(4), freq=1000000))
print(i2c.scan())

# Reads from the current address; a write's first byte sets the address.
print(i2c.writeto(0x50, b"\x05"))
print(i2c.readfrom(0x50, 2))
print(i2c.readfrom(0x50, 3))             # the address went on
buf = bytearray(4)
i2c.writeto(0x50, b"\x00", False)       # no STOP: a repeated START follows
i2c.readfrom_into(0x50, buf)
print(buf)

# Memory helpers.
print(i2c.readfrom_mem(0x50, 9, 8))
i2c.writeto_mem(0x50, 0x20, b"written")
print(simboard.i2c_memory(0x50)[0x1E:0x29])
buf = bytearray(7)
i2c.readfrom_mem_into(0x50, 0x20, buf)
print(buf)
print(i2c.writevto(0x50, (b"\x40", b"abc", bytearray(b"def"))))
print(i2c.readfrom_mem(0x50, 0x40, 6))
print(i2c.readfrom_mem(0x50, 0xFE, 4))    # round the end
i2c.writeto_mem(0x57, 0, b"\x01\x02")
print(simboard.i2c_memory(0x57)[:3], simboard.i2c_memory(0x50)[:3])

# The primitives: start, write (the count acknowledged), readinto, stop.
i2c.start()
print(i2c.write(bytes([0x50 << 1, 0x10])))
i2c.start()
print(i2c.write(bytes([0x50 << 1 | 1])))
buf = bytearray(3)
i2c.readinto(buf)
i2c.stop()
print(buf)
i2c.start()
print(i2c.write(bytes([0x33 << 1, 1, 2])))  # nobody there: no ACK at all
i2c.stop()

# No device at the address: ENODEV.
for f in (lambda: i2c.readfrom(0x51, 1), lambda: i2c.writeto(0x51, b"x"),
          lambda: i2c.readfrom_mem(0x51, 0, 1)):
    try:
        f()
    except OSError as e:
        print("OSError:", e)

# A bus held low: SCL never rises, the clock-stretch timeout ends it.
simboard.pin(5, 0)
try:
    SoftI2C(scl=Pin(5), sda=Pin(4), timeout=1000).readfrom(0x50, 1)
except OSError as e:
    print("OSError:", e)
simboard.pin(5, None)
print(i2c.scan())

# Argument errors.
for args, kw in (((), {}), ((Pin(5),), {}), ((5, 4), {}), ((Pin(5), Pin(4)), {"freq": 0}),
                 ((Pin(5), Pin(4)), {"speed": 1})):
    try:
        SoftI2C(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    i2c.readfrom_mem(0x50, 0, 1, addrsize=12)
except ValueError as e:
    print("ValueError:", e)
