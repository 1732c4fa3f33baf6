# machine.WDT left unfed resets the board 5 s later: on the simulated board,
# which cannot restart itself, that is SystemExit, with the cause recorded.
import machine
import time

w = machine.WDT()
start = time.ticks_ms()
try:
    while True:
        time.sleep_ms(100)
except SystemExit:
    print("reset after", round(time.ticks_diff(time.ticks_ms(), start) / 1000), "s")
print(machine.reset_cause() == machine.WDT_RESET)
