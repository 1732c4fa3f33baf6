// SPDX-License-Identifier: MIT
// hal.h's sockets on a target without a network stack: QEMU's sim machine,
// the fuzzing build (tests/fuzz/hal_fuzz.c) and, until lwIP is bound to the
// radio, the chip (platform/esp8266/hal_socket_none.c); those last two
// include this file. Every call fails with ENODEV, which socket raises as
// OSError(ENODEV).
#include "exc.h"
#include "hal.h"

int hal_socket_open(int type, int proto) {
    (void)type;
    (void)proto;
    return -ESPY_ENODEV;
}

int hal_socket_close(int s) {
    (void)s;
    return -ESPY_ENODEV;
}

int hal_socket_bind(int s, const hal_sockaddr_t *addr) {
    (void)s;
    (void)addr;
    return -ESPY_ENODEV;
}

int hal_socket_listen(int s, int backlog) {
    (void)s;
    (void)backlog;
    return -ESPY_ENODEV;
}

int hal_socket_accept(int s, hal_sockaddr_t *peer) {
    (void)s;
    (void)peer;
    return -ESPY_ENODEV;
}

int hal_socket_connect(int s, const hal_sockaddr_t *addr) {
    (void)s;
    (void)addr;
    return -ESPY_ENODEV;
}

int hal_socket_error(int s) {
    (void)s;
    return -ESPY_ENODEV;
}

int hal_socket_sendto(int s, const void *buf, size_t len, const hal_sockaddr_t *to) {
    (void)s;
    (void)buf;
    (void)len;
    (void)to;
    return -ESPY_ENODEV;
}

int hal_socket_recvfrom(int s, void *buf, size_t len, hal_sockaddr_t *from) {
    (void)s;
    (void)buf;
    (void)len;
    (void)from;
    return -ESPY_ENODEV;
}

int hal_socket_setsockopt(int s, int option, const void *value, size_t len) {
    (void)s;
    (void)option;
    (void)value;
    (void)len;
    return -ESPY_ENODEV;
}

int hal_socket_poll(int s, unsigned events, uint32_t wait_ms) {
    (void)s;
    (void)events;
    (void)wait_ms;
    return -ESPY_ENODEV;
}

int hal_getaddrinfo(const char *host, hal_sockaddr_t *addr) {
    (void)host;
    (void)addr;
    return -ESPY_ENODEV;
}
