# TLS between two ends of one program over the loopback: an asyncio
# server (start_server(ssl=...)) and clients (open_connection(ssl=...)).
# Their sockets are non-blocking, so each handshake runs a step at a time
# as the poller wakes either end (WANT_READ and WANT_WRITE are the streams'
# EAGAIN). The certificates are embedded: a CA and a certificate for
# localhost it signed (P-256, valid from 2000 to 2100). A reviewed .exp.
import asyncio
import binascii
import errno
import random
import ssl

CA = """-----BEGIN CERTIFICATE-----
MIIBXjCCAQSgAwIBAgIBATAKBggqhkjOPQQDAjAXMRUwEwYDVQQDDAxlc3B5IHRl
c3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBcxFTATBgNV
BAMMDGVzcHkgdGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGJq4ASA
TeaPfY08xwzGLS6njk6T78F/lA+65P+3iGT6NjC/99uQeSdQ0AT1/1u7fQK6dKvb
GOfE0wJ9Wi8oycGjPzA9MA8GA1UdEwEB/wQFMAMBAf8wCwYDVR0PBAQDAgIEMB0G
A1UdDgQWBBQMtvHtscvGY8uHWmwk7quwS/FmtzAKBggqhkjOPQQDAgNIADBFAiEA
y4y5RBaUHseLYsOL0sFaJsZba3ojUwX0/D5ocDR/vYsCIHQl/tGol14NH4g3R9l/
ki3NmHNVEqynfqmxTmiWcZn7
-----END CERTIFICATE-----
"""
CERT = """-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIBAjAKBggqhkjOPQQDAjAXMRUwEwYDVQQDDAxlc3B5IHRl
c3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNV
BAMMCWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCQJ33LfZp6k
/lBz1RIxM3+0LP5Gca9M7hsTjxXTOu1LmTXhy1fDhsD1f3qAhRL7KTQhkQrpaLOB
fyCk5zT4WfOjaTBnMAkGA1UdEwQCMAAwGgYDVR0RBBMwEYIJbG9jYWxob3N0hwR/
AAABMB0GA1UdDgQWBBTYaAp1aL8Jue2vzzvIfM0x5KgXejAfBgNVHSMEGDAWgBQM
tvHtscvGY8uHWmwk7quwS/FmtzAKBggqhkjOPQQDAgNHADBEAiBXgleHFw75Qf0D
hlgpWbtLOKUi7J1iDYAosJiOjw6ZYAIgL+HGXBcwhiGUgcYmWhm/7Fz9KzTckB1i
5rLMVKeoyTQ=
-----END CERTIFICATE-----
"""
KEY = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7SIL97s+JGNwOpLv
C+DPK5JxFu6By4XSLx1hdfwEWY2hRANCAAQkCd9y32aepP5Qc9USMTN/tCz+RnGv
TO4bE48V0zrtS5k14ctXw4bA9X96gIUS+yk0IZEK6WizgX8gpOc0+Fnz
-----END PRIVATE KEY-----
"""

PORT = None
server_log = []


def message(e):
    return e.args[1] if len(e.args) > 1 else errno.errorcode[e.errno]


# The server's end: echoes one line, or notes why the connection failed.
async def handle(reader, writer):
    try:
        line = await reader.readline()
        peer = writer.s.getpeercert(True)
        writer.write(("echo %d bytes, client cert %s\n" % (len(line), peer is not None)).encode())
        await writer.drain()
    except OSError as e:
        server_log.append("server: " + message(e))
    writer.close()
    await writer.wait_closed()


def der(pem):
    body = pem.split("-----")[2]
    return binascii.a2b_base64(body.replace("\n", ""))


async def client(what, ctx, host, data=b"hello\n"):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT, ssl=ctx, server_hostname=host)
        # The handshake starts at the first read or write: nothing to read yet.
        print(what, "read at once:", writer.s.read(10))
        writer.write(data)
        await writer.drain()
        reply = await reader.readline()
        print(what, "got", reply)
        suite, version = writer.s.cipher()
        print(what, version, "ECDSA" in suite, writer.s.getpeercert(True) == der(CERT))
        writer.close()
        await writer.wait_closed()
    except OSError as e:
        print(what, "OSError", message(e))
        for _ in range(400):   # the server's side of the failure
            if server_log:
                break
            await asyncio.sleep_ms(5)
    for line in server_log:
        print(" ", line)
    server_log.clear()


async def start(ctx):
    global PORT
    while True:
        PORT = random.randrange(20000, 60000)
        try:
            return await asyncio.start_server(handle, "127.0.0.1", PORT, ssl=ctx)
        except OSError as e:
            if e.errno != errno.EADDRINUSE:
                raise


def client_context(ca=CA):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca:
        ctx.load_verify_locations(cadata=ca)
    return ctx


async def main():
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(CERT.encode(), KEY.encode())
    server = await start(sctx)
    await client("checked:", client_context(), "localhost")
    await client("big:", client_context(), "localhost", b"x" * 40000 + b"\n")
    await client("DER CA:", client_context(der(CA)), "localhost")
    await client("wrong host:", client_context(), "other.example")
    none = client_context(None)
    none.verify_mode = ssl.CERT_NONE
    await client("CERT_NONE:", none, None)
    # A server that asks for the client's certificate.
    sctx.verify_mode = ssl.CERT_REQUIRED
    sctx.load_verify_locations(cadata=CA)
    await client("no client cert:", client_context(), "localhost")
    ctx = client_context()
    ctx.load_cert_chain(der(CERT), KEY.encode())   # DER and PEM
    await client("client cert:", ctx, "localhost")
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
