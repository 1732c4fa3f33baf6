// SPDX-License-Identifier: MIT
// Software PWM on the FRC1 timer (hal_pwm_config), as MicroPython's port
// does it: one period for every channel; at its start the pins with a duty
// go high, and each goes low at its duty's share of the period (duty/1024).
//
// A configuration is compiled into a plan: the times in the period (FRC1
// ticks of 0.2 us, the /16 prescaler) at which pins go low, sorted, with
// those closer than MIN_GAP merged. The interrupt walks the plan, loading
// FRC1 with the time to the next step; a new plan is taken at the start of
// a period, so a change never makes a glitch. A duty whose fall would come
// within MIN_GAP of the period's end stays high (1023 of 1024 is full on).
//
// Not verified on hardware (spec section 14, tags V/C): that writing
// FRC1_LOAD restarts the count when auto-reload is off, as the SDK's
// hw_timer does, and FRC1's interrupt on the edge-interrupt bit of DPORT.
#include "chip.h"
#include "hal.h"
#include "regs.h"

#define TICKS_PER_SECOND 5000000u        // 80 MHz APB / 16
#define MIN_GAP 50u                      // 10 us: the interrupt's own time
#define STEPS_MAX 8                      // the port's 8 PWM pins

typedef struct {
    uint32_t set_mask;                   // the pins that go high at the start
    uint32_t period;                     // ticks
    uint8_t steps;                       // falls in the period
    uint32_t at[STEPS_MAX];
    uint32_t clear_mask[STEPS_MAX];
} plan_t;

static plan_t plans[2];
static volatile uint8_t current;         // the plan the interrupt walks
static volatile bool new_plan;           // plans[!current] waits for a period's start
static uint8_t step;                     // 0: the period's start; k: the k-th fall
static bool running;

IRAM_CODE void pwm_isr(void) {
    FRC1_INT = 1;
    uint32_t wait;
    do {
        if (step == 0 && new_plan) {
            GPIO_OUT_W1TC = plans[current].set_mask & ~plans[!current].set_mask;   // pins that left
            current ^= 1;
            new_plan = false;
        }
        const plan_t *p = &plans[current];
        uint32_t now;
        if (step == 0) {
            GPIO_OUT_W1TS = p->set_mask;
            now = 0;
        } else {
            GPIO_OUT_W1TC = p->clear_mask[step - 1];
            now = p->at[step - 1];
        }
        if (step < p->steps) {
            wait = p->at[step] - now;
            step++;
        } else {
            wait = p->period - now;
            step = 0;
        }
    } while (wait < MIN_GAP && step != 0);
    FRC1_LOAD = wait < MIN_GAP ? MIN_GAP : wait;
}

static void make_plan(plan_t *p, uint32_t freq, const int16_t duty[HAL_PIN_COUNT]) {
    p->period = TICKS_PER_SECOND / freq;
    p->set_mask = 0;
    p->steps = 0;
    for (unsigned pin = 0; pin < 16; pin++) {
        if (duty[pin] <= 0) {
            continue;
        }
        uint32_t at = (uint32_t)((uint64_t)p->period * (uint32_t)duty[pin] / 1024u);
        p->set_mask |= 1u << pin;
        if (at + MIN_GAP > p->period) {
            continue;                    // high all the period
        }
        if (at < MIN_GAP) {
            at = MIN_GAP;
        }
        // Into the sorted list, merged with a fall close to it.
        unsigned i = 0;
        while (i < p->steps && p->at[i] + MIN_GAP <= at) {
            i++;
        }
        if (i < p->steps && p->at[i] < at + MIN_GAP) {
            p->clear_mask[i] |= 1u << pin;
            continue;
        }
        if (p->steps == STEPS_MAX) {
            continue;                    // only board/'s 8 PWM pins come here
        }
        for (unsigned j = p->steps; j > i; j--) {
            p->at[j] = p->at[j - 1];
            p->clear_mask[j] = p->clear_mask[j - 1];
        }
        p->at[i] = at;
        p->clear_mask[i] = 1u << pin;
        p->steps++;
    }
}

int hal_pwm_config(uint32_t freq, const int16_t duty[HAL_PIN_COUNT]) {
    bool any = false;
    for (unsigned pin = 0; pin < HAL_PIN_COUNT; pin++) {
        if (duty[pin] >= 0) {
            any = true;
            if (duty[pin] == 0) {
                chip_gpio_write(pin, 0);
            }
        }
    }
    uint32_t ps = irq_disable();
    if (!running) {
        make_plan(&plans[current], freq == 0 ? 1 : freq, duty);
        new_plan = false;
    } else {
        make_plan(&plans[!current], freq == 0 ? 1 : freq, duty);
        new_plan = true;
    }
    if (any && !running) {
        step = 0;
        FRC1_CTRL = FRC1_CTRL_DIV16 | FRC1_CTRL_ENABLE;   // edge interrupt, no auto-reload
        DPORT_EDGE_INT_ENABLE |= DPORT_EDGE_INT_FRC1;
        FRC1_LOAD = MIN_GAP;
        xt_set_intenable(xt_intenable() | 1u << INUM_FRC1);
        running = true;
    } else if (!any && running) {
        xt_set_intenable(xt_intenable() & ~(1u << INUM_FRC1));
        FRC1_CTRL = 0;
        GPIO_OUT_W1TC = plans[current].set_mask;
        running = false;
    }
    irq_restore(ps);
    return 0;
}
