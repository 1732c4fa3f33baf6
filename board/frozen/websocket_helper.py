# SPDX-License-Identifier: MIT
# The HTTP side of a WebSocket server, as the port's websocket_helper
# (shared/spec/webrepl-protocol.md, section 2): the request line is read
# and ignored, then header lines up to an empty one; an upgrade needs
# Sec-WebSocket-Key, a Connection header containing "Upgrade" and
# "Upgrade: websocket" (names compared as written).
#
# Unlike the port's, it bounds what a client can make it hold or wait
# for: the whole request must come within `timeout_ms` (else OSError
# ETIMEDOUT) and REQUEST_MAX bytes, in at most HEADERS_MAX lines (else
# ValueError); a header line without ':' is ValueError too. Lines longer
# than LINE_MAX (a big cookie) are skipped unread. The caller closes that
# connection; nothing else is affected.
import binascii
import hashlib
import time

LINE_MAX = 256
REQUEST_MAX = 8192
HEADERS_MAX = 64
GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def server_handshake(sock, timeout_ms=3000):
    """Reads the request on sock. A WebSocket upgrade is answered with
    "101 Switching Protocols": True. Any other request (or one whose
    connection closes inside the headers) is left to the caller: False."""
    deadline = time.ticks_add(time.ticks_ms(), timeout_ms)
    key = None
    upgrade = websocket = False
    pending = b""  # the start of a line
    skipping = False  # inside a line longer than LINE_MAX
    lines = total = 0
    while True:
        left = time.ticks_diff(deadline, time.ticks_ms())
        if left <= 0:
            raise OSError(110)  # ETIMEDOUT
        sock.settimeout(left / 1000)
        data = sock.recv(LINE_MAX)
        if not data:
            return False
        total += len(data)
        if total > REQUEST_MAX:
            raise ValueError("request too big")
        pending += data
        while True:
            i = pending.find(b"\n")
            if i < 0:
                if len(pending) > LINE_MAX:
                    pending = b""
                    skipping = True
                break
            line = pending[: i + 1]
            pending = pending[i + 1 :]
            lines += 1
            if lines > HEADERS_MAX:
                raise ValueError("too many headers")
            if skipping or lines == 1:  # the request line is ignored
                skipping = False
                continue
            if line == b"\r\n" or line == b"\n":
                if not (upgrade and websocket and key):
                    return False
                d = hashlib.sha1(key)
                d.update(GUID)
                accept = binascii.b2a_base64(d.digest())[:-1]
                sock.write(
                    b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n"
                )
                return True
            name, colon, value = line.partition(b":")
            if not colon:
                raise ValueError("bad header line")
            name = name.strip()
            value = value.strip()
            if name == b"Sec-WebSocket-Key":
                key = value
            elif name == b"Connection" and b"Upgrade" in value:
                upgrade = True
            elif name == b"Upgrade" and value == b"websocket":
                websocket = True
