// SPDX-License-Identifier: MIT
// The hardware boundary: everything core/ needs from a target.
//
// Each target (platform/host, platform/qemu, platform/esp8266) implements
// these functions; core/ calls nothing else outside itself. Board features
// (gpio, flash, network) are added here by later layers.
#ifndef ESPY_HAL_H
#define ESPY_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Console: stdout and stderr of Python programs (print, tracebacks).
void hal_stdout_write(const char *data, size_t len);
void hal_stderr_write(const char *data, size_t len);
// Reads one line of input for input() (without the newline) into buf;
// returns the length, -1 at end of input, or -2 when Ctrl-C was typed (the
// target has then called espy_interrupt()). A line longer than size - 1
// bytes comes in pieces of size - 1 bytes; a line of exactly size - 1 bytes
// is followed by an empty piece.
int hal_stdin_readline(char *buf, size_t size);
// Reads up to size bytes from stdin; returns the count, 0 at end of input.
int hal_stdin_read(char *buf, size_t size);

// ---- board/'s needs: the console as bytes, for the board's REPL -----------
// The console is UART0 on the chip and the terminal (or a pseudo-terminal)
// on the host's simulated board. hal_console_getc waits for a byte and
// returns it, or -1 when the input has ended (the host's stdin closed).
// In line mode (while the REPL or input() reads) the interrupt character
// (micropython.kbd_intr) is a byte like any other; otherwise it is not
// queued and calls espy_interrupt(). hal_console_write sends bytes as they
// are; hal_stdout_write and hal_stderr_write of a board send '\n' as "\r\n".
// HAL_CONSOLE_PENDING instead of a byte: callbacks were queued
// (micropython.schedule) while it waited; the caller runs them and asks again.
#define HAL_CONSOLE_PENDING (-2)
int hal_console_getc(void);
// Without waiting: a byte that has come, HAL_CONSOLE_EMPTY when none has,
// -1 when the input has ended. The board's console polls with it while
// os.dupterm streams are attached, and machine.UART(0) reads with it once
// the REPL has let go of UART0. (QEMU's semihosting cannot be polled: it
// gives only bytes already read ahead.)
#define HAL_CONSOLE_EMPTY (-3)
int hal_console_getc_nowait(void);
void hal_console_write(const char *data, size_t len);
void hal_console_set_line_mode(bool on);
// The board's name for the banner ("ESP module", "ESP module (1M)").
const char *hal_board_name(void);

// ---- board/'s needs: the SPI flash (esp.flash_*, flashbdev) ----------------
// NOR flash in 4 KiB sectors: an erase sets a sector to 0xFF, a write can
// only clear bits. Offsets and lengths of writes are multiples of 4 (the
// chip's ROM wants them so). Functions return 0 or a negative ESPY_E*
// value (ESPY_ENODEV: no flash, as on QEMU or in the host's script mode).
#define HAL_FLASH_SECTOR_SIZE 4096u
uint32_t hal_flash_size(void);              // bytes; 0 when there is none
uint32_t hal_flash_id(void);                // the JEDEC id as the ROM reads it
uint32_t hal_flash_user_start(void);        // the first offset after the firmware
int hal_flash_read(uint32_t offset, void *buf, size_t len);
int hal_flash_write(uint32_t offset, const void *buf, size_t len);
int hal_flash_erase(uint32_t sector);

// Time.
uint32_t hal_ticks_ms(void);
uint32_t hal_ticks_us(void);
// hal_delay_ms may return early when Ctrl-C was typed or an interrupt has
// scheduled a callback (micropython_sched_pending): callers loop on the time.
void hal_delay_ms(uint32_t ms);

// ---- lib/'s needs: the host's files, the wall clock, random bytes ----------
// For os.VfsPosix (lib/vfs_host.c), time (lib/mod_time.c) and os.urandom.
// The file functions return >= 0 on success or a negative ESPY_E* value
// (core/exc.h); paths are NUL-terminated. The host implements them with
// POSIX calls, QEMU with what its semihosting offers (open, read, write,
// seek, close: the rest is -ESPY_ENOSYS), the chip not at all (-ESPY_ENODEV:
// its flash filesystem is a filesystem object of lib/, not a hal service).

// hal_fs_open flags: one or both of READ and WRITE, and any of the rest.
#define HAL_FS_READ 0x01
#define HAL_FS_WRITE 0x02
#define HAL_FS_CREATE 0x04       // create the file if missing
#define HAL_FS_TRUNCATE 0x08
#define HAL_FS_APPEND 0x10       // every write goes to the end
#define HAL_FS_EXCLUSIVE 0x20    // with CREATE: -ESPY_EEXIST if it exists

// What a path names (hal_fs_stat_t.kind, hal_fs_dir_next).
#define HAL_FS_KIND_FILE 1
#define HAL_FS_KIND_DIR 2
#define HAL_FS_KIND_OTHER 3      // a device, socket, fifo...

typedef struct hal_fs_stat {
    uint64_t size;
    int64_t mtime;               // seconds since 2000-01-01 00:00:00 (negative before)
    uint32_t inode;
    uint8_t kind;                // HAL_FS_KIND_*
} hal_fs_stat_t;

typedef struct hal_fs_statvfs {
    uint64_t bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax;
} hal_fs_statvfs_t;

// A handle for read/write/seek/close; -ESPY_EISDIR for a directory.
int hal_fs_open(const char *path, unsigned flags);
int hal_fs_read(int fd, void *buf, size_t len);              // the count, 0 at end
int hal_fs_write(int fd, const void *buf, size_t len);       // the count written
// whence 0 start, 1 current, 2 end; returns the new position.
int64_t hal_fs_seek(int fd, int64_t offset, int whence);
int hal_fs_close(int fd);
int hal_fs_stat(const char *path, hal_fs_stat_t *st);
int hal_fs_statvfs(const char *path, hal_fs_statvfs_t *st);
int hal_fs_mkdir(const char *path);
int hal_fs_rmdir(const char *path);
int hal_fs_remove(const char *path);                         // a file
int hal_fs_rename(const char *from, const char *to);         // replaces `to`
// A directory listing: dir_open gives a handle; each dir_next writes one
// entry's name (NUL-terminated; -ESPY_ENAMETOOLONG if size is too small),
// kind and inode, skipping "." and "..", and returns 1, or 0 at the end.
int hal_fs_dir_open(const char *path);
int hal_fs_dir_next(int dir, char *name, size_t size, uint8_t *kind, uint32_t *inode);
void hal_fs_dir_close(int dir);
// The process's current directory: its length, written to buf with a NUL
// (-ESPY_ENAMETOOLONG when size is too small); chdir changes it.
int hal_fs_getcwd(char *buf, size_t size);
int hal_fs_chdir(const char *path);

// The wall clock, as MicroPython's ESP8266 keeps it: microseconds since
// 2000-01-01 00:00:00. The host starts from its real clock; QEMU and the
// chip from 0 at start-up. Setting it moves it for the rest of the run.
int64_t hal_clock_us(void);
void hal_clock_set_us(int64_t us);
// A fast free-running counter (CPU cycles on the chip), for time.ticks_cpu.
uint32_t hal_ticks_cpu(void);
// Fills buf with random bytes (the chip's hardware generator; the host's
// getrandom; QEMU: a generator seeded from the cycle counter).
void hal_random_bytes(void *buf, size_t len);

// ---- lib/'s needs: sockets (lib/mod_socket.c) --------------------------------
// IPv4 TCP and UDP sockets, as lwIP gives them on the chip. A socket is a
// handle >= 0; the functions return >= 0 or a negative ESPY_E* value. Every
// socket is non-blocking: what would wait returns -ESPY_EAGAIN (connect:
// -ESPY_EINPROGRESS), and lib/ waits with hal_socket_poll, so that timeouts
// and Ctrl-C behave alike on every target. The host uses its own sockets;
// QEMU and the chip (no network stack yet) answer -ESPY_ENODEV.
#define HAL_SOCK_STREAM 1
#define HAL_SOCK_DGRAM 2
#define HAL_SOCK_RAW 3

// hal_socket_setsockopt's options; the value is an int, but for the
// membership options 8 bytes: the group's address, then the interface's.
#define HAL_SO_REUSEADDR 1
#define HAL_SO_BROADCAST 2
#define HAL_TCP_NODELAY 3
#define HAL_IP_ADD_MEMBERSHIP 4
#define HAL_IP_DROP_MEMBERSHIP 5

// hal_socket_poll's events: select's (and lib/stream.h's) numbers.
#define HAL_POLL_IN 0x01
#define HAL_POLL_OUT 0x04
#define HAL_POLL_ERR 0x08
#define HAL_POLL_HUP 0x10

typedef struct hal_sockaddr {
    uint8_t ip[4];               // in network order: 127, 0, 0, 1
    uint16_t port;
} hal_sockaddr_t;

int hal_socket_open(int type, int proto);                    // a HAL_SOCK_* type
int hal_socket_close(int s);
int hal_socket_bind(int s, const hal_sockaddr_t *addr);
int hal_socket_listen(int s, int backlog);
// A new socket for the next connection waiting on s; its peer in *peer.
int hal_socket_accept(int s, hal_sockaddr_t *peer);
int hal_socket_connect(int s, const hal_sockaddr_t *addr);
// The error a connect in progress ended with (0 when it succeeded), once.
int hal_socket_error(int s);
// The count sent or received (0 at the end of a TCP stream); `to` NULL
// sends on a connected socket, `from` NULL ignores the sender.
int hal_socket_sendto(int s, const void *buf, size_t len, const hal_sockaddr_t *to);
int hal_socket_recvfrom(int s, void *buf, size_t len, hal_sockaddr_t *from);
int hal_socket_setsockopt(int s, int option, const void *value, size_t len);
// Which of `events` (HAL_POLL_*; ERR and HUP are always reported) are
// ready, waiting at most wait_ms for one.
int hal_socket_poll(int s, unsigned events, uint32_t wait_ms);
// The first IPv4 address of host (a name or a dotted quad) in *addr;
// -ESPY_ENOENT when the name is unknown.
int hal_getaddrinfo(const char *host, hal_sockaddr_t *addr);

// The interrupt character (Ctrl-C): the target calls espy_interrupt()
// (espy.h) from its signal handler or UART interrupt.

// Stops the program after an internal error that cannot be raised.
_Noreturn void hal_fatal(const char *msg);

// Where the C stack starts (for the conservative GC and stack-depth checks).
void *hal_stack_top(void);

// ---- the board (board/: machine, esp) -----------------------------------------
// The CPU clock in Hz; setting accepts 80 and 160 MHz (false for any other
// value). The simulated board keeps the value; the chip switches its PLL.
uint32_t hal_cpu_freq(void);
bool hal_set_cpu_freq(uint32_t hz);

// ---- the board's peripherals (board/machine_*.c) -------------------------------
// What machine is built on. The host simulates all of it (platform/host/
// hal_board.c: pins a test drives and watches, devices on them); the chip
// implements it with its registers (platform/esp8266/hal_board.c); QEMU has
// no peripherals. The functions returning int give 0 or a negative ESPY_E*
// value: -ESPY_ENODEV where the target lacks the hardware, which machine
// raises as OSError.
//
// Interrupts: a target calls board_pin_interrupt and board_alarm (defined in
// board/) from its interrupt handlers on the chip, from a thread of its own
// on the host; either way inside hal_irq_disable(). They only queue Python
// callbacks (micropython_schedule), which the VM runs between bytecodes.

// GPIO by the chip's numbers, 0..16 (board/ keeps users off 6..11, the
// flash's pins). Configuring makes the pad a GPIO; pull_up is refused on
// GPIO16 by board/. An open-drain pin drives low for 0 and lets go for 1
// (GPIO16 by switching its output off, having no open-drain driver).
#define HAL_PIN_COUNT 17
#define HAL_PIN_IN 0
#define HAL_PIN_OUT 1
#define HAL_PIN_OPEN_DRAIN 2
int hal_pin_config(unsigned pin, unsigned mode, bool pull_up);
void hal_pin_write(unsigned pin, bool level);
bool hal_pin_read(unsigned pin);                 // the level at the pad
// Edge interrupts on GPIO 0..15 (GPIO16 has none): a mask of these, 0 off.
#define HAL_PIN_IRQ_RISING 1
#define HAL_PIN_IRQ_FALLING 2
void hal_pin_irq(unsigned pin, unsigned edges);
void board_pin_interrupt(unsigned pin);         // board/: an enabled edge came

// Interrupts off and back (machine.disable_irq; data shared with handlers).
uint32_t hal_irq_disable(void);
void hal_irq_restore(uint32_t state);
// Waits for the next interrupt (machine.idle; at most a few ms on the host).
void hal_wait_for_interrupt(void);
// A busy wait accurate to about a microsecond, for bit-banged buses; it does
// not look at Ctrl-C.
void hal_delay_us(uint32_t us);
// Code that bit-bangs a bus against a device's timing (the 1-wire slots,
// the DHT's pulses) does it with interrupts off and measures time with
// hal_ticks_us and hal_delay_us only: the host's simulated board then runs
// it in virtual time (platform/host/hal_board.c), as the chip would.

// One alarm for machine.Timer and machine.WDT: board_alarm() is called once,
// `us` microseconds from now; starting again replaces it.
int hal_alarm_start(uint32_t us);
void hal_alarm_stop(void);
void board_alarm(void);                         // board/: the alarm went off

// machine.bitstream: for each bit of buf, most significant first, the pin
// is high for high_ns[bit] then low for low_ns[bit] nanoseconds, with
// interrupts off. The pin is an output already.
void hal_bitstream(unsigned pin, const uint32_t high_ns[2], const uint32_t low_ns[2], const uint8_t *buf,
                   size_t len);

// ADC: channel 0 the TOUT pin (0..1024), 1 the supply voltage. The reading,
// or a negative ESPY_E* value.
int hal_adc_read(unsigned channel);

// PWM (software, one frequency for all channels, 1..1000 Hz): duty[pin]
// 0..1023, or -1 for a pin without PWM. Replaces the whole state.
int hal_pwm_config(uint32_t freq, const int16_t duty[HAL_PIN_COUNT]);

// UART: id 0 is the console, 1 transmits only (GPIO2). parity -1 none, 0
// even, 1 odd; stop 1 or 2. Writing waits for room in the FIFO.
int hal_uart_config(unsigned id, uint32_t baudrate, unsigned bits, int parity, unsigned stop);
void hal_uart_write(unsigned id, const void *data, size_t len);

// The hardware SPI (HSPI, id 1): SCK GPIO14, MOSI GPIO13, MISO GPIO12.
// baudrate 80 MHz or what board/ has rounded it to. out or in may be NULL
// (zeros are sent when out is).
int hal_spi_config(uint32_t baudrate, unsigned polarity, unsigned phase);
void hal_spi_transfer(const uint8_t *out, uint8_t *in, size_t len);

// RTC user memory, kept across resets and deep sleep (not power loss):
// HAL_RTC_MEMORY_SIZE bytes at byte offsets (any alignment).
#define HAL_RTC_MEMORY_SIZE 500
void hal_rtc_memory_read(uint32_t offset, void *buf, size_t len);
void hal_rtc_memory_write(uint32_t offset, const void *buf, size_t len);

// Resets, with machine's numbers for the causes.
#define HAL_RESET_POWER_ON 0
#define HAL_RESET_WDT 1
#define HAL_RESET_EXCEPTION 2
#define HAL_RESET_SOFT_WDT 3
#define HAL_RESET_SOFT 4
#define HAL_RESET_DEEPSLEEP 5
#define HAL_RESET_HARD 6
int hal_reset_cause(void);
// Restarts the board as machine.reset() does (kind HAL_RESET_SOFT), as its
// watchdog does (HAL_RESET_WDT), or puts it into deep sleep (kind
// HAL_RESET_DEEPSLEEP) for sleep_us microseconds (0: until reset), after
// which it starts with that cause. The RTC's memory and clock are kept.
// Returns only on a target that cannot restart itself (QEMU, a script on
// the host), or when called from an interrupt, having recorded the cause:
// board/ then raises SystemExit, or asks again from Python. The host's
// simulated board starts again as the chip does.
void hal_reset(unsigned kind, uint64_t sleep_us);
// The chip's id (machine.unique_id(): its 4 bytes, little-endian).
uint32_t hal_chip_id(void);

// The simulated board's controls, for tests (board/sim_board.c, the
// simboard module): NULL on targets without a simulation.
#define HAL_SIM_OUTPUT_UART1 255
#define HAL_SIM_OUTPUT_SPI 254
typedef struct hal_sim {
    // A level applied to pin from outside (0, 1, or -1: none, floating),
    // now or delay_us from now.
    void (*pin_apply)(unsigned pin, int level, uint32_t delay_us);
    // What the pin shows: its level; *mode, *pull_up, *driven (the level the
    // chip drives, -1 none) and *applied (-1 none) describe it.
    int (*pin_state)(unsigned pin, int *mode, bool *pull_up, int *driven, int *applied);
    // Wires pin `to` to pin `from` (to reads what from shows); to == from cuts it.
    void (*pin_wire)(unsigned from, unsigned to);
    // Attaches a 256-byte I2C memory (a 24C02 EEPROM) at addr on two pins;
    // false when the bus is full. i2c_memory gives its bytes (NULL if none).
    bool (*i2c_attach)(unsigned scl, unsigned sda, unsigned addr);
    uint8_t *(*i2c_memory)(unsigned addr);
    // The transactions the I2C device at addr saw since the last call, as
    // text: " w:" or " r:" and the bytes written to it or read from it in
    // hex (the count of characters copied, at most size).
    size_t (*i2c_log)(unsigned addr, char *buf, size_t size);
    // Attaches an SPI peripheral on four pins in SPI mode 0..3 (polarity
    // << 1 | phase), selected by cs low: false when cs has one already or
    // there are 4. It keeps what it receives (spi_take: the count, -1 no
    // such device) and sends what spi_reply queued, 0xFF after.
    bool (*spi_attach)(unsigned sck, unsigned mosi, unsigned miso, unsigned cs, unsigned mode);
    bool (*spi_reply)(unsigned cs, const uint8_t *data, size_t len);
    long (*spi_take)(unsigned cs, uint8_t *buf, size_t size);
    void (*adc_set)(unsigned channel, int value);
    // The PWM of a pin: false when it has none.
    bool (*pwm_get)(unsigned pin, uint32_t *freq, uint32_t *duty);
    // Takes the bytes sent on UART1 (pin HAL_SIM_OUTPUT_UART1), on the
    // hardware SPI's MOSI (HAL_SIM_OUTPUT_SPI) or by bitstream on a pin
    // since the last call: the count copied (at most size).
    size_t (*take_output)(unsigned pin, uint8_t *buf, size_t size);
    // Sensors on a pin, each bringing its pull-up resistor (sim_onewire.c,
    // sim_dht.c). HAL_SIM_DS18X20 is a 1-wire thermometer whose ROM is the
    // 8 bytes `rom` (its family, rom[0], says which: 0x28 DS18B20, 0x22
    // DS1822, 0x10 DS18S20); several share a bus. HAL_SIM_DHT11 and
    // HAL_SIM_DHT22 are humidity sensors, one per pin (rom unused). Gives
    // the sensor's number, or -1: no room (8 thermometers, 4 DHTs), the ROM
    // is on the bus already, or the pin has a sensor of the other kind.
    int (*sensor_attach)(unsigned pin, unsigned kind, const uint8_t rom[8]);
    // What sensor n measures from now on, or how it behaves (`what`, one of
    // HAL_SIM_SET_*); false when there is no such sensor or the setting is
    // not one of its own (a thermometer has no humidity).
    bool (*sensor_set)(int n, unsigned what, double value);
    // Takes the record of the 1-wire bus on pin since the last call, the
    // bus's slots as they passed, whoever drove them: 'R' a reset pulse
    // nobody answered, 'P' one answered with a presence pulse, '0' and '1'
    // the bits (a slot low for 15 us or more is a 0). The count copied.
    size_t (*onewire_log)(unsigned pin, char *buf, size_t size);
    // Back to a board with nothing attached and every input floating.
    void (*reset)(void);
} hal_sim_t;
#define HAL_SIM_DS18X20 1
#define HAL_SIM_DHT11 2
#define HAL_SIM_DHT22 3
#define HAL_SIM_SET_TEMPERATURE 1   // degrees Celsius, from the next conversion or answer
#define HAL_SIM_SET_HUMIDITY 2      // % relative humidity (a DHT)
#define HAL_SIM_SET_SILENT 3        // nonzero: answers nothing (no presence pulse, no DHT answer)
#define HAL_SIM_SET_CORRUPT 4       // nonzero: a bit of the next scratchpad or reading is flipped
const hal_sim_t *hal_sim(void);

// ---- the radio (board/mod_network.c) -------------------------------------------
// The WiFi interfaces as the chip's SDK keeps them: the station (STA) and the
// access point (AP), each on or off. The station connects in the background:
// hal_wifi_connect returns at once and network polls hal_wifi_status, which
// moves from CONNECTING to GOT_IP or to a failure. What the SDK saves in
// flash (which interfaces are on, the station's credentials, the access
// point's configuration) outlives resets, and at start-up the station
// reconnects with the saved credentials. SSIDs and keys are counted bytes.
// The int functions return 0 (or a count) or a negative ESPY_E* value:
// -ESPY_ENODEV without a radio (QEMU, and the chip until its SDK binding
// exists), -ESPY_EPERM when the station is off for what needs it on,
// -ESPY_EINVAL for a setting the radio refuses. The host simulates the
// radio (platform/host/hal_wifi.c, `--wifi FILE`).
#define HAL_WIFI_STA 0
#define HAL_WIFI_AP 1
#define HAL_WIFI_SSID_MAX 32
#define HAL_WIFI_KEY_MAX 64          // the AP's key: at most 63

// hal_wifi_status: network.STAT_*.
#define HAL_WIFI_IDLE 0
#define HAL_WIFI_CONNECTING 1
#define HAL_WIFI_WRONG_PASSWORD 2
#define HAL_WIFI_NO_AP_FOUND 3
#define HAL_WIFI_CONNECT_FAIL 4
#define HAL_WIFI_GOT_IP 5

// A network found by a scan; authmode is network.AUTH_* (0 open .. 4).
typedef struct hal_wifi_net {
    uint8_t ssid[HAL_WIFI_SSID_MAX];
    uint8_t ssid_len;                // 0 for a hidden network
    uint8_t bssid[6];
    uint8_t channel;
    uint8_t authmode;
    int8_t rssi;                     // dBm
    bool hidden;
} hal_wifi_net_t;

// The station's credentials (what connect() saves).
typedef struct hal_wifi_sta_config {
    uint8_t ssid[HAL_WIFI_SSID_MAX];
    uint8_t ssid_len;
    uint8_t key[HAL_WIFI_KEY_MAX];
    uint8_t key_len;
    uint8_t bssid[6];
    bool bssid_set;                  // only the AP with this bssid
} hal_wifi_sta_config_t;

typedef struct hal_wifi_ap_config {
    uint8_t ssid[HAL_WIFI_SSID_MAX];
    uint8_t ssid_len;
    uint8_t key[HAL_WIFI_KEY_MAX];
    uint8_t key_len;
    uint8_t authmode;                // open, or a key of 8..63 bytes (no WEP)
    uint8_t channel;                 // 1..13
    bool hidden;
} hal_wifi_ap_config_t;

// An interface's IPv4 settings, in network order; dns is the one DNS
// server both interfaces share.
typedef struct hal_wifi_ip {
    uint8_t ip[4], mask[4], gw[4], dns[4];
} hal_wifi_ip_t;

// A station connected to the access point.
typedef struct hal_wifi_client {
    uint8_t mac[6];
    uint8_t ip[4];
} hal_wifi_client_t;

// Numeric settings for hal_wifi_get and hal_wifi_set.
#define HAL_WIFI_PHY_MODE 0          // network.MODE_11B/G/N (1..3)
#define HAL_WIFI_CHANNEL 1           // get: the radio's channel now
#define HAL_WIFI_TXPOWER 2           // set: the maximum power in 0.25 dBm, 0..82
#define HAL_WIFI_PM 3                // WLAN.PM_*: 0 none, 1 light sleep, 2 modem sleep
#define HAL_WIFI_RECONNECTS 4        // the station's tries after a loss: -1 forever
#define HAL_WIFI_RSSI 5              // get: the station's AP's, 31 when not connected (the SDK's)
#define HAL_WIFI_DHCP 6              // the station's DHCP client: get 0/1; set 1 (re)starts it

bool hal_wifi_active(unsigned ifc);
int hal_wifi_set_active(unsigned ifc, bool on);
// Scans every channel (the station must be on; it takes a moment) and
// fills nets; returns the count found, of which at most max were stored.
int hal_wifi_scan(hal_wifi_net_t *nets, size_t max);
int hal_wifi_sta_config(hal_wifi_sta_config_t *config);
// Saves config (NULL: keeps the saved one) and starts connecting with it.
int hal_wifi_connect(const hal_wifi_sta_config_t *config);
int hal_wifi_disconnect(void);
int hal_wifi_status(void);
int hal_wifi_ap_config(hal_wifi_ap_config_t *config);
int hal_wifi_set_ap_config(const hal_wifi_ap_config_t *config);
int hal_wifi_ip(unsigned ifc, hal_wifi_ip_t *ip);
// Fixed settings: stops the station's DHCP client (or restarts the access
// point's DHCP server on the new subnet); also sets the DNS server.
int hal_wifi_set_ip(unsigned ifc, const hal_wifi_ip_t *ip);
int hal_wifi_mac(unsigned ifc, uint8_t mac[6]);
int hal_wifi_set_mac(unsigned ifc, const uint8_t mac[6]);
// The name the station gives the DHCP server (network.hostname).
int hal_wifi_set_hostname(const char *name);
int hal_wifi_get(unsigned setting, int *value);
int hal_wifi_set(unsigned setting, int value);
// The stations connected to the access point: the count, at most max stored.
int hal_wifi_clients(hal_wifi_client_t *clients, size_t max);
// Whether a socket can reach beyond the board: the station has an address
// or the access point is up (lib/mod_socket.c refuses connect and sendto
// with EHOSTUNREACH otherwise, as lwIP finds no route). True where the
// target's network stack answers for itself (the chip, QEMU) and in the
// host's script mode.
bool hal_wifi_net_up(void);

#endif
