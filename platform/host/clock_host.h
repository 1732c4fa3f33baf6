// SPDX-License-Identifier: MIT
// The simulated board's RTC (hal_clock.c): the chip's overflowing counter,
// running faster than real time if asked.
#ifndef ESPY_CLOCK_HOST_H
#define ESPY_CLOCK_HOST_H

#include <stdbool.h>
#include <stdint.h>

// From now on hal_clock_us is the chip's RTC, counting `speed` times faster
// than real time, starting at the host's time of day.
void clock_host_simulate_rtc(double speed);
double clock_host_speed(void);
// The board's time since its counter last started, in its (sped-up) microseconds.
uint64_t clock_host_board_us(void);
// The counter starts again from 0 (a deep sleep's wake), the wall time
// then being wall_us.
void clock_host_counter_restart(int64_t wall_us);
// How long the counter takes to overflow.
uint64_t clock_host_rtc_period_us(void);

#endif
