// SPDX-License-Identifier: MIT
// The ssl module over mbedTLS: what mod_ssl.c (the module, SSLContext,
// wrap_socket, loading certificates and keys) and ssl_socket.c (SSLSocket,
// a stream over another stream) share.
//
// A context's mbedTLS state (configuration, random generator, its own
// certificate and key, the CA certificates) is an ssl_config_t allocated
// with mbedtls_calloc, the allocator mbedTLS itself uses (Debian's build:
// the C library's malloc), outside espy's heap. It is reference-counted:
// the SSLContext object and every SSLSocket made from it hold a
// reference, so that the collector may finalise them in any order.
//
// This directory is built only where mbedTLS exists (see the Makefile's
// SSL_SRC): the 64-bit host and gc-stress builds.
#ifndef ESPY_SSL_H
#define ESPY_SSL_H

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "lib.h"

// The module's constants, MicroPython's numbers.
#define SSL_CERT_NONE 0
#define SSL_CERT_OPTIONAL 1
#define SSL_CERT_REQUIRED 2
#define SSL_PROTOCOL_TLS_CLIENT 0
#define SSL_PROTOCOL_TLS_SERVER 1

typedef struct ssl_config {
    unsigned refs;
    bool server;
    bool has_cert;             // load_cert_chain has succeeded
    bool has_cas;              // CA certificates are loaded (given, or the system's)
    mbedtls_ssl_config conf;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_x509_crt cas;
    mbedtls_x509_crt cert;     // own certificate (chain)
    mbedtls_pk_context key;
} ssl_config_t;

// Another reference to a configuration; its release (freed with the last).
ssl_config_t *ssl_config_ref(ssl_config_t *c);
void ssl_config_release(ssl_config_t *c);
// Loads the system's CA certificates into c, once: OSError when there are
// none to load.
void ssl_config_load_system_cas(ssl_config_t *c);

// A new SSLSocket over the stream sock, using config c; client
// connections send hostname (may be NULL) and check it against the
// server's certificate when verify_mode is not CERT_NONE.
value_t ssl_socket_new(ssl_config_t *c, value_t sock, int verify_mode, const char *hostname, bool do_handshake);

// Raises OSError(code, text) for an mbedTLS error code, text prefixed by
// what (e.g. "invalid key: ...").
_Noreturn void ssl_raise_code(int code, const char *what);

extern const type_t type_ssl_socket;

#endif
