// SPDX-License-Identifier: MIT
// hal.h's sockets for the host: the host's own IPv4 sockets, so that espy
// programs talk to real servers (on the loopback in the tests). Every socket
// is opened non-blocking and close-on-exec; lib/mod_socket.c waits with
// hal_socket_poll. The handle is the file descriptor. errno values become
// espy's (ESPY_E*, Linux's numbers, so the known ones pass through).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "exc.h"
#include "hal.h"

static int error(void) {
    switch (errno) {
        case EPERM: case EBADF: case EAGAIN: case ENOMEM: case EACCES: case EINVAL: case EOPNOTSUPP:
        case EADDRINUSE: case ECONNABORTED: case ECONNRESET: case ENOBUFS: case EISCONN: case ENOTCONN:
        case ETIMEDOUT: case ECONNREFUSED: case EHOSTUNREACH: case EALREADY: case EINPROGRESS:
            return -errno;
        case EPIPE:
            return -ESPY_ENOTCONN;         // sent on a socket not (or no longer) connected
        case ENETUNREACH: case ENETDOWN:
            return -ESPY_EHOSTUNREACH;
        case EMFILE: case ENFILE:
            return -ESPY_ENOMEM;
        case EAFNOSUPPORT: case EPROTONOSUPPORT: case ESOCKTNOSUPPORT: case ENOPROTOOPT:
            return -ESPY_EOPNOTSUPP;
        case EADDRNOTAVAIL: case EDESTADDRREQ: case EMSGSIZE:
            return -ESPY_EINVAL;
        default:
            return -ESPY_EIO;
    }
}

static int result(int r) {
    return r < 0 ? error() : r;
}

static struct sockaddr_in to_sockaddr(const hal_sockaddr_t *a) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons(a->port);
    memcpy(&sa.sin_addr, a->ip, 4);
    return sa;
}

static void from_sockaddr(const struct sockaddr_in *sa, hal_sockaddr_t *a) {
    memcpy(a->ip, &sa->sin_addr, 4);
    a->port = ntohs(sa->sin_port);
}

int hal_socket_open(int type, int proto) {
    int t = type == HAL_SOCK_STREAM ? SOCK_STREAM : type == HAL_SOCK_DGRAM ? SOCK_DGRAM
            : type == HAL_SOCK_RAW ? SOCK_RAW : -1;
    if (t < 0) {
        return -ESPY_EINVAL;
    }
    return result(socket(AF_INET, t | SOCK_NONBLOCK | SOCK_CLOEXEC, proto));
}

int hal_socket_close(int s) {
    return result(close(s));
}

int hal_socket_bind(int s, const hal_sockaddr_t *addr) {
    struct sockaddr_in sa = to_sockaddr(addr);
    return result(bind(s, (struct sockaddr *)&sa, sizeof(sa)));
}

int hal_socket_listen(int s, int backlog) {
    return result(listen(s, backlog));
}

int hal_socket_accept(int s, hal_sockaddr_t *peer) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int r;
    do {
        r = accept4(s, (struct sockaddr *)&sa, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (r < 0 && errno == EINTR);
    if (r >= 0) {
        from_sockaddr(&sa, peer);
    }
    return result(r);
}

int hal_socket_connect(int s, const hal_sockaddr_t *addr) {
    struct sockaddr_in sa = to_sockaddr(addr);
    int r = connect(s, (struct sockaddr *)&sa, sizeof(sa));
    return r < 0 && errno == EINTR ? -ESPY_EINPROGRESS : result(r);
}

int hal_socket_error(int s) {
    int err = 0;
    socklen_t len = sizeof(err);
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
        return error();
    }
    errno = err;
    return err == 0 ? 0 : error();
}

int hal_socket_sendto(int s, const void *buf, size_t len, const hal_sockaddr_t *to) {
    struct sockaddr_in sa;
    if (to != NULL) {
        sa = to_sockaddr(to);
    }
    ssize_t r;
    do {
        r = sendto(s, buf, len > 0x40000000 ? 0x40000000 : len, MSG_NOSIGNAL, to ? (struct sockaddr *)&sa : NULL,
                   to ? sizeof(sa) : 0);
    } while (r < 0 && errno == EINTR);
    return result((int)r);
}

int hal_socket_recvfrom(int s, void *buf, size_t len, hal_sockaddr_t *from) {
    struct sockaddr_in sa;
    socklen_t salen = sizeof(sa);
    memset(&sa, 0, sizeof(sa));
    ssize_t r;
    do {
        r = recvfrom(s, buf, len > 0x40000000 ? 0x40000000 : len, 0, (struct sockaddr *)&sa, &salen);
    } while (r < 0 && errno == EINTR);
    if (r >= 0 && from != NULL) {
        from_sockaddr(&sa, from);
    }
    return result((int)r);
}

int hal_socket_setsockopt(int s, int option, const void *value, size_t len) {
    if (option == HAL_IP_ADD_MEMBERSHIP || option == HAL_IP_DROP_MEMBERSHIP) {
        if (len != 8) {
            return -ESPY_EINVAL;
        }
        struct ip_mreq mreq;
        memcpy(&mreq.imr_multiaddr, value, 4);
        memcpy(&mreq.imr_interface, (const uint8_t *)value + 4, 4);
        int opt = option == HAL_IP_ADD_MEMBERSHIP ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP;
        return result(setsockopt(s, IPPROTO_IP, opt, &mreq, sizeof(mreq)));
    }
    if (len != sizeof(int)) {
        return -ESPY_EINVAL;
    }
    switch (option) {
        case HAL_SO_REUSEADDR:
            return result(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, value, sizeof(int)));
        case HAL_SO_BROADCAST:
            return result(setsockopt(s, SOL_SOCKET, SO_BROADCAST, value, sizeof(int)));
        case HAL_TCP_NODELAY:
            return result(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, value, sizeof(int)));
        default:
            return -ESPY_EINVAL;
    }
}

int hal_socket_poll(int s, unsigned events, uint32_t wait_ms) {
    struct pollfd p = {s, (short)(((events & HAL_POLL_IN) ? POLLIN : 0) | ((events & HAL_POLL_OUT) ? POLLOUT : 0)), 0};
    int r = poll(&p, 1, wait_ms > 0x7FFFFFFF ? 0x7FFFFFFF : (int)wait_ms);
    if (r < 0) {
        return errno == EINTR ? 0 : error();
    }
    if (p.revents & POLLNVAL) {
        return -ESPY_EBADF;
    }
    return ((p.revents & POLLIN) ? HAL_POLL_IN : 0) | ((p.revents & POLLOUT) ? HAL_POLL_OUT : 0)
           | ((p.revents & POLLERR) ? HAL_POLL_ERR : 0) | ((p.revents & POLLHUP) ? HAL_POLL_HUP : 0);
}

int hal_getaddrinfo(const char *host, hal_sockaddr_t *addr) {
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int r = getaddrinfo(host, NULL, &hints, &res);
    if (r != 0) {
        return r == EAI_SYSTEM ? error() : r == EAI_MEMORY ? -ESPY_ENOMEM : -ESPY_ENOENT;
    }
    from_sockaddr((struct sockaddr_in *)res->ai_addr, addr);
    freeaddrinfo(res);
    return 0;
}
