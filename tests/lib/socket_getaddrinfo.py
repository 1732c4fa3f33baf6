# getaddrinfo's shape: 5-tuples whose address is an (ip, port) tuple.
import socket

for host in ("localhost", "127.0.0.1"):
    ai = socket.getaddrinfo(host, 80, socket.AF_INET, socket.SOCK_STREAM)
    first = ai[0]
    print(type(ai) is list, len(first), first[0] == socket.AF_INET, first[1] == socket.SOCK_STREAM)
    print(first[3], first[4])

print(socket.getaddrinfo("0.0.0.0", 8266)[0][-1])
print(socket.getaddrinfo("127.0.0.1", 53, 0, socket.SOCK_DGRAM)[0][1] == socket.SOCK_DGRAM)

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print(isinstance(s, socket.socket))
s.close()
