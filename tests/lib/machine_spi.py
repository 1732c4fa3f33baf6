# machine.SoftSPI and machine.SPI(1) on the simulated board: with MOSI wired
# to MISO every byte comes back; the clock's idle level follows polarity.
import machine
import simboard
from machine import Pin, SoftSPI, SPI

simboard.reset()
simboard.wire(13, 12)                   # MOSI -> MISO

s = SoftSPI(sck=Pin(14), mosi=Pin(13), miso=Pin(12))
print(s)
print(SoftSPI(100000, sck=Pin(14), mosi=Pin(13), miso=Pin(12)))
print(SoftSPI(baudrate=300000, sck=Pin(14), mosi=Pin(13), miso=Pin(12)))
print(s.read(3, 0xA5))
buf = bytearray(4)
s.readinto(buf, 0x3C)
print(buf)
s.write(b"\x01\x02")
out = bytearray(4)
s.write_readinto(b"spi!", out)
print(out)
s.write_readinto(out, out)
print(out)
for polarity in (0, 1):
    for phase in (0, 1):
        s.init(polarity=polarity, phase=phase)
        print(polarity, phase, s.read(2, 0x81), simboard.pin(14))
s.init(firstbit=SoftSPI.LSB, polarity=0, phase=0)
print(s.read(1, 0x01), SoftSPI.MSB, SoftSPI.LSB)
s.deinit()

# SPI(1), the hardware HSPI: SCK 14, MOSI 13, MISO 12.
h = SPI(1)
print(h)
print(SPI(1, baudrate=10000000, polarity=1, phase=1))
print(SPI(1, 40000000))
print(SPI(1, 3000000))
h = SPI(1, baudrate=1000000)
print(h.read(2, 0x42))
out = bytearray(3)
h.write_readinto(b"abc", out)
print(out)
h.init(polarity=1)
print(h, simboard.pin(14))

# Errors.
for f in (lambda: SoftSPI(sck=Pin(14), mosi=Pin(13)), lambda: SoftSPI(sck=14, mosi=Pin(13), miso=Pin(12)),
          lambda: SPI(0), lambda: SPI(2), lambda: SPI(1, 50000000), lambda: SPI(1, 0),
          lambda: s.write_readinto(b"ab", bytearray(3)), lambda: s.init(firstbit=3),
          lambda: SoftSPI(1, 2, sck=Pin(14), mosi=Pin(13), miso=Pin(12)), lambda: s.write(5)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
simboard.wire(12, 12)
