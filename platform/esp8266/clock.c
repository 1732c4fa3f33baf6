// SPDX-License-Identifier: MIT
// Time on the ESP8266: the CPU clock (80 or 160 MHz; see ESP8266_CLOCK_MHZ
// in regs.h), microsecond ticks from the CCOUNT cycle counter, and the
// watchdog.
//
// CCOUNT counts CPU cycles and wraps every 53.7 s at 80 MHz (26.8 s at 160).
// The clock keeps a 64-bit count of microseconds, brought up to date at
// every reading and by a CCOMPARE0 interrupt every 100 ms, so no wrap is
// missed however long Python code runs without asking the time. Cycles not
// yet making a whole microsecond are carried over, so the count neither
// drifts nor jumps when the CPU frequency changes: the cycles before the
// change are converted at the old rate.
//
// The same CCOMPARE0 interrupt is the board's alarm (hal_alarm_start, for
// machine.Timer): when the alarm is nearer than the next tick, the compare
// register is set for it instead, and the interrupt calls board_alarm().
//
// The watchdog: whether the boot ROM leaves the hardware watchdog running,
// and its timeout, are not verified (spec section 19). main.c turns it off
// with the ROM's ets_wdt_disable(), and the 100 ms tick feeds it too, so
// that the firmware keeps running whichever of the two is true. A machine.WDT
// for users comes with the board layer.
#include "chip.h"
#include "hal.h"
#include "regs.h"
#include "rom.h"

#define TICK_US 100000u                 // the clock interrupt's period

static struct {
    uint64_t us;                        // microseconds up to `last`
    uint32_t last;                      // CCOUNT at the last update
    uint32_t carry;                     // cycles not yet a whole microsecond
    uint32_t mhz;                       // CPU cycles per microsecond
    bool alarm_on;
    uint64_t alarm_us;                  // when the alarm goes off
} clock;

// With interrupts masked, or in the clock interrupt. CCOUNT must not have
// gone round since the last call: the tick sees to that.
IRAM_CODE static uint64_t update(void) {
    uint32_t now = xt_ccount();
    uint32_t cycles = now - clock.last + clock.carry;
    clock.last = now;
    clock.us += cycles / clock.mhz;
    clock.carry = cycles % clock.mhz;
    return clock.us;
}

// With the clock just updated: the next tick, or the alarm if it is nearer
// (at least 20 us ahead, so that CCOUNT has not passed it when it is set).
IRAM_CODE static void arm_tick(void) {
    uint32_t us = TICK_US;
    if (clock.alarm_on) {
        uint64_t left = clock.alarm_us > clock.us ? clock.alarm_us - clock.us : 0;
        us = left < 20 ? 20 : left < TICK_US ? (uint32_t)left : TICK_US;
    }
    xt_set_ccompare0(xt_ccount() + clock.mhz * us);
}

IRAM_CODE void clock_isr(void) {
    update();
    if (clock.alarm_on && clock.us >= clock.alarm_us) {
        clock.alarm_on = false;
        board_alarm();                  // from flash: the cache is on while interrupts are
        update();
    }
    arm_tick();                         // writing CCOMPARE0 also clears the interrupt
    chip_wdt_feed();
}

void clock_alarm_start(uint32_t us) {
    uint32_t ps = irq_disable();
    update();
    clock.alarm_us = clock.us + us;
    clock.alarm_on = true;
    arm_tick();
    irq_restore(ps);
}

void clock_alarm_stop(void) {
    uint32_t ps = irq_disable();
    clock.alarm_on = false;
    irq_restore(ps);
}

void clock_init(void) {
    // A soft restart keeps the frequency the user chose.
    clock.mhz = (DPORT_CPU_CLOCK & 1u) ? 2 * ESP8266_CLOCK_MHZ : ESP8266_CLOCK_MHZ;
    ets_update_cpu_frequency(clock.mhz);
    clock.last = xt_ccount();
    uint32_t ps = irq_disable();
    arm_tick();
    xt_set_intenable(xt_intenable() | 1u << INUM_TIMER);
    irq_restore(ps);
}

uint32_t chip_cpu_freq_mhz(void) {
    return clock.mhz;
}

bool chip_set_cpu_freq_mhz(uint32_t mhz) {
    if (mhz != 80 && mhz != 160) {
        return false;
    }
    uint32_t ps = irq_disable();
    update();
    if (mhz == 160) {
        DPORT_CPU_CLOCK |= 1u;
    } else {
        DPORT_CPU_CLOCK &= ~1u;
    }
    clock.mhz = mhz == 160 ? 2 * ESP8266_CLOCK_MHZ : ESP8266_CLOCK_MHZ;
    ets_update_cpu_frequency(clock.mhz);
    clock.carry = 0;
    arm_tick();
    irq_restore(ps);
    return true;
}

uint64_t chip_ticks_us64(void) {
    uint32_t ps = irq_disable();
    uint64_t us = update();
    irq_restore(ps);
    return us;
}

uint32_t chip_ticks_cpu(void) {
    return xt_ccount();
}

IRAM_CODE void chip_wdt_feed(void) {
    WDT_FEED = WDT_FEED_MAGIC;
}
