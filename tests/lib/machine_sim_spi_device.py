# The simulated board's SPI peripheral (simboard.spi_device) against the
# hardware SPI and SoftSPI in all four modes, and the I2C device's log of
# transactions: what each side sent is what the other received.
import simboard
from machine import Pin, SPI, SoftSPI, SoftI2C

simboard.reset()
simboard.spi_device(14, 13, 12, 15)
simboard.spi_reply(15, b"\x12\x34\x56")
cs = Pin(15, Pin.OUT, value=1)
hspi = SPI(1, baudrate=1000000)
cs(0)
got = hspi.read(3, 0xA5)
cs(1)
print(got, simboard.spi_received(15))
cs(0)
print(hspi.read(2), simboard.spi_received(15))   # the queue is empty: 0xff
cs(1)
# Not selected, the device neither listens nor drives MISO (it floats: 0).
print(hspi.read(1), simboard.spi_received(15), simboard.spi())

for mode in range(4):
    simboard.reset()
    simboard.spi_device(5, 4, 0, 2, mode)
    simboard.spi_reply(2, b"\xc3\x3c")
    s = SoftSPI(baudrate=100000, polarity=mode >> 1, phase=mode & 1, sck=Pin(5), mosi=Pin(4), miso=Pin(0))
    sel = Pin(2, Pin.OUT, value=1)
    sel(0)
    buf = bytearray(2)
    s.write_readinto(b"\x81\x7e", buf)
    sel(1)
    print(mode, bytes(buf), simboard.spi_received(2))

for bad in (lambda: simboard.spi_device(5, 4, 0, 2), lambda: simboard.spi_device(5, 4, 0, 3, 4),
            lambda: simboard.spi_reply(9, b"x"), lambda: simboard.spi_received(9)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

simboard.reset()
simboard.i2c_device(5, 4, 0x50)
i2c = SoftI2C(scl=Pin(5), sda=Pin(4))
i2c.writeto_mem(0x50, 3, b"ab")
print(i2c.readfrom_mem(0x50, 3, 2))
i2c.writeto(0x50, b"\x10")
print(i2c.readfrom(0x50, 1))
print(repr(simboard.i2c_log(0x50)))
print(repr(simboard.i2c_log(0x50)))
