// SPDX-License-Identifier: MIT
// Inside the host's simulated board (hal_board.c): the devices on its pins
// (sim_i2c.c, sim_onewire.c, sim_dht.c), and its clock for hal_host.c's
// ticks. The devices' functions run with the board's lock held.
#ifndef ESPY_HOST_HAL_BOARD_H
#define ESPY_HOST_HAL_BOARD_H

#include <stdbool.h>
#include <stddef.h>
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

// The board's microsecond clock (hal_ticks_us): the host's monotonic clock,
// but virtual while this thread has interrupts off, where each reading
// costs the chip a microsecond (hal_board.c says why).
uint64_t sim_ticks_us(void);
// With interrupts off, hal_delay_ms's wait moves the virtual clock on too.
void sim_delay_ms(uint32_t ms);

// A 256-byte memory (a 24C02 EEPROM) at addr on the scl and sda pins;
// false when the bus is full. Its bus has pull-up resistors.
bool sim_i2c_attach(unsigned scl, unsigned sda, unsigned addr);
void sim_i2c_detach_all(void);
// The transactions the device at addr saw since the last call: " w:" or
// " r:" then the bytes written to it or read from it, in hex.
size_t sim_i2c_log(unsigned addr, char *buf, size_t size);

// SPI devices (sim_spi.c): a peripheral on four pins in SPI mode 0..3 that
// records what it receives while cs is low and answers from a queue.
bool sim_spi_attach(unsigned sck, unsigned mosi, unsigned miso, unsigned cs, unsigned mode);
void sim_spi_detach_all(void);
bool sim_spi_reply(unsigned cs, const uint8_t *data, size_t len);
long sim_spi_take(unsigned cs, uint8_t *buf, size_t size);
int sim_spi_drives(unsigned pin);            // the level a device drives, -1 none
bool sim_spi_bus_changed(int (*level_of)(unsigned pin));
uint8_t *sim_i2c_memory(unsigned addr);
bool sim_i2c_on_pin(unsigned pin);          // a device's bus has this pin
bool sim_i2c_pulls_low(unsigned pin);       // a device holds this pin low
// Shows each device its bus's levels (level_of gives them); true when a
// device changed what it drives.
bool sim_i2c_bus_changed(int (*level_of)(unsigned pin));

// Sensors whose answers depend on time as well as on the bus's levels
// (sim_onewire.c: 1-wire thermometers; sim_dht.c: DHT11 and DHT22). Each
// file has the same five functions: whether a sensor is on the pin (it
// brings a pull-up resistor); whether one holds the pin low at time t
// (microseconds of the board's clock); the first time after `after` at
// which one lets go of a pin or pulls it (UINT64_MAX: none), so that the
// board can move from one such time to the next; and bus_changed, which
// shows the sensors the levels at time t and tells whether one changed
// what it drives. The sensor numbers are the files' own, from 0.
#define SIM_ONEWIRE_MAX 8
#define SIM_DHT_MAX 4
int sim_onewire_attach(unsigned pin, const uint8_t rom[8]);
bool sim_onewire_set(int n, unsigned what, double value);
size_t sim_onewire_log(unsigned pin, char *buf, size_t size);
void sim_onewire_detach_all(void);
bool sim_onewire_on_pin(unsigned pin);
bool sim_onewire_pulls_low(unsigned pin, uint64_t t);
uint64_t sim_onewire_next_change(uint64_t after);
bool sim_onewire_bus_changed(int (*level_of)(unsigned pin), uint64_t t);

int sim_dht_attach(unsigned pin, unsigned kind);    // kind HAL_SIM_DHT11 or HAL_SIM_DHT22
bool sim_dht_set(int n, unsigned what, double value);
void sim_dht_detach_all(void);
bool sim_dht_on_pin(unsigned pin);
bool sim_dht_pulls_low(unsigned pin, uint64_t t);
uint64_t sim_dht_next_change(uint64_t after);
bool sim_dht_bus_changed(int (*level_of)(unsigned pin), uint64_t t);

#endif
