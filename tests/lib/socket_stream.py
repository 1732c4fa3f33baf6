# A socket is a stream, as on the port: read, readinto, readline and write
# (None when a non-blocking socket would wait), and makefile() returns the
# socket itself. CPython's sockets have none of this: a reviewed .exp.
import errno
import random
import socket


def pair():
    while True:
        port = random.randrange(20000, 60000)
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            break
        except OSError as e:
            s.close()
            if e.errno != errno.EADDRINUSE:
                raise
    s.listen(1)
    c = socket.socket()
    c.connect(("127.0.0.1", port))   # blocking: waits for the connection
    conn, addr = s.accept()
    s.close()
    return c, conn


c, conn = pair()
print(c.makefile("rwb") is c)
print(c.write(b"line one\nline two\nrest"))
print(conn.readline())
print(conn.read(4))
print(conn.readline())
buf = bytearray(8)
print(conn.readinto(buf), buf)

conn.setblocking(False)
print(conn.read(10))          # nothing waiting: None
print(conn.readline())
print(conn.readinto(buf))
try:
    conn.recv(10)
except OSError as e:
    print("recv:", e.errno == errno.EAGAIN)

c.write(b"abc")
c.close()
conn.setblocking(True)
print(conn.read())            # to the end of the stream
print(conn.read(5))
conn.close()
