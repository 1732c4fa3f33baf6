# Socket errors as the port gives them: OSError with an errno (ETIMEDOUT
# where CPython raises socket.timeout, ECONNREFUSED, EBADF on a closed
# socket), the argument checks, and sockets closed by `with` and by the
# collector. A reviewed .exp.
import errno
import gc
import random
import socket


def free_port():
    while True:
        port = random.randrange(20000, 60000)
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            s.close()
            return port
        except OSError as e:
            s.close()
            if e.errno != errno.EADDRINUSE:
                raise


def show(what, f, *args):
    try:
        print(what, f(*args))
    except OSError as e:
        print(what, "OSError", errno.errorcode.get(e.errno, e.errno))
    except Exception as e:
        print(what, type(e).__name__, e)


port = free_port()
s = socket.socket()
show("connect to a closed port:", s.connect, ("127.0.0.1", port))
s.close()

s = socket.socket()
s.setblocking(False)
try:
    s.connect(("127.0.0.1", port))
except OSError as e:
    print("non-blocking connect:", errno.errorcode[e.errno])
s.close()

# A UDP socket that never receives: its timeout passes.
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", free_port()))
u.settimeout(0.1)
show("recv timeout:", u.recv, 10)
show("read timeout:", u.read, 10)
u.settimeout(0)
show("recv non-blocking:", u.recv, 10)
show("negative timeout:", u.settimeout, -1)
u.settimeout(None)
u.close()
u.close()                      # a second close does nothing
show("recv after close:", u.recv, 10)
show("send after close:", u.send, b"x")
show("bind after close:", u.bind, ("127.0.0.1", 0))

s = socket.socket()
show("address not a tuple:", s.connect, "127.0.0.1")
show("port out of range:", s.bind, ("127.0.0.1", 70000))
show("unknown option:", s.setsockopt, socket.SOL_SOCKET, 12345, 1)
show("send not connected:", s.send, b"x")
show("recv negative:", s.recv, -1)
s.close()

# `with` closes the socket (CPython's; not on the port).
with socket.socket() as s:
    pass
show("after with:", s.recv, 1)

# A socket that becomes garbage is closed by the collector: its port is
# free again (without SO_REUSEADDR, a second bind would fail).
port = free_port()


def bind_and_drop():
    s = socket.socket()
    s.bind(("127.0.0.1", port))


bind_and_drop()
gc.collect()
s = socket.socket()
show("bind after the collector:", s.bind, ("127.0.0.1", port))
s2 = socket.socket()
show("bind while in use:", s2.bind, ("127.0.0.1", port))
s.close()
s2.close()
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
import usocket
print(usocket is socket)
