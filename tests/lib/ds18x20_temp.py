# The frozen ds18x20 driver against simulated thermometers on one bus: a
# DS18B20 (family 0x28), a DS1822 (0x22) and a DS18S20 (0x10, half
# degrees refined by COUNT_REMAIN). A conversion takes 750 ms at 12 bits
# (93.75 ms at 9); until it ends the scratchpad keeps the old temperature,
# 85 C at power-up.
import time
import ds18x20
import onewire
import simboard
from machine import Pin

simboard.reset()
b20 = simboard.onewire_device(12, b"\x28\x10\x20\x30\x40\x50\x60")
s20 = simboard.onewire_device(12, b"\x10\x11\x21\x31\x41\x51\x61")
d22 = simboard.onewire_device(12, b"\x22\x12\x22\x32\x42\x52\x62")
ds = ds18x20.DS18X20(onewire.OneWire(Pin(12)))
roms = ds.scan()
print([bytes(r).hex() for r in roms])
by_family = {r[0]: r for r in roms}
order = (0x28, 0x22, 0x10)


def temps():
    return [ds.read_temp(by_family[f]) for f in order]


print(temps())
print(bytes(ds.read_scratch(by_family[0x28])).hex(), bytes(ds.read_scratch(by_family[0x10])).hex())


def convert(wait=750):
    ds.convert_temp()
    time.sleep_ms(wait)
    return temps()


# Positive, negative, and halves.
simboard.sensor(b20, temperature=21.5)
simboard.sensor(d22, temperature=-10.125)
simboard.sensor(s20, temperature=-10.5)
print(convert())
simboard.sensor(b20, temperature=-0.0625)
simboard.sensor(d22, temperature=125)
simboard.sensor(s20, temperature=25.75)
print(convert())
simboard.sensor(b20, temperature=-55)
simboard.sensor(d22, temperature=0.5)
simboard.sensor(s20, temperature=0.5)
print(convert())
simboard.sensor(b20, temperature=-200)  # clamped to the range, -55..125
simboard.sensor(d22, temperature=85.03)  # 1/16 degree
simboard.sensor(s20, temperature=-0.25)
print(convert())
print(bytes(ds.read_scratch(by_family[0x28])).hex(), bytes(ds.read_scratch(by_family[0x10])).hex())

# Until the conversion ends the old value stays; read slots give 0 meanwhile.
simboard.sensor(b20, temperature=30)
ds.convert_temp()
print(ds.ow.readbit(), ds.read_temp(by_family[0x28]))
time.sleep_ms(760)
ds.ow.reset()
ds.ow.writebyte(0xCC)
ds.ow.writebyte(0x44)
print(ds.ow.readbit(), ds.read_temp(by_family[0x28]))
time.sleep_ms(760)
print(ds.read_temp(by_family[0x28]))

# write_scratch: TH, TL and the DS18B20's configuration (9 bits: 0.5 degree,
# 93.75 ms); the DS18S20 takes TH and TL only.
ds.write_scratch(by_family[0x28], b"\x19\xf6\x1f")
ds.write_scratch(by_family[0x10], b"\x7d\xc9\x1f")
print(bytes(ds.read_scratch(by_family[0x28])[2:5]).hex(), bytes(ds.read_scratch(by_family[0x10])[2:5]).hex())
simboard.sensor(b20, temperature=23.8)
print(convert(100)[0])
# COPY SCRATCHPAD keeps TH, TL and the configuration; RECALL E2 brings them back.
ow = ds.ow
ow.select_rom(by_family[0x28])
ow.writebyte(0x48)
ds.write_scratch(by_family[0x28], b"\x00\x00\x7f")
print(bytes(ds.read_scratch(by_family[0x28])[2:5]).hex())
ow.select_rom(by_family[0x28])
ow.writebyte(0xB8)
print(bytes(ds.read_scratch(by_family[0x28])[2:5]).hex())
# ALARM SEARCH (0xEC): the devices whose temperature is at or past TH or TL.
simboard.sensor(b20, temperature=30)  # TH 25: alarm
simboard.sensor(d22, temperature=20)  # TH 75, TL 70: alarm (<= TL)
simboard.sensor(s20, temperature=0)  # TH 125, TL -55: none
convert()
ow.SEARCH_ROM = 0xEC
print(sorted(bytes(r).hex() for r in ow.scan()))
ow.SEARCH_ROM = 0xF0
ow.reset()
ow.writebyte(ow.SKIP_ROM)
ow.writebyte(0xB4)  # READ POWER SUPPLY: 1, external power
print(ow.readbit())

# A corrupted scratchpad: the driver's CRC check.
simboard.sensor(s20, corrupt=True)
try:
    ds.read_temp(by_family[0x10])
except Exception as e:
    print(repr(e), ow.crc8(ds.buf))
print(ds.read_temp(by_family[0x10]))

# A device that stops answering: no presence pulse, reset(True) raises.
simboard.reset()
n = simboard.onewire_device(12, b"\x28\x10\x20\x30\x40\x50\x60")
print(ds.scan() == [roms[[r[0] for r in roms].index(0x28)]])
simboard.sensor(n, silent=True)
print(ow.reset(), ds.scan())
try:
    ds.convert_temp()
except onewire.OneWireError:
    print("OneWireError")
simboard.sensor(n, silent=False)
print(len(ds.scan()))
for kw in ({"humidity": 50}, {"temperature": "hot"}):
    try:
        simboard.sensor(n, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    simboard.sensor(9, temperature=1)
except ValueError as e:
    print("ValueError:", e)
simboard.reset()
