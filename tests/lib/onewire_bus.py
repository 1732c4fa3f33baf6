# The 1-wire bus: _onewire's time slots and the frozen onewire.OneWire on
# the simulated board, where DS18x20 thermometers see only the bus's level
# and the board's time (virtual while the slots run with interrupts off, so
# every run sees the same timings). simboard.onewire_log(pin) gives the
# slots as the bus carried them: P a reset answered by a presence pulse, R
# one nobody answered, 0 and 1 the bits, least significant first.
import _onewire
import onewire
import simboard
from machine import Pin


def log_bytes(log):
    # The whole bytes after the resets of a bus record.
    bits = log.replace("P", "").replace("R", "")
    return bytes(int(bits[i:i + 8][::-1], 2) for i in range(0, len(bits) - 7, 8))


# CRC-8: Maxim's example ROM (application note 27), 0 over data and CRC.
rom = b"\x02\x1c\xb8\x01\x00\x00\x00\xa2"
print(hex(_onewire.crc8(rom[:7])), _onewire.crc8(rom), _onewire.crc8(b""), _onewire.crc8(bytearray(b"\x01")))
print(hex(_onewire.crc8(b"123456789")))  # the CRC-8/MAXIM check value
for bad in (None, 5):
    try:
        _onewire.crc8(bad)
    except TypeError as e:
        print("TypeError:", e)

# No device: no presence pulse (the chip's pull-up keeps the bus high).
simboard.reset()
ow = onewire.OneWire(Pin(4))
print(simboard.state(4))
print(ow.reset(), _onewire.reset(Pin(4)))
try:
    ow.reset(True)
except onewire.OneWireError as e:
    print("OneWireError", repr(e))
print(ow.readbit(), ow.readbyte(), ow.scan())

# One DS18B20: a presence pulse, and what the master writes is on the bus.
simboard.onewire_device(4, b"\x28\xaa\x55\x00\x11\x22\x33")
print(ow.reset(), ow.reset(True))
print(simboard.onewire_log(4))
ow.reset()
ow.writebyte(0xCC)
ow.writebit(1)
ow.writebit(0)
print(simboard.onewire_log(4))
ow.reset()
ow.write(b"\x55\x28\x81")
ow.write(bytearray([0, 255]))
log = simboard.onewire_log(4)
print(log, log_bytes(log))

# READ ROM (0x33): the device sends its 8 bytes; read slots are on the log
# too, a 0 being the device holding the bus low.
ow.reset()
ow.writebyte(0x33)
buf = bytearray(8)
ow.readinto(buf)
print(buf, hex(ow.crc8(buf[:7])), ow.crc8(buf))
log = simboard.onewire_log(4)
print(log)
print(log_bytes(log))
ow.reset()
ow.writebyte(0x33)
print([ow.readbit() for i in range(8)], hex(ow.readbyte()))
print(_onewire.reset(Pin(4)), _onewire.writebyte(Pin(4), 0x33), hex(_onewire.readbyte(Pin(4))))
print(_onewire.writebit(Pin(4), 1), _onewire.readbit(Pin(4)))
# After the bytes a device has to send, the bus stays high: 1s.
ow.reset()
ow.writebyte(0x33)
ow.readinto(bytearray(8))
print(ow.readbyte(), ow.readbit())

# scan(): the search algorithm, with ROMs that branch at several bits.
simboard.reset()
roms = [b"\x28\x01\x00\x00\x00\x00\x00", b"\x28\x03\x00\x00\x00\x00\x80", b"\x10\x01\x80\x00\x00\x00\x00"]
for r in roms:
    simboard.onewire_device(4, r)
found = ow.scan()
print(len(found), [bytes(r).hex() for r in found])
print(all(ow.crc8(r) == 0 for r in found), sorted(bytes(r[:7]) for r in found) == sorted(roms))
# select_rom (MATCH ROM): only that device answers READ SCRATCHPAD.
ow.select_rom(found[1])
ow.writebyte(0xBE)
print(bytes([ow.readbyte() for i in range(9)]).hex())
ow.reset()
ow.writebyte(ow.MATCH_ROM)
ow.write(b"\x28\x02\x00\x00\x00\x00\x00\x00")  # nobody's ROM
ow.writebyte(0xBE)
print(ow.readbyte(), ow.readbyte())
print(ow.SEARCH_ROM, ow.MATCH_ROM, ow.SKIP_ROM)

# Eight devices on one bus.
simboard.reset()
for i in range(8):
    simboard.onewire_device(5, bytes([0x28, i * 37 & 0xFF, i, 0, 0, 0, 0]))
print(sorted(bytes(r).hex() for r in onewire.OneWire(Pin(5)).scan()))
try:
    simboard.onewire_device(5, b"\x28\x99\x00\x00\x00\x00\x00")
except ValueError as e:
    print("ValueError:", e)

# Wrong pins and arguments.
for f in (lambda: _onewire.reset(4), lambda: _onewire.readbyte("4"), lambda: _onewire.writebit(None, 1),
          lambda: Pin(20), lambda: Pin(7)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
try:
    onewire.OneWire(4)
except AttributeError as e:
    print("AttributeError")
try:
    _onewire.writebyte(Pin(4), "x")
except TypeError as e:
    print("TypeError")
for f in (lambda: simboard.onewire_device(4, b"\x28\x01"), lambda: simboard.onewire_device(4, b"\x55\x01\x02\x03\x04\x05\x06"),
          lambda: simboard.onewire_device(17, b"\x28\x01\x02\x03\x04\x05\x06")):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
simboard.reset()
