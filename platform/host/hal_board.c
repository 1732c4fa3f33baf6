// SPDX-License-Identifier: MIT
// The board's peripherals on the host (hal.h's board part): a simulated
// ESP8266 whose pins a test drives and watches through hal_sim() (the
// simboard module, board/sim_board.c).
//
// Each pin has what the chip does to it (its mode, pull-up and the level it
// writes) and what the world does to it: a level applied from outside, a
// wire from another pin, or a device on it (sim_i2c.c: I2C memories;
// sim_onewire.c, sim_dht.c: sensors). Its level is worked out from those as
// a circuit would: the chip's push-pull output wins, a low from anyone on an
// open-drain line wins over a high, then the applied level, the wire, the
// pull-up (the chip's, or the resistors a device comes with); a floating pin
// reads 0. Every change works the levels out again, lets the devices react
// to their bus, and raises the interrupts of the pins whose level went the
// way their trigger asks.
//
// Time. The sensors answer in microseconds: a DS18B20 holds the bus low for
// 30 us to send a 0, a DHT22 sends a bit as 50 us low and 26 or 70 us high.
// Bit-banging that against the host's real clock would fail whenever Linux
// preempts the program inside a slot. So code that runs with interrupts off
// (hal_irq_disable, as the drivers' slots do on the chip) runs in virtual
// time, as a tight loop on the chip sees it: hal_ticks_us and hal_delay_us
// read and move a virtual clock that starts at the real time, each pin
// access and each reading of the ticks costing 1 us, a busy wait its
// length. Whatever the host does meanwhile, the program and the sensors see
// the same sequence of times on every run. When interrupts come back on the
// program waits until the real clock has caught up with the virtual one, so
// that time never goes back and a section takes at least as long as it
// would on the chip. With interrupts on, time is the real clock, which only
// makes the gaps between slots longer (the 1-wire bus and the DHT allow
// that). The sensors are state machines driven by the levels and the time
// (the board's time, board_us): before anything changes at time t, every
// time before t at which a sensor lets go of the bus or pulls it (the end
// of a presence pulse, a DHT's bits) is played in order. A sensor's own
// edges are thus seen when the chip next touches a pin, not as interrupts
// of their own.
//
// "Interrupts" are a recursive mutex: hal_irq_disable takes it, and the
// board's thread holds it while it plays an interrupt. That thread fires
// the alarm (machine.Timer) and applies the levels a test asked for later
// (time_pulse_us, edges while Python sleeps), then wakes the Python thread
// from a sleep with SIGUSR2 so that the callbacks run at once.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "board_host.h"
#include "clock_host.h"
#include "exc.h"
#include "hal.h"
#include "hal_board.h"
#include "modules.h"
#include "vm.h"

#define PENDING_MAX 64           // levels applied later
#define ACCESS_US 1              // the virtual time a pin access or a reading of the ticks takes
#define OUTPUT_SIZE 4096         // bytes kept per output (UART1, bitstream per pin)
#define OUTPUT_UART1 HAL_PIN_COUNT
#define OUTPUT_SPI (HAL_PIN_COUNT + 1)

static pthread_mutex_t irq_lock;
static pthread_once_t irq_once = PTHREAD_ONCE_INIT;

typedef struct {
    bool configured, pull_up;
    uint8_t mode;
    int8_t written;              // the level the program wrote (-1 never)
    int8_t applied;              // from outside, -1 none
    int8_t wire_from;            // the pin this one is wired to, -1 none
    uint8_t level;               // as last worked out
    uint8_t irq;                 // HAL_PIN_IRQ_* enabled
} sim_pin_t;

static struct {
    sim_pin_t pin[HAL_PIN_COUNT];
    int adc[2];
    uint32_t pwm_freq;
    int16_t pwm_duty[HAL_PIN_COUNT];
    struct {
        uint8_t data[OUTPUT_SIZE];
        size_t len;
    } output[HAL_PIN_COUNT + 2];
    // the board's thread
    bool thread_started;
    pthread_t thread, python_thread;
    pthread_cond_t wake;
    bool alarm_on;
    uint64_t alarm_at;
    struct {
        uint64_t at;
        uint8_t pin;
        int8_t level;
    } pending[PENDING_MAX];
    unsigned n_pending;
    // RTC memory, reset cause, SPI mode
    uint8_t rtc_memory[HAL_RTC_MEMORY_SIZE];
    int reset_cause;
    uint8_t spi_polarity, spi_phase;
    void (*on_level)(unsigned pin, int level);     // board_io's watch
} sim = {.adc = {0, 3300}};

static void init_lock(void) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&irq_lock, &attr);
    for (unsigned i = 0; i < HAL_PIN_COUNT; i++) {
        sim.pin[i].written = -1;
        sim.pin[i].applied = -1;
        sim.pin[i].wire_from = -1;
        sim.pwm_duty[i] = -1;
    }
}

// How many times this thread holds the lock (a reset lets go of all).
static __thread unsigned irq_depth;

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

// The virtual clock, on while the thread holding the lock has interrupts
// off; `board_us` is how far the board's devices have been played (with
// the lock held).
static struct {
    bool on;
    uint64_t us;
} virtual_clock;
static uint64_t board_us;

static void virtual_start(void) {
    uint64_t real = now_us();
    virtual_clock.us = real > board_us ? real : board_us;
    virtual_clock.on = true;
}

// Interrupts are on again once the real clock has reached the virtual one.
static void virtual_end(void) {
    virtual_clock.on = false;
    for (;;) {
        uint64_t real = now_us();
        if (real >= virtual_clock.us) {
            break;
        }
        if (virtual_clock.us - real > 2000) {
            struct timespec req = {0, (long)(virtual_clock.us - real - 1000) * 1000L};
            nanosleep(&req, NULL);
        }
    }
    if (virtual_clock.us > board_us) {
        board_us = virtual_clock.us;
    }
}

uint32_t hal_irq_disable(void) {
    pthread_once(&irq_once, init_lock);
    pthread_mutex_lock(&irq_lock);
    if (irq_depth++ == 0) {
        virtual_start();
    }
    return 1;
}

// An enable_irq without a disable_irq before it changes nothing.
void hal_irq_restore(uint32_t state) {
    if (state == 1 && irq_depth > 0) {
        if (--irq_depth == 0) {
            virtual_end();
        }
        pthread_mutex_unlock(&irq_lock);
    }
}

// The lock without turning interrupts off, for the pins' own bookkeeping.
static void lock(void) {
    pthread_once(&irq_once, init_lock);
    pthread_mutex_lock(&irq_lock);
}

static void unlock(void) {
    pthread_mutex_unlock(&irq_lock);
}

// With the lock: the board's time (the virtual clock's, or the real one).
static uint64_t board_time(void) {
    if (virtual_clock.on) {
        return virtual_clock.us;
    }
    uint64_t real = now_us();
    return real > board_us ? real : board_us;
}

// After a pin access by the program, or a reading of the ticks.
static void access_done(void) {
    if (virtual_clock.on && irq_depth > 0) {
        virtual_clock.us += ACCESS_US;
    }
}

uint64_t sim_ticks_us(void) {
    if (!(virtual_clock.on && irq_depth > 0)) {
        return now_us();
    }
    uint64_t t = virtual_clock.us;
    virtual_clock.us += ACCESS_US;
    return t;
}

void sim_delay_ms(uint32_t ms) {
    if (virtual_clock.on && irq_depth > 0) {
        virtual_clock.us += (uint64_t)ms * 1000u;
    }
}

// ---- the pins -------------------------------------------------------------------------

static int driven(const sim_pin_t *p) {
    if (!p->configured || p->written < 0 || p->mode == HAL_PIN_IN) {
        return -1;
    }
    if (p->mode == HAL_PIN_OPEN_DRAIN) {
        return p->written == 0 ? 0 : -1;
    }
    return p->written;
}

static int pin_level(unsigned n, int depth) {
    const sim_pin_t *p = &sim.pin[n];
    int d = driven(p);
    if (d >= 0) {
        return d;
    }
    if (sim_i2c_pulls_low(n) || sim_onewire_pulls_low(n, board_us) || sim_dht_pulls_low(n, board_us)) {
        return 0;
    }
    int spi = sim_spi_drives(n);
    if (spi >= 0) {
        return spi;
    }
    if (p->applied >= 0) {
        return p->applied;
    }
    if (p->wire_from >= 0 && depth < HAL_PIN_COUNT) {
        return pin_level((unsigned)p->wire_from, depth + 1);
    }
    return p->pull_up || sim_i2c_on_pin(n) || sim_onewire_on_pin(n) || sim_dht_on_pin(n) ? 1 : 0;
}

// Works the levels out again after a change at time board_us, lets the
// devices see their bus, and raises the interrupts the new levels call
// for. With the lock held.
static void update(void) {
    uint8_t before[HAL_PIN_COUNT];
    for (unsigned n = 0; n < HAL_PIN_COUNT; n++) {
        before[n] = sim.pin[n].level;
    }
    for (int round = 0; round < 8; round++) {
        bool changed = false;
        for (unsigned n = 0; n < HAL_PIN_COUNT; n++) {
            uint8_t level = (uint8_t)pin_level(n, 0);
            changed |= level != sim.pin[n].level;
            sim.pin[n].level = level;
        }
        // A device answers a change of its bus by pulling a line or letting
        // it go: then the levels are worked out once more.
        bool answered = sim_i2c_bus_changed(sim_level_of);
        answered |= sim_onewire_bus_changed(sim_level_of, board_us);
        answered |= sim_dht_bus_changed(sim_level_of, board_us);
        answered |= sim_spi_bus_changed(sim_level_of);
        if (!answered && !changed) {
            break;
        }
    }
    for (unsigned n = 0; n < HAL_PIN_COUNT; n++) {
        uint8_t now = sim.pin[n].level;
        unsigned edge = now > before[n] ? HAL_PIN_IRQ_RISING : now < before[n] ? HAL_PIN_IRQ_FALLING : 0;
        if (edge & sim.pin[n].irq) {
            board_pin_interrupt(n);
        }
        if (edge != 0 && sim.on_level != NULL) {
            sim.on_level(n, now);
        }
    }
}

int sim_level_of(unsigned pin) {
    return sim.pin[pin].level;
}

// With the lock: plays the sensors' own changes up to the board's time.
static void catch_up(void) {
    uint64_t t = board_time();
    for (;;) {
        uint64_t a = sim_onewire_next_change(board_us), b = sim_dht_next_change(board_us);
        uint64_t next = a < b ? a : b;
        if (next > t) {
            break;
        }
        board_us = next;
        update();
    }
    board_us = t;
}

int hal_pin_config(unsigned pin, unsigned mode, bool pull_up) {
    lock();
    catch_up();
    sim_pin_t *p = &sim.pin[pin];
    p->configured = true;
    p->mode = (uint8_t)mode;
    p->pull_up = pull_up;
    update();
    access_done();
    unlock();
    return 0;
}

void hal_pin_write(unsigned pin, bool level) {
    lock();
    catch_up();
    sim.pin[pin].written = level;
    update();
    access_done();
    unlock();
}

// A pin with a sensor is read at the board's time, with the lock. Other
// pins are read without it while interrupts are on: a program polling a
// pin (time_pulse_us) must not keep the board's thread from changing it.
// A byte is read whole.
bool hal_pin_read(unsigned pin) {
    if (!virtual_clock.on && !sim_onewire_on_pin(pin) && !sim_dht_on_pin(pin)) {
        return ((volatile sim_pin_t *)&sim.pin[pin])->level;
    }
    lock();
    catch_up();
    bool level = sim.pin[pin].level;
    access_done();
    unlock();
    return level;
}

void hal_pin_irq(unsigned pin, unsigned edges) {
    uint32_t irq = hal_irq_disable();
    sim.pin[pin].irq = (uint8_t)edges;
    hal_irq_restore(irq);
}

// ---- the board's thread: the alarm and levels applied later ----------------------------

static void on_wake(int sig) {
    (void)sig;                   // only ends a sleep early
}

static void apply_now(unsigned pin, int level) {
    catch_up();
    sim.pin[pin].applied = (int8_t)level;
    update();
}

static void *board_thread(void *arg) {
    (void)arg;
    pthread_mutex_lock(&irq_lock);
    for (;;) {
        uint64_t now = now_us(), next = UINT64_MAX;
        bool fired = false;
        if (sim.alarm_on) {
            if (sim.alarm_at <= now) {
                sim.alarm_on = false;
                board_alarm();
                fired = true;
            } else {
                next = sim.alarm_at;
            }
        }
        for (unsigned i = 0; i < sim.n_pending;) {
            if (sim.pending[i].at <= now) {
                unsigned pin = sim.pending[i].pin;
                int level = sim.pending[i].level;
                sim.pending[i] = sim.pending[--sim.n_pending];
                apply_now(pin, level);
                fired = true;
                continue;
            }
            if (sim.pending[i].at < next) {
                next = sim.pending[i].at;
            }
            i++;
        }
        if (fired) {
            if (micropython_sched_pending) {
                pthread_kill(sim.python_thread, SIGUSR2);
            }
            continue;                    // the alarm may have been started again
        }
        if (next == UINT64_MAX) {
            pthread_cond_wait(&sim.wake, &irq_lock);
        } else {
            struct timespec ts = {(time_t)(next / 1000000u), (long)(next % 1000000u) * 1000L};
            pthread_cond_timedwait(&sim.wake, &irq_lock, &ts);
        }
    }
    return NULL;
}

// With the lock held: starts the thread the first time, else wakes it to
// look at what has changed.
static bool poke_thread(void) {
    if (!sim.thread_started) {
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&sim.wake, &attr);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_wake;
        sigaction(SIGUSR2, &sa, NULL);   // no SA_RESTART: a sleep returns early
        sim.python_thread = pthread_self();
        if (pthread_create(&sim.thread, NULL, board_thread, NULL) != 0) {
            return false;
        }
        sim.thread_started = true;
    }
    pthread_cond_signal(&sim.wake);
    return true;
}

int hal_alarm_start(uint32_t us) {
    uint32_t irq = hal_irq_disable();
    sim.alarm_at = now_us() + us;
    sim.alarm_on = true;
    bool ok = poke_thread();
    hal_irq_restore(irq);
    return ok ? 0 : -ESPY_ENOMEM;
}

void hal_alarm_stop(void) {
    uint32_t irq = hal_irq_disable();
    sim.alarm_on = false;
    hal_irq_restore(irq);
}

void hal_wait_for_interrupt(void) {
    struct timespec req = {0, 1000000L};
    nanosleep(&req, NULL);
}

void hal_delay_us(uint32_t us) {
    if (virtual_clock.on && irq_depth > 0) {
        virtual_clock.us += us;
        return;
    }
    if (us >= 2000) {
        struct timespec req = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000L};
        while (nanosleep(&req, &req) != 0 && errno == EINTR) {
        }
        return;
    }
    uint64_t end = now_us() + us;
    while (now_us() < end) {
    }
}

// ---- outputs a test reads back: UART1 and bitstreams ------------------------------------

static void output_add(unsigned which, const uint8_t *data, size_t len) {
    uint32_t irq = hal_irq_disable();
    for (size_t i = 0; i < len; i++) {
        if (sim.output[which].len == OUTPUT_SIZE) {
            memmove(sim.output[which].data, sim.output[which].data + 1, OUTPUT_SIZE - 1);
            sim.output[which].len--;
        }
        sim.output[which].data[sim.output[which].len++] = data[i];
    }
    hal_irq_restore(irq);
}

// The bytes go to the pin's output record; the pin ends low, as after the
// last bit's low time.
void hal_bitstream(unsigned pin, const uint32_t high_ns[2], const uint32_t low_ns[2], const uint8_t *buf,
                   size_t len) {
    output_add(pin, buf, len);
    hal_pin_write(pin, 0);
}

int hal_uart_config(unsigned id, uint32_t baudrate, unsigned bits, int parity, unsigned stop) {
    return 0;
}

static void write_fd(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        p += n;
        len -= (size_t)n;
    }
}

// UART0 is the console (stdout when a script runs); UART1's bytes are kept.
void hal_uart_write(unsigned id, const void *data, size_t len) {
    if (id == 1) {
        output_add(OUTPUT_UART1, data, len);
    } else if (board_host_active()) {
        hal_console_write(data, len);
    } else {
        write_fd(1, data, len);
    }
}

// ---- ADC, PWM, SPI ------------------------------------------------------------------------

int hal_adc_read(unsigned channel) {
    return channel < 2 ? sim.adc[channel] : -ESPY_ENODEV;
}

int hal_pwm_config(uint32_t freq, const int16_t duty[HAL_PIN_COUNT]) {
    uint32_t irq = hal_irq_disable();
    sim.pwm_freq = freq;
    memcpy(sim.pwm_duty, duty, sizeof sim.pwm_duty);
    hal_irq_restore(irq);
    return 0;
}

// HSPI through the simulated pins: SCK 14, MOSI 13, MISO 12, so that a
// test can wire MOSI to MISO, or watch the clock.
#define SPI_SCK 14
#define SPI_MOSI 13
#define SPI_MISO 12

int hal_spi_config(uint32_t baudrate, unsigned polarity, unsigned phase) {
    sim.spi_polarity = (uint8_t)polarity;
    sim.spi_phase = (uint8_t)phase;
    hal_pin_config(SPI_SCK, HAL_PIN_OUT, false);
    hal_pin_write(SPI_SCK, polarity);
    hal_pin_config(SPI_MOSI, HAL_PIN_OUT, false);
    hal_pin_config(SPI_MISO, HAL_PIN_IN, false);
    return 0;
}

void hal_spi_transfer(const uint8_t *out, uint8_t *in, size_t len) {
    bool idle = sim.spi_polarity, active = !idle;
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = out != NULL ? out[i] : 0, got = 0;
        for (int bit = 7; bit >= 0; bit--) {
            hal_pin_write(SPI_MOSI, (byte >> bit) & 1);
            if (sim.spi_phase == 0) {
                hal_pin_write(SPI_SCK, active);
                got = (uint8_t)(got << 1 | hal_pin_read(SPI_MISO));
                hal_pin_write(SPI_SCK, idle);
            } else {
                hal_pin_write(SPI_SCK, active);
                hal_pin_write(SPI_SCK, idle);
                got = (uint8_t)(got << 1 | hal_pin_read(SPI_MISO));
            }
        }
        if (in != NULL) {
            in[i] = got;
        }
        output_add(OUTPUT_SPI, &byte, 1);
    }
}

// ---- RTC memory, resets, the chip's id ---------------------------------------------------

void hal_rtc_memory_read(uint32_t offset, void *buf, size_t len) {
    memcpy(buf, sim.rtc_memory + offset, len);
}

void hal_rtc_memory_write(uint32_t offset, const void *buf, size_t len) {
    memcpy(sim.rtc_memory + offset, buf, len);
}

int hal_reset_cause(void) {
    return sim.reset_cause;
}

// A script cannot start again: hal_reset records the cause and returns,
// and board/ raises SystemExit, the end of the script. The board starts
// again (board_host_restart) once a deep sleep is over: after sleep_us of
// the board's time (--clock-speed makes it pass faster), or at Ctrl-C (the
// reset button) when it has no end. On the board's interrupt thread (the
// watchdog) it only records the cause: board/ then asks again from Python.
void hal_reset(unsigned kind, uint64_t sleep_us) {
    sim.reset_cause = (int)kind;
    bool board = board_host_on_main_thread();
    if (!board && board_host_active()) {
        return;                              // an interrupt's thread
    }
    if (kind == HAL_RESET_DEEPSLEEP) {
        int64_t wall = hal_clock_us();
        uint64_t start = clock_host_board_us();
        // Ctrl-C is the reset button; with the console's input gone nobody
        // can press it, so an endless sleep ends (and the board with it).
        while (!vm_interrupt_pending && !(sleep_us == 0 && board_host_input_ended()) &&
               (sleep_us == 0 || clock_host_board_us() - start < sleep_us)) {
            double left = sleep_us == 0 ? 10000 : (double)(sleep_us - (clock_host_board_us() - start)) / clock_host_speed();
            struct timespec req = {0, left > 10000 ? 10000000L : (long)(left * 1000) + 1};
            nanosleep(&req, NULL);
        }
        vm_interrupt_pending = 0;
        // The counter starts again from 0 on waking; MicroPython keeps the
        // wall time by storing it, plus the sleep, before sleeping.
        clock_host_counter_restart(wall + (int64_t)(clock_host_board_us() - start));
    }
    if (board) {
        board_host_restart();
    }
}

void hal_sim_chip_reset(void) {
    while (irq_depth > 0) {
        hal_irq_restore(1);
    }
    uint32_t irq = hal_irq_disable();
    for (unsigned i = 0; i < HAL_PIN_COUNT; i++) {
        sim_pin_t *p = &sim.pin[i];
        p->configured = p->pull_up = false;
        p->mode = HAL_PIN_IN;
        p->written = -1;
        p->irq = 0;
        sim.pwm_duty[i] = -1;
    }
    sim.pwm_freq = 0;
    sim.alarm_on = false;
    sim.spi_polarity = sim.spi_phase = 0;
    update();
    hal_irq_restore(irq);
}

uint32_t hal_chip_id(void) {
    return 0x00E5B0A2;           // a made-up id, the same on every run
}

// ---- the controls (hal_sim_t) ---------------------------------------------------------------

static void sim_pin_apply(unsigned pin, int level, uint32_t delay_us) {
    uint32_t irq = hal_irq_disable();
    if (delay_us == 0) {
        apply_now(pin, level);
    } else if (sim.n_pending < PENDING_MAX) {
        sim.pending[sim.n_pending].at = now_us() + delay_us;
        sim.pending[sim.n_pending].pin = (uint8_t)pin;
        sim.pending[sim.n_pending].level = (int8_t)level;
        sim.n_pending++;
        poke_thread();
    }
    hal_irq_restore(irq);
}

void sim_apply_from_outside(unsigned pin, int level) {
    uint32_t irq = hal_irq_disable();
    apply_now(pin, level);
    hal_irq_restore(irq);
    if (micropython_sched_pending) {
        board_host_wake();                            // the callbacks run at once
    }
}

void sim_watch_levels(void (*on_level)(unsigned pin, int level)) {
    uint32_t irq = hal_irq_disable();
    sim.on_level = on_level;
    hal_irq_restore(irq);
}

static int sim_pin_state(unsigned pin, int *mode, bool *pull_up, int *driven_level, int *applied) {
    uint32_t irq = hal_irq_disable();
    catch_up();
    const sim_pin_t *p = &sim.pin[pin];
    *mode = p->configured ? p->mode : -1;
    *pull_up = p->pull_up;
    *driven_level = driven(p);
    *applied = p->applied;
    int level = p->level;
    hal_irq_restore(irq);
    return level;
}

static void sim_pin_wire(unsigned from, unsigned to) {
    uint32_t irq = hal_irq_disable();
    catch_up();
    sim.pin[to].wire_from = from == to ? -1 : (int8_t)from;
    update();
    hal_irq_restore(irq);
}

static bool sim_i2c_attach_locked(unsigned scl, unsigned sda, unsigned addr) {
    uint32_t irq = hal_irq_disable();
    bool ok = sim_i2c_attach(scl, sda, addr);
    update();
    hal_irq_restore(irq);
    return ok;
}

static void sim_adc_set(unsigned channel, int value) {
    if (channel < 2) {
        sim.adc[channel] = value;
    }
}

static bool sim_pwm_get(unsigned pin, uint32_t *freq, uint32_t *duty) {
    if (sim.pwm_duty[pin] < 0) {
        return false;
    }
    *freq = sim.pwm_freq;
    *duty = (uint32_t)sim.pwm_duty[pin];
    return true;
}

static size_t sim_take_output(unsigned pin, uint8_t *buf, size_t size) {
    unsigned which = pin < HAL_PIN_COUNT ? pin : pin == HAL_SIM_OUTPUT_SPI ? OUTPUT_SPI : OUTPUT_UART1;
    uint32_t irq = hal_irq_disable();
    size_t n = sim.output[which].len < size ? sim.output[which].len : size;
    memcpy(buf, sim.output[which].data, n);
    memmove(sim.output[which].data, sim.output[which].data + n, sim.output[which].len - n);
    sim.output[which].len -= n;
    hal_irq_restore(irq);
    return n;
}

static void sim_reset(void) {
    uint32_t irq = hal_irq_disable();
    for (unsigned i = 0; i < HAL_PIN_COUNT; i++) {
        sim.pin[i].applied = -1;
        sim.pin[i].wire_from = -1;
    }
    sim.n_pending = 0;
    sim_i2c_detach_all();
    sim_spi_detach_all();
    sim_onewire_detach_all();
    sim_dht_detach_all();
    update();
    hal_irq_restore(irq);
}

// Thermometers are numbered from 0, DHTs from SIM_ONEWIRE_MAX.
static int sim_sensor_attach(unsigned pin, unsigned kind, const uint8_t rom[8]) {
    uint32_t irq = hal_irq_disable();
    catch_up();
    int n = -1;
    if (kind == HAL_SIM_DS18X20 && !sim_dht_on_pin(pin)) {
        n = sim_onewire_attach(pin, rom);
    } else if ((kind == HAL_SIM_DHT11 || kind == HAL_SIM_DHT22) && !sim_onewire_on_pin(pin)) {
        n = sim_dht_attach(pin, kind);
        n = n < 0 ? -1 : n + SIM_ONEWIRE_MAX;
    }
    update();
    hal_irq_restore(irq);
    return n;
}

static bool sim_sensor_set(int n, unsigned what, double value) {
    uint32_t irq = hal_irq_disable();
    catch_up();
    bool ok = n >= 0 && (n < SIM_ONEWIRE_MAX ? sim_onewire_set(n, what, value)
                                             : sim_dht_set(n - SIM_ONEWIRE_MAX, what, value));
    hal_irq_restore(irq);
    return ok;
}

static size_t sim_onewire_log_locked(unsigned pin, char *buf, size_t size) {
    uint32_t irq = hal_irq_disable();
    catch_up();
    size_t n = sim_onewire_log(pin, buf, size);
    hal_irq_restore(irq);
    return n;
}

static size_t sim_i2c_log_locked(unsigned addr, char *buf, size_t size) {
    lock();
    size_t n = sim_i2c_log(addr, buf, size);
    unlock();
    return n;
}

static bool sim_spi_attach_locked(unsigned sck, unsigned mosi, unsigned miso, unsigned cs, unsigned mode) {
    lock();
    bool ok = sim_spi_attach(sck, mosi, miso, cs, mode);
    update();
    unlock();
    return ok;
}

static bool sim_spi_reply_locked(unsigned cs, const uint8_t *data, size_t len) {
    lock();
    bool ok = sim_spi_reply(cs, data, len);
    unlock();
    return ok;
}

static long sim_spi_take_locked(unsigned cs, uint8_t *buf, size_t size) {
    lock();
    long n = sim_spi_take(cs, buf, size);
    unlock();
    return n;
}

static const hal_sim_t sim_controls = {
    .i2c_log = sim_i2c_log_locked,
    .spi_attach = sim_spi_attach_locked,
    .spi_reply = sim_spi_reply_locked,
    .spi_take = sim_spi_take_locked,
    .pin_apply = sim_pin_apply,
    .pin_state = sim_pin_state,
    .pin_wire = sim_pin_wire,
    .i2c_attach = sim_i2c_attach_locked,
    .i2c_memory = sim_i2c_memory,
    .adc_set = sim_adc_set,
    .pwm_get = sim_pwm_get,
    .take_output = sim_take_output,
    .sensor_attach = sim_sensor_attach,
    .sensor_set = sim_sensor_set,
    .onewire_log = sim_onewire_log_locked,
    .reset = sim_reset,
};

const hal_sim_t *hal_sim(void) {
    pthread_once(&irq_once, init_lock);
    return &sim_controls;
}
