#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The simulated board driven from outside: `espy --board --board-io SOCK`
runs a program over the raw REPL (test_board.py's Board) while this script,
as a test bench would, drives its inputs and watches its outputs on the
board-io socket (docs/board-io.md): levels and interrupts, ADC, PWM, the
bytes on UART1, SPI and bitstream, an I2C memory, and the errors of the
protocol.

    test_board_io.py ESPY [-v] [NAME...]

Ends with `N passed, N failed`."""
import os
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_board as t  # noqa: E402
from test_board import check  # noqa: E402


class BoardIO:
    """A client of the board-io socket: cmd() sends a line and returns the
    reply; event lines that arrive meanwhile are kept in .events."""

    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX)
        deadline = time.time() + t.TIMEOUT
        while True:
            try:
                self.s.connect(path)
                break
            except OSError:
                if time.time() > deadline:
                    raise t.Failure("no board-io socket at %s" % path)
                time.sleep(0.05)
        self.s.settimeout(t.TIMEOUT)
        self.buf = b""
        self.events = []

    def line(self):
        while b"\n" not in self.buf:
            data = self.s.recv(4096)
            if not data:
                raise t.Failure("the board-io socket closed; so far %r" % self.buf)
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()

    def cmd(self, text):
        self.s.sendall(text.encode() + b"\n")
        while True:
            reply = self.line()
            if not reply.startswith("event "):
                return reply
            self.events.append(reply)

    def wait_event(self, event, timeout=t.TIMEOUT):
        deadline = time.time() + timeout
        while event not in self.events:
            self.s.settimeout(max(0.01, deadline - time.time()))
            try:
                reply = self.line()
            except socket.timeout:
                raise t.Failure("no %r; events: %r" % (event, self.events))
            finally:
                self.s.settimeout(t.TIMEOUT)
            check(reply.startswith("event "), "a reply nobody asked for: %r" % reply)
            self.events.append(reply)

    def close(self):
        self.s.close()


class Bench:
    """The board with its socket, in the raw REPL, and a client."""

    def __enter__(self):
        self.sock = os.path.join(t.FLASH_DIR.name, "io.sock")
        self.board = t.Board(command=[t.ESPY, "--board", "--flash", t.FLASH, "--board-io", self.sock])
        self.board.read_until(t.BANNER_END)
        self.board.enter_raw(soft_reset=False)
        self.io = BoardIO(self.sock)
        return self

    def run(self, code):
        return t.raw_eval(self.board, code).decode()

    def __exit__(self, *exc):
        self.io.close()
        self.board.close()
        check(not os.path.exists(self.sock), "the socket is left behind")


def io_test(fn):
    def wrapper():
        with Bench() as bench:
            fn(bench, bench.io)
    wrapper.__name__ = fn.__name__
    return t.test(wrapper)


@io_test
def io_outputs_and_inputs(bench, io):
    check(io.cmd("state 4") == "ok none none none none", "pin 4 before the program")
    bench.run("from machine import Pin\np4 = Pin(4, Pin.OUT, value=1)\np5 = Pin(5, Pin.IN, Pin.PULL_UP)")
    check(io.cmd("state 4") == "ok out none 1 none", "pin 4 an output at 1: %r" % io.cmd("state 4"))
    check(io.cmd("state 5") == "ok in up none none", "pin 5 an input with its pull-up")
    check(io.cmd("pin 5") == "ok 1", "the pull-up holds pin 5 high")
    check(io.cmd("pin 5 0") == "ok", "drive pin 5")
    check(bench.run("print(p5.value())") == "0\r\n", "the program reads the level applied")
    check(io.cmd("pin 5 float") == "ok" and bench.run("print(p5.value())") == "1\r\n", "let go: the pull-up")
    bench.run("p4(0)")
    check(io.cmd("pin 4") == "ok 0", "pin 4 written 0")
    levels = io.cmd("pins").split()
    check(levels[0] == "ok" and len(levels) == 18 and levels[6] == "1" and levels[5] == "0", "pins: %r" % levels)
    # A wire from 4 to 12: 12 reads what 4 drives.
    check(io.cmd("wire 4 12") == "ok", "wire")
    check(bench.run("p12 = Pin(12, Pin.IN)\np4(1)\nprint(p12())\np4(0)\nprint(p12())") == "1\r\n0\r\n", "wired")
    check(io.cmd("unwire 12") == "ok", "unwire")


@io_test
def io_interrupts_fire_when_driven(bench, io):
    bench.run("from machine import Pin\nhits = []\np = Pin(13, Pin.IN)\n"
              "p.irq(lambda q: hits.append(len(hits)), Pin.IRQ_RISING | Pin.IRQ_FALLING)")
    check(io.cmd("watch") == "ok", "watch")
    for level in "101":
        check(io.cmd("pin 13 %s" % level) == "ok", "drive pin 13")
        io.wait_event("event pin 13 %s" % level)
    out = bench.run("import time\ntime.sleep_ms(50)\nprint(hits)")
    check(out == "[0, 1, 2]\r\n", "a callback for each edge: %r" % out)
    # A program in a long sleep runs the callback at once (and sleeps on).
    bench.board.send(b"\x05A\x01")
    check(bench.board.read_exactly(2) == b"R\x01", "raw-paste")
    bench.board.read_exactly(2)
    bench.board.send(b"t0 = time.ticks_ms()\np.irq(lambda q: hits.append(time.ticks_diff(time.ticks_ms(), t0)), "
                     b"Pin.IRQ_FALLING)\ntime.sleep_ms(2000)\nprint(hits[3:], hits[3] < 1500)\n\x04")
    time.sleep(0.5)
    check(io.cmd("pin 13 0") == "ok", "drive pin 13 low")
    out = bench.board.read_until(b"\x04>")
    check(b"] True\r\n" in out, "the callback ran during the sleep: %r" % out)
    # A level applied later, measured by time_pulse_us.
    check(io.cmd("pin 13 1 20000") == "ok" and io.cmd("pin 13 0 50000") == "ok", "levels later")
    out = bench.run("import machine\nprint(25000 < machine.time_pulse_us(p, 1, 1000000) < 45000)")
    check(out == "True\r\n", "time_pulse_us of a pulse the bench made: %r" % out)
    check(io.cmd("unwatch") == "ok", "unwatch")


@io_test
def io_adc_pwm_and_bytes(bench, io):
    check(io.cmd("adc 0 612") == "ok", "adc")
    check(bench.run("from machine import ADC\nprint(ADC(0).read())") == "612\r\n", "ADC(0) reads the bench's value")
    bench.run("from machine import Pin, PWM\npwm = PWM(Pin(12), freq=500, duty=300)")
    check(io.cmd("pwm 12") == "ok 500 300", "PWM seen: %r" % io.cmd("pwm 12"))
    bench.run("pwm.duty(1023)")
    check(io.cmd("pwm 12") == "ok 500 1023", "PWM duty changed")
    bench.run("pwm.deinit()")
    check(io.cmd("pwm 12") == "ok none", "PWM off")
    bench.run("from machine import UART\nUART(1, 115200).write(b'hi!')")
    check(io.cmd("uart1") == "ok 686921", "UART1's bytes")
    check(io.cmd("uart1") == "ok ", "taken once")
    bench.run("from machine import SPI\ns = SPI(1, baudrate=1000000)\ns.write(b'\\x01\\xfe')")
    check(io.cmd("spi") == "ok 01fe", "SPI's MOSI bytes")
    bench.run("import machine\nmachine.bitstream(Pin(15, Pin.OUT), 0, (400, 850, 800, 450), b'\\xaa')")
    check(io.cmd("bitstream 15") == "ok aa", "bitstream's bytes")


@io_test
def io_i2c_device(bench, io):
    check(io.cmd("i2c-device 5 4 0x51") == "ok", "attach")
    out = bench.run("from machine import Pin, SoftI2C\ni2c = SoftI2C(scl=Pin(5), sda=Pin(4))\nprint(i2c.scan())")
    check(out == "[81]\r\n", "the program finds the bench's device: %r" % out)
    bench.run("i2c.writeto_mem(0x51, 16, b'espy')")
    mem = io.cmd("i2c-memory 0x51")
    check(mem.startswith("ok ") and bytes.fromhex(mem[3:])[16:20] == b"espy" and len(mem) == 3 + 512,
          "the device's memory: %r" % mem[:80])
    check(io.cmd("i2c-memory 0x51 100 cafe") == "ok", "write its memory")
    check(bench.run("print(i2c.readfrom_mem(0x51, 100, 2))") == "b'\\xca\\xfe'\r\n", "the program reads it")
    # Without the device, nothing pulls the bus up: SCL stays low.
    check(io.cmd("detach-all") == "ok" and io.cmd("i2c-memory 0x51") == "error: no I2C device at 0x51", "detach-all")
    out = bench.run("try:\n    i2c.scan()\nexcept OSError as e:\n    print(e.errno)")
    check(out == "110\r\n", "a bus without pull-ups: %r" % out)


@io_test
def io_spi_device_and_i2c_log(bench, io):
    check(io.cmd("spi-device 14 13 12 15") == "ok" and io.cmd("spi-reply 15 c0ffee") == "ok", "an SPI device")
    out = bench.run("from machine import Pin, SPI\ncs = Pin(15, Pin.OUT, value=1)\ns = SPI(1, baudrate=1000000)\n"
                    "cs(0)\nprint(s.read(3, 0x42))\ncs(1)")
    check(out == "b'\\xc0\\xff\\xee'\r\n", "the program reads the bench's bytes: %r" % out)
    check(io.cmd("spi-received 15") == "ok 424242", "the bench sees the program's bytes")
    check(io.cmd("spi-device 5 4 0 2 3") == "ok", "another, in mode 3")
    for line, want in [("spi-device 1 2 3 15", "error: a device on chip select 15 already, or 4 SPI devices"),
                       ("spi-device 1 2 3 4 7", "error: an SPI mode is 0..3, not 7"),
                       ("spi-reply 9 00", "error: no SPI device on chip select 9, or its queue is full"),
                       ("spi-reply 15 abc", "error: the bytes are an even count of hex digits"),
                       ("spi-received 9", "error: no SPI device on chip select 9"),
                       ("i2c-log 0x50", "error: no I2C device at 0x50")]:
        got = io.cmd(line)
        check(got == want, "%r: %r, wanted %r" % (line, got, want))
    check(io.cmd("i2c-device 5 4") == "ok", "an I2C memory")
    bench.run("from machine import SoftI2C\ni2c = SoftI2C(scl=Pin(5), sda=Pin(4))\ni2c.writeto_mem(0x50, 7, b'hi')\n"
              "i2c.readfrom_mem(0x50, 7, 2)")
    check(io.cmd("i2c-log 0x50") == "ok w:076869 w:07 r:6869", "the I2C transactions: %r" % io.cmd("i2c-log 0x50"))


@io_test
def io_sensors(bench, io):
    check(io.cmd("onewire-device 4 28a1b2c3d4e5f6") == "ok 0", "a DS18B20")
    check(io.cmd("onewire-device 4 10000000000001") == "ok 1", "a DS18S20 on the same bus")
    check(io.cmd("sensor 0 temperature 21.5") == "ok" and io.cmd("sensor 1 temperature -10.5") == "ok", "temperatures")
    out = bench.run("import onewire, ds18x20, machine, time\n"
                    "d = ds18x20.DS18X20(onewire.OneWire(machine.Pin(4)))\n"
                    "roms = d.scan(); d.convert_temp(); time.sleep_ms(750)\n"
                    "print(sorted((bytes(r).hex(), d.read_temp(r)) for r in roms))")
    check(out.startswith("[('10000000000001") and "-10.5)" in out and "('28a1b2c3d4e5f6" in out and "21.5)]" in out,
          "the program reads the bench's temperatures: %r" % out)
    log = io.cmd("onewire-log 4")
    check(log.startswith("ok P") and set(log[3:]) <= set("PR01") and len(log) > 100, "the bus's slots: %r" % log[:60])
    check(io.cmd("dht-device 5 22") == "ok 8", "a DHT22 (numbers 8 and up)")
    check(io.cmd("sensor 8 humidity 55.5") == "ok" and io.cmd("sensor 8 temperature -3.2") == "ok", "DHT readings")
    out = bench.run("import dht\ns = dht.DHT22(machine.Pin(5))\ns.measure()\nprint(s.humidity(), s.temperature())")
    check(out == "55.5 -3.2\r\n", "the DHT22's readings: %r" % out)
    check(io.cmd("sensor 8 silent 1") == "ok", "silence the DHT")
    out = bench.run("try:\n    s.measure()\nexcept OSError as e:\n    print(e.errno)")
    check(out == "110\r\n", "a silent DHT: ETIMEDOUT, %r" % out)
    for line, want in [("onewire-device 4 11223344", "error: a ROM is 8 bytes in hex (7 without its CRC)"),
                       ("onewire-device 4 99000000000001", "error: no simulated 1-wire device of family 0x99 "
                        "(0x28 DS18B20, 0x22 DS1822, 0x10 DS18S20)"),
                       ("dht-device 5 33", "error: a DHT is 11 or 22, not 33"),
                       ("sensor 9 temperature 1", "error: no sensor 9, or it has no temperature"),
                       ("sensor 0 colour 1", "error: a sensor has temperature, humidity, silent or corrupt, not colour"),
                       ("sensor 0 temperature hot", "error: sensor N temperature|humidity|silent|corrupt VALUE")]:
        got = io.cmd(line)
        check(got == want, "%r: %r, wanted %r" % (line, got, want))


@io_test
def io_protocol_errors(bench, io):
    cases = [
        ("bogus", "error: unknown command or wrong arguments: bogus (try help)"),
        ("pin 17", "error: no pin 17 (0..16)"),
        ("pin x", "error: no pin x (0..16)"),
        ("pin 4 2", "error: a level is 0, 1 or float, not 2"),
        ("pin 4 1 -5", "error: AFTER_US is 0..60000000, not -5"),
        ("adc 2 5", "error: adc CHANNEL VALUE: channel 0 or 1, value 0..65535"),
        ("i2c-device 4 4", "error: SCL and SDA must be two pins"),
        ("i2c-device 4 5 0x99", "error: an I2C address is 0x08..0x77, not 0x99"),
        ("i2c-memory 0x20", "error: no I2C device at 0x20"),
        ("pin", "error: unknown command or wrong arguments: pin (try help)"),
    ]
    for line, want in cases:
        got = io.cmd(line)
        check(got == want, "%r: %r, wanted %r" % (line, got, want))
    check(io.cmd("x" * 5000) == "error: a line is at most 1023 bytes", "an overlong line")
    check(io.cmd("pin 4") in ("ok 0", "ok 1"), "still answering after the long line")
    check(io.cmd("help") == "ok commands:", "help")
    while io.line() != "end":
        pass
    # Eight clients at once; a ninth is told why it is refused.
    others = [BoardIO(bench.sock) for _ in range(7)]
    try:
        check(all(o.cmd("pin 0") in ("ok 0", "ok 1") for o in others), "eight clients")
        ninth = BoardIO(bench.sock)
        check(ninth.line() == "error: too many clients", "the ninth")
        ninth.close()
    finally:
        for o in others:
            o.close()
    check(bench.run("print(1 + 1)") == "2\r\n", "the board runs on")


@t.test
def io_option_errors():
    path = os.path.join(t.FLASH_DIR.name, "not-a-socket")
    with open(path, "w") as f:
        f.write("keep me")
    for args, want in [
        (["--board", "--board-io", path], "exists and is not a socket"),
        (["--board-io", path, "-c", "pass"], "only with the board"),
        (["--board", "--board-io", "/" + "x" * 200], "too long for a socket"),
    ]:
        p = subprocess.run([t.ESPY, "--flash", t.FLASH] + args, capture_output=True, timeout=t.TIMEOUT,
                           stdin=subprocess.DEVNULL)
        check(p.returncode != 0 and want in p.stderr.decode(), "%r: %r" % (args, p.stderr))
    check(open(path).read() == "keep me", "the file is left alone")


if __name__ == "__main__":
    t.TESTS[:] = [fn for fn in t.TESTS if fn.__name__.startswith("io_")]
    t.main()
