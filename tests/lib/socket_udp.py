# UDP datagrams over the loopback: sendto/recvfrom, connect then send/recv,
# a datagram read whole or truncated, a non-blocking recv with nothing
# waiting. Compared with python3.
import errno
import random
import socket


def bound_udp():
    while True:
        port = random.randrange(20000, 60000)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            s.bind(("127.0.0.1", port))
            return s, port
        except OSError as e:
            s.close()
            if e.errno != errno.EADDRINUSE:
                raise


rx, port = bound_udp()
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(tx.sendto(b"ping", ("127.0.0.1", port)))
data, addr = rx.recvfrom(100)
print(data, addr[0], type(addr[1]) is int)

tx.sendto(b"0123456789", ("127.0.0.1", port))
print(rx.recv(4))   # the rest of the datagram is dropped

tx.connect(("127.0.0.1", port))
tx.send(b"connected")
print(rx.recv(100))

rx.sendto(b"pong", addr)
print(tx.recv(100))

rx.setblocking(False)
try:
    rx.recvfrom(100)
except OSError as e:
    print("nothing waiting:", e.errno == errno.EAGAIN)

rx.settimeout(0.05)
tx.send(b"late")
print(rx.recv(100))
rx.close()
tx.close()
