// SPDX-License-Identifier: MIT
// The socket module (also importable as usocket), as the ESP8266 port's
// (MicroPython's modlwip): IPv4 TCP and UDP sockets over hal.h's, with
// getaddrinfo, the port's constants, and the stream protocol (lib/stream.h),
// so that read, readline, write, select.poll and asyncio's streams work on
// sockets as on any stream.
//
// The hal's sockets never block: this file waits for them, in slices of at
// most SLICE_MS, checking for Ctrl-C between slices. A socket's timeout is
// -1 (blocking, the default), 0 (non-blocking: OSError(EAGAIN), or
// EINPROGRESS for connect; the stream methods return None) or a number of
// milliseconds, after which the operation fails with OSError(ETIMEDOUT), as
// on the port (CPython raises socket.timeout).
//
// A socket is closed by close(), by leaving a `with` block (CPython's; the
// port has none), or by the collector when it becomes garbage (__del__,
// which gc_finalise calls; a soft reset finalises every object, so it
// closes every socket). Using a closed socket is OSError(EBADF).
#include "exc.h"
#include "lib.h"
#include "stream.h"
#include "strimpl.h"
#include "vm.h"

#define SLICE_MS 20
#define POLL_NVAL 0x20             // MicroPython's: poll on a closed socket

_Static_assert(HAL_POLL_IN == STREAM_POLL_RD && HAL_POLL_OUT == STREAM_POLL_WR && HAL_POLL_ERR == STREAM_POLL_ERR
                   && HAL_POLL_HUP == STREAM_POLL_HUP,
               "hal.h's poll events are select's");

// The port's numbers (MicroPython's modlwip).
#define AF_INET 2
#define AF_INET6 10
#define SOL_SOCKET 1
#define SO_REUSEADDR 0x04
#define SO_BROADCAST 0x20
#define IPPROTO_IP 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define TCP_NODELAY 0x01
#define IP_ADD_MEMBERSHIP 0x400
#define IP_DROP_MEMBERSHIP 0x401

typedef struct socket_obj {
    obj_t base;
    int handle;                // the hal's, -1 once closed
    int32_t timeout_ms;        // -1 blocking, 0 non-blocking, else the limit
} socket_obj_t;

extern const type_t type_socket;

static value_t socket_new(int handle, int32_t timeout_ms) {
    socket_obj_t *s = gc_alloc(sizeof(socket_obj_t), GC_FINAL | GC_LEAF);
    s->base.type = &type_socket;
    s->handle = handle;
    s->timeout_ms = timeout_ms;
    return PTR_VAL(s);
}

static socket_obj_t *open_socket(value_t self) {
    socket_obj_t *s = obj_native(self, &type_socket);
    if (s->handle < 0) {
        raise_os_error(ESPY_EBADF);
    }
    return s;
}

static int check(int r) {
    if (r < 0) {
        raise_os_error(-r);
    }
    return r;
}

// ---- waiting --------------------------------------------------------------------------

// Waits until one of events is ready on s (or an error or hang-up is):
// 0, -ESPY_EAGAIN for a non-blocking socket, -ESPY_ETIMEDOUT when its
// timeout passes first. Ctrl-C raises KeyboardInterrupt.
static int wait_ready(socket_obj_t *s, unsigned events) {
    if (s->timeout_ms == 0) {
        return -ESPY_EAGAIN;
    }
    uint32_t start = hal_ticks_ms();
    for (;;) {
        uint32_t slice = SLICE_MS;
        if (s->timeout_ms > 0) {
            uint32_t elapsed = hal_ticks_ms() - start;
            if (elapsed >= (uint32_t)s->timeout_ms) {
                return -ESPY_ETIMEDOUT;
            }
            if ((uint32_t)s->timeout_ms - elapsed < slice) {
                slice = (uint32_t)s->timeout_ms - elapsed;
            }
        }
        int r = hal_socket_poll(s->handle, events, slice);
        if (r != 0) {
            return r < 0 ? r : 0;
        }
        vm_check_interrupt();
    }
}

enum { OP_RECV, OP_SEND, OP_ACCEPT };

// One operation, waiting as the socket's timeout says: the hal's result.
static int socket_io(socket_obj_t *s, int op, void *buf, size_t len, hal_sockaddr_t *addr) {
    for (;;) {
        int r = op == OP_RECV   ? hal_socket_recvfrom(s->handle, buf, len, addr)
                : op == OP_SEND ? hal_socket_sendto(s->handle, buf, len, addr)
                                : hal_socket_accept(s->handle, addr);
        if (r != -ESPY_EAGAIN) {
            return r;
        }
        r = wait_ready(s, op == OP_SEND ? HAL_POLL_OUT : HAL_POLL_IN);
        if (r < 0) {
            return r;
        }
    }
}

// ---- addresses ------------------------------------------------------------------------

// (ip, port) as the port gives it: a str and an int.
static value_t addr_value(const hal_sockaddr_t *a) {
    char text[16], *p = text;
    for (int i = 0; i < 4; i++) {
        unsigned b = a->ip[i];
        if (b >= 100) {
            *p++ = (char)('0' + b / 100);
        }
        if (b >= 10) {
            *p++ = (char)('0' + b / 10 % 10);
        }
        *p++ = (char)('0' + b % 10);
        *p++ = '.';
    }
    value_t items[2] = {str_new(text, (size_t)(p - text - 1)), SMALL(a->port)};
    return tuple_new(2, items);
}

// A dotted quad; false for anything else.
static bool parse_ip(const char *s, size_t len, uint8_t ip[4]) {
    size_t i = 0;
    for (int k = 0; k < 4; k++) {
        unsigned v = 0, digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            v = v * 10 + (unsigned)(s[i++] - '0');
            digits++;
        }
        if (digits == 0 || v > 255 || (k < 3 && (i >= len || s[i++] != '.'))) {
            return false;
        }
        ip[k] = (uint8_t)v;
    }
    return i == len;
}

// The address of a host: '' is any (0.0.0.0), a dotted quad itself, a
// name is looked up (OSError(-2) when unknown, as the port and CPython).
static void resolve(value_t host, uint8_t ip[4]) {
    size_t len;
    const char *s = str_data(host, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "host must be str, not '%T'", host);
    }
    if (len == 0) {
        ip[0] = ip[1] = ip[2] = ip[3] = 0;
        return;
    }
    if (parse_ip(s, len, ip)) {
        return;
    }
    hal_sockaddr_t a;
    int r = hal_getaddrinfo(qstr_str(qstr_from_strn(s, len)), &a);
    if (r == -ESPY_ENOENT) {
        raise_os_error(-2);
    }
    check(r);
    ip[0] = a.ip[0], ip[1] = a.ip[1], ip[2] = a.ip[2], ip[3] = a.ip[3];
}

static uint16_t port_value(value_t v) {
    smallint_t port = value_get_int(v);
    if (port < 0 || port > 65535) {
        raise_msg(&type_OverflowError, "port must be 0-65535.");
    }
    return (uint16_t)port;
}

// An (ip, port) argument.
static hal_sockaddr_t addr_arg(value_t v) {
    size_t len;
    value_t *items = OBJ_TYPE_IS(v, &type_tuple) || OBJ_TYPE_IS(v, &type_list) ? seq_items(v, &len) : NULL;
    if (items == NULL || len != 2) {
        raise_fmt(&type_TypeError, "address must be a (host, port) tuple, not '%T'", v);
    }
    hal_sockaddr_t a;
    resolve(items[0], a.ip);
    a.port = port_value(items[1]);
    return a;
}

// Nothing leaves the board while neither the station has an address nor
// the access point is up: lwIP finds no route (ERR_RTE, which the port
// raises as EHOSTUNREACH). hal_wifi_net_up says so on the host's board.
static void check_route(void) {
    if (!hal_wifi_net_up()) {
        raise_os_error(ESPY_EHOSTUNREACH);
    }
}

// ---- the stream protocol ----------------------------------------------------------------

static intptr_t stream_result(int r, int *err) {
    if (r < 0) {
        *err = -r;
        return STREAM_ERROR;
    }
    return r;
}

static intptr_t socket_read(value_t self, void *buf, size_t size, int *err) {
    return stream_result(socket_io(open_socket(self), OP_RECV, buf, size, NULL), err);
}

static intptr_t socket_write(value_t self, const void *buf, size_t size, int *err) {
    return stream_result(socket_io(open_socket(self), OP_SEND, (void *)buf, size, NULL), err);
}

// Closes s once: later calls do nothing.
static void close_socket(socket_obj_t *s) {
    if (s->handle >= 0) {
        hal_socket_close(s->handle);
        s->handle = -1;
    }
}

static intptr_t socket_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    socket_obj_t *s = obj_native(self, &type_socket);
    switch (request) {
        case STREAM_CLOSE:
            close_socket(s);
            return 0;
        case STREAM_POLL:
            return s->handle < 0 ? POLL_NVAL : stream_result(hal_socket_poll(s->handle, (unsigned)arg, 0), err);
        default:
            return stream_result(-ESPY_EINVAL, err);
    }
}

static const stream_p_t socket_stream = {
    .kind = PROTOCOL_STREAM, .read = socket_read, .write = socket_write, .ioctl = socket_ioctl, .is_text = false,
};

// ---- the methods ------------------------------------------------------------------------

static value_t socket_bind_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    hal_sockaddr_t a = addr_arg(args[1]);
    check(hal_socket_bind(s->handle, &a));
    return VAL_NONE;
}
static BUILTIN_FN(socket_bind_obj, Q_bind, 2, 2, false, socket_bind_fn);

// listen([backlog]): the port's default backlog is 2 (lwIP's minimum 1).
static value_t socket_listen_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    smallint_t backlog = n_args > 1 ? value_get_int(args[1]) : 2;
    check(hal_socket_listen(s->handle, backlog < 1 ? 1 : backlog > 255 ? 255 : (int)backlog));
    return VAL_NONE;
}
static BUILTIN_FN(socket_listen_obj, Q_listen, 1, 2, false, socket_listen_fn);

// accept(): (socket, (ip, port)); the new socket has the timeout of the
// listening one, as on the port.
static value_t socket_accept_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    hal_sockaddr_t peer;
    // The object first: once it holds the connection, the collector closes
    // it should anything below raise MemoryError.
    value_t items[2] = {socket_new(-1, s->timeout_ms), VAL_NONE};
    ((socket_obj_t *)VAL_PTR(items[0]))->handle = check(socket_io(s, OP_ACCEPT, NULL, 0, &peer));
    items[1] = addr_value(&peer);
    return tuple_new(2, items);
}
static BUILTIN_FN(socket_accept_obj, Q_accept, 1, 1, false, socket_accept_fn);

// connect(addr): a blocking socket waits for the connection (its timeout:
// ETIMEDOUT); a non-blocking one raises EINPROGRESS, and is writable (in
// select.poll) once connected.
static value_t socket_connect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    hal_sockaddr_t a = addr_arg(args[1]);
    check_route();
    int r = hal_socket_connect(s->handle, &a);
    if (r == -ESPY_EINPROGRESS && s->timeout_ms != 0) {
        r = wait_ready(s, HAL_POLL_OUT);
        if (r == 0) {
            r = hal_socket_error(s->handle);
        }
    }
    check(r);
    return VAL_NONE;
}
static BUILTIN_FN(socket_connect_obj, Q_connect, 2, 2, false, socket_connect_fn);

static void buffer_arg(value_t v, buffer_info_t *info) {
    if (!obj_get_buffer(v, info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
}

// send(bytes): the count sent, perhaps less than all.
static value_t socket_send_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    buffer_info_t info;
    buffer_arg(args[1], &info);
    return int_from_intptr(check(socket_io(s, OP_SEND, info.buf, info.len, NULL)));
}
static BUILTIN_FN(socket_send_obj, Q_send, 2, 2, false, socket_send_fn);

// sendall(bytes): sends everything, waiting as the timeout says.
static value_t socket_sendall_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    buffer_info_t info;
    buffer_arg(args[1], &info);
    for (size_t done = 0; done < info.len;) {
        done += (size_t)check(socket_io(s, OP_SEND, (uint8_t *)info.buf + done, info.len - done, NULL));
    }
    return VAL_NONE;
}
static BUILTIN_FN(socket_sendall_obj, Q_sendall, 2, 2, false, socket_sendall_fn);

static value_t socket_sendto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    buffer_info_t info;
    buffer_arg(args[1], &info);
    hal_sockaddr_t a = addr_arg(args[2]);
    check_route();
    return int_from_intptr(check(socket_io(s, OP_SEND, info.buf, info.len, &a)));
}
static BUILTIN_FN(socket_sendto_obj, Q_sendto, 3, 3, false, socket_sendto_fn);

// Receives up to n bytes into a new bytes object, the sender in *from.
static value_t receive(value_t self, value_t n_value, hal_sockaddr_t *from) {
    socket_obj_t *s = open_socket(self);
    smallint_t n = value_get_int(n_value);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative buffersize in recv");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n + 1);
    int r = socket_io(s, OP_RECV, vs.buf, (size_t)n, from);
    if (r < 0) {
        gc_free(vs.buf);
        raise_os_error(-r);
    }
    vs.len = (size_t)r;
    return bytes_from_vstr(&vs);
}

static value_t socket_recv_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return receive(args[0], args[1], NULL);
}
static BUILTIN_FN(socket_recv_obj, Q_recv, 2, 2, false, socket_recv_fn);

// recvfrom(n): (bytes, (ip, port)).
static value_t socket_recvfrom_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_sockaddr_t from = {{0, 0, 0, 0}, 0};
    value_t items[2];
    items[0] = receive(args[0], args[1], &from);
    items[1] = addr_value(&from);
    return tuple_new(2, items);
}
static BUILTIN_FN(socket_recvfrom_obj, Q_recvfrom, 2, 2, false, socket_recvfrom_fn);

// recv_into(buf[, nbytes]): the count received into buf.
static value_t socket_recv_into_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    buffer_info_t info;
    if (!obj_get_buffer(args[1], &info, BUFFER_WRITE)) {
        raise_fmt(&type_TypeError, "recv_into() argument must be read-write bytes-like object, not %T", args[1]);
    }
    size_t len = info.len;
    if (n_args > 2) {
        smallint_t want = value_get_int(args[2]);
        if (want < 0 || (size_t)want > len) {
            raise_msg(&type_ValueError, "buffer too small for requested bytes");
        }
        len = (size_t)want ? (size_t)want : len;
    }
    return int_from_intptr(check(socket_io(s, OP_RECV, info.buf, len, NULL)));
}
static BUILTIN_FN(socket_recv_into_obj, Q_recv_into, 2, 3, false, socket_recv_into_fn);

// settimeout(None | seconds): None blocks, 0 makes the socket non-blocking.
static value_t socket_settimeout_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = obj_native(args[0], &type_socket);
    if (args[1] == VAL_NONE) {
        s->timeout_ms = -1;
        return VAL_NONE;
    }
    double seconds = value_get_float(args[1]);
    if (!(seconds >= 0)) {
        raise_msg(&type_ValueError, "Timeout value out of range");
    }
    s->timeout_ms = seconds * 1000 >= (double)INT32_MAX ? INT32_MAX : (int32_t)(seconds * 1000);
    if (s->timeout_ms == 0 && seconds > 0) {
        s->timeout_ms = 1;   // less than 1 ms is still a timeout, not non-blocking
    }
    return VAL_NONE;
}
static BUILTIN_FN(socket_settimeout_obj, Q_settimeout, 2, 2, false, socket_settimeout_fn);

static value_t socket_setblocking_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = obj_native(args[0], &type_socket);
    s->timeout_ms = obj_is_true(args[1]) ? -1 : 0;
    return VAL_NONE;
}
static BUILTIN_FN(socket_setblocking_obj, Q_setblocking, 2, 2, false, socket_setblocking_fn);

// setsockopt(level, option, value): the port's options, told apart by
// their number alone as the port does; value an int, or 8 bytes for the
// multicast memberships (the group's address and the interface's).
static value_t socket_setsockopt_fn(size_t n_args, size_t n_kw, const value_t *args) {
    socket_obj_t *s = open_socket(args[0]);
    smallint_t option = value_get_int(args[2]);
    int hal_option = option == SO_REUSEADDR         ? HAL_SO_REUSEADDR
                     : option == SO_BROADCAST       ? HAL_SO_BROADCAST
                     : option == TCP_NODELAY        ? HAL_TCP_NODELAY
                     : option == IP_ADD_MEMBERSHIP  ? HAL_IP_ADD_MEMBERSHIP
                     : option == IP_DROP_MEMBERSHIP ? HAL_IP_DROP_MEMBERSHIP
                                                    : -1;
    if (hal_option < 0) {
        raise_os_error(ESPY_EINVAL);
    }
    if (value_is_int(args[3])) {
        int value = (int)value_get_int(args[3]);
        check(hal_socket_setsockopt(s->handle, hal_option, &value, sizeof(value)));
    } else {
        buffer_info_t info;
        buffer_arg(args[3], &info);
        check(hal_socket_setsockopt(s->handle, hal_option, info.buf, info.len));
    }
    return VAL_NONE;
}
static BUILTIN_FN(socket_setsockopt_obj, Q_setsockopt, 4, 4, false, socket_setsockopt_fn);

// makefile(...): the socket itself, as on the port.
static value_t socket_makefile_fn(size_t n_args, size_t n_kw, const value_t *args) {
    obj_native(args[0], &type_socket);
    return args[0];
}
static BUILTIN_FN(socket_makefile_obj, Q_makefile, 1, 3, false, socket_makefile_fn);

// The collector's finaliser (and s.__del__()): closes without raising.
static value_t socket_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    close_socket(obj_native(args[0], &type_socket));
    return VAL_NONE;
}
static BUILTIN_FN(socket_del_obj, Q___del__, 1, 1, false, socket_del_fn);

static void socket_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<socket fd=%d>", ((socket_obj_t *)VAL_PTR(self))->handle);
}

// socket(af=AF_INET, type=SOCK_STREAM, proto=0): af is not checked, as on
// the port (whose sockets are all IPv4).
static value_t socket_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args + n_kw, 0, 3, Q_socket);
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "socket() takes positional arguments only");
    }
    int sock_type = n_args > 1 ? (int)value_get_int(args[1]) : HAL_SOCK_STREAM;
    int proto = n_args > 2 ? (int)value_get_int(args[2]) : 0;
    value_t v = socket_new(-1, -1);
    ((socket_obj_t *)VAL_PTR(v))->handle = check(hal_socket_open(sock_type, proto));
    return v;
}

static const map_entry_t socket_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&socket_del_obj)},
    {QSTR(Q___enter__), PTR_VAL(&stream_enter_obj)},
    {QSTR(Q___exit__), PTR_VAL(&stream_exit_obj)},
    {QSTR(Q_accept), PTR_VAL(&socket_accept_obj)},
    {QSTR(Q_bind), PTR_VAL(&socket_bind_obj)},
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_connect), PTR_VAL(&socket_connect_obj)},
    {QSTR(Q_listen), PTR_VAL(&socket_listen_obj)},
    {QSTR(Q_makefile), PTR_VAL(&socket_makefile_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_recv), PTR_VAL(&socket_recv_obj)},
    {QSTR(Q_recv_into), PTR_VAL(&socket_recv_into_obj)},
    {QSTR(Q_recvfrom), PTR_VAL(&socket_recvfrom_obj)},
    {QSTR(Q_send), PTR_VAL(&socket_send_obj)},
    {QSTR(Q_sendall), PTR_VAL(&socket_sendall_obj)},
    {QSTR(Q_sendto), PTR_VAL(&socket_sendto_obj)},
    {QSTR(Q_setblocking), PTR_VAL(&socket_setblocking_obj)},
    {QSTR(Q_setsockopt), PTR_VAL(&socket_setsockopt_obj)},
    {QSTR(Q_settimeout), PTR_VAL(&socket_settimeout_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t socket_locals = MAP_ROM(socket_locals_table);

const type_t type_socket = {
    {&type_type},
    .name = Q_socket,
    .print = socket_print,
    .make_new = socket_make_new,
    .locals = &socket_locals,
    .protocol = &socket_stream,
};

// ---- the module -------------------------------------------------------------------------

// getaddrinfo(host, port, af=0, type=0, proto=0, flags=0): a list of one
// (af, type, proto, canonname, (ip, port)) tuple, as on the port (whose
// type is SOCK_STREAM unless one is asked for).
static value_t socket_getaddrinfo_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t host = args[0] == VAL_NONE ? QSTR(Q_empty) : args[0];
    hal_sockaddr_t a;
    resolve(host, a.ip);
    a.port = port_value(args[1]);
    smallint_t type = n_args > 3 ? value_get_int(args[3]) : 0;
    value_t items[5] = {
        SMALL(AF_INET), SMALL(type ? type : HAL_SOCK_STREAM), SMALL(n_args > 4 ? value_get_int(args[4]) : 0),
        QSTR(Q_empty), VAL_NONE,
    };
    items[4] = addr_value(&a);
    value_t entry = tuple_new(5, items);
    return list_new(1, &entry);
}
static BUILTIN_FN(socket_getaddrinfo_obj, Q_getaddrinfo, 2, 6, false, socket_getaddrinfo_fn);

static const map_entry_t socket_table[] = {
    {QSTR(Q_AF_INET), SMALL(AF_INET)},
    {QSTR(Q_AF_INET6), SMALL(AF_INET6)},
    {QSTR(Q_IPPROTO_IP), SMALL(IPPROTO_IP)},
    {QSTR(Q_IPPROTO_TCP), SMALL(IPPROTO_TCP)},
    {QSTR(Q_IPPROTO_UDP), SMALL(IPPROTO_UDP)},
    {QSTR(Q_IP_ADD_MEMBERSHIP), SMALL(IP_ADD_MEMBERSHIP)},
    {QSTR(Q_IP_DROP_MEMBERSHIP), SMALL(IP_DROP_MEMBERSHIP)},
    {QSTR(Q_SOCK_DGRAM), SMALL(HAL_SOCK_DGRAM)},
    {QSTR(Q_SOCK_RAW), SMALL(HAL_SOCK_RAW)},
    {QSTR(Q_SOCK_STREAM), SMALL(HAL_SOCK_STREAM)},
    {QSTR(Q_SOL_SOCKET), SMALL(SOL_SOCKET)},
    {QSTR(Q_SO_BROADCAST), SMALL(SO_BROADCAST)},
    {QSTR(Q_SO_REUSEADDR), SMALL(SO_REUSEADDR)},
    {QSTR(Q_TCP_NODELAY), SMALL(TCP_NODELAY)},
    {QSTR(Q___name__), QSTR(Q_socket)},
    {QSTR(Q_getaddrinfo), PTR_VAL(&socket_getaddrinfo_obj)},
    {QSTR(Q_socket), PTR_VAL(&type_socket)},
};
MODULE_ROM(socket_module, Q_socket, socket_table);

ESPY_MODULE(socket, socket_module);
ESPY_MODULE(usocket, socket_module);
