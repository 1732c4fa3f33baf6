#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the ESP8266 firmware image tools, tools/mkimage and tools/fwcheck.

Usage: python3 tests/host/test_mkimage.py [-v] [NAME...]

The ELF files are made here by a tiny ELF32 writer (sections at IRAM, DRAM
and irom0 addresses with known bytes), not taken from a build: the QEMU
ELF has another memory layout. Each firmware.bin mkimage writes is read
back twice, by fwcheck and by a parser written here from the spec
(shared/spec/esp8266-firmware-image.md), which computes the checksum and
MD5 itself. Then every refusal of mkimage and every corruption fwcheck must
name, and a fuzz loop showing fwcheck never raises a Python exception.
Prints one line per failure (every test with -v) and `N passed, N failed`
at the end; the exit status is 0 when nothing failed.
"""

import functools
import hashlib
import operator
import os
import random
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MKIMAGE = os.path.join(ROOT, "tools", "mkimage")
FWCHECK = os.path.join(ROOT, "tools", "fwcheck")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "tools"))
import fwimage  # noqa: E402  (only for the in-process fuzz loops and LAYOUTS)

VERBOSE = False
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


# ---- facts from the spec, written out independently of tools/fwimage.py --

IRAM, DRAM, IROM0 = 0x40100000, 0x3FFE8000, 0x40209000
MODES = {"qio": 0, "qout": 1, "dio": 2, "dout": 3}
FREQS = {"40m": 0x0, "26m": 0x1, "20m": 0x2, "80m": 0xF}
SIZE_CODES = {"512K": 0x0, "1M": 0x2, "2M": 0x3, "4M": 0x4, "8M": 0x8, "16M": 0x9}
# variant: irom0 region end (= flash_user_start), filesystem text in the report
VARIANTS = {
    "512K": (0x7B000, "filesystem none"),
    "1M": (0x98000, "filesystem 0x99000-0xfb000 (98 sectors)"),
    "2M": (0x100000, "filesystem 0x100000-0x1fb000 (251 sectors)"),
    "4M": (0x100000, "filesystem 0x100000-0x3fb000 (763 sectors)"),
}


# ---- a tiny ELF32 little-endian writer -----------------------------------

SHT_PROGBITS, SHT_NOBITS = 1, 8
SHF_WRITE, SHF_ALLOC, SHF_EXEC = 1, 2, 4


def elf_file(sections, entry, machine=94):
    """sections: (name, addr, data[, type[, flags]]); a NOBITS section's data
    gives only its size. Returns the bytes of an Xtensa ELF32 executable."""
    names = bytearray(b"\0")
    body = bytearray(52)
    headers = [bytes(40)]

    def add(name, type_, flags, addr, data, size):
        while len(body) % 4:
            body.append(0)
        offset = len(body)
        if type_ != SHT_NOBITS:
            body.extend(data)
        headers.append(struct.pack("<10I", len(names), type_, flags, addr, offset, size,
                                   0, 0, 4, 0))
        names.extend(name.encode() + b"\0")

    for sec in sections:
        name, addr, data = sec[:3]
        type_ = sec[3] if len(sec) > 3 else SHT_PROGBITS
        flags = sec[4] if len(sec) > 4 else SHF_ALLOC | SHF_EXEC
        add(name, type_, flags, addr, data, len(data))
    shstrndx = len(headers)
    names_offset = len(names)
    names.extend(b".shstrtab\0")
    headers.append(struct.pack("<10I", names_offset, 3, 0, 0, len(body), len(names), 0, 0, 1, 0))
    body.extend(names)
    while len(body) % 4:
        body.append(0)
    shoff = len(body)
    for h in headers:
        body.extend(h)
    ident = b"\x7fELF" + bytes([1, 1, 1, 0]) + bytes(8)
    body[:52] = struct.pack("<16sHHIIIIIHHHHHH", ident, 2, machine, 1, entry, 0, shoff, 0x300,
                            52, 32, 0, 40, len(headers), shstrndx)
    return bytes(body)


def known_bytes(n, seed):
    return random.Random(seed).randbytes(n)


TEXT = known_bytes(1001, 1)             # padded to 1004, then .iram1 follows
IRAM1 = known_bytes(20, 2)
DATA = known_bytes(0x50, 3)
RODATA = known_bytes(0x33, 4)           # right after .data: same segment
LIT4 = known_bytes(16, 5)               # after a gap: its own segment
IROM_TEXT = known_bytes(5001, 6)
IROM_RODATA = known_bytes(777, 7)       # after a gap, at 0x4020a400
ENTRY = IRAM + 0x10

STANDARD_SECTIONS = [
    (".text", IRAM, TEXT),
    (".iram1", IRAM + 1004, IRAM1),
    (".data", DRAM, DATA, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE),
    (".rodata", DRAM + 0x50, RODATA, SHT_PROGBITS, SHF_ALLOC),
    (".lit4", DRAM + 0x200, LIT4, SHT_PROGBITS, SHF_ALLOC),
    (".bss", DRAM + 0x300, bytes(0x100), SHT_NOBITS, SHF_ALLOC | SHF_WRITE),
    (".irom0.text", IROM0, IROM_TEXT),
    (".irom0.rodata", IROM0 + 0x1400, IROM_RODATA, SHT_PROGBITS, SHF_ALLOC),
    (".comment", 0, b"GCC: (GNU) 10.3.0\0", SHT_PROGBITS, 0),
]
# What the ROM image and irom0 part must then hold.
STANDARD_SEGMENTS = [
    (IRAM, TEXT + bytes(3) + IRAM1),
    (DRAM, DATA + RODATA + bytes(1)),
    (DRAM + 0x200, LIT4),
]
STANDARD_IROM0 = IROM_TEXT + bytes(0x1400 - 5001) + IROM_RODATA + bytes(3)


def standard_elf(**changes):
    return elf_file(STANDARD_SECTIONS, changes.get("entry", ENTRY))


# ---- an independent reader of firmware.bin -------------------------------

def parse_firmware(data):
    """The fields of a valid firmware.bin, read by the spec's rules."""
    fw = {}
    magic, count, fw["mode"], size_freq, fw["entry"] = struct.unpack_from("<BBBBI", data)
    fw["magic"], fw["size_code"], fw["freq"] = magic, size_freq >> 4, size_freq & 0xF
    offset, fw["segments"], fw["segment_offsets"] = 8, [], []
    for _ in range(count):
        addr, length = struct.unpack_from("<II", data, offset)
        fw["segment_offsets"].append(offset)
        fw["segments"].append((addr, data[offset + 8:offset + 8 + length]))
        offset += 8 + length
    fw["padding_offset"] = offset
    while offset % 16 != 15:
        offset += 1
    fw["checksum_offset"] = offset
    fw["padding"] = data[fw["padding_offset"]:offset]
    fw["checksum"] = data[offset]
    fw["ff_padding"] = data[offset + 1:0x8FFC]
    fw["total"] = struct.unpack_from("<I", data, 0x8FFC)[0]
    fw["irom0"] = data[0x9000:fw["total"]]
    fw["md5"] = data[fw["total"]:]
    return fw


def checksum(segments):
    return functools.reduce(operator.xor, b"".join(d for _, d in segments), 0xEF)


# ---- running the tools ---------------------------------------------------

def run(tool, args):
    p = subprocess.run([sys.executable, tool] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class Scratch:
    """A temporary directory with helpers to write ELF files and images."""

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        return self

    def __exit__(self, *exc):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def mkimage(self, elf, options=(), out="firmware.bin"):
        """mkimage that must succeed; returns (firmware bytes, report line)."""
        code, stdout, stderr = run(MKIMAGE, list(options) + ["-o", self.path(out),
                                                             self.write("fw.elf", elf)])
        check(code == 0, "mkimage %s: exit status %d, stderr %r" % (" ".join(options), code,
                                                                    stderr))
        check(stderr == "", "mkimage: stderr %r" % stderr)
        return self.read(out), stdout

    def mkimage_refuses(self, elf, words, options=()):
        """mkimage that must fail with a message holding each of words."""
        out = self.path("refused.bin")
        code, stdout, stderr = run(MKIMAGE, list(options) + ["-o", out,
                                                             self.write("bad.elf", elf)])
        check(code == 1, "exit status %d, expected 1 (stdout %r, stderr %r)" % (code, stdout,
                                                                               stderr))
        check(stderr.startswith("mkimage: ") and stderr.count("\n") == 1,
              "stderr %r is not one mkimage: line" % stderr)
        for w in words:
            check(w in stderr, "%r not in %r" % (w, stderr))
        check(not os.path.exists(out), "the refused image was written")

    def fwcheck(self, data, options=()):
        return run(FWCHECK, list(options) + [self.write("check.bin", data)])

    def fwcheck_rejects(self, data, message, options=()):
        code, stdout, stderr = self.fwcheck(data, options)
        check(code == 1, "exit status %d, expected 1 (stderr %r)" % (code, stderr))
        check(stderr.startswith("fwcheck: " + message),
              "stderr %r, expected it to start with %r" % (stderr, "fwcheck: " + message))
        check(stderr.count("\n") == 1 and "Traceback" not in stderr, "stderr %r" % stderr)


def standard_image(options=()):
    with Scratch() as s:
        return s.mkimage(standard_elf(), options)[0]


# ---- mkimage writes what the ELF holds -----------------------------------

@test
def image_fields_match_elf():
    with Scratch() as s:
        data, report = s.mkimage(standard_elf())
        fw = parse_firmware(data)
        check(fw["magic"] == 0xE9, "magic 0x%x" % fw["magic"])
        check((fw["mode"], fw["size_code"], fw["freq"]) == (2, 3, 0),
              "defaults dio/2M/40m: header %r" % data[:4])
        check(fw["entry"] == ENTRY, "entry 0x%x" % fw["entry"])
        check(fw["segments"] == STANDARD_SEGMENTS, "segments %r" % [
            (hex(a), len(d)) for a, d in fw["segments"]])
        check(fw["padding"] and fw["padding"] == bytes(len(fw["padding"])),
              "zero padding %r" % fw["padding"])
        check(fw["checksum"] == checksum(STANDARD_SEGMENTS),
              "checksum 0x%x, expected 0x%x" % (fw["checksum"], checksum(STANDARD_SEGMENTS)))
        check(len(fw["ff_padding"]) > 0 and fw["ff_padding"] == b"\xff" * len(fw["ff_padding"]),
              "0xff padding")
        check(fw["total"] == 0x9000 + len(STANDARD_IROM0), "T 0x%x" % fw["total"])
        check(fw["irom0"] == STANDARD_IROM0, "irom0 differs")
        check(len(data) == fw["total"] + 16, "file length %d" % len(data))
        check(fw["md5"] == hashlib.md5(data[4:fw["total"]]).digest(), "MD5 differs")
        rom_size = fw["checksum_offset"] + 1
        want = ("mkimage: ROM image %d B (3 segments), irom0 %d B of 1011712 (flash 2M), "
                "firmware.bin %d B, flash_user_start 0x100000, "
                "filesystem 0x100000-0x1fb000 (251 sectors)\n" % (
                    rom_size, len(STANDARD_IROM0), len(data)))
        check(report == want, "report %r, expected %r" % (report, want))

        code, stdout, stderr = s.fwcheck(data, ["--flash-size", "2M"])
        check(code == 0 and stderr == "", "fwcheck: exit status %d, stderr %r" % (code, stderr))
        for text in ["0x%08x" % ENTRY, "dio", "2M", "40m", "load 0x40100000, 1024 bytes, IRAM",
                     "load 0x3ffe8000, 132 bytes, DRAM", "load 0x3ffe8200, 16 bytes, DRAM",
                     "stored 0x%02x, computed 0x%02x" % (fw["checksum"], fw["checksum"]),
                     "0x%x (%d)" % (fw["total"], fw["total"]), fw["md5"].hex(),
                     "%d bytes of 1011712" % len(STANDARD_IROM0), "valid firmware"]:
            check(text in stdout, "fwcheck output lacks %r:\n%s" % (text, stdout))
        read = fwimage.check_firmware(data, "2M")
        check(read.segments == STANDARD_SEGMENTS and read.entry == ENTRY
              and read.irom0 == STANDARD_IROM0 and read.total == fw["total"],
              "fwimage.check_firmware read other values")


@test
def header_for_each_mode_size_freq():
    # Every combination through the library, each name once through the tools.
    for size, size_code in SIZE_CODES.items():
        for mode, mode_code in MODES.items():
            for freq, freq_code in FREQS.items():
                data = fwimage.build_firmware(standard_elf(), size, mode, freq).data
                want = bytes([0xE9, 3, mode_code, size_code << 4 | freq_code])
                check(data[:4] == want, "%s %s %s: header %s, expected %s" % (
                    size, mode, freq, data[:4].hex(), want.hex()))
                fwimage.check_firmware(data, size)
    with Scratch() as s:
        runs = [("512K", "qio", "40m"), ("1M", "qout", "26m"), ("2M", "dio", "20m"),
                ("4M", "dout", "80m"), ("8M", "qio", "26m"), ("16M", "dout", "20m")]
        for size, mode, freq in runs:
            data, _ = s.mkimage(standard_elf(), ["--flash-size", size, "--flash-mode", mode,
                                                 "--flash-freq", freq])
            want = bytes([0xE9, 3, MODES[mode], SIZE_CODES[size] << 4 | FREQS[freq]])
            check(data[:4] == want, "%s %s %s: header %s" % (size, mode, freq, data[:4].hex()))
            code, stdout, stderr = s.fwcheck(data, ["--flash-size", size])
            check(code == 0, "fwcheck %s %s %s: %s" % (size, mode, freq, stderr))
            check("%s (%d)" % (mode, MODES[mode]) in stdout and freq in stdout,
                  "fwcheck does not name %s/%s:\n%s" % (mode, freq, stdout))


@test
def esptool_header_rewrite_keeps_md5():
    # esptool rewrites bytes 2 and 3 when flashing: the MD5 and checksum still hold.
    data = bytearray(standard_image())
    data[2], data[3] = 3, 0x4F
    with Scratch() as s:
        code, stdout, stderr = s.fwcheck(bytes(data))
        check(code == 0, "stderr %r" % stderr)
        check("dout (3)" in stdout and "4M (0x4), frequency 80m" in stdout, stdout)


@test
def variants_report_their_layout():
    with Scratch() as s:
        for size, (irom0_end, fs) in VARIANTS.items():
            data, report = s.mkimage(standard_elf(), ["--flash-size", size])
            want = "irom0 %d B of %d (flash %s)" % (len(STANDARD_IROM0), irom0_end - 0x9000, size)
            check(want in report, "%s: %r not in %r" % (size, want, report))
            want = "flash_user_start 0x%x, %s\n" % (irom0_end, fs)
            check(report.endswith(want), "%s: report %r does not end with %r" % (
                size, report, want))
            check(data[3] >> 4 == SIZE_CODES[size], "%s: size code in %s" % (size, data[:4].hex()))
            code, _, stderr = s.fwcheck(data, ["--flash-size", size])
            check(code == 0, "%s: fwcheck %r" % (size, stderr))
            other = "1M" if size != "1M" else "4M"
            s.fwcheck_rejects(data, "flash size at offset 0x3: the header says",
                              ["--flash-size", other])
        layout = fwimage.LAYOUTS["1M"]
        check((layout.flash_user_start, layout.fs_start, layout.fs_sectors, layout.sdk_data)
              == (0x98000, 0x99000, 98, 0xFB000), "LAYOUTS['1M'] = %r" % (layout,))


@test
def layout_option():
    expected = {
        "512K": ["0x009000-0x07b000  irom0", "flash_user_start  0x7b000", "no filesystem",
                 "0x07b000-0x080000  SDK data", "PHY init data 0x7c000"],
        "1M": ["0x009000-0x098000  irom0", "flash_user_start  0x98000",
               "0x099000-0x0fb000  filesystem, 98 sectors", "0x0fb000-0x100000  SDK data"],
        "2M": ["0x009000-0x100000  irom0", "flash_user_start  0x100000",
               "0x100000-0x1fb000  filesystem, 251 sectors", "PHY init data 0x1fc000"],
        "4M": ["0x100000-0x3fb000  filesystem, 763 sectors", "PHY init data 0x3fc000"],
    }
    for size, texts in expected.items():
        code, stdout, stderr = run(MKIMAGE, ["--layout", size])
        check(code == 0 and stderr == "", "--layout %s: %d %r" % (size, code, stderr))
        for text in texts:
            check(text in stdout, "--layout %s lacks %r:\n%s" % (size, text, stdout))


@test
def help_options():
    for tool in (MKIMAGE, FWCHECK):
        code, stdout, stderr = run(tool, ["-h"])
        check(code == 0 and "usage" in stdout.lower(), "%s -h: %d %r" % (tool, code, stdout))
    code, _, stderr = run(MKIMAGE, [])
    check(code == 2 and "usage" in stderr.lower(), "mkimage without arguments: %d" % code)


@test
def irom0_region_limits():
    for size, (irom0_end, _) in VARIANTS.items():
        room = irom0_end - 0x9000
        fits = elf_file([(".text", IRAM, bytes(64)), (".irom0.text", IROM0, bytes(room))], IRAM)
        over = elf_file([(".text", IRAM, bytes(64)), (".irom0.text", IROM0, bytes(room + 4))],
                        IRAM)
        with Scratch() as s:
            data, _ = s.mkimage(fits, ["--flash-size", size])
            check(len(data) == 0x9000 + room + 16, "%s: file length %d" % (size, len(data)))
            s.mkimage_refuses(over, ["irom0 is %d bytes" % (room + 4), "%d-byte irom0 region"
                                     % room, size], ["--flash-size", size])
    # fwcheck's own limit: a 2M image whose header says 512K (bytes 2-3 are not in the MD5).
    over = elf_file([(".text", IRAM, bytes(64)), (".irom0.text", IROM0, bytes(0x72004))], IRAM)
    with Scratch() as s:
        data = bytearray(fwimage.build_firmware(over, "2M").data)
        data[3] = 0x00
        s.fwcheck_rejects(bytes(data), "irom0 at offset 0x9000: %d bytes, larger than the %d-byte"
                          % (0x72004, 0x72000), ["--flash-size", "512K"])


@test
def no_irom0_is_allowed():
    with Scratch() as s:
        data, _ = s.mkimage(elf_file([(".text", IRAM, bytes(64))], IRAM))
        check(parse_firmware(data)["total"] == 0x9000 and len(data) == 0x9010,
              "file length %d" % len(data))
        code, _, stderr = s.fwcheck(data)
        check(code == 0, stderr)


# ---- mkimage refuses -----------------------------------------------------

@test
def refuses_rom_image_too_big():
    elf = elf_file([(".text", IRAM, bytes(0x8000)), (".data", DRAM, bytes(0x1000))], IRAM)
    with Scratch() as s:
        s.mkimage_refuses(elf, ["ROM image is", "more than the 36860 (0x8ffc)"])
    # The largest ROM image that fits is 0x8ff0 bytes, its checksum at 0x8fef:
    # segments ending at 0x8ff0 would put the checksum at 0x8fff.
    elf = elf_file([(".text", IRAM, bytes(0x8000)), (".data", DRAM, bytes(0xFD4))], IRAM)
    with Scratch() as s:
        data, report = s.mkimage(elf)
        check("ROM image 36848 B" in report, report)
        code, _, stderr = s.fwcheck(data)
        check(code == 0, stderr)
        elf = elf_file([(".text", IRAM, bytes(0x8000)), (".data", DRAM, bytes(0xFD8))], IRAM)
        s.mkimage_refuses(elf, ["ROM image is 36864 bytes"])


@test
def refuses_too_many_segments():
    def sections(n_dram):
        return [(".text", IRAM, bytes(8))] + [
            (".d%d" % i, DRAM + 0x100 * i, bytes([i]) * 4) for i in range(n_dram)]
    with Scratch() as s:
        data, _ = s.mkimage(elf_file(sections(15), IRAM))
        check(data[1] == 16, "segment count %d" % data[1])
        s.mkimage_refuses(elf_file(sections(16), IRAM), ["17 RAM segments", "more than the 16"])


@test
def refuses_section_outside_regions():
    cases = [(0x60000000, 16), (0x40107FF0, 32), (0x40108000, 16), (0x3FFFC000, 4),
             (0x3FFE7FFC, 8), (0x40000000, 4), (0x40300000, 4)]
    with Scratch() as s:
        for addr, size in cases:
            elf = elf_file([(".text", IRAM, bytes(16)), (".stray", addr, bytes(size))], IRAM)
            s.mkimage_refuses(elf, ["section .stray at 0x%08x" % addr, "lies outside"])


@test
def refuses_entry_outside_iram():
    with Scratch() as s:
        for entry in (DRAM, IROM0, 0x40000080, 0, 0x40108000):
            s.mkimage_refuses(elf_file(STANDARD_SECTIONS, entry),
                              ["entry point 0x%08x is not in IRAM" % entry])
        s.mkimage_refuses(elf_file(STANDARD_SECTIONS, IRAM + 0x4000),
                          ["entry point 0x40104000 is not inside any section loaded into IRAM"])


@test
def refuses_irom0_elsewhere():
    with Scratch() as s:
        for addr in (0x40210000, 0x40200000, 0x40209004):
            elf = elf_file([(".text", IRAM, bytes(16)), (".irom0.text", addr, bytes(16))], IRAM)
            s.mkimage_refuses(elf, ["irom0 starts at 0x%08x (section .irom0.text), not at "
                                    "0x40209000" % addr])


@test
def refuses_overlaps_and_bad_elf():
    with Scratch() as s:
        elf = elf_file([(".text", IRAM, bytes(16)), (".more", IRAM + 8, bytes(16))], IRAM)
        s.mkimage_refuses(elf, ["section .more at 0x40100008 overlaps .text"])
        elf = elf_file([(".text", IRAM, bytes(16)), (".irom0.text", IROM0, bytes(16)),
                        (".irom0.b", IROM0 + 8, bytes(8))], IRAM)
        s.mkimage_refuses(elf, ["section .irom0.b at 0x40209008 overlaps .irom0.text"])
        s.mkimage_refuses(b"", ["not an ELF file"])
        s.mkimage_refuses(b"\x7fELF" + bytes(100), ["not a 32-bit little-endian ELF file"])
        s.mkimage_refuses(elf_file(STANDARD_SECTIONS, ENTRY, machine=62), ["not Xtensa"])
        s.mkimage_refuses(standard_elf()[:200], ["past the end of the file"])
        code, _, stderr = run(MKIMAGE, ["-o", s.path("x.bin"), s.path("missing.elf")])
        check(code == 1 and stderr.startswith("mkimage: cannot read"), stderr)


# ---- fwcheck names each corruption ---------------------------------------

def corrupt(data, offset, value, size=1):
    data = bytearray(data)
    data[offset:offset + size] = value.to_bytes(size, "little")
    return bytes(data)


@test
def rejects_corruptions():
    good = standard_image()
    fw = parse_firmware(good)
    seg1 = fw["segment_offsets"][1]
    cs = fw["checksum_offset"]
    total = fw["total"]
    flipped = good[20] ^ 0x40
    cases = [
        ("data byte", corrupt(good, 20, flipped),
         "checksum at offset 0x%x: stored 0x%02x, computed 0x%02x" % (
             cs, fw["checksum"], fw["checksum"] ^ 0x40)),
        ("checksum byte", corrupt(good, cs, fw["checksum"] ^ 1), "checksum at offset 0x%x" % cs),
        ("magic", corrupt(good, 0, 0xEA), "magic at offset 0x0: 0xea, expected 0xe9"),
        ("count 0", corrupt(good, 1, 0), "segment count at offset 0x1: 0, expected 1 to 16"),
        ("count 17", corrupt(good, 1, 17), "segment count at offset 0x1: 17"),
        ("mode", corrupt(good, 2, 4), "flash mode at offset 0x2: 4 is not"),
        ("size code", corrupt(good, 3, 0x70), "flash size at offset 0x3: code 0x7"),
        ("freq code", corrupt(good, 3, 0x33), "flash frequency at offset 0x3: code 0x3"),
        ("entry in DRAM", corrupt(good, 4, DRAM, 4), "entry point at offset 0x4: 0x3ffe8000"),
        ("entry past IRAM", corrupt(good, 4, 0x40108000, 4),
         "entry point at offset 0x4: 0x40108000 is not in IRAM"),
        ("entry not loaded", corrupt(good, 4, IRAM + 0x7000, 4),
         "entry point at offset 0x4: 0x40107000 is not inside any IRAM segment"),
        ("length not x4", corrupt(good, seg1 + 4, 0x86, 4),
         "segment 1 length at offset 0x%x: 134 is not a multiple of 4" % (seg1 + 4)),
        ("length past file", corrupt(good, seg1 + 4, 0x200000, 4),
         "segment 1 length at offset 0x%x: 2097152 bytes from 0x%x run past the end of the "
         "file" % (seg1 + 4, seg1 + 8)),
        ("length past T", corrupt(good, seg1 + 4, 0x9000, 4),
         "segment 1 length at offset 0x%x: 36864 bytes from 0x%x run past 0x8ffc" % (
             seg1 + 4, seg1 + 8)),
        ("load address", corrupt(good, seg1, 0x60000000, 4),
         "segment 1 load address at offset 0x%x: 0x60000000" % seg1),
        ("segment past DRAM", corrupt(good, seg1, 0x3FFFBFF0, 4),
         "segment 1 load address at offset 0x%x: 0x3fffbff0-0x3fffc073 is not inside" % seg1),
        ("zero padding", corrupt(good, fw["padding_offset"] + 1, 0x20),
         "padding before the checksum at offset 0x%x: 0x20, expected 0x00" % (
             fw["padding_offset"] + 1)),
        ("0xff padding", corrupt(good, 0x8000, 0xFE),
         "padding after the checksum at offset 0x8000: 0xfe, expected 0xff"),
        ("T too large", corrupt(good, 0x8FFC, 0x100004, 4),
         "T at offset 0x8ffc: 0x100004 is not between 0x9000 and 0x100000"),
        ("T too small", corrupt(good, 0x8FFC, 0x8000, 4), "T at offset 0x8ffc: 0x8000 is not"),
        ("T off by 4", corrupt(good, 0x8FFC, total - 4, 4),
         "T at offset 0x8ffc: 0x%x, but the file is 0x%x bytes" % (total - 4, len(good))),
        ("extra byte", good + b"\0", "T at offset 0x8ffc: 0x%x, but the file is" % total),
        ("MD5 byte", corrupt(good, total + 5, good[total + 5] ^ 1), "MD5 at offset 0x%x: stored"
         % total),
        ("irom0 byte", corrupt(good, 0x9000 + 100, good[0x9000 + 100] ^ 0x80),
         "MD5 at offset 0x%x: stored %s, computed" % (total, good[total:].hex())),
        ("T byte 0", corrupt(good, 0x8FFC, good[0x8FFC] ^ 1), "T at offset 0x8ffc"),
    ]
    truncations = [
        (0, "header at offset 0x0: the file is empty"),
        (7, "header at offset 0x0: the file ends at 0x7 (7 bytes)"),
        (100, "segment 0 length at offset 0xc: 1024 bytes from 0x10 run past the end of the "
              "file (0x64)"),
        (cs, "checksum at offset 0x%x: the file ends at 0x%x" % (cs, cs)),
        (0x8FFC, "T at offset 0x8ffc: the file ends at 0x8ffc"),
        (0x9000, "T at offset 0x8ffc: 0x%x, but the file is 0x9000 bytes" % total),
        (total - 1, "T at offset 0x8ffc: 0x%x, but the file is 0x%x bytes" % (total, total - 1)),
        (total + 15, "T at offset 0x8ffc: 0x%x, but the file is 0x%x bytes" % (total, total + 15)),
    ]
    cases += [("truncated to %d" % n, good[:n], message) for n, message in truncations]
    with Scratch() as s:
        for name, data, message in cases:
            try:
                s.fwcheck_rejects(data, message)
            except Failure as e:
                raise Failure("%s: %s" % (name, e))


@test
def fwcheck_missing_file():
    code, _, stderr = run(FWCHECK, ["/nonexistent/firmware.bin"])
    check(code == 1 and stderr.startswith("fwcheck: cannot read /nonexistent/firmware.bin"),
          "%d %r" % (code, stderr))


# ---- fuzzing: only clean messages ----------------------------------------

INTERESTING = [0, 1, 3, 4, 15, 16, 17, 0xFF, 0x8FF8, 0x8FFC, 0x9000, 0x9004, 0x100000,
               0x7FFFFFFF, 0xFFFFFFFF, IRAM, DRAM, IROM0, 0x3FFFBFFC, 0x40107FFC]


def mutate(rng, good):
    kind = rng.randrange(6)
    if kind == 0:                   # random bytes
        return rng.randbytes(rng.choice([rng.randrange(64), rng.randrange(0x9200)]))
    if kind == 1:                   # random header on a valid body
        return rng.randbytes(rng.randrange(1, 64)) + good[64:]
    data = bytearray(good)
    if kind == 2:                   # a few flipped bytes, mostly in the structure
        for _ in range(rng.randrange(1, 6)):
            at = rng.choice([rng.randrange(64), rng.randrange(0x8FF0, 0x9010),
                             rng.randrange(len(data))])
            data[at] ^= 1 << rng.randrange(8)
    elif kind == 3:                 # a word set to a value near the boundaries
        at = rng.choice([1, 4, 8, 12, 0x8FFC] + list(range(0, 48, 4)) + [rng.randrange(len(data))])
        data[at:at + 4] = (rng.choice(INTERESTING) + rng.randrange(-2, 3)
                           & 0xFFFFFFFF).to_bytes(4, "little")
    elif kind == 4:                 # truncated or extended
        n = rng.randrange(len(data) + 32)
        data = data[:n] + rng.randbytes(max(0, n - len(data)))
    else:                           # a slice moved
        at, n = rng.randrange(len(data)), rng.randrange(1, 64)
        chunk = data[at:at + n]
        del data[at:at + n]
        data[rng.randrange(len(data) + 1):0] = chunk
    return bytes(data)


@test
def fuzz_fwcheck_never_raises():
    rng = random.Random(8266)
    good = standard_image()
    outcomes = {"ok": 0, "rejected": 0}
    for i in range(400):
        data = mutate(rng, good)
        flash = rng.choice([None, "512K", "1M", "2M"])
        try:
            fwimage.check_firmware(data, flash)
            outcomes["ok"] += 1
        except fwimage.ImageError as e:
            check(" at offset 0x" in str(e), "input %d: message %r names no offset" % (i, str(e)))
            outcomes["rejected"] += 1
        except Exception as e:
            raise Failure("input %d (%d bytes, flash %s): %s: %s" % (
                i, len(data), flash, type(e).__name__, e))
    check(outcomes["rejected"] > 300, "only %r" % outcomes)
    # The script too: random files give one clean line, never a traceback.
    with Scratch() as s:
        for i in range(8):
            data = mutate(rng, good)
            code, _, stderr = s.fwcheck(data, ["--flash-size", "2M"])
            check(code in (0, 1) and "Traceback" not in stderr, "script run %d: %r" % (i, stderr))
            check(code == 0 or stderr.startswith("fwcheck: "), "script run %d: %r" % (i, stderr))


@test
def fuzz_elf_reader_never_raises():
    rng = random.Random(94)
    good = standard_elf()
    for i in range(300):
        data = bytearray(good)
        for _ in range(rng.randrange(1, 4)):
            at = rng.choice([rng.randrange(52), rng.randrange(len(data) - 440, len(data)),
                             rng.randrange(len(data))])
            data[at] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[:rng.randrange(len(data))]
        try:
            fwimage.build_firmware(bytes(data), rng.choice(list(SIZE_CODES)))
        except fwimage.ImageError:
            pass
        except Exception as e:
            raise Failure("ELF %d: %s: %s" % (i, type(e).__name__, e))


def main():
    global VERBOSE
    names = []
    for a in sys.argv[1:]:
        if a == "-v":
            VERBOSE = True
        else:
            names.append(a)
    passed = failed = 0
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
            if VERBOSE:
                print("pass %s" % t.__name__)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
