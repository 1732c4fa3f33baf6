#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the ssl module against Debian's openssl on the loopback.

Usage: python3 tests/net/test_ssl.py [build/host/espy] [-v] [NAME...]

Makes its certificates with `openssl` in a temporary directory (a CA, an
RSA and an ECDSA server certificate for localhost and 127.0.0.1, a
self-signed one, one for another host, a client certificate), starts
`openssl s_server` on free loopback ports and runs espy programs against
them: RSA and ECDSA servers, refused certificates (self-signed, wrong
host, not in the system's CA store), CERT_NONE, a server that requires a
client certificate, espy as a server for `openssl s_client`, a 16 KiB
record, non-blocking reads, asyncio, loading errors and the collector
closing a connection. Every process has a time limit and every server is
killed at the end. Prints one line per test and `N passed, N failed`; the
exit status is 1 when a test failed.
"""

import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ESPY = "build/host/espy"
VERBOSE = False
TIMEOUT = 20
TESTS = []
DIR = None          # the certificates and the programs
SYSTEM_CAS = "/etc/ssl/certs/ca-certificates.crt"


def test(fn):
    TESTS.append(fn)
    return fn


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def path(name):
    return os.path.join(DIR, name)


def openssl(*args):
    p = subprocess.run(["openssl"] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, timeout=60, cwd=DIR)
    if p.returncode != 0:
        raise Failure("openssl %s: %s" % (" ".join(args), p.stderr.decode(errors="replace")))


EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
LOCALHOST = ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]


def make_certificates():
    """name.pem and name.key for ca, rsa, ec, self, wrong and client."""
    openssl("req", "-x509", *EC, "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
            "-subj", "/CN=espy test CA")
    signed = ["-CA", "ca.pem", "-CAkey", "ca.key", "-days", "30"]
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.pem",
            "-subj", "/CN=localhost", *LOCALHOST, *signed)
    openssl("req", "-new", *EC, "-nodes", "-keyout", "ec.key", "-out", "ec.pem", "-subj", "/CN=localhost",
            *LOCALHOST, *signed)
    openssl("req", "-x509", *EC, "-nodes", "-keyout", "self.key", "-out", "self.pem", "-days", "30",
            "-subj", "/CN=localhost", *LOCALHOST)
    openssl("req", "-new", *EC, "-nodes", "-keyout", "wrong.key", "-out", "wrong.pem", "-subj",
            "/CN=wrong.example", "-addext", "subjectAltName=DNS:wrong.example", *signed)
    openssl("req", "-new", *EC, "-nodes", "-keyout", "client.key", "-out", "client.pem", "-subj",
            "/CN=espy client", *signed)
    openssl("x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`openssl s_server` on a free loopback port, its output in a file;
    stopped (killed by its pid) when the `with` block ends."""

    def __init__(self, *args):
        self.port = free_port()
        self.log_path = path("s_server-%d.log" % self.port)
        self.log = open(self.log_path, "wb")
        self.p = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % self.port] + list(args),
                                  stdin=subprocess.PIPE, stdout=self.log, stderr=subprocess.STDOUT, cwd=DIR)
        deadline = time.time() + 10
        while "ACCEPT" not in self.output():
            check(self.p.poll() is None, "s_server exited: %s" % self.output())
            check(time.time() < deadline, "s_server not ready: %s" % self.output())
            time.sleep(0.02)

    def output(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait(timeout=10)
        self.log.close()


def run_espy(code, *args, timeout=TIMEOUT):
    """Runs code as a program file (ARGS in sys.argv): (status, stdout, stderr)."""
    prog = path("prog.py")
    with open(prog, "w") as f:
        f.write(code)
    p = subprocess.run([ESPY, prog] + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, timeout=timeout, cwd=DIR)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def expect_espy(code, *args, out=None):
    rc, stdout, stderr = run_espy(code, *args)
    check(rc == 0, "exit status %d (stdout %r, stderr %r)" % (rc, stdout, stderr))
    if out is not None:
        check(stdout == out, "stdout %r, expected %r (stderr %r)" % (stdout, out, stderr))
    return stdout


# A client: connects to sys.argv[1] with the context that SETUP makes,
# and runs BODY; by default sends a line and prints what comes back
# (s_server -rev reverses it). Prints the OSError's arguments.
CLIENT = """
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
SETUP
s = socket.socket()
s.connect(("127.0.0.1", int(sys.argv[1])))
try:
    ss = ctx.wrap_socket(s, server_hostname="localhost")
    print(ss.cipher())
BODY
except OSError as e:
    print("OSError", e.args)
"""

EXCHANGE = """
    ss.write(b"hello, server\\n")
    print(ss.readline())
    ss.close()
"""


def client(setup, port, body=EXCHANGE):
    return expect_espy(CLIENT.replace("SETUP", setup).replace("BODY", body.strip("\n")), port)


def exchange_ok(out, kind):
    check("b'revres ,olleh\\n'" in out, "no reversed line: %r" % out)
    check("ECDHE-%s" % kind in out and "TLSv1.2" in out, "not ECDHE-%s over TLS 1.2: %r" % (kind, out))


CA = "ctx.load_verify_locations(%r)"


# ---- clients ------------------------------------------------------------------------

@test
def rsa_server():
    with Server("-cert", "rsa.pem", "-key", "rsa.key", "-rev", "-naccept", "1") as srv:
        exchange_ok(client(CA % path("ca.pem"), srv.port), "RSA")


@test
def ecdsa_server():
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        exchange_ok(client(CA % path("ca.pem"), srv.port), "ECDSA")


@test
def wrap_socket_function_with_der_cadata():
    code = """
import socket, ssl, sys
s = socket.socket()
s.connect(("127.0.0.1", int(sys.argv[1])))
with open("ca.der", "rb") as f:
    ss = ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, cadata=f.read(), server_hostname="localhost")
ss.write(b"abc\\n")
print(ss.read(4))
ss.close()
"""
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        expect_espy(code, srv.port, out="b'cba\\n'\n")


def refused(out, reason):
    check(out.startswith("OSError (-9984, ") and "certificate verify failed: " + reason in out,
          "not refused for %r: %r" % (reason, out))


@test
def self_signed_refused():
    with Server("-cert", "self.pem", "-key", "self.key", "-rev", "-naccept", "1") as srv:
        refused(client(CA % path("ca.pem"), srv.port), "self-signed certificate")


@test
def wrong_host_refused():
    with Server("-cert", "wrong.pem", "-key", "wrong.key", "-rev", "-naccept", "1") as srv:
        refused(client(CA % path("ca.pem"), srv.port), "hostname mismatch, certificate is not valid for 'localhost'")
        check("bad certificate" in srv.output(), "s_server saw no alert: %r" % srv.output())


@test
def cert_none_accepts_self_signed():
    with Server("-cert", "self.pem", "-key", "self.key", "-rev", "-naccept", "1") as srv:
        exchange_ok(client("ctx.verify_mode = ssl.CERT_NONE", srv.port), "ECDSA")


@test
def system_store_by_default():
    # No load_verify_locations: the system's CA store, which does not
    # have the test CA.
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        out = client("", srv.port)
    if os.path.exists(SYSTEM_CAS):
        refused(out, "certificate not signed by a trusted CA")
    else:
        check("no CA certificates to check the server with" in out, "no missing-store error: %r" % out)


@test
def client_certificate():
    setup = CA % path("ca.pem") + "\nctx.load_cert_chain(%r, %r)" % (path("client.pem"), path("client.key"))
    with Server("-cert", "rsa.pem", "-key", "rsa.key", "-rev", "-naccept", "1", "-Verify", "1",
                "-CAfile", "ca.pem") as srv:
        exchange_ok(client(setup, srv.port), "RSA")
        check("CN = espy client" in srv.output(), "s_server did not see the certificate: %r" % srv.output())


@test
def client_certificate_missing():
    with Server("-cert", "rsa.pem", "-key", "rsa.key", "-rev", "-naccept", "1", "-Verify", "1",
                "-CAfile", "ca.pem") as srv:
        out = client(CA % path("ca.pem"), srv.port)
    check(out == "OSError (-30592, 'TLS alert from the peer: handshake_failure (40)')\n", "got %r" % out)


@test
def record_of_16k():
    # espy writes a 16 KiB line as one record, and s_server -rev answers
    # with one (-msg shows the headers received, <<<, and sent, >>>:
    # 17 03 03 40 xx, a length of 0x4000 and the cipher's overhead).
    body = """
    line = bytes(48 + i % 10 for i in range(16383)) + b"\\n"
    ss.write(line)
    back = ss.read(16384)
    print(len(back), back == line[-2::-1] + b"\\n")
"""
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1", "-msg") as srv:
        out = client(CA % path("ca.pem"), srv.port, body)
        log = srv.output()
    check("16384 True" in out, "16 KiB line not reversed: %r" % out)
    for way in "<>":
        check(re.search(way * 3 + r" [^\n]*RecordHeader[^\n]*\n\s*17 03 03 40 [0-9a-f]{2}", log),
              "no 16 KiB record %s: %r" % ("from espy" if way == "<" else "to espy", log[-2000:]))


@test
def non_blocking_read():
    body = """
    ss.setblocking(False)
    print(ss.read(10))
    print(ss.write(b"hello\\n"))
    import select
    p = select.poll()
    p.register(ss, select.POLLIN)
    print(len(p.poll(5000)))
    print(ss.read(100))
    try:
        ss.recv(10)
    except OSError as e:
        print("recv", e.errno)
"""
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        out = client(CA % path("ca.pem"), srv.port, body)
    lines = out.splitlines()
    check(lines[1:] == ["None", "6", "1", "b'olleh\\n'", "recv 11"], "got %r" % out)


@test
def asyncio_open_connection():
    code = """
import asyncio, ssl, sys
async def main():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(cafile="ca.pem")
    r, w = await asyncio.open_connection("localhost", int(sys.argv[1]), ssl=ctx)
    w.write(b"over asyncio\\n")
    await w.drain()
    print(await r.readline())
    w.close()
    await w.wait_closed()
asyncio.run(main())
"""
    with Server("-cert", "rsa.pem", "-key", "rsa.key", "-rev", "-naccept", "1") as srv:
        expect_espy(code, srv.port, out="b'oicnysa revo\\n'\n")


@test
def collector_closes():
    # The SSLSocket becomes garbage: the collector frees it and closes the
    # socket it wraps (EBADF), and the server sees the connection end. (The
    # repr of a deep list first overwrites the C stack where the reads left
    # copies of the pointer, which the conservative collector would see.)
    code = """
import gc, socket, ssl, sys
s = socket.socket()
s.connect(("127.0.0.1", int(sys.argv[1])))
def talk():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations("ca.pem")
    ss = ctx.wrap_socket(s, server_hostname="localhost")
    ss.write(b"hello, server\\n")
    print(ss.readline())
talk()
deep = []
for i in range(40):
    deep = [deep]
repr(deep)
gc.collect()
try:
    s.write(b"x")
except OSError as e:
    print("socket", e.errno)
"""
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        out = expect_espy(code, srv.port)
        check(out.endswith("socket 9\n"), "socket not closed: %r" % out)
        srv.p.wait(timeout=10)   # -naccept 1: it ends with the connection
        check("CONNECTION CLOSED" in srv.output(), "s_server saw no end: %r" % srv.output())


@test
def soft_reset_closes():
    # On the simulated board (--board, its raw REPL), a connection still
    # referenced is closed by the soft reset, which finalises every object.
    with Server("-cert", "ec.pem", "-key", "ec.key", "-rev", "-naccept", "1") as srv:
        p = subprocess.Popen([ESPY, "--board", "--flash", path("flash.img")], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=DIR)
        buf = [b""]

        def until(what):
            deadline = time.time() + 10
            while what not in buf[0]:
                ready, _, _ = select.select([p.stdout], [], [], max(0, deadline - time.time()))
                check(ready, "the board did not say %r: %r" % (what, buf[0]))
                data = os.read(p.stdout.fileno(), 4096)
                check(data, "the board's output ended: %r" % buf[0])
                buf[0] += data
            i = buf[0].index(what) + len(what)
            out, buf[0] = buf[0][:i], buf[0][i:]
            return out

        def send(data):
            p.stdin.write(data)
            p.stdin.flush()

        try:
            until(b">>> ")
            send(b"\r\x01")
            until(b"raw REPL; CTRL-B to exit\r\n>")
            send(b"import socket, ssl\ns = socket.socket()\ns.connect(('127.0.0.1', %d))\n"
                 b"ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.verify_mode = ssl.CERT_NONE\n"
                 b"ss = ctx.wrap_socket(s)\nss.write(b'hi\\n')\nprint(ss.readline())\n\x04" % srv.port)
            out = until(b"\x04>")
            check(out == b"OKb'ih\\n'\r\n\x04\x04>", "the program printed %r" % out)
            check("CONNECTION CLOSED" not in srv.output(), "closed before the soft reset")
            send(b"\x04")
            until(b"soft reboot\r\n")
            srv.p.wait(timeout=10)   # -naccept 1: it ends with the connection
            check("CONNECTION CLOSED" in srv.output(), "s_server saw no end: %r" % srv.output())
        finally:
            p.kill()
            p.wait(timeout=10)


@test
def load_errors():
    with open(path("bad.pem"), "w") as f:
        f.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    code = """
import ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
def show(f, *args):
    try:
        f(*args)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
show(ctx.load_cert_chain, "missing.pem", "ec.key")
show(ctx.load_cert_chain, "bad.pem", "ec.key")
show(ctx.load_cert_chain, "ec.pem", "bad.pem")
show(ctx.load_cert_chain, "ec.pem", "client.key")
show(ctx.load_verify_locations, "bad.pem")
show(ctx.load_verify_locations, "missing.pem")
show(ctx.load_cert_chain, "ec.pem", "ec.key")
"""
    expect_espy(code, out="OSError [Errno 2] ENOENT\n"
                "ValueError invalid cert in 'bad.pem'\n"
                "ValueError invalid key in 'bad.pem'\n"
                "ValueError key does not match cert\n"
                "ValueError invalid cert in 'bad.pem'\n"
                "OSError [Errno 2] ENOENT\n"
                "ok\n")


# ---- espy as the server -----------------------------------------------------------

SERVER = """
import socket, ssl, sys
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1])))
srv.listen(1)
print("listening")
cl, addr = srv.accept()
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("ec.pem", "ec.key")
SETUP
try:
    ss = ctx.wrap_socket(cl, server_side=True)
    print("client cert", ss.getpeercert(True) is not None)
    line = ss.readline()
    print("got", line)
    ss.write(b"espy heard " + line)
    ss.close()
except OSError as e:
    print("OSError", e.args[1])
srv.close()
"""


def espy_server(setup, *client_args):
    """espy serving one connection, `openssl s_client` its client: (espy's
    output, s_client's output)."""
    port = free_port()
    prog = path("server.py")
    with open(prog, "w") as f:
        f.write(SERVER.replace("SETUP", setup))
    p = subprocess.Popen([ESPY, prog, str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL, cwd=DIR)
    try:
        ready, _, _ = select.select([p.stdout], [], [], 10)
        check(ready and p.stdout.readline() == b"listening\n", "espy's server did not start")
        c = subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % port, "-CAfile", "ca.pem",
                            "-verify_return_error", "-verify_hostname", "localhost", "-quiet"]
                           + list(client_args), input=b"hello from s_client\n", stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=TIMEOUT, cwd=DIR)
        out, _ = p.communicate(timeout=TIMEOUT)
        return out.decode(errors="replace"), c.stdout.decode(errors="replace")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait(timeout=10)


@test
def espy_server_for_s_client():
    out, client_out = espy_server("")
    check("espy heard hello from s_client\n" in client_out, "s_client got %r" % client_out)
    check(out == "client cert False\ngot b'hello from s_client\\n'\n", "espy printed %r" % out)


@test
def espy_server_requires_client_cert():
    setup = 'ctx.verify_mode = ssl.CERT_REQUIRED\nctx.load_verify_locations("ca.pem")'
    out, client_out = espy_server(setup, "-cert", "client.pem", "-key", "client.key")
    check("espy heard hello from s_client\n" in client_out, "s_client got %r" % client_out)
    check(out.startswith("client cert True\n"), "espy printed %r" % out)
    out, client_out = espy_server(setup)
    check(out == "OSError TLS handshake failed: the client sent no certificate (CERT_REQUIRED)\n",
          "espy printed %r" % out)
    check("alert handshake failure" in client_out, "s_client got %r" % client_out)


def main():
    global ESPY, VERBOSE, DIR
    names = []
    for a in sys.argv[1:]:
        if a == "-v":
            VERBOSE = True
        elif os.sep in a or os.path.isfile(a):
            ESPY = a
        else:
            names.append(a)
    ESPY = os.path.abspath(ESPY)
    if not os.access(ESPY, os.X_OK):
        print("test_ssl: no espy program at %s" % ESPY, file=sys.stderr)
        sys.exit(2)
    if shutil.which("openssl") is None:
        print("test_ssl: no openssl program (Debian's openssl package)", file=sys.stderr)
        sys.exit(2)
    passed = failed = 0
    DIR = tempfile.mkdtemp(prefix="espy-ssl-")
    try:
        make_certificates()
        for t in TESTS:
            if names and t.__name__ not in names:
                continue
            try:
                t()
            except Failure as e:
                failed += 1
                print("FAIL %s: %s" % (t.__name__, e))
            except subprocess.TimeoutExpired:
                failed += 1
                print("FAIL %s: timed out" % t.__name__)
            except Exception as e:
                failed += 1
                print("FAIL %s: %s: %s" % (t.__name__, type(e).__name__, e))
            else:
                passed += 1
                print("pass %s" % t.__name__)
    finally:
        shutil.rmtree(DIR, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
