// SPDX-License-Identifier: MIT
// The ESP8266 firmware's own interface: what the board layer (machine, esp,
// the flash filesystem) builds on, and what the platform's files call in one
// another. hal.h is the part core/ sees.
//
// The files: start.S (entry, vectors, exception entry), exception.c (the
// exception and interrupt dispatch, byte loads from flash, fatal errors),
// clock.c (CPU frequency, ticks, watchdog), uart.c (the UART0 console),
// gpio.c, flash.c, hal_esp8266.c (hal.h), main.c (start-up and the REPL),
// string.c (flash-safe string functions), rom_veneers.S (libm's way to the
// ROM), regs.h (registers), rom.h (ROM routines), esp8266.ld (memory).
#ifndef ESPY_ESP8266_CHIP_H
#define ESPY_ESP8266_CHIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// ---- start-up and restart (start.S, exception.c) ------------------------------

// The C start-up of main.c, called by start.S with a fresh stack, the
// vectors installed and .bss cleared; soft is true after chip_soft_restart.
_Noreturn void firmware_main(bool soft);
// Starts the firmware again from start.S without resetting the chip: a new
// stack, .bss cleared, .data reloaded, Python state made anew.
_Noreturn void chip_soft_restart(void);
// Resets the chip through the boot ROM.
_Noreturn void chip_restart(void);
// Prints "espy: fatal error: MSG" and restarts.
_Noreturn void chip_fatal(const char *msg);

// ---- CPU clock, ticks, watchdog (clock.c) -------------------------------------

// Starts the cycle-count clock and its 100 ms tick interrupt (which also
// feeds the watchdog). Interrupts are enabled by the caller.
void clock_init(void);
// The CPU clock in MHz: 80 or 160 (52 or 104 in a build for a PLL left at
// the boot ROM's setting: ESP8266_CLOCK_MHZ, regs.h).
uint32_t chip_cpu_freq_mhz(void);
// Switches the CPU between its normal and double speed: 80 or 160 (the
// values machine.freq() takes); false for any other value. The ticks keep
// counting in microseconds; the UART runs from the APB clock, which does not
// change.
bool chip_set_cpu_freq_mhz(uint32_t mhz);
// Microseconds since start-up, 64 bits.
uint64_t chip_ticks_us64(void);
// The raw cycle counter (time.ticks_cpu()).
uint32_t chip_ticks_cpu(void);
void chip_wdt_feed(void);
// The CCOMPARE0 interrupt (exception.c calls it).
void clock_isr(void);
// The board's alarm on the same interrupt: board_alarm() us from now.
void clock_alarm_start(uint32_t us);
void clock_alarm_stop(void);

// ---- UART0 console (uart.c) ---------------------------------------------------

void uart_init(void);
// Queues bytes for transmission, waiting for room in the FIFO; "\n" is sent
// as "\r\n" when cooked is true.
void uart_write(const char *data, size_t len, bool cooked);
// Waits until the transmitter is idle (before a reset).
void uart_flush(void);
// The next received byte, or -1 if none waits.
int uart_read_byte(void);
// Waits for a byte; -1 if the interrupt character arrived while waiting
// for Python code (uart_set_line_mode(false)).
int uart_wait_byte(void);
// While true, the interrupt character (Ctrl-C) is queued as a byte for the
// line reader; while false, it calls espy_interrupt() in the interrupt.
void uart_set_line_mode(bool on);
// Counts the interrupt characters seen outside line mode.
uint32_t uart_interrupt_count(void);
// Whether espy_init has run (before it, Ctrl-C is an ordinary byte).
void uart_set_python_ready(bool ready);
void uart_isr(void);

// ---- console lines (hal_esp8266.c) ---------------------------------------------

#define CONSOLE_EOF (-1)                   // Ctrl-D on an empty line
#define CONSOLE_INTERRUPT (-2)             // Ctrl-C

// Reads a line with echo, backspace and DEL, ending at CR, LF or CR LF (the
// end is echoed as CR LF, not stored). At most size - 1 bytes, then NUL; a
// line that fills the buffer continues in the next call. Returns the length,
// CONSOLE_EOF or CONSOLE_INTERRUPT.
int console_read_line(char *buf, size_t size);

// ---- GPIO (gpio.c) -------------------------------------------------------------

#define CHIP_GPIO_COUNT 17                 // GPIO 0..15 and GPIO16

// Pins 6..11 drive the SPI flash: chip_gpio_usable is false for them.
bool chip_gpio_usable(unsigned pin);
// Gives the pad to the GPIO block (IO MUX function), as an input.
void chip_gpio_init(unsigned pin);
void chip_gpio_set_output(unsigned pin, bool output);
void chip_gpio_write(unsigned pin, bool level);
bool chip_gpio_read(unsigned pin);
// Pull-up (GPIO 0..15 only; false for GPIO16, whose pull bits are unverified).
bool chip_gpio_set_pull_up(unsigned pin, bool on);
// Open-drain output (GPIO 0..15 only).
bool chip_gpio_set_open_drain(unsigned pin, bool on);
// Edge interrupts of GPIO 0..15 (hal.h's HAL_PIN_IRQ_* mask, 0 off); the
// interrupt (gpio_isr, called by exception.c) calls board_pin_interrupt.
void chip_gpio_set_irq(unsigned pin, unsigned edges);
void gpio_isr(void);

// ---- the board's other peripherals (hal_board.c, pwm.c) ------------------------

// Works out machine.reset_cause() at a power-on or reset start (not after a
// soft restart): from the marker hal_reset leaves, else the ROM's reason.
void chip_reset_cause_init(void);
// The software PWM's FRC1 interrupt (exception.c calls it).
void pwm_isr(void);

// ---- SPI flash (flash.c) -------------------------------------------------------

// Result codes: the ROM's, plus CHIP_FLASH_BAD_ARG for an offset or length
// that is not a multiple of 4, or that lies past the end of the flash.
enum { CHIP_FLASH_OK = 0, CHIP_FLASH_ERROR = 1, CHIP_FLASH_TIMEOUT = 2, CHIP_FLASH_BAD_ARG = 3 };
#define CHIP_FLASH_SECTOR_SIZE 4096u

// The flash size written in the image header (byte 3 at flash offset 0,
// which esptool sets when flashing), in bytes.
uint32_t chip_flash_size(void);
// Any buffer alignment; offset and length multiples of 4.
int chip_flash_read(uint32_t offset, void *buf, uint32_t len);
int chip_flash_write(uint32_t offset, const void *buf, uint32_t len);
int chip_flash_erase_sector(uint32_t sector);
// The flash chip's JEDEC id (RDID), low byte the manufacturer, as esp.flash_id().
uint32_t chip_flash_id(void);
// Writes the default PHY init data at flash size - 0x4000 if that place is
// blank (what MicroPython's start-up does; only the radio reads it).
void chip_flash_check_phy_data(void);

// ---- exceptions (exception.c) ------------------------------------------------

// What start.S saves on the stack before calling chip_exception_dispatch.
typedef struct exception_frame {
    uint32_t a[16];            // a0..a15 as they were (a1: the stack pointer)
    uint32_t sar;
    uint32_t pc;               // EPC1: where to resume
    uint32_t ps;
    uint32_t pad;
} exception_frame_t;

void chip_exception_dispatch(exception_frame_t *frame);
// Called by the vectors that never return (debug, NMI, kernel, double).
_Noreturn void chip_fatal_vector(uint32_t vector);
// Set while flash.c has the cache off, so that a fatal error turns it back on.
extern volatile bool chip_flash_cache_off;

#endif
