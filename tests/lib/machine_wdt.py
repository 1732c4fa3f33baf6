# machine.WDT left unfed resets the board 5 s later: on the simulated board,
# which cannot restart itself, that is SystemExit, with the cause recorded.
import machine
import time

# The port's watchdog has one id and one timeout.
for f in (lambda: machine.WDT(1), lambda: machine.WDT(timeout=1000), lambda: machine.WDT(0, 5000, 3),
          lambda: machine.WDT(id=-1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

w = machine.WDT()
start = time.ticks_ms()
try:
    while True:
        time.sleep_ms(100)
except SystemExit:
    print("reset after", round(time.ticks_diff(time.ticks_ms(), start) / 1000), "s")
print(machine.reset_cause() == machine.WDT_RESET)
