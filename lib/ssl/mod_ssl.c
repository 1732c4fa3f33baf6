// SPDX-License-Identifier: MIT
// The ssl module: TLS over any stream (a socket), on mbedTLS, with
// MicroPython's API (spec section 16): ssl.wrap_socket(...),
// ssl.SSLContext(protocol) with verify_mode, load_cert_chain,
// load_verify_locations and wrap_socket, and the constants CERT_NONE,
// CERT_OPTIONAL, CERT_REQUIRED, PROTOCOL_TLS_CLIENT and PROTOCOL_TLS_SERVER.
// The connections themselves (SSLSocket) are in ssl_socket.c.
//
// Unlike the port (axTLS) and MicroPython's wrap_socket (CERT_NONE), a
// client checks the server by default, as CPython's PROTOCOL_TLS_CLIENT
// does: verify_mode is CERT_REQUIRED, the certificate must chain to the CA
// certificates given with load_verify_locations (else to the system's,
// /etc/ssl/certs/ca-certificates.crt, loaded when first needed) and name
// server_hostname, which is then required. A server's verify_mode is
// CERT_NONE; CERT_REQUIRED asks the client for a certificate.
//
// Certificates, keys and CA certificates are given as a path (str, read
// through the VFS) or as the data itself (bytes), PEM or DER. Loading
// errors are ValueError("invalid cert"), ValueError("invalid key") as in
// MicroPython; connection errors are OSError (ssl_socket.c).
#include <string.h>

#include <mbedtls/error.h>
#include <mbedtls/platform.h>

#include "exc.h"
#include "ssl.h"
#include "stream.h"
#include "vfs.h"

#define SYSTEM_CA_FILE "/etc/ssl/certs/ca-certificates.crt"

// ---- errors -----------------------------------------------------------------------------

_Noreturn void ssl_raise_code(int code, const char *what) {
    if (code == MBEDTLS_ERR_SSL_ALLOC_FAILED || code == MBEDTLS_ERR_X509_ALLOC_FAILED
        || code == MBEDTLS_ERR_PK_ALLOC_FAILED || code == MBEDTLS_ERR_MPI_ALLOC_FAILED) {
        raise_os_error(ESPY_ENOMEM);
    }
    char text[120];
    mbedtls_strerror(code, text, sizeof(text));
    vstr_t vs;
    vstr_init(&vs, 160);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, "%s: %s", what, text);
    value_t args[2] = {SMALL(code), VAL_NONE};
    args[1] = str_from_vstr(&vs);
    raise_obj(exc_new(&type_OSError, 2, args));
}

// ---- configurations ---------------------------------------------------------------------

// mbedTLS's random generator is seeded from the hal's (the chip's hardware
// generator, the host's getrandom).
static int entropy(void *data, unsigned char *out, size_t len) {
    hal_random_bytes(out, len);
    return 0;
}

// The curves offered for ECDHE (and accepted in certificates), fastest
// first: mbedTLS's default list starts with the slowest, P-521, which a
// server following the client's order then uses (a third of the
// handshake's time on the host).
static const mbedtls_ecp_group_id curves[] = {
    MBEDTLS_ECP_DP_CURVE25519, MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_SECP384R1,
    MBEDTLS_ECP_DP_SECP521R1,  MBEDTLS_ECP_DP_NONE,
};

ssl_config_t *ssl_config_ref(ssl_config_t *c) {
    c->refs++;
    return c;
}

void ssl_config_release(ssl_config_t *c) {
    if (c == NULL || --c->refs > 0) {
        return;
    }
    mbedtls_ssl_config_free(&c->conf);
    mbedtls_ctr_drbg_free(&c->drbg);
    mbedtls_x509_crt_free(&c->cas);
    mbedtls_x509_crt_free(&c->cert);
    mbedtls_pk_free(&c->key);
    mbedtls_free(c);
}

static ssl_config_t *config_new(bool server) {
    ssl_config_t *c = mbedtls_calloc(1, sizeof(ssl_config_t));
    if (c == NULL) {
        raise_os_error(ESPY_ENOMEM);
    }
    c->refs = 1;
    c->server = server;
    mbedtls_ssl_config_init(&c->conf);
    mbedtls_ctr_drbg_init(&c->drbg);
    mbedtls_x509_crt_init(&c->cas);
    mbedtls_x509_crt_init(&c->cert);
    mbedtls_pk_init(&c->key);
    int r = mbedtls_ctr_drbg_seed(&c->drbg, entropy, NULL, (const unsigned char *)"espy ssl", 8);
    if (r == 0) {
        r = mbedtls_ssl_config_defaults(&c->conf, server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
                                        MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    }
    if (r != 0) {
        ssl_config_release(c);
        ssl_raise_code(r, "TLS set-up failed");
    }
    mbedtls_ssl_conf_rng(&c->conf, mbedtls_ctr_drbg_random, &c->drbg);
    // TLS 1.2 (mbedTLS 2.28 has no 1.3); 1.0 and 1.1 are obsolete.
    mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_curves(&c->conf, curves);
    return c;
}

static void use_cas(ssl_config_t *c) {
    c->has_cas = true;
    mbedtls_ssl_conf_ca_chain(&c->conf, &c->cas, NULL);
}

void ssl_config_load_system_cas(ssl_config_t *c) {
    if (c->has_cas) {
        return;
    }
    int r = -1;
#if defined(MBEDTLS_FS_IO)
    r = mbedtls_x509_crt_parse_file(&c->cas, SYSTEM_CA_FILE);
#endif
    if (r < 0 || c->cas.version == 0) {
        value_t args[2] = {SMALL(ESPY_ENOENT),
                           str_new_cstr("no CA certificates to check the server with: " SYSTEM_CA_FILE
                                        " cannot be read (give them with load_verify_locations(), or use "
                                        "CERT_NONE)")};
        raise_obj(exc_new(&type_OSError, 2, args));
    }
    use_cas(c);   // (r > 0: that many certificates of the store mbedTLS cannot parse, skipped)
}

// ---- certificates and keys as mbedTLS parses them ----------------------------------------

typedef struct input {
    uint8_t *data;             // a copy on the heap, NUL-terminated
    size_t len;                // what mbedTLS is given: PEM counts its NUL, DER does not
    value_t path;              // the file it came from, or VAL_NULL
} input_t;

// PEM text has a "-----BEGIN " line; anything else is taken for DER.
static bool is_pem(const uint8_t *data, size_t len) {
    static const char begin[] = "-----BEGIN ";
    for (size_t i = 0; i + sizeof(begin) - 1 <= len; i++) {
        if (memcmp(data + i, begin, sizeof(begin) - 1) == 0) {
            return true;
        }
    }
    return false;
}

// A certificate, key or CA argument: a path (str, read through the VFS) or
// the data (a bytes-like object; str too for text_ok, CPython's cadata).
static input_t read_input(value_t v, const char *what, bool text_ok) {
    input_t in = {NULL, 0, VAL_NULL};
    buffer_info_t info;
    value_t data = v;
    if (str_data(v, &info.len) != NULL && !text_ok) {
        in.path = v;
        value_t open_args[2] = {v, QSTR(Q_rb)};
        value_t f = call_function(PTR_VAL(&vfs_open_obj), 2, 0, open_args);
        data = call_function(PTR_VAL(&stream_read_obj), 1, 0, &f);
        stream_close(f);
    }
    if (str_data(data, &info.len) != NULL) {
        info.buf = (void *)str_data(data, &info.len);
    } else if (!obj_get_buffer(data, &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "%s must be a path (str) or bytes, not '%T'", what, v);
    }
    in.data = gc_alloc(info.len + 1, GC_LEAF);
    memcpy(in.data, info.buf, info.len);
    in.data[info.len] = 0;
    if (in.path != VAL_NULL) {
        memset(info.buf, 0, info.len);   // what was read: no key left behind
    }
    in.len = info.len + (is_pem(in.data, info.len) ? 1 : 0);
    return in;
}

// Forgets a key's copy (it was on the heap: wiped, not left for the next
// allocation to find).
static void wipe_input(input_t *in) {
    if (in->data != NULL) {
        memset(in->data, 0, in->len);
        gc_free(in->data);
        in->data = NULL;
    }
}

// ValueError("invalid cert"), with the file's name when it came from one.
static _Noreturn void raise_invalid(const char *what, const input_t *in, const char *why) {
    if (in->path == VAL_NULL && why == NULL) {
        raise_fmt(&type_ValueError, "invalid %s", what);
    }
    vstr_t vs;
    vstr_init(&vs, 64);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, "invalid %s", what);
    if (in->path != VAL_NULL) {
        print_fmt(&p, " in %R", in->path);
    }
    if (why != NULL) {
        print_fmt(&p, ": %s", why);
    }
    raise_obj(exc_new_msg(&type_ValueError, vstr_cstr(&vs)));
}

static void parse_key(mbedtls_pk_context *key, input_t *in) {
    int r = mbedtls_pk_parse_key(key, in->data, in->len, NULL, 0);
    if (r != 0) {
        mbedtls_pk_free(key);
        wipe_input(in);
        if (r == MBEDTLS_ERR_PK_ALLOC_FAILED) {
            raise_os_error(ESPY_ENOMEM);
        }
        raise_invalid("key", in, r == MBEDTLS_ERR_PK_PASSWORD_REQUIRED ? "encrypted keys are not supported" : NULL);
    }
}

// load_cert_chain: the key is parsed first, as MicroPython does (a bad key
// with no certificate is "invalid key"). Parsed into locals, so that a
// failure leaves the context's certificate as it was.
static void load_cert_chain(ssl_config_t *c, value_t certfile, value_t keyfile) {
    mbedtls_x509_crt cert;
    mbedtls_pk_context key;
    mbedtls_x509_crt_init(&cert);
    mbedtls_pk_init(&key);
    input_t key_in, cert_in;
    if (keyfile != VAL_NULL && keyfile != VAL_NONE) {
        key_in = read_input(keyfile, "key", false);
        parse_key(&key, &key_in);
        wipe_input(&key_in);
        nlr_buf_t nlr;   // the key is outside the heap: freed should reading the certificate fail
        if (nlr_push(&nlr) == 0) {
            cert_in = read_input(certfile, "cert", false);
            nlr_pop();
        } else {
            mbedtls_pk_free(&key);
            nlr_raise(nlr.value);
        }
    } else {
        cert_in = read_input(certfile, "cert", false);   // the key is in the same file
        parse_key(&key, &cert_in);
    }
    int r = mbedtls_x509_crt_parse(&cert, cert_in.data, cert_in.len);
    wipe_input(&cert_in);
    if (r == 0 && mbedtls_pk_check_pair(&cert.pk, &key) != 0) {
        r = 1;
    }
    if (r != 0) {
        mbedtls_x509_crt_free(&cert);
        mbedtls_pk_free(&key);
        if (r == MBEDTLS_ERR_X509_ALLOC_FAILED) {
            raise_os_error(ESPY_ENOMEM);
        }
        if (r == 1) {
            raise_msg(&type_ValueError, "key does not match cert");
        }
        raise_invalid("cert", &cert_in, NULL);
    }
    // The heads of the chain and of the key are plain structs that nothing
    // points back to: they are moved into the context by copying.
    if (c->has_cert) {
        mbedtls_x509_crt_free(&c->cert);
        mbedtls_pk_free(&c->key);
    }
    c->cert = cert;
    c->key = key;
    if (!c->has_cert) {
        r = mbedtls_ssl_conf_own_cert(&c->conf, &c->cert, &c->key);
        if (r != 0) {
            ssl_raise_code(r, "load_cert_chain");
        }
        c->has_cert = true;
    }
}

// load_verify_locations: adds to the CA certificates (a PEM file may hold many).
static void load_cas(ssl_config_t *c, value_t v, bool is_data) {
    input_t in = read_input(v, "cadata", is_data);
    int r = mbedtls_x509_crt_parse(&c->cas, in.data, in.len);
    wipe_input(&in);
    if (c->cas.version != 0) {
        use_cas(c);    // what parsed is used, even when some of it did not
    }
    if (r == MBEDTLS_ERR_X509_ALLOC_FAILED) {
        raise_os_error(ESPY_ENOMEM);
    }
    if (r != 0) {
        raise_invalid("cert", &in, NULL);
    }
}

// ---- arguments --------------------------------------------------------------------------

// The arguments of a function taking keywords: out[i] is the one named
// names[i] (positional when i < n_pos, else by keyword only), VAL_NULL when
// not given. TypeError for surplus, unknown and repeated ones.
static void parse_args(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *names, size_t n_names,
                       size_t n_pos, qstr_t fn, value_t *out) {
    if (n_args > n_pos) {
        raise_fmt(&type_TypeError, "%q() takes at most %d positional arguments (%d given)", fn, (int)n_pos,
                  (int)n_args);
    }
    for (size_t i = 0; i < n_names; i++) {
        out[i] = i < n_args ? args[i] : VAL_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        value_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n_names && QSTR(names[i]) != name) {
            i++;
        }
        if (i == n_names) {
            raise_fmt(&type_TypeError, "%q() got an unexpected keyword argument '%S'", fn, name);
        }
        if (out[i] != VAL_NULL) {
            raise_fmt(&type_TypeError, "argument for %q() given by name ('%q') and position (%d)", fn, names[i],
                      (int)i + 1);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
}

static bool given(value_t v) {
    return v != VAL_NULL && v != VAL_NONE;
}

// ---- SSLContext ------------------------------------------------------------------------

typedef struct ssl_context_obj {
    obj_t base;
    ssl_config_t *config;      // NULL once finalised
    uint8_t verify_mode;
} ssl_context_obj_t;

extern const type_t type_ssl_context;

static ssl_context_obj_t *context_new(bool server) {
    ssl_context_obj_t *ctx = gc_alloc(sizeof(ssl_context_obj_t), GC_FINAL | GC_LEAF);
    ctx->base.type = &type_ssl_context;
    ctx->verify_mode = server ? SSL_CERT_NONE : SSL_CERT_REQUIRED;
    ctx->config = config_new(server);
    return ctx;
}

static ssl_context_obj_t *as_context(value_t v) {
    ssl_context_obj_t *ctx = obj_native(v, &type_ssl_context);
    if (ctx->config == NULL) {
        raise_os_error(ESPY_EBADF);
    }
    return ctx;
}

static uint8_t verify_mode_value(value_t v) {
    smallint_t mode = value_get_int(v);
    if (mode < SSL_CERT_NONE || mode > SSL_CERT_REQUIRED) {
        raise_msg(&type_ValueError, "invalid value for verify_mode");
    }
    return (uint8_t)mode;
}

// The connection: the checks CPython makes, then ssl_socket.c's.
static value_t context_wrap(ssl_context_obj_t *ctx, value_t sock, bool server_side, value_t hostname,
                            bool do_handshake) {
    ssl_config_t *c = ctx->config;
    if (server_side != c->server) {
        raise_msg(&type_ValueError, server_side ? "Cannot create a server socket with a PROTOCOL_TLS_CLIENT context"
                                                : "Cannot create a client socket with a PROTOCOL_TLS_SERVER context");
    }
    const char *host = NULL;
    if (given(hostname)) {
        if (server_side) {
            raise_msg(&type_ValueError, "server_hostname can only be specified in client mode");
        }
        size_t len;
        host = str_data(hostname, &len);
        if (host == NULL) {
            raise_fmt(&type_TypeError, "server_hostname must be str, not '%T'", hostname);
        }
        if (memchr(host, 0, len) != NULL) {
            raise_msg(&type_ValueError, "server_hostname contains a null character");
        }
        char *copy = gc_alloc(len + 1, GC_LEAF);   // NUL-terminated, for mbedTLS
        memcpy(copy, host, len);
        host = copy;
    }
    if (server_side) {
        if (!c->has_cert) {
            raise_msg(&type_ValueError, "a server needs a certificate and key: load_cert_chain()");
        }
        if (ctx->verify_mode != SSL_CERT_NONE && !c->has_cas) {
            raise_msg(&type_ValueError, "checking clients needs CA certificates: load_verify_locations()");
        }
    } else if (ctx->verify_mode != SSL_CERT_NONE) {
        if (ctx->verify_mode == SSL_CERT_REQUIRED && host == NULL) {
            raise_msg(&type_ValueError, "check_hostname requires server_hostname");
        }
        ssl_config_load_system_cas(c);
    }
    return ssl_socket_new(c, sock, ctx->verify_mode, host, do_handshake);
}

// SSLContext(protocol)
static value_t context_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args + n_kw, 1, 1, Q_SSLContext);
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "SSLContext() takes no keyword arguments");
    }
    smallint_t protocol = value_get_int(args[0]);
    if (protocol != SSL_PROTOCOL_TLS_CLIENT && protocol != SSL_PROTOCOL_TLS_SERVER) {
        raise_fmt(&type_ValueError, "invalid or unsupported protocol version %d", (int)protocol);
    }
    return PTR_VAL(context_new(protocol == SSL_PROTOCOL_TLS_SERVER));
}

static void context_attr(value_t self, qstr_t name, value_t *dest) {
    ssl_context_obj_t *ctx = VAL_PTR(self);
    if (name != Q_verify_mode) {
        return;
    }
    if (dest[0] == VAL_NULL) {
        dest[0] = SMALL(ctx->verify_mode);
    } else if (dest[0] == VAL_SENTINEL && dest[1] != VAL_NULL) {
        ctx->verify_mode = verify_mode_value(dest[1]);
        dest[0] = VAL_NULL;
    }
}

// load_cert_chain(certfile, keyfile=None)
static value_t context_load_cert_chain_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_certfile, Q_keyfile};
    value_t a[2];
    parse_args(n_args - 1, n_kw, args + 1, names, 2, 2, Q_load_cert_chain, a);
    if (a[0] == VAL_NULL) {
        raise_msg(&type_TypeError, "load_cert_chain() missing required argument 'certfile' (pos 1)");
    }
    load_cert_chain(as_context(args[0])->config, a[0], a[1]);
    return VAL_NONE;
}
static BUILTIN_FN(context_load_cert_chain_obj, Q_load_cert_chain, 1, 3, true, context_load_cert_chain_fn);

// load_verify_locations(cafile=None, cadata=None)
static value_t context_load_verify_locations_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_cafile, Q_cadata};
    value_t a[2];
    parse_args(n_args - 1, n_kw, args + 1, names, 2, 2, Q_load_verify_locations, a);
    ssl_context_obj_t *ctx = as_context(args[0]);
    if (!given(a[0]) && !given(a[1])) {
        raise_msg(&type_TypeError, "cafile and cadata cannot be both omitted");
    }
    if (given(a[0])) {
        load_cas(ctx->config, a[0], false);
    }
    if (given(a[1])) {
        load_cas(ctx->config, a[1], true);
    }
    return VAL_NONE;
}
static BUILTIN_FN(context_load_verify_locations_obj, Q_load_verify_locations, 1, 3, true,
                  context_load_verify_locations_fn);

// wrap_socket(sock, *, server_side=False, do_handshake_on_connect=True, server_hostname=None)
static value_t context_wrap_socket_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_sock, Q_server_side, Q_do_handshake_on_connect, Q_server_hostname};
    value_t a[4];
    parse_args(n_args - 1, n_kw, args + 1, names, 4, 1, Q_wrap_socket, a);
    if (a[0] == VAL_NULL) {
        raise_msg(&type_TypeError, "wrap_socket() missing required argument 'sock' (pos 1)");
    }
    return context_wrap(as_context(args[0]), a[0], a[1] != VAL_NULL && obj_is_true(a[1]), a[3],
                        a[2] == VAL_NULL || obj_is_true(a[2]));
}
static BUILTIN_FN(context_wrap_socket_obj, Q_wrap_socket, 1, 2, true, context_wrap_socket_fn);

// The collector's finaliser: drops the context's reference (connections
// made from it keep theirs).
static value_t context_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ssl_context_obj_t *ctx = obj_native(args[0], &type_ssl_context);
    ssl_config_release(ctx->config);
    ctx->config = NULL;
    return VAL_NONE;
}
static BUILTIN_FN(context_del_obj, Q___del__, 1, 1, false, context_del_fn);

static const map_entry_t context_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&context_del_obj)},
    {QSTR(Q_load_cert_chain), PTR_VAL(&context_load_cert_chain_obj)},
    {QSTR(Q_load_verify_locations), PTR_VAL(&context_load_verify_locations_obj)},
    {QSTR(Q_wrap_socket), PTR_VAL(&context_wrap_socket_obj)},
};
static const map_t context_locals = MAP_ROM(context_locals_table);

const type_t type_ssl_context = {
    {&type_type},
    .name = Q_SSLContext,
    .make_new = context_make_new,
    .attr = context_attr,
    .locals = &context_locals,
};

// ---- the module -------------------------------------------------------------------------

// wrap_socket(sock, server_side=False, key=None, cert=None, cert_reqs=None,
// cadata=None, server_hostname=None, do_handshake=True): a context made
// for the one connection. cert_reqs None is the context's default
// (CERT_REQUIRED for a client, CERT_NONE for a server).
static value_t ssl_wrap_socket_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_sock,      Q_server_side, Q_key,
                                   Q_cert,      Q_cert_reqs,   Q_cadata,
                                   Q_server_hostname, Q_do_handshake};
    value_t a[8];
    parse_args(n_args, n_kw, args, names, 8, 8, Q_wrap_socket, a);
    if (a[0] == VAL_NULL) {
        raise_msg(&type_TypeError, "wrap_socket() missing required argument 'sock' (pos 1)");
    }
    value_t native = a[0];
    stream_get(&native, STREAM_OP_READ | STREAM_OP_WRITE);   // before any work: TypeError
    bool server_side = a[1] != VAL_NULL && obj_is_true(a[1]);
    uint8_t verify_mode = given(a[4]) ? verify_mode_value(a[4]) : 0;
    ssl_context_obj_t *ctx = context_new(server_side);
    if (given(a[2]) || given(a[3])) {
        load_cert_chain(ctx->config, a[3] == VAL_NULL ? VAL_NONE : a[3], given(a[2]) ? a[2] : VAL_NONE);
    }
    if (given(a[5])) {
        load_cas(ctx->config, a[5], true);
    }
    if (given(a[4])) {
        ctx->verify_mode = verify_mode;
    }
    return context_wrap(ctx, a[0], server_side, a[6], a[7] == VAL_NULL || obj_is_true(a[7]));
}
static BUILTIN_FN(ssl_wrap_socket_obj, Q_wrap_socket, 0, 8, true, ssl_wrap_socket_fn);

static const map_entry_t ssl_table[] = {
    {QSTR(Q_CERT_NONE), SMALL(SSL_CERT_NONE)},
    {QSTR(Q_CERT_OPTIONAL), SMALL(SSL_CERT_OPTIONAL)},
    {QSTR(Q_CERT_REQUIRED), SMALL(SSL_CERT_REQUIRED)},
    {QSTR(Q_PROTOCOL_TLS_CLIENT), SMALL(SSL_PROTOCOL_TLS_CLIENT)},
    {QSTR(Q_PROTOCOL_TLS_SERVER), SMALL(SSL_PROTOCOL_TLS_SERVER)},
    {QSTR(Q_SSLContext), PTR_VAL(&type_ssl_context)},
    {QSTR(Q_SSLSocket), PTR_VAL(&type_ssl_socket)},
    {QSTR(Q___name__), QSTR(Q_ssl)},
    {QSTR(Q_wrap_socket), PTR_VAL(&ssl_wrap_socket_obj)},
};
MODULE_ROM(ssl_module, Q_ssl, ssl_table);

ESPY_MODULE(ssl, ssl_module);
