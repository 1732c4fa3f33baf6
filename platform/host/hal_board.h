// SPDX-License-Identifier: MIT
// Inside the host's simulated board (hal_board.c): the I2C devices on its
// pins (sim_i2c.c). All of it runs with hal_irq_disable() held.
#ifndef ESPY_HOST_HAL_BOARD_H
#define ESPY_HOST_HAL_BOARD_H

#include <stdbool.h>
#include <stdint.h>

// A reset of the chip (machine.reset, the watchdog, waking from deep
// sleep): its pins back to inputs without interrupts, PWM and the alarm
// off, interrupts on. What the world does to the pins stays.
void hal_sim_chip_reset(void);

// A level applied from another thread (board_io.c): as simboard.pin(), and
// the Python thread is woken when an interrupt's callback is queued.
void sim_apply_from_outside(unsigned pin, int level);
// on_level(pin, level) is called, with the lock held, whenever a pin's level
// changes; NULL stops it.
void sim_watch_levels(void (*on_level)(unsigned pin, int level));

// The level a pin shows, as last worked out.
int sim_level_of(unsigned pin);

// A 256-byte memory (a 24C02 EEPROM) at addr on the scl and sda pins;
// false when the bus is full. Its bus has pull-up resistors.
bool sim_i2c_attach(unsigned scl, unsigned sda, unsigned addr);
void sim_i2c_detach_all(void);
uint8_t *sim_i2c_memory(unsigned addr);
bool sim_i2c_on_pin(unsigned pin);          // a device's bus has this pin
bool sim_i2c_pulls_low(unsigned pin);       // a device holds this pin low
// Shows each device its bus's levels (level_of gives them); true when a
// device changed what it drives.
bool sim_i2c_bus_changed(int (*level_of)(unsigned pin));

#endif
