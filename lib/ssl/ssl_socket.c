// SPDX-License-Identifier: MIT
// SSLSocket: a TLS connection over another stream, usually a socket, as
// MicroPython's modssl does it: mbedTLS reads and writes the wrapped object
// through its stream protocol (lib/stream.h), and the SSLSocket is itself a
// stream, so read, readinto, readline, write, select.poll and asyncio's
// streams work on it as on the socket.
//
// Blocking follows the wrapped socket: a blocking socket makes every
// operation wait (and Ctrl-C works, inside the socket's waits); on a
// non-blocking one mbedTLS returns WANT_READ or WANT_WRITE, which become
// the stream's EAGAIN (read returns None, as in MicroPython). `want`
// remembers which direction mbedTLS waits for, so that polling for the
// other one (asyncio writing while the handshake needs to read) waits on
// the right event. Records of up to 16 KiB are read and written.
//
// mbedTLS calls the wrapped stream from inside its functions. An exception
// the stream raises there (KeyboardInterrupt, a closed socket) must not
// unwind through mbedTLS: the callbacks catch it, fail the mbedTLS call,
// and it is raised again once mbedTLS has returned; an errno the stream
// returns (ECONNRESET, ETIMEDOUT) is raised as OSError the same way.
// mbedTLS's own errors are OSError(code, text), the code negative as in
// MicroPython: "certificate verify failed: ..." with the reasons, "TLS
// alert from the peer: ..." with the alert's name.
//
// A connection is closed by close() (which sends TLS's close_notify), by
// leaving a `with` block, or by the collector when it becomes garbage
// (__del__; a soft reset finalises every object): the mbedTLS state is
// freed and the wrapped stream closed.
#include <string.h>

#include <mbedtls/net_sockets.h>
#include <mbedtls/platform.h>

#include "exc.h"
#include "gc.h"
#include "ssl.h"
#include "stream.h"
#include "strimpl.h"
#include "vm.h"

#define POLL_RDWR (STREAM_POLL_RD | STREAM_POLL_WR)
#define POLL_NVAL 0x20             // MicroPython's: poll on a closed stream
#define MAX_CHUNK 0x40000000       // mbedTLS counts in int

typedef struct ssl_socket_obj {
    obj_t base;
    value_t sock;              // the wrapped stream, as given
    value_t native;            // its native stream object
    const stream_p_t *proto;   // and that one's protocol
    value_t bio_exc;           // raised by the stream inside mbedTLS: raised again after
    ssl_config_t *config;      // a reference
    mbedtls_ssl_context *ssl;  // NULL once closed
    uint8_t *flight;           // handshake output not yet sent (see flush_flight)
    size_t flight_len, flight_sent, flight_alloc;
    int bio_errno;             // an error the stream returned inside mbedTLS
    uint8_t want;              // STREAM_POLL_RD or _WR: what a non-blocking operation waits for
    bool eof;                  // the peer has closed the connection
    bool self_signed;          // the peer's certificate is its own issuer
} ssl_socket_obj_t;

// ---- the wrapped stream, called by mbedTLS -----------------------------------------------

static bool handshake_over(ssl_socket_obj_t *s) {
    return s->ssl->state == MBEDTLS_SSL_HANDSHAKE_OVER;
}

static intptr_t call_stream(ssl_socket_obj_t *s, unsigned char *buf, size_t len, bool sending, int *err) {
    return sending ? s->proto->write(s->native, buf, len, err) : s->proto->read(s->native, buf, len, err);
}

// One read or write of the stream, as mbedTLS wants its result: the count,
// WANT_READ/WANT_WRITE for EAGAIN, or a failure with the error kept.
static int bio_io(ssl_socket_obj_t *s, unsigned char *buf, size_t len, bool sending) {
    int fail = sending ? MBEDTLS_ERR_NET_SEND_FAILED : MBEDTLS_ERR_NET_RECV_FAILED;
    if (s->bio_exc != VAL_NULL || s->bio_errno != 0) {
        return fail;           // an error is waiting to be raised
    }
    int err = 0;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        s->bio_exc = nlr.value;
        return fail;
    }
    intptr_t r = call_stream(s, buf, len > MAX_CHUNK ? MAX_CHUNK : len, sending, &err);
    nlr_pop();
    if (r == STREAM_ERROR) {
        if (err == ESPY_EAGAIN) {
            return sending ? MBEDTLS_ERR_SSL_WANT_WRITE : MBEDTLS_ERR_SSL_WANT_READ;
        }
        s->bio_errno = err;
        return fail;
    }
    return (int)r;             // 0 when reading: the peer closed
}

// mbedTLS writes each handshake message as a write of its own. Sent so,
// the second of a flight waits for the peer's delayed acknowledgement of
// the first (Nagle's algorithm): 40 ms per flight on Linux. So the
// handshake's output is gathered in `flight` and sent in one write before
// mbedTLS next reads, or when the handshake is over.
static int flush_flight(ssl_socket_obj_t *s) {
    while (s->flight_sent < s->flight_len) {
        int r = bio_io(s, s->flight + s->flight_sent, s->flight_len - s->flight_sent, true);
        if (r <= 0) {
            if (r == 0) {
                s->bio_errno = ESPY_EIO;   // no progress: as stream_write_all says
            }
            return r < 0 ? r : MBEDTLS_ERR_NET_SEND_FAILED;
        }
        s->flight_sent += (size_t)r;
    }
    s->flight_len = s->flight_sent = 0;
    if (s->flight != NULL && handshake_over(s)) {
        gc_free(s->flight);    // no more handshake: no more flights
        s->flight = NULL;
        s->flight_alloc = 0;
    }
    return 0;
}

static void gather(ssl_socket_obj_t *s, const unsigned char *buf, size_t len) {
    if (s->flight_len + len > s->flight_alloc) {
        size_t alloc = (s->flight_len + len) * 2;
        s->flight = s->flight == NULL ? gc_alloc(alloc, GC_LEAF) : gc_realloc(s->flight, alloc);
        s->flight_alloc = alloc;
    }
    memcpy(s->flight + s->flight_len, buf, len);
    s->flight_len += len;
}

static int bio_send(void *ctx, const unsigned char *buf, size_t len) {
    ssl_socket_obj_t *s = ctx;
    if (!handshake_over(s) && len <= MAX_CHUNK) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) != 0) {
            s->bio_exc = nlr.value;    // MemoryError
            return MBEDTLS_ERR_NET_SEND_FAILED;
        }
        gather(s, buf, len);
        nlr_pop();
        return (int)len;
    }
    int r = flush_flight(s);
    return r < 0 ? r : bio_io(s, (unsigned char *)buf, len, true);
}

static int bio_recv(void *ctx, unsigned char *buf, size_t len) {
    ssl_socket_obj_t *s = ctx;
    int r = flush_flight(s);
    return r < 0 ? r : bio_io(s, buf, len, false);
}

// ---- errors -----------------------------------------------------------------------------

// The names of the alerts a peer sends when it refuses (RFC 8446 6.2).
static const char *alert_name(unsigned alert) {
    switch (alert) {
        case 10: return "unexpected_message";
        case 20: return "bad_record_mac";
        case 40: return "handshake_failure";
        case 42: return "bad_certificate";
        case 43: return "unsupported_certificate";
        case 44: return "certificate_revoked";
        case 45: return "certificate_expired";
        case 46: return "certificate_unknown";
        case 47: return "illegal_parameter";
        case 48: return "unknown_ca";
        case 49: return "access_denied";
        case 50: return "decode_error";
        case 51: return "decrypt_error";
        case 70: return "protocol_version";
        case 71: return "insufficient_security";
        case 80: return "internal_error";
        case 90: return "user_canceled";
        case 109: return "missing_extension";
        case 110: return "unsupported_extension";
        case 112: return "unrecognized_name";
        case 116: return "certificate_required";
        case 120: return "no_application_protocol";
        default: return NULL;
    }
}

// Called by mbedTLS for each certificate of the peer's chain it checks:
// notes whether the peer's own is self-signed (mbedTLS's flags do not
// tell, and it frees the chain it refuses).
static int verify_callback(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags) {
    ssl_socket_obj_t *s = ctx;
    if (depth == 0) {
        s->self_signed = crt->issuer_raw.len == crt->subject_raw.len
                         && memcmp(crt->issuer_raw.p, crt->subject_raw.p, crt->issuer_raw.len) == 0;
    }
    return 0;
}

// Why the peer's certificate was refused: mbedTLS's verification flags in
// words, the common ones as CPython says them.
static void print_verify_reasons(const print_t *p, ssl_socket_obj_t *s) {
    uint32_t flags = mbedtls_ssl_get_verify_result(s->ssl);
    const char *sep = "";
    for (uint32_t bit = 1; bit != 0 && flags != 0; bit <<= 1) {
        if (!(flags & bit)) {
            continue;
        }
        flags &= ~bit;
        print_fmt(p, "%s", sep);
        sep = "; ";
        if (bit == MBEDTLS_X509_BADCERT_NOT_TRUSTED && s->self_signed) {
            print_fmt(p, "self-signed certificate");
        } else if (bit == MBEDTLS_X509_BADCERT_NOT_TRUSTED) {
            print_fmt(p, "certificate not signed by a trusted CA");
        } else if (bit == MBEDTLS_X509_BADCERT_CN_MISMATCH) {
            print_fmt(p, "hostname mismatch, certificate is not valid for '%s'",
                      s->ssl->hostname != NULL ? s->ssl->hostname : "");
        } else if (bit == MBEDTLS_X509_BADCERT_EXPIRED) {
            print_fmt(p, "certificate has expired");
        } else if (bit == MBEDTLS_X509_BADCERT_FUTURE) {
            print_fmt(p, "certificate is not yet valid");
        } else {
            char text[100];
            int n = mbedtls_x509_crt_verify_info(text, sizeof(text), "", bit);
            while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' ')) {
                text[--n] = 0;
            }
            print_fmt(p, "%s", n > 0 ? text : "unknown reason");
        }
    }
}

static _Noreturn void raise_error(ssl_socket_obj_t *s, int code) {
    s->want = 0;
    if (s->bio_exc != VAL_NULL) {
        value_t exc = s->bio_exc;
        s->bio_exc = VAL_NULL;
        s->bio_errno = 0;
        nlr_raise(exc);
    }
    if (s->bio_errno != 0) {
        int err = s->bio_errno;
        s->bio_errno = 0;
        raise_os_error(err);
    }
    if (code == MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE) {
        // mbedTLS tells the client nothing: say what OpenSSL says.
        mbedtls_ssl_send_alert_message(s->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL, MBEDTLS_SSL_ALERT_MSG_HANDSHAKE_FAILURE);
    }
    if (s->flight_len > s->flight_sent) {
        flush_flight(s);       // the alert telling the peer why, if it is there: best effort
        s->bio_exc = VAL_NULL;
        s->bio_errno = 0;
    }
    if (code != MBEDTLS_ERR_X509_CERT_VERIFY_FAILED && code != MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE
        && code != MBEDTLS_ERR_SSL_CONN_EOF && code != MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE) {
        ssl_raise_code(code, handshake_over(s) ? "TLS error" : "TLS handshake failed");
    }
    vstr_t vs;
    vstr_init(&vs, 100);
    print_t p = vstr_printer(&vs);
    if (code == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
        print_fmt(&p, "certificate verify failed: ");
        print_verify_reasons(&p, s);
    } else if (code == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE) {
        unsigned alert = s->ssl->in_msg[1];
        const char *name = alert_name(alert);
        if (name != NULL) {
            print_fmt(&p, "TLS alert from the peer: %s (%u)", name, alert);
        } else {
            print_fmt(&p, "TLS alert from the peer: %u", alert);
        }
    } else if (code == MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE) {
        print_fmt(&p, "TLS handshake failed: the client sent no certificate (CERT_REQUIRED)");
    } else {
        print_fmt(&p, "connection closed by the peer during the TLS handshake");
    }
    value_t args[2] = {SMALL(code), VAL_NONE};
    args[1] = str_from_vstr(&vs);
    raise_obj(exc_new(&type_OSError, 2, args));
}

// A result of mbedTLS: the count, or STREAM_ERROR with EAGAIN when a
// non-blocking stream must wait; raises for the rest.
static intptr_t result(ssl_socket_obj_t *s, int r, int *err) {
    if (r >= 0) {
        s->want = 0;
        return r;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE) {
        s->want = r == MBEDTLS_ERR_SSL_WANT_READ ? STREAM_POLL_RD : STREAM_POLL_WR;
        *err = ESPY_EAGAIN;
        return STREAM_ERROR;
    }
    raise_error(s, r);
}

// ---- the connection ---------------------------------------------------------------------

static ssl_socket_obj_t *open_ssl(value_t self) {
    ssl_socket_obj_t *s = obj_native(self, &type_ssl_socket);
    if (s->ssl == NULL) {
        raise_os_error(ESPY_EBADF);
    }
    return s;
}

// The handshake. On a non-blocking stream it waits too, polling the
// stream, as MicroPython does (do_handshake_on_connect=False leaves it to
// the first read or write instead).
static void handshake(ssl_socket_obj_t *s) {
    for (;;) {
        int err = 0;
        int r = mbedtls_ssl_handshake(s->ssl);
        if (result(s, r == 0 ? flush_flight(s) : r, &err) != STREAM_ERROR) {
            return;
        }
        while (s->proto->ioctl != NULL && s->proto->ioctl(s->native, STREAM_POLL, s->want, &err) == 0) {
            hal_delay_ms(1);
            vm_check_interrupt();
        }
    }
}

value_t ssl_socket_new(ssl_config_t *c, value_t sock, int verify_mode, const char *hostname, bool do_handshake) {
    value_t native = sock;
    const stream_p_t *proto = stream_get(&native, STREAM_OP_READ | STREAM_OP_WRITE);
    // The object first: once it holds mbedTLS's state, the collector frees
    // that should anything below raise.
    ssl_socket_obj_t *s = gc_alloc(sizeof(ssl_socket_obj_t), GC_FINAL);
    s->base.type = &type_ssl_socket;
    s->sock = sock;
    s->native = native;
    s->proto = proto;
    s->bio_exc = VAL_NULL;
    s->config = ssl_config_ref(c);
    s->ssl = mbedtls_calloc(1, sizeof(mbedtls_ssl_context));
    if (s->ssl == NULL) {
        raise_os_error(ESPY_ENOMEM);
    }
    mbedtls_ssl_init(s->ssl);
    int r = mbedtls_ssl_setup(s->ssl, &c->conf);
    if (r == 0 && hostname != NULL) {
        r = mbedtls_ssl_set_hostname(s->ssl, hostname);
    }
    if (r != 0) {
        ssl_raise_code(r, "TLS set-up failed");
    }
    // CERT_NONE, _OPTIONAL, _REQUIRED are mbedTLS's VERIFY_NONE, _OPTIONAL, _REQUIRED.
    mbedtls_ssl_set_hs_authmode(s->ssl, verify_mode);
    mbedtls_ssl_set_bio(s->ssl, s, bio_send, bio_recv, NULL);
    mbedtls_ssl_set_verify(s->ssl, verify_callback, s);
    if (do_handshake) {
        handshake(s);
    }
    return PTR_VAL(s);
}

// Frees the mbedTLS state; close() (notify) first tells the peer
// (close_notify; errors ignored: it may be gone) and closes the wrapped
// stream. The collector's finaliser does no I/O and must not raise.
static void close_ssl(ssl_socket_obj_t *s, bool notify) {
    if (s->ssl == NULL) {
        return;
    }
    if (notify && handshake_over(s) && !s->eof) {
        mbedtls_ssl_close_notify(s->ssl);
    }
    s->bio_exc = VAL_NULL;
    s->bio_errno = 0;
    s->flight = NULL;
    s->flight_len = s->flight_sent = s->flight_alloc = 0;
    mbedtls_ssl_free(s->ssl);
    mbedtls_free(s->ssl);
    s->ssl = NULL;
    ssl_config_release(s->config);
    s->config = NULL;
    if (notify) {
        stream_close(s->sock);
        return;
    }
    // From the collector's finaliser, the wrapped socket is closed only if
    // it lives on (held elsewhere): if it is garbage too, the sweep may
    // have freed it already, and its own finaliser closes it.
    if (s->proto->ioctl != NULL && (!VAL_IS_OBJ(s->native) || gc_is_live(VAL_PTR(s->native)))) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            int err;
            s->proto->ioctl(s->native, STREAM_CLOSE, 0, &err);
            nlr_pop();
        }
    }
}

// ---- the stream protocol ----------------------------------------------------------------

static intptr_t ssl_read(value_t self, void *buf, size_t size, int *err) {
    ssl_socket_obj_t *s = open_ssl(self);
    if (s->eof || size == 0) {
        return 0;
    }
    int r = flush_flight(s);
    if (r == 0) {
        r = mbedtls_ssl_read(s->ssl, buf, size > MAX_CHUNK ? MAX_CHUNK : size);
    }
    // The peer's close_notify, or the connection closed after the
    // handshake without one, is the end of the stream.
    if (r == 0 || r == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY
        || (r == MBEDTLS_ERR_SSL_CONN_EOF && handshake_over(s) && s->bio_errno == 0)) {
        s->eof = true;
        s->want = 0;
        return 0;
    }
    return result(s, r, err);
}

// Writes record by record (at most 16 KiB each) until all is written or a
// non-blocking stream is full: then the count written so far, or EAGAIN.
// After EAGAIN mbedTLS must be given the same data again, which asyncio's
// streams and a loop of write(data[n:]) do.
static intptr_t ssl_write(value_t self, const void *buf, size_t size, int *err) {
    ssl_socket_obj_t *s = open_ssl(self);
    intptr_t flushed = result(s, flush_flight(s), err);
    if (flushed == STREAM_ERROR) {
        return flushed;
    }
    size_t done = 0;
    while (done < size) {
        size_t chunk = size - done > MAX_CHUNK ? MAX_CHUNK : size - done;
        intptr_t r = result(s, mbedtls_ssl_write(s->ssl, (const unsigned char *)buf + done, chunk), err);
        if (r == STREAM_ERROR) {
            return done > 0 ? (intptr_t)done : STREAM_ERROR;
        }
        if (r == 0) {
            break;
        }
        done += (size_t)r;
    }
    return (intptr_t)done;
}

// Readable when mbedTLS holds decrypted data or a record not yet
// processed; otherwise as the wrapped stream is, in the direction mbedTLS
// waits for when it waits, or writable when a flight waits to be sent
// (reported as the directions asked, so that the waiting read or write is
// retried).
static intptr_t ssl_poll(ssl_socket_obj_t *s, uintptr_t events, int *err) {
    uintptr_t ready = 0;
    if ((events & STREAM_POLL_RD)
        && (mbedtls_ssl_get_bytes_avail(s->ssl) > 0 || mbedtls_ssl_check_pending(s->ssl) || s->eof)) {
        ready |= STREAM_POLL_RD;
    }
    if (s->proto->ioctl == NULL) {
        return (intptr_t)(ready | (events & POLL_RDWR));
    }
    uintptr_t ask = events;
    uint8_t want = s->flight_len > s->flight_sent ? STREAM_POLL_WR : s->want;
    if (want != 0 && (events & POLL_RDWR)) {
        ask = (events & ~(uintptr_t)POLL_RDWR) | want;
    }
    intptr_t r = s->proto->ioctl(s->native, STREAM_POLL, ask, err);
    if (r == STREAM_ERROR) {
        return r;
    }
    if (want != 0 && (r & want)) {
        r = (r & ~(intptr_t)POLL_RDWR) | (intptr_t)(events & POLL_RDWR);
    }
    return (intptr_t)ready | r;
}

static intptr_t ssl_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    ssl_socket_obj_t *s = obj_native(self, &type_ssl_socket);
    if (request == STREAM_CLOSE) {
        close_ssl(s, true);
        return 0;
    }
    if (s->ssl == NULL) {
        if (request == STREAM_POLL) {
            return POLL_NVAL;
        }
        *err = ESPY_EBADF;
        return STREAM_ERROR;
    }
    if (request == STREAM_POLL) {
        return ssl_poll(s, arg, err);
    }
    if (s->proto->ioctl == NULL) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    return s->proto->ioctl(s->native, request, arg, err);   // timeouts, the file number...
}

static const stream_p_t ssl_stream = {
    .kind = PROTOCOL_STREAM, .read = ssl_read, .write = ssl_write, .ioctl = ssl_ioctl, .is_text = false,
};

// ---- the methods ------------------------------------------------------------------------

// recv(n), send(bytes): as a socket's, raising OSError(EAGAIN) when a
// non-blocking socket must wait.
static value_t ssl_recv_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t n = value_get_int(args[1]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative buffersize in recv");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n + 1);
    int err = 0;
    intptr_t r = ssl_read(args[0], vs.buf, (size_t)n, &err);
    if (r == STREAM_ERROR) {
        gc_free(vs.buf);
        raise_os_error(err);
    }
    vs.len = (size_t)r;
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(ssl_recv_obj, Q_recv, 2, 2, false, ssl_recv_fn);

static value_t ssl_send_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t info;
    if (!obj_get_buffer(args[1], &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    }
    int err = 0;
    intptr_t r = ssl_write(args[0], info.buf, info.len, &err);
    if (r == STREAM_ERROR) {
        raise_os_error(err);
    }
    return int_from_intptr(r);
}
static BUILTIN_FN(ssl_send_obj, Q_send, 2, 2, false, ssl_send_fn);

// setblocking(flag), settimeout(t): set on the wrapped socket.
static value_t ssl_setblocking_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return call_method(open_ssl(args[0])->sock, Q_setblocking, 1, &args[1]);
}
static BUILTIN_FN(ssl_setblocking_obj, Q_setblocking, 2, 2, false, ssl_setblocking_fn);

static value_t ssl_settimeout_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return call_method(open_ssl(args[0])->sock, Q_settimeout, 1, &args[1]);
}
static BUILTIN_FN(ssl_settimeout_obj, Q_settimeout, 2, 2, false, ssl_settimeout_fn);

// do_handshake(): the handshake now (wrap_socket's do_handshake=False
// leaves it to the first read or write).
static value_t ssl_do_handshake_fn(size_t n_args, size_t n_kw, const value_t *args) {
    handshake(open_ssl(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(ssl_do_handshake_obj, Q_do_handshake, 1, 1, false, ssl_do_handshake_fn);

// cipher(): (cipher suite, TLS version) as MicroPython's, None before the
// handshake.
static value_t ssl_cipher_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ssl_socket_obj_t *s = open_ssl(args[0]);
    if (!handshake_over(s)) {
        return VAL_NONE;
    }
    value_t items[2] = {str_new_cstr(mbedtls_ssl_get_ciphersuite(s->ssl)), VAL_NONE};
    items[1] = str_new_cstr(mbedtls_ssl_get_version(s->ssl));
    return tuple_new(2, items);
}
static BUILTIN_FN(ssl_cipher_obj, Q_cipher, 1, 1, false, ssl_cipher_fn);

// getpeercert(binary_form=False): the peer's certificate as DER bytes
// (None when it sent none); the dict form is not supported, as in
// MicroPython.
static value_t ssl_getpeercert_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ssl_socket_obj_t *s = open_ssl(args[0]);
    if (n_args < 2 || !obj_is_true(args[1])) {
        raise_msg(&type_NotImplementedError, "getpeercert() supports binary_form=True only");
    }
    const mbedtls_x509_crt *peer = mbedtls_ssl_get_peer_cert(s->ssl);
    return peer == NULL ? VAL_NONE : bytes_new(peer->raw.p, peer->raw.len);
}
static BUILTIN_FN(ssl_getpeercert_obj, Q_getpeercert, 1, 2, false, ssl_getpeercert_fn);

// The collector's finaliser (and s.__del__()): frees without raising.
static value_t ssl_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    close_ssl(obj_native(args[0], &type_ssl_socket), false);
    return VAL_NONE;
}
static BUILTIN_FN(ssl_del_obj, Q___del__, 1, 1, false, ssl_del_fn);

static const map_entry_t ssl_socket_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&ssl_del_obj)},
    {QSTR(Q___enter__), PTR_VAL(&stream_enter_obj)},
    {QSTR(Q___exit__), PTR_VAL(&stream_exit_obj)},
    {QSTR(Q_cipher), PTR_VAL(&ssl_cipher_obj)},
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_do_handshake), PTR_VAL(&ssl_do_handshake_obj)},
    {QSTR(Q_getpeercert), PTR_VAL(&ssl_getpeercert_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_recv), PTR_VAL(&ssl_recv_obj)},
    {QSTR(Q_send), PTR_VAL(&ssl_send_obj)},
    {QSTR(Q_setblocking), PTR_VAL(&ssl_setblocking_obj)},
    {QSTR(Q_settimeout), PTR_VAL(&ssl_settimeout_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t ssl_socket_locals = MAP_ROM(ssl_socket_locals_table);

const type_t type_ssl_socket = {
    {&type_type},
    .name = Q_SSLSocket,
    .locals = &ssl_socket_locals,
    .protocol = &ssl_stream,
};
