# The ssl module without a network: its constants, the checks of
# SSLContext and wrap_socket's arguments, and the loading errors of keys
# and certificates given as bytes (MicroPython's ssl_keycert cases). The
# connections are in ssl_loopback.py and tests/net/test_ssl.py. A
# reviewed .exp (the messages are espy's and MicroPython's).
import io
import ssl

print(ssl.CERT_NONE, ssl.CERT_OPTIONAL, ssl.CERT_REQUIRED)
print(ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER)


def show(what, f, *args, **kw):
    try:
        print(what, f(*args, **kw))
    except Exception as e:
        print(what, type(e).__name__, e)


# SSLContext and verify_mode: a client checks the server by default.
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
print("client verify_mode", client.verify_mode)
print("server verify_mode", server.verify_mode)
client.verify_mode = ssl.CERT_OPTIONAL
print("set", client.verify_mode)
show("verify_mode 3:", setattr, client, "verify_mode", 3)
show("verify_mode 'x':", setattr, client, "verify_mode", "x")
print("unchanged", client.verify_mode)
show("SSLContext(2):", ssl.SSLContext, 2)
show("SSLContext():", ssl.SSLContext)
show("SSLContext(protocol=0):", ssl.SSLContext, protocol=0)
print(type(client).__name__, isinstance(client, ssl.SSLContext))

# wrap_socket's arguments, checked before any I/O.
show("no sock:", ssl.wrap_socket)
show("sock an int:", ssl.wrap_socket, 1)
show("unknown keyword:", ssl.wrap_socket, io.BytesIO(), colour=1)
show("given twice:", ssl.wrap_socket, io.BytesIO(), False, server_side=True)
show("too many:", ssl.wrap_socket, io.BytesIO(), 0, 0, 0, 0, 0, 0, 0, 0)
show("cert_reqs 5:", ssl.wrap_socket, io.BytesIO(), cert_reqs=5)
show("no server_hostname:", ssl.wrap_socket, io.BytesIO())
show("server_hostname int:", ssl.wrap_socket, io.BytesIO(), server_hostname=1)
show("NUL in server_hostname:", ssl.wrap_socket, io.BytesIO(), server_hostname="a\0b")
show("server without a cert:", ssl.wrap_socket, io.BytesIO(), server_side=True)
c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
show("server socket, client context:", c.wrap_socket, io.BytesIO(), server_side=True)
show("client socket, server context:", server.wrap_socket, io.BytesIO())
show("hostname on a server:", server.wrap_socket, io.BytesIO(), server_side=True, server_hostname="x")
show("positional server_side:", c.wrap_socket, io.BytesIO(), True)
show("load_verify_locations():", c.load_verify_locations)
show("load_verify_locations(1):", c.load_verify_locations, 1)
show("load_cert_chain():", c.load_cert_chain)

# Keys and certificates as bytes: MicroPython's errors (as its
# ssl_keycert test). An EC (P-256) key in DER:
key = bytes.fromhex(
    "30770201010420ed220bf7bb3e2463703a92ef0be0cf2b927116ee81cb85d22f"
    "1d6175fc04598da00a06082a8648ce3d030107a144034200042409df72df669e"
    "a4fe5073d51231337fb42cfe4671af4cee1b138f15d33aed4b9935e1cb57c386"
    "c0f57f7a808512fb293421910ae968b3817f20a4e734f859f3"
)
show("invalid key:", ssl.wrap_socket, io.BytesIO(), key=b"!")
show("valid key, no cert:", ssl.wrap_socket, io.BytesIO(), key=key)
show("valid key, invalid cert:", ssl.wrap_socket, io.BytesIO(), key=key, cert=b"!")
not_a_cert = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
show("PEM that is not a cert:", c.load_cert_chain, not_a_cert, key)
show("cert of type int:", c.load_cert_chain, 5, key)
show("invalid cadata:", c.load_verify_locations, cadata=b"\x30\x03\x02\x01\x00")
show("cadata of type int:", c.load_verify_locations, cadata=1)
encrypted = (b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
             b"MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIIY3XnNvH8PwCAggA\n"
             b"-----END ENCRYPTED PRIVATE KEY-----\n")
show("encrypted key:", c.load_cert_chain, b"!", encrypted)
