# machine.Pin and machine.Signal on the simulated board: outputs seen by
# simboard, inputs applied by it, interrupts on edges, and the errors.
import machine
import simboard
import time
from machine import Pin, Signal

simboard.reset()
print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.IRQ_RISING, Pin.IRQ_FALLING)

# Pins exist once; a pin without a mode is returned as it is.
p = Pin(2)
print(p, Pin(2) is p, repr(Pin(16)))

# Output: the chip drives the level; value() reads the pad.
p = Pin(2, Pin.OUT, value=1)
print(p.value(), simboard.pin(2), simboard.state(2))
p.off()
print(p.value(), simboard.pin(2))
p.on()
print(p(), simboard.pin(2))
p(0)
print(p(), simboard.pin(2))
p.value(True)
print(p.value())
p.toggle()
print(p.value())
p.init(Pin.OUT, value=0)
print(p.value())

# Input: what is applied from outside; floating reads 0; the pull-up 1.
i = Pin(4, Pin.IN)
print(i.value(), simboard.state(4))
simboard.pin(4, 1)
print(i.value())
simboard.pin(4, 0)
print(i.value())
simboard.pin(4, None)
print(i.value())
u = Pin(5, Pin.IN, Pin.PULL_UP)
print(u.value(), simboard.state(5))
simboard.pin(5, 0)
print(u.value())
simboard.pin(5, None)
u.init(Pin.IN, pull=None)
print(u.value())

# Open drain: 0 pulls low, 1 lets go (the pull-up, or the outside, decides).
od = Pin(12, Pin.OPEN_DRAIN, Pin.PULL_UP)
od(0)
print(od(), simboard.state(12))
od(1)
print(od(), simboard.state(12))
simboard.pin(12, 0)
print(od())
simboard.pin(12, None)

# GPIO16: in and out, no pull, no interrupt.
g = Pin(16, Pin.OUT)
g(1)
print(g(), simboard.pin(16))
for args in ((16, Pin.IN, Pin.PULL_UP),):
    try:
        Pin(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    Pin(16).irq(handler=print)
except OSError as e:
    print("OSError:", e)

# Bad pins and modes.
for n in (-1, 6, 9, 11, 17, 100):
    try:
        Pin(n)
    except ValueError as e:
        print("ValueError:", e)
for args, kw in (((2, 7), {}), ((2, Pin.IN, 2), {}), ((2,), {"value": 1}), ((2, Pin.IN, None, 1), {})):
    try:
        Pin(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    Pin("2")
except TypeError as e:
    print("TypeError")

# Interrupts: the handler is scheduled with the pin, for the edges asked.
events = []
i = Pin(13, Pin.IN)
irq = i.irq(lambda pin: events.append((pin, pin.value())), Pin.IRQ_RISING)
print(irq.trigger() == Pin.IRQ_RISING)
simboard.pin(13, 1)
simboard.pin(13, 0)
simboard.pin(13, 1)
machine.idle()
print(events)
events.clear()
old = irq.trigger(Pin.IRQ_FALLING)
print(old, irq.trigger())
simboard.pin(13, 0)
simboard.pin(13, 1)
time.sleep_ms(1)
print(events)
events.clear()
i.irq(lambda pin: events.append("both"))
simboard.pin(13, 0)
simboard.pin(13, 1)
time.sleep_ms(1)
print(events)
events.clear()
irq()                                   # calls the handler as an interrupt would
print(events)
events.clear()
i.irq(None)
simboard.pin(13, 0)
time.sleep_ms(1)
print(events, i.irq().trigger())
try:
    i.irq(print, hard=True)
except ValueError as e:
    print("ValueError:", e)

# An output's own edges reach its interrupt, as the pad's level does.
events.clear()
o = Pin(14, Pin.OUT, value=0)
o.irq(lambda pin: events.append("out"), Pin.IRQ_RISING)
o(1)
o(0)
time.sleep_ms(1)
print(events)
o.irq(None)

# An interrupt during a sleep runs at once.
events = []
w = Pin(0, Pin.IN)
simboard.pin(0, 0)
w.irq(lambda pin: events.append(time.ticks_ms()), Pin.IRQ_RISING)
start = time.ticks_ms()
simboard.pin(0, 1, 20000)
time.sleep_ms(300)
print(len(events), time.ticks_diff(events[0], start) < 200)
w.irq(None)

# A wire: pin 15 reads what pin 2 drives.
simboard.wire(2, 15)
r = Pin(15, Pin.IN)
Pin(2).on()
print(r())
Pin(2).off()
print(r())
simboard.wire(15, 15)

# Signal: the same pin, with the logic inverted if asked.
s = Signal(Pin(2, Pin.OUT), invert=True)
s.on()
print(s.value(), Pin(2).value())
s.off()
print(s(), Pin(2)())
s(1)
print(Pin(2)())
s2 = Signal(2, Pin.OUT)
s2.value(1)
print(s2.value(), Pin(2).value())
s3 = Signal(4, Pin.IN, invert=True)
simboard.pin(4, 0)
print(s3.value())
