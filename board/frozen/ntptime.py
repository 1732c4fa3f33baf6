# SPDX-License-Identifier: MIT
# ntptime (spec: port behaviour, section 12), as micropython-lib's: one NTP
# request, its answer turned into seconds since the 2000 epoch, and the RTC
# set from it in UTC. host and timeout may be changed at run time; port too
# (an addition of espy's: the port always asks port 123, and so does this
# module unless told otherwise).
from time import gmtime
import socket
import struct

# The NTP host can be configured at runtime by doing: ntptime.host = 'myhost.org'
host = "pool.ntp.org"
# The NTP socket timeout can be configured at runtime by doing: ntptime.timeout = 2
timeout = 1
port = 123


def time():
    NTP_QUERY = bytearray(48)
    NTP_QUERY[0] = 0x23  # leap 0, version 4, mode 3 (client)
    addr = socket.getaddrinfo(host, port)[0][-1]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.settimeout(timeout)
        s.sendto(NTP_QUERY, addr)
        msg = s.recv(48)
    finally:
        s.close()
    val = struct.unpack("!I", msg[40:44])[0]

    # 2024-01-01 00:00:00 as an NTP timestamp: anything earlier is a time
    # after the 32-bit seconds wrapped (7 Feb 2036), so add 2^32 seconds.
    # This works until 7 Feb 2160.
    MIN_NTP_TIMESTAMP = 3913056000
    if val < MIN_NTP_TIMESTAMP:
        val += 0x100000000

    # From 1900 to the epoch of gmtime.
    EPOCH_YEAR = gmtime(0)[0]
    if EPOCH_YEAR == 2000:
        # (date(2000, 1, 1) - date(1900, 1, 1)).days * 24*60*60
        NTP_DELTA = 3155673600
    elif EPOCH_YEAR == 1970:
        # (date(1970, 1, 1) - date(1900, 1, 1)).days * 24*60*60
        NTP_DELTA = 2208988800
    else:
        raise Exception("Unsupported epoch: {}".format(EPOCH_YEAR))

    return val - NTP_DELTA


# There is no time zone support: the RTC is set in UTC.
def settime():
    t = time()
    import machine

    tm = gmtime(t)
    machine.RTC().datetime((tm[0], tm[1], tm[2], tm[6] + 1, tm[3], tm[4], tm[5], 0))
