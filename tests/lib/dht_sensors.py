# The frozen dht driver against simulated DHT11 and DHT22 sensors: the
# start signal (18 ms low), then the sensor's 80 us low, 80 us high and 40
# bits timed by dht_readinto with interrupts off (in the simulated board's
# virtual time, so every run reads the same). A sensor that does not
# answer is OSError(ETIMEDOUT); a reading with a wrong checksum is the
# driver's Exception("checksum error").
import errno
import dht
import esp
import machine
import simboard
from machine import Pin

simboard.reset()
d22 = simboard.dht_device(5, 22)
d11 = simboard.dht_device(4, 11)
a = dht.DHT22(Pin(5))
b = dht.DHT11(Pin(4))


def show(sensor):
    sensor.measure()
    print(round(sensor.humidity(), 1), round(sensor.temperature(), 1), bytes(sensor.buf).hex())


show(a)
show(b)
print(simboard.state(5))

# DHT22: tenths, negative temperatures with the sign bit.
for h, t in ((65.2, 23.4), (0, -12.3), (100, -40), (99.96, 80.0), (12.34, -0.1), (150, 100), (-5, -60)):
    simboard.sensor(d22, humidity=h, temperature=t)
    show(a)
# DHT11: whole numbers, 0..50 C.
for h, t in ((41, 23.4), (20.6, 0), (95, 50), (30, -7), (30, 61)):
    simboard.sensor(d11, humidity=h, temperature=t)
    show(b)

# dht_readinto itself, in machine and in esp.
buf = bytearray(6)
machine.dht_readinto(Pin(5), buf)
print(buf, esp.dht_readinto is machine.dht_readinto)
for args in ((Pin(5), bytearray(4)), (5, bytearray(5)), (Pin(5), None), (Pin(5), b"12345")):
    try:
        machine.dht_readinto(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# A corrupted reading: the checksum no longer matches.
simboard.sensor(d22, corrupt=True)
try:
    a.measure()
except Exception as e:
    print(repr(e), (sum(a.buf[:4]) & 0xFF) != a.buf[4])
show(a)

# No answer: a silent sensor, a pin without a sensor.
simboard.sensor(d11, silent=True)
for sensor in (b, dht.DHT22(Pin(13)), dht.DHT11(Pin(16))):
    try:
        sensor.measure()
    except OSError as e:
        print("OSError", e.errno == errno.ETIMEDOUT)
simboard.sensor(d11, silent=False)
show(b)

# One sensor per pin; a pin with thermometers takes no DHT.
for f in (lambda: simboard.dht_device(5, 11), lambda: simboard.dht_device(2, 12),
          lambda: simboard.sensor(d22 + 5, humidity=1)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
simboard.onewire_device(14, b"\x28\x01\x02\x03\x04\x05\x06")
try:
    simboard.dht_device(14, 22)
except ValueError as e:
    print("ValueError:", e)
try:
    simboard.onewire_device(5, b"\x28\x01\x02\x03\x04\x05\x06")
except ValueError as e:
    print("ValueError:", e)
simboard.reset()
