# machine's other classes and functions on the simulated board: ADC, PWM,
# UART, resets, time_pulse_us, bitstream, interrupts off and on.
import machine
import simboard
import time
from machine import ADC, PWM, UART, Pin

simboard.reset()
print(machine.PWRON_RESET, machine.WDT_RESET, machine.SOFT_RESET, machine.DEEPSLEEP_RESET,
      machine.HARD_RESET, machine.DEEPSLEEP)
print(machine.reset_cause(), len(machine.unique_id()), type(machine.unique_id()))
print(machine.freq())
machine.freq(160000000)
print(machine.freq())
machine.freq(80000000)
try:
    machine.freq(100000000)
except ValueError as e:
    print("ValueError:", e)

# ADC(0): the TOUT pin, 0..1024.
a = ADC(0)
print(a, ADC(1), ADC(0) is a)
for v in (0, 512, 1024):
    simboard.adc(0, v)
    print(a.read(), a.read_u16())
try:
    ADC(2)
except ValueError as e:
    print("ValueError:", e)

# PWM: one frequency for all (1..1000 Hz), duty 0..1023, both clamped.
p = PWM(Pin(2), freq=500, duty=512)
print(p, simboard.pwm(2))
q = PWM(Pin(4))
print(q, simboard.pwm(4))
q.duty(2000)
print(q.duty(), simboard.pwm(4))
p.freq(2000)
print(p.freq(), q.freq(), simboard.pwm(4))
p.freq(0)
print(p.freq())
p.freq(1000)
p.duty_u16(32768)
print(p.duty(), p.duty_u16(), p.duty_ns())
p.duty_ns(250000)
print(p.duty())
p.init(duty=-5)
print(p.duty())
p.deinit()
print(p, simboard.pwm(2), simboard.pwm(4))
p.duty(100)
print(p)
p.deinit()
q.deinit()
for f in (lambda: PWM(Pin(1)), lambda: PWM(Pin(16)), lambda: PWM(2), lambda: PWM()):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# UART(1) only transmits; UART(0)'s input is the REPL's.
u = UART(1, 115200)
print(u)
print(u.write(b"AT\r\n"), u.write("text"))
print(simboard.uart1())
print(u.txdone())
try:
    u.read()
except OSError as e:
    print("OSError:", e)
print(UART(0).read(), UART(0).any())
u.init(9600, bits=7, parity=0, stop=2)
print(u)
print(UART(1, parity=1, timeout=10, timeout_char=50))
print(UART(0, tx=Pin(1), rx=Pin(3), rxbuf=64))
for f in (lambda: UART(2), lambda: UART(1, bits=9), lambda: UART(1, stop=3),
          lambda: UART(0, tx=Pin(2), rx=Pin(3)), lambda: UART(0, tx=Pin(1))):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)

# time_pulse_us: -2 when the level never comes, -1 when it does not end.
pin = Pin(12, Pin.IN)
simboard.pin(12, 0)
print(machine.time_pulse_us(pin, 1, 2000))
simboard.pin(12, 1)
print(machine.time_pulse_us(pin, 1, 2000))
simboard.pin(12, 0)
simboard.pin(12, 1, 10000)
simboard.pin(12, 0, 60000)
us = machine.time_pulse_us(pin, 1, 500000)
print(20000 <= us <= 90000)

# bitstream: the bytes go out on the pin (the simulation keeps them).
np = Pin(4, Pin.OUT)
machine.bitstream(np, 0, (400, 850, 800, 450), b"\x10\x20\x30")
print(simboard.bitstream(4), np())
for f in (lambda: machine.bitstream(np, 1, (1, 2, 3, 4), b""), lambda: machine.bitstream(np, 0, (1, 2), b""),
          lambda: machine.bitstream(4, 0, (1, 2, 3, 4), b"")):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)

# Interrupts off: an edge waits until they are on again.
events = []
pin.irq(lambda p: events.append(1), Pin.IRQ_RISING)
state = machine.disable_irq()
machine.enable_irq(state)
simboard.pin(12, 1)
machine.idle()
print(events)
pin.irq(None)

# lightsleep waits; reset and deepsleep end the program on the host.
start = time.ticks_ms()
machine.lightsleep(30)
print(time.ticks_diff(time.ticks_ms(), start) >= 29)
try:
    machine.soft_reset()
except SystemExit:
    print("SystemExit", machine.reset_cause())
try:
    machine.reset()
except SystemExit:
    print("SystemExit", machine.reset_cause())
start = time.ticks_ms()
try:
    machine.deepsleep(50)
except SystemExit:
    print("SystemExit", machine.reset_cause(), time.ticks_diff(time.ticks_ms(), start) >= 49)
