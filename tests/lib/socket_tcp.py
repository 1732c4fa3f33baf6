# TCP over the loopback in one program: a listening socket, a non-blocking
# connect, accept, then blocking send/recv both ways, select.poll on
# sockets, and the end of the stream. Compared with python3 (the stream
# methods, which CPython's sockets lack: socket_stream.py).
import errno
import random
import select
import socket


def listen():
    # No getsockname on the port: a random high port, another if in use.
    while True:
        port = random.randrange(20000, 60000)
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as e:
            s.close()
            if e.errno == errno.EADDRINUSE:
                continue
            raise
        s.listen(1)
        return s, port


server, port = listen()
server.setblocking(False)
try:
    server.accept()
except OSError as e:
    print("accept with nothing waiting:", e.errno == errno.EAGAIN)

client = socket.socket()
client.setblocking(False)
try:
    client.connect(("127.0.0.1", port))
    print("connected at once")
except OSError as e:
    print("connect:", e.errno == errno.EINPROGRESS)

poller = select.poll()
poller.register(server, select.POLLIN)
print("server readable:", len(poller.poll(2000)))
conn, addr = server.accept()
print("peer:", addr[0], type(addr[1]) is int)

poller = select.poll()
poller.register(client, select.POLLOUT)
print("client writable:", len(poller.poll(2000)), poller.poll(2000)[0][1] & select.POLLOUT)
client.setblocking(True)
conn.setblocking(True)

print(client.send(b"hello"))
print(conn.recv(5))
client.sendall(b"x" * 3000)
got = b""
while len(got) < 3000:
    got += conn.recv(1000)
print(len(got), got == b"x" * 3000)

conn.sendall(b"0123456789")
print(client.recv(4))
buf = bytearray(10)
print(client.recv_into(buf), buf)

poller = select.poll()
poller.register(conn, select.POLLIN)
print("nothing to read:", poller.poll(50))
client.send(b"!")
print("readable:", len(poller.poll(2000)))
print(conn.recv(10))

client.close()
print("after the peer closed:", conn.recv(10))
conn.close()
server.close()
print("done")
