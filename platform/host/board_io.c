// SPDX-License-Identifier: MIT
// `espy --board-io PATH`: the simulated board's pins and devices from
// outside the Python program. PATH becomes a Unix socket; each client sends
// commands, one per line, and gets one line back for each: "ok ..." or
// "error: ...". A client that sends `watch` also gets a line "event pin N
// LEVEL" whenever a pin's level changes. The commands are simboard's
// (board/sim_board.c), which is what a program on the board can do to
// itself; docs/board-io.md describes them for people and test scripts.
//
// One thread serves every client with poll(). Level changes come from
// whichever thread changes a pin, with the board's lock held: they go into
// a ring and a byte on a pipe wakes the thread, which sends them out, so
// that a slow client never holds the board up (its events are dropped, and
// counted, when its queue is full).
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "board_io.h"
#include "hal.h"
#include "hal_board.h"
#include "machine.h"

#define CLIENTS_MAX 8
#define LINE_MAX_BYTES 1024
#define EVENTS_MAX 1024
#define REPLY_MAX 4096

typedef struct {
    int fd;                      // -1: free
    bool watching;
    size_t len;                  // bytes of the line being read
    bool overlong;               // the line being read is too long: skip to its end
    char line[LINE_MAX_BYTES];
} client_t;

static struct {
    int listen_fd;
    int wake[2];                 // the pipe that says events are waiting
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    client_t clients[CLIENTS_MAX];
    pthread_t thread;
    pthread_mutex_t lock;        // the event ring
    struct {
        uint8_t pin, level;
    } events[EVENTS_MAX];
    unsigned head, tail;
    unsigned dropped;
} io = {.listen_fd = -1, .lock = PTHREAD_MUTEX_INITIALIZER};

// ---- replies ---------------------------------------------------------------------------------

typedef struct {
    char text[REPLY_MAX];
    size_t len;
} reply_t;

static void add(reply_t *r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(r->text + r->len, sizeof(r->text) - r->len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        r->len += (size_t)n < sizeof(r->text) - r->len ? (size_t)n : sizeof(r->text) - r->len - 1;
    }
}

static void add_hex(reply_t *r, const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len && r->len + 3 < sizeof(r->text); i++) {
        add(r, "%02x", data[i]);
    }
}

static void send_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;              // the client has gone: its poll will say so
        }
        data += n;
        len -= (size_t)n;
    }
}

// ---- parsing ------------------------------------------------------------------------------------

typedef struct {
    char *word[8];
    int n;
} words_t;

static void split(char *line, words_t *w) {
    w->n = 0;
    for (char *save = NULL, *t = strtok_r(line, " \t\r", &save); t != NULL && w->n < 8;
         t = strtok_r(NULL, " \t\r", &save)) {
        w->word[w->n++] = t;
    }
}

// A whole number in [lo, hi], decimal or 0x hex.
static bool number(const char *s, long lo, long hi, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 0);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi) {
        return false;
    }
    *out = v;
    return true;
}

static bool pin_arg(const char *s, unsigned *pin, reply_t *r) {
    long v;
    if (!number(s, 0, HAL_PIN_COUNT - 1, &v)) {
        add(r, "error: no pin %s (0..16)", s);
        return false;
    }
    *pin = (unsigned)v;
    return true;
}

static bool hex_bytes(const char *s, uint8_t *out, size_t size, size_t *len) {
    size_t n = strlen(s);
    if (n % 2 != 0 || n / 2 > size) {
        return false;
    }
    for (size_t i = 0; i < n / 2; i++) {
        unsigned b;
        if (sscanf(s + 2 * i, "%2x", &b) != 1) {
            return false;
        }
        out[i] = (uint8_t)b;
    }
    *len = n / 2;
    return true;
}

static const char *level_name(int level) {
    return level < 0 ? "none" : level ? "1" : "0";
}

static const char help_text[] =
    "ok commands:\n"
    "  pin N                      the level pin N shows\n"
    "  pin N 0|1|float [AFTER_US] applies a level from outside (now, or AFTER_US from now)\n"
    "  pins                       the levels of pins 0..16\n"
    "  state N                    MODE PULL DRIVEN APPLIED (in/out/open_drain/none, up/none, 0/1/none)\n"
    "  wire SRC DST               DST reads what SRC shows; unwire DST cuts it\n"
    "  adc CHANNEL VALUE          what ADC(CHANNEL).read() gives (0: TOUT 0..1024, 1: VCC in mV)\n"
    "  pwm N                      FREQ DUTY of pin N's PWM, or none\n"
    "  uart1 | spi | bitstream N  the bytes sent (hex) since the last time asked\n"
    "  i2c-device SCL SDA [ADDR]  attaches a 256-byte EEPROM (24C02), address 0x50 by default\n"
    "  i2c-memory ADDR [OFFSET HEX]  its bytes (hex), or writes HEX at OFFSET\n"
    "  i2c-log ADDR               its transactions since then: ' w:HEX' written, ' r:HEX' read\n"
    "  spi-device SCK MOSI MISO CS [MODE]  an SPI peripheral selected by CS low (mode 0..3)\n"
    "  spi-reply CS HEX           the bytes it sends next (0xff after them)\n"
    "  spi-received CS            the bytes it took since then (hex)\n"
    "  onewire-device PIN ROM     a DS18x20 thermometer (ROM: 8 bytes hex, or 7 and the CRC is added): ok N\n"
    "  dht-device PIN 11|22       a DHT11 or DHT22 humidity sensor: ok N\n"
    "  sensor N temperature|humidity|silent|corrupt VALUE  what sensor N measures or does next\n"
    "  onewire-log PIN            the 1-wire slots since then: P presence, R no answer, 0 and 1 bits\n"
    "  watch | unwatch            'event pin N LEVEL' lines whenever a level changes\n"
    "  detach-all                 nothing attached, every input floating\n"
    "  help\n"
    "end\n";

static void command(client_t *c, char *line, reply_t *r) {
    const hal_sim_t *sim = hal_sim();
    words_t w;
    split(line, &w);
    if (w.n == 0) {
        return;                  // an empty line: no reply
    }
    const char *cmd = w.word[0];
    unsigned pin;
    long v, v2;
    if (strcmp(cmd, "help") == 0) {
        add(r, "%s", help_text);
        return;
    }
    if (strcmp(cmd, "pin") == 0 && (w.n == 2 || w.n == 3 || w.n == 4)) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        if (w.n == 2) {
            int mode, driven, applied;
            bool pull_up;
            add(r, "ok %d", sim->pin_state(pin, &mode, &pull_up, &driven, &applied));
            return;
        }
        int level = strcmp(w.word[2], "float") == 0 ? -1 : strcmp(w.word[2], "1") == 0 ? 1
                  : strcmp(w.word[2], "0") == 0 ? 0 : -2;
        if (level == -2) {
            add(r, "error: a level is 0, 1 or float, not %s", w.word[2]);
            return;
        }
        if (w.n == 4) {
            if (!number(w.word[3], 0, 60000000, &v)) {
                add(r, "error: AFTER_US is 0..60000000, not %s", w.word[3]);
                return;
            }
            sim->pin_apply(pin, level, (uint32_t)v);
        } else {
            sim_apply_from_outside(pin, level);
        }
        add(r, "ok");
        return;
    }
    if (strcmp(cmd, "pins") == 0 && w.n == 1) {
        add(r, "ok");
        for (unsigned n = 0; n < HAL_PIN_COUNT; n++) {
            int mode, driven, applied;
            bool pull_up;
            add(r, " %d", sim->pin_state(n, &mode, &pull_up, &driven, &applied));
        }
        return;
    }
    if (strcmp(cmd, "state") == 0 && w.n == 2) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        int mode, driven, applied;
        bool pull_up;
        sim->pin_state(pin, &mode, &pull_up, &driven, &applied);
        static const char *const modes[] = {"in", "out", "open_drain"};
        add(r, "ok %s %s %s %s", mode < 0 || mode > 2 ? "none" : modes[mode], pull_up ? "up" : "none",
            level_name(driven), level_name(applied));
        return;
    }
    if (strcmp(cmd, "wire") == 0 && w.n == 3) {
        unsigned to;
        if (pin_arg(w.word[1], &pin, r) && pin_arg(w.word[2], &to, r)) {
            sim->pin_wire(pin, to);
            add(r, "ok");
        }
        return;
    }
    if (strcmp(cmd, "unwire") == 0 && w.n == 2) {
        if (pin_arg(w.word[1], &pin, r)) {
            sim->pin_wire(pin, pin);
            add(r, "ok");
        }
        return;
    }
    if (strcmp(cmd, "adc") == 0 && w.n == 3) {
        if (!number(w.word[1], 0, 1, &v) || !number(w.word[2], 0, 65535, &v2)) {
            add(r, "error: adc CHANNEL VALUE: channel 0 or 1, value 0..65535");
            return;
        }
        sim->adc_set((unsigned)v, (int)v2);
        add(r, "ok");
        return;
    }
    if (strcmp(cmd, "pwm") == 0 && w.n == 2) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        uint32_t freq, duty;
        if (sim->pwm_get(pin, &freq, &duty)) {
            add(r, "ok %u %u", (unsigned)freq, (unsigned)duty);
        } else {
            add(r, "ok none");
        }
        return;
    }
    if (((strcmp(cmd, "uart1") == 0 || strcmp(cmd, "spi") == 0) && w.n == 1) ||
        (strcmp(cmd, "bitstream") == 0 && w.n == 2)) {
        unsigned which = cmd[0] == 'u' ? HAL_SIM_OUTPUT_UART1 : HAL_SIM_OUTPUT_SPI;
        if (cmd[0] == 'b') {
            if (!pin_arg(w.word[1], &pin, r)) {
                return;
            }
            which = pin;
        }
        add(r, "ok ");
        uint8_t buf[(REPLY_MAX - 8) / 2];
        add_hex(r, buf, sim->take_output(which, buf, sizeof(buf)));
        return;
    }
    if (strcmp(cmd, "i2c-device") == 0 && (w.n == 3 || w.n == 4)) {
        unsigned sda;
        if (!pin_arg(w.word[1], &pin, r) || !pin_arg(w.word[2], &sda, r)) {
            return;
        }
        v = 0x50;
        if (w.n == 4 && !number(w.word[3], 0x08, 0x77, &v)) {
            add(r, "error: an I2C address is 0x08..0x77, not %s", w.word[3]);
            return;
        }
        if (pin == sda) {
            add(r, "error: SCL and SDA must be two pins");
        } else if (!sim->i2c_attach(pin, sda, (unsigned)v)) {
            add(r, "error: no room for another I2C device");
        } else {
            add(r, "ok");
        }
        return;
    }
    if (strcmp(cmd, "i2c-memory") == 0 && (w.n == 2 || w.n == 4)) {
        uint8_t *memory;
        if (!number(w.word[1], 0, 0x7F, &v) || (memory = sim->i2c_memory((unsigned)v)) == NULL) {
            add(r, "error: no I2C device at %s", w.word[1]);
            return;
        }
        if (w.n == 2) {
            add(r, "ok ");
            add_hex(r, memory, 256);
            return;
        }
        uint8_t data[256];
        size_t len;
        if (!number(w.word[2], 0, 255, &v2) || !hex_bytes(w.word[3], data, sizeof(data), &len) ||
            (size_t)v2 + len > 256) {
            add(r, "error: i2c-memory ADDR OFFSET HEX: OFFSET 0..255, an even count of hex digits within 256 bytes");
            return;
        }
        uint32_t irq = hal_irq_disable();
        memcpy(memory + v2, data, len);
        hal_irq_restore(irq);
        add(r, "ok");
        return;
    }
    if (strcmp(cmd, "i2c-log") == 0 && w.n == 2) {
        if (!number(w.word[1], 0, 0x7F, &v) || sim->i2c_memory((unsigned)v) == NULL) {
            add(r, "error: no I2C device at %s", w.word[1]);
            return;
        }
        char log[REPLY_MAX - 8];
        size_t n = sim->i2c_log((unsigned)v, log, sizeof(log) - 1);
        log[n] = '\0';
        add(r, "ok%s", log);
        return;
    }
    if (strcmp(cmd, "spi-device") == 0 && (w.n == 5 || w.n == 6)) {
        unsigned pins[4];
        for (int i = 0; i < 4; i++) {
            if (!pin_arg(w.word[1 + i], &pins[i], r)) {
                return;
            }
        }
        v = 0;
        if (w.n == 6 && !number(w.word[5], 0, 3, &v)) {
            add(r, "error: an SPI mode is 0..3, not %s", w.word[5]);
            return;
        }
        if (!sim->spi_attach(pins[0], pins[1], pins[2], pins[3], (unsigned)v)) {
            add(r, "error: a device on chip select %u already, or 4 SPI devices", pins[3]);
        } else {
            add(r, "ok");
        }
        return;
    }
    if (strcmp(cmd, "spi-reply") == 0 && w.n == 3) {
        uint8_t data[LINE_MAX_BYTES / 2];
        size_t len;
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        if (!hex_bytes(w.word[2], data, sizeof(data), &len)) {
            add(r, "error: the bytes are an even count of hex digits");
        } else if (!sim->spi_reply(pin, data, len)) {
            add(r, "error: no SPI device on chip select %u, or its queue is full", pin);
        } else {
            add(r, "ok");
        }
        return;
    }
    if (strcmp(cmd, "spi-received") == 0 && w.n == 2) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        uint8_t buf[(REPLY_MAX - 8) / 2];
        long n = sim->spi_take(pin, buf, sizeof(buf));
        if (n < 0) {
            add(r, "error: no SPI device on chip select %u", pin);
            return;
        }
        add(r, "ok ");
        add_hex(r, buf, (size_t)n);
        return;
    }
    if (strcmp(cmd, "onewire-device") == 0 && w.n == 3) {
        uint8_t rom[8];
        size_t len;
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        if (!hex_bytes(w.word[2], rom, sizeof(rom), &len) || len < 7) {
            add(r, "error: a ROM is 8 bytes in hex (7 without its CRC)");
            return;
        }
        if (len == 7) {
            rom[7] = onewire_crc8(rom, 7);
        }
        if (rom[0] != 0x10 && rom[0] != 0x22 && rom[0] != 0x28) {
            add(r, "error: no simulated 1-wire device of family 0x%02x (0x28 DS18B20, 0x22 DS1822, 0x10 DS18S20)",
                rom[0]);
            return;
        }
        int n = sim->sensor_attach(pin, HAL_SIM_DS18X20, rom);
        if (n < 0) {
            add(r, "error: 8 thermometers already, the ROM on the bus already, or a DHT on the pin");
        } else {
            add(r, "ok %d", n);
        }
        return;
    }
    if (strcmp(cmd, "dht-device") == 0 && w.n == 3) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        if (strcmp(w.word[2], "11") != 0 && strcmp(w.word[2], "22") != 0) {
            add(r, "error: a DHT is 11 or 22, not %s", w.word[2]);
            return;
        }
        int n = sim->sensor_attach(pin, w.word[2][0] == '1' ? HAL_SIM_DHT11 : HAL_SIM_DHT22, NULL);
        if (n < 0) {
            add(r, "error: 4 DHTs already, or a sensor on the pin");
        } else {
            add(r, "ok %d", n);
        }
        return;
    }
    if (strcmp(cmd, "sensor") == 0 && w.n == 4) {
        static const struct {
            const char *name;
            unsigned what;
        } settings[] = {{"temperature", HAL_SIM_SET_TEMPERATURE}, {"humidity", HAL_SIM_SET_HUMIDITY},
                        {"silent", HAL_SIM_SET_SILENT}, {"corrupt", HAL_SIM_SET_CORRUPT}};
        char *end;
        double value = strtod(w.word[3], &end);
        if (!number(w.word[1], 0, 255, &v) || *end != '\0' || end == w.word[3]) {
            add(r, "error: sensor N temperature|humidity|silent|corrupt VALUE");
            return;
        }
        for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
            if (strcmp(w.word[2], settings[i].name) == 0) {
                if (sim->sensor_set((int)v, settings[i].what, value)) {
                    add(r, "ok");
                } else {
                    add(r, "error: no sensor %ld, or it has no %s", v, w.word[2]);
                }
                return;
            }
        }
        add(r, "error: a sensor has temperature, humidity, silent or corrupt, not %s", w.word[2]);
        return;
    }
    if (strcmp(cmd, "onewire-log") == 0 && w.n == 2) {
        if (!pin_arg(w.word[1], &pin, r)) {
            return;
        }
        char log[REPLY_MAX - 8];
        size_t n = sim->onewire_log(pin, log, sizeof(log) - 1);
        log[n] = '\0';
        add(r, "ok %s", log);
        return;
    }
    if ((strcmp(cmd, "watch") == 0 || strcmp(cmd, "unwatch") == 0) && w.n == 1) {
        c->watching = cmd[0] == 'w';
        add(r, "ok");
        return;
    }
    if (strcmp(cmd, "detach-all") == 0 && w.n == 1) {
        sim->reset();
        add(r, "ok");
        return;
    }
    add(r, "error: unknown command or wrong arguments: %s (try help)", cmd);
}

// ---- events ---------------------------------------------------------------------------------------

// With the board's lock held, on any thread: queue it and wake the server.
static void on_level(unsigned pin, int level) {
    pthread_mutex_lock(&io.lock);
    if ((io.head + 1) % EVENTS_MAX == io.tail) {
        io.dropped++;
    } else {
        io.events[io.head].pin = (uint8_t)pin;
        io.events[io.head].level = (uint8_t)level;
        io.head = (io.head + 1) % EVENTS_MAX;
    }
    pthread_mutex_unlock(&io.lock);
    char b = 1;
    ssize_t ignored = write(io.wake[1], &b, 1);      // a full pipe already says it
    (void)ignored;
}

static void send_events(void) {
    char buf[64];
    for (;;) {
        pthread_mutex_lock(&io.lock);
        if (io.tail == io.head) {
            unsigned dropped = io.dropped;
            io.dropped = 0;
            pthread_mutex_unlock(&io.lock);
            if (dropped > 0) {
                int n = snprintf(buf, sizeof buf, "event dropped %u\n", dropped);
                for (int i = 0; i < CLIENTS_MAX; i++) {
                    if (io.clients[i].fd >= 0 && io.clients[i].watching) {
                        send_all(io.clients[i].fd, buf, (size_t)n);
                    }
                }
            }
            return;
        }
        unsigned pin = io.events[io.tail].pin, level = io.events[io.tail].level;
        io.tail = (io.tail + 1) % EVENTS_MAX;
        pthread_mutex_unlock(&io.lock);
        int n = snprintf(buf, sizeof buf, "event pin %u %u\n", pin, level);
        for (int i = 0; i < CLIENTS_MAX; i++) {
            if (io.clients[i].fd >= 0 && io.clients[i].watching) {
                send_all(io.clients[i].fd, buf, (size_t)n);
            }
        }
    }
}

// ---- the server -----------------------------------------------------------------------------------

static void client_input(client_t *c) {
    char buf[512];
    ssize_t n = recv(c->fd, buf, sizeof(buf), 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        return;
    }
    if (n <= 0) {
        close(c->fd);
        c->fd = -1;
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (c->len < sizeof(c->line) - 1) {
                c->line[c->len++] = buf[i];
            } else {
                c->overlong = true;
            }
            continue;
        }
        static reply_t r;
        r.len = 0;
        if (c->overlong) {
            add(&r, "error: a line is at most %d bytes", LINE_MAX_BYTES - 1);
        } else {
            c->line[c->len] = '\0';
            command(c, c->line, &r);
        }
        c->len = 0;
        c->overlong = false;
        if (r.len > 0) {
            if (r.text[r.len - 1] != '\n') {
                add(&r, "\n");
            }
            send_all(c->fd, r.text, r.len);
        }
    }
}

static void *serve(void *arg) {
    (void)arg;
    for (;;) {
        struct pollfd fds[CLIENTS_MAX + 2];
        int map[CLIENTS_MAX + 2];
        nfds_t n = 0;
        fds[n] = (struct pollfd){io.listen_fd, POLLIN, 0};
        map[n++] = -1;
        fds[n] = (struct pollfd){io.wake[0], POLLIN, 0};
        map[n++] = -2;
        for (int i = 0; i < CLIENTS_MAX; i++) {
            if (io.clients[i].fd >= 0) {
                fds[n] = (struct pollfd){io.clients[i].fd, POLLIN, 0};
                map[n++] = i;
            }
        }
        if (poll(fds, n, -1) < 0) {
            continue;                // EINTR
        }
        for (nfds_t k = 0; k < n; k++) {
            if (fds[k].revents == 0) {
                continue;
            }
            if (map[k] == -1) {
                int fd = accept4(io.listen_fd, NULL, NULL, SOCK_CLOEXEC);
                if (fd < 0) {
                    continue;
                }
                int slot = -1;
                for (int i = 0; i < CLIENTS_MAX && slot < 0; i++) {
                    slot = io.clients[i].fd < 0 ? i : -1;
                }
                if (slot < 0) {
                    static const char full[] = "error: too many clients\n";
                    send_all(fd, full, sizeof(full) - 1);
                    close(fd);
                    continue;
                }
                io.clients[slot] = (client_t){.fd = fd};
            } else if (map[k] == -2) {
                char drain[256];
                while (read(io.wake[0], drain, sizeof(drain)) > 0) {
                }
                send_events();
            } else {
                client_input(&io.clients[map[k]]);
            }
        }
    }
    return NULL;
}

static void remove_socket(void) {
    unlink(io.path);
}

int board_io_start(const char *path) {
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(addr.sun_path)) {
        fprintf(stderr, "espy: --board-io %s: the path is too long for a socket (at most %zu bytes)\n", path,
                sizeof(addr.sun_path) - 1);
        return -1;
    }
    strcpy(addr.sun_path, path);
    struct stat st;
    if (lstat(path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            fprintf(stderr, "espy: --board-io %s: exists and is not a socket; give another path\n", path);
            return -1;
        }
        unlink(path);            // left by an earlier run
    }
    io.listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (io.listen_fd < 0 || bind(io.listen_fd, (struct sockaddr *)&addr, sizeof(addr)) != 0 ||
        listen(io.listen_fd, 4) != 0 || pipe2(io.wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        fprintf(stderr, "espy: --board-io %s: %s\n", path, strerror(errno));
        return -1;
    }
    strcpy(io.path, path);
    atexit(remove_socket);
    for (int i = 0; i < CLIENTS_MAX; i++) {
        io.clients[i].fd = -1;
    }
    hal_sim();                   // the board's lock exists before the first event
    sim_watch_levels(on_level);
    if (pthread_create(&io.thread, NULL, serve, NULL) != 0) {
        fprintf(stderr, "espy: --board-io: can't start its thread\n");
        return -1;
    }
    return 0;
}
