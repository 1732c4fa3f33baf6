# SPDX-License-Identifier: MIT
"""The ESP8266 firmware image: flash layouts, a small ELF reader, and the
builder and checker behind tools/mkimage and tools/fwcheck.

espy's firmware.bin has MicroPython's one-file layout (shared/spec/
esp8266-firmware-image.md, section 3), so that esptool, `esp.check_fw()`
and the flash maps users know keep working:

    0x00000  ROM image: 8-byte header, RAM segments, zero padding, checksum
    ...      0xFF up to 0x8FFC
    0x08FFC  T = 0x9000 + len(irom0), uint32 little-endian
    0x09000  irom0: code and constants run from flash (CPU address 0x40209000)
    T        MD5 of bytes 4..T-1 (esptool may rewrite bytes 2 and 3)

The functions work on bytes and raise ImageError with a one-line message;
the two scripts print it and exit 1. Other tools import LAYOUTS, the
flash map of each variant.
"""

import dataclasses
import functools
import hashlib
import operator
import struct


class ImageError(Exception):
    """A firmware or ELF file that cannot be built or is not valid."""


def field_error(field, offset, detail):
    """The checker's error: which field, where in the file, what is wrong."""
    return ImageError("%s at offset 0x%x: %s" % (field, offset, detail))


# ---- memory map (esp8266-chip.md section 2) ------------------------------

@dataclasses.dataclass(frozen=True)
class Region:
    name: str
    start: int
    end: int            # exclusive

    def holds(self, addr, length=0):
        return self.start <= addr < self.end and addr + length <= self.end

    def __str__(self):
        return "%s 0x%08x-0x%08x" % (self.name, self.start, self.end - 1)


IRAM = Region("IRAM", 0x40100000, 0x40108000)
DRAM = Region("DRAM", 0x3FFE8000, 0x3FFFC000)
FLASH_WINDOW = Region("flash", 0x40200000, 0x40300000)
RAM_REGIONS = (IRAM, DRAM)          # in the order their segments are written


def ram_region(addr, length):
    """The RAM region holding [addr, addr + length), or None."""
    for region in RAM_REGIONS:
        if region.holds(addr, length):
            return region
    return None


# ---- image format constants (spec sections 1 to 3) -----------------------

MAGIC = 0xE9
CHECKSUM_SEED = 0xEF
MAX_SEGMENTS = 16
T_OFFSET = 0x8FFC                   # where the total length T is stored
IROM0_OFFSET = 0x9000               # flash offset of irom0
IROM0_ADDR = FLASH_WINDOW.start + IROM0_OFFSET
MAX_T = 0x100000                    # esp.check_fw() refuses more
MD5_SIZE = 16
MD5_START = 4                       # the digest skips the bytes esptool rewrites

MODES = {"qio": 0, "qout": 1, "dio": 2, "dout": 3}
FREQS = {"40m": 0x0, "26m": 0x1, "20m": 0x2, "80m": 0xF}

# Header size codes (high nibble of byte 3): code -> (name, bytes). 2M and 4M
# have two codes each, differing only in the SDK's OTA map; mkimage writes
# the first, the checker accepts both.
SIZE_CODES = {
    0x0: ("512K", 0x80000), 0x1: ("256K", 0x40000), 0x2: ("1M", 0x100000),
    0x3: ("2M", 0x200000), 0x4: ("4M", 0x400000), 0x5: ("2M-c1", 0x200000),
    0x6: ("4M-c1", 0x400000), 0x8: ("8M", 0x800000), 0x9: ("16M", 0x1000000),
}


def name_of(table, code):
    for name, value in table.items():
        if value == code:
            return name
    return None


# ---- flash layouts (spec section 4) --------------------------------------

SECTOR = 4096
SDK_DATA_SIZE = 0x5000              # RF calibration, PHY init data, system params


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where everything lives in flash for one variant (offsets, not addresses)."""
    name: str
    size: int                       # flash bytes
    size_code: int                  # header nibble mkimage writes
    irom0_end: int                  # end of the irom0 region
    flash_user_start: int           # esp.flash_user_start()
    fs_start: int                   # filesystem; fs_sectors == 0: none
    fs_sectors: int
    sdk_data: int                   # start of the last 20 KiB
    verified: bool                  # False: derived, not checked on hardware

    @property
    def irom0_max(self):
        return self.irom0_end - IROM0_OFFSET

    @property
    def fs_end(self):
        return self.fs_start + self.fs_sectors * SECTOR


def make_layout(name, size, size_code, irom0_end, verified=True):
    """Derives a variant's layout the way MicroPython's flashbdev does at boot:
    no filesystem below 1 MiB; otherwise it starts at flash_user_start, one
    sector later when that is below 1 MiB (the sector kept for native code),
    and ends where the SDK data begins."""
    user_start = irom0_end
    sdk_data = size - SDK_DATA_SIZE
    fs_start = fs_sectors = 0
    if size >= 0x100000:
        start = user_start // SECTOR
        if start < 256:
            start += 1
        fs_start = start * SECTOR
        fs_sectors = sdk_data // SECTOR - start
    return Layout(name, size, size_code, irom0_end, user_start, fs_start, fs_sectors,
                  sdk_data, verified)


# The one table of variants. 8M and 16M use the same rule with their real
# size; the spec says how MicroPython sizes their filesystem was not verified.
LAYOUTS = {
    "512K": make_layout("512K", 0x80000, 0x0, 0x7B000),
    "1M": make_layout("1M", 0x100000, 0x2, 0x98000),
    "2M": make_layout("2M", 0x200000, 0x3, 0x100000),
    "4M": make_layout("4M", 0x400000, 0x4, 0x100000),
    "8M": make_layout("8M", 0x800000, 0x8, 0x100000, verified=False),
    "16M": make_layout("16M", 0x1000000, 0x9, 0x100000, verified=False),
}


def filesystem_text(layout):
    if not layout.fs_sectors:
        return "filesystem none"
    return "filesystem 0x%x-0x%x (%d sectors)" % (layout.fs_start, layout.fs_end,
                                                layout.fs_sectors)


def kib(n):
    return "%d KiB" % (n // 1024)


def describe_layout(layout):
    """The flash map of a variant as lines of text (mkimage --layout)."""
    lines = [
        "flash %s: %d bytes, header size code 0x%x" % (layout.name, layout.size, layout.size_code),
        "  0x%06x-0x%06x  ROM image (header, IRAM/DRAM segments, checksum), up to %d bytes" % (
            0, T_OFFSET, T_OFFSET),
        "  0x%06x-0x%06x  T, total length of the firmware" % (T_OFFSET, IROM0_OFFSET),
        "  0x%06x-0x%06x  irom0, %s, at CPU address 0x%08x" % (
            IROM0_OFFSET, layout.irom0_end, kib(layout.irom0_max), IROM0_ADDR),
        "  flash_user_start  0x%x" % layout.flash_user_start,
    ]
    if layout.fs_sectors:
        if layout.fs_start > layout.flash_user_start:
            lines.append("  0x%06x-0x%06x  free sector (esp.set_native_code_location)" % (
                layout.flash_user_start, layout.fs_start))
        lines.append("  0x%06x-0x%06x  filesystem, %d sectors, %s" % (
            layout.fs_start, layout.fs_end, layout.fs_sectors, kib(layout.fs_sectors * SECTOR)))
    else:
        lines.append("  no filesystem (flash smaller than 1 MiB)")
    lines.append("  0x%06x-0x%06x  SDK data: RF calibration 0x%x, PHY init data 0x%x, "
                 "system parameters 0x%x-0x%x" % (
                     layout.sdk_data, layout.size, layout.sdk_data, layout.size - 0x4000,
                     layout.size - 0x3000, layout.size))
    if not layout.verified:
        lines.append("  (filesystem extent derived with the flashbdev rule; not verified on a "
                     "board of this size)")
    return lines


# ---- ELF32 little-endian reader ------------------------------------------

EM_XTENSA = 94
SHT_PROGBITS, SHT_NOBITS = 1, 8
SHT_INIT_ARRAY, SHT_FINI_ARRAY, SHT_PREINIT_ARRAY = 14, 15, 16
SHF_ALLOC = 0x2
SHN_XINDEX = 0xFFFF
ELF_HEADER = struct.Struct("<16sHHIIIIIHHHHHH")
SECTION_HEADER = struct.Struct("<IIIIIIIIII")


@dataclasses.dataclass
class Section:
    name: str
    type: int
    flags: int
    addr: int
    data: bytes


def read_elf(data):
    """Returns (entry, sections) of an ELF32 little-endian Xtensa file."""
    if len(data) < ELF_HEADER.size or data[:4] != b"\x7fELF":
        raise ImageError("not an ELF file")
    (ident, _, machine, _, entry, _, shoff, _, _, _, _,
     shentsize, shnum, shstrndx) = ELF_HEADER.unpack_from(data)
    if ident[4] != 1 or ident[5] != 1:
        raise ImageError("not a 32-bit little-endian ELF file")
    if machine != EM_XTENSA:
        raise ImageError("ELF machine %d is not Xtensa (%d)" % (machine, EM_XTENSA))
    if shoff == 0:
        return entry, []
    if shentsize < SECTION_HEADER.size:
        raise ImageError("ELF section header size %d is too small" % shentsize)

    def header(i):
        pos = shoff + i * shentsize
        if pos + SECTION_HEADER.size > len(data):
            raise ImageError("ELF section header %d lies past the end of the file" % i)
        return SECTION_HEADER.unpack_from(data, pos)

    # With 0xFF00 sections or more, the counts live in section header 0.
    if shnum == 0:
        shnum = header(0)[5]
    if shstrndx == SHN_XINDEX:
        shstrndx = header(0)[6]
    headers = [header(i) for i in range(shnum)]
    if shstrndx >= shnum:
        raise ImageError("ELF section name table index %d out of range" % shstrndx)
    strtab = section_bytes(data, headers[shstrndx], shstrndx)
    sections = []
    for i, (name, type_, flags, addr, _, size, _, _, _, _) in enumerate(headers):
        end = strtab.find(b"\0", name)
        text = strtab[name:end if end >= 0 else len(strtab)].decode("ascii", "replace")
        body = b"" if type_ == SHT_NOBITS else section_bytes(data, headers[i], i)
        sections.append(Section(text or "#%d" % i, type_, flags, addr, body))
    return entry, sections


def section_bytes(data, header, index):
    offset, size = header[4], header[5]
    if offset + size > len(data):
        raise ImageError("ELF section %d (offset 0x%x, %d bytes) lies past the end of the file"
                         % (index, offset, size))
    return data[offset:offset + size]


def loaded_sections(sections):
    """The sections that occupy memory with contents from the file: program
    bits, and the init/fini arrays a C toolchain may emit beside them."""
    kinds = (SHT_PROGBITS, SHT_INIT_ARRAY, SHT_FINI_ARRAY, SHT_PREINIT_ARRAY)
    return [s for s in sections if s.type in kinds and s.flags & SHF_ALLOC and s.data]


# ---- building ------------------------------------------------------------

@dataclasses.dataclass
class Segment:
    addr: int
    data: bytearray
    names: list                     # the ELF sections in it


def ram_segments(sections):
    """Merges the IRAM and DRAM sections into ROM image segments, IRAM first.
    Each section is padded to 4 bytes with zeros; a section starting where the
    previous one's padded data ends joins its segment."""
    segments = []
    for region in RAM_REGIONS:
        current = None
        end = 0                     # end of the last section, before padding
        for s in sorted((s for s in sections if region.holds(s.addr, len(s.data))),
                        key=lambda s: s.addr):
            if s.addr % 4:
                raise ImageError("section %s at 0x%08x is not 4-byte aligned" % (s.name, s.addr))
            if current and s.addr < end:
                raise ImageError("section %s at 0x%08x overlaps %s" % (
                    s.name, s.addr, current.names[-1]))
            if current and s.addr == current.addr + len(current.data):
                current.data += s.data
                current.names.append(s.name)
            else:
                current = Segment(s.addr, bytearray(s.data), [s.name])
                segments.append(current)
            end = s.addr + len(s.data)
            current.data += b"\0" * (-len(current.data) % 4)
    return segments


def irom0_part(sections):
    """The flash-window sections laid end to end by address, from 0x40209000;
    gaps and the tail (to a multiple of 4) are filled with 0x00, as esptool
    pads its segments."""
    mine = sorted((s for s in sections if FLASH_WINDOW.holds(s.addr)),
                  key=lambda s: s.addr)
    if not mine:
        return b""
    if mine[0].addr != IROM0_ADDR:
        raise ImageError("irom0 starts at 0x%08x (section %s), not at 0x%08x" % (
            mine[0].addr, mine[0].name, IROM0_ADDR))
    out = bytearray()
    last = None
    for s in mine:
        offset = s.addr - IROM0_ADDR
        if offset < len(out):
            raise ImageError("section %s at 0x%08x overlaps %s" % (s.name, s.addr, last))
        out += b"\0" * (offset - len(out))
        out += s.data
        last = s.name
    out += b"\0" * (-len(out) % 4)
    return bytes(out)


def rom_image(entry, segments, mode, size_code, freq):
    """The image the boot ROM loads (spec section 1)."""
    out = bytearray(struct.pack("<BBBBI", MAGIC, len(segments), mode,
                                size_code << 4 | freq, entry))
    checksum = CHECKSUM_SEED
    for seg in segments:
        out += struct.pack("<II", seg.addr, len(seg.data)) + seg.data
        checksum = xor_bytes(checksum, seg.data)
    out += b"\0" * (15 - len(out) % 16)
    out.append(checksum)
    return bytes(out)


def xor_bytes(seed, data):
    return functools.reduce(operator.xor, data, seed)


def firmware(rom, irom0):
    """MicroPython's one-file firmware.bin (spec section 3)."""
    total = IROM0_OFFSET + len(irom0)
    head = rom + b"\xff" * (T_OFFSET - len(rom)) + struct.pack("<I", total) + irom0
    return head + hashlib.md5(head[MD5_START:]).digest()


@dataclasses.dataclass
class Build:
    data: bytes                     # firmware.bin
    rom_size: int
    segments: list                  # [Segment]
    irom0_size: int
    layout: Layout

    def report(self):
        return ("ROM image %d B (%d segments), irom0 %d B of %d (flash %s), firmware.bin %d B, "
                "flash_user_start 0x%x, %s" % (
                    self.rom_size, len(self.segments), self.irom0_size, self.layout.irom0_max,
                    self.layout.name, len(self.data), self.layout.flash_user_start,
                    filesystem_text(self.layout)))


def build_firmware(elf, flash="2M", mode="dio", freq="40m"):
    """firmware.bin from the bytes of an ELF file; raises ImageError."""
    layout = LAYOUTS[flash]
    entry, sections = read_elf(elf)
    sections = loaded_sections(sections)
    # A section starting in the flash window is part of irom0: the variant's
    # irom0 limit, which ends inside the window, bounds its end.
    for s in sections:
        if not (ram_region(s.addr, len(s.data)) or FLASH_WINDOW.holds(s.addr)):
            raise ImageError("section %s at 0x%08x-0x%08x lies outside %s, %s and %s" % (
                s.name, s.addr, s.addr + len(s.data) - 1, IRAM, DRAM, FLASH_WINDOW))
    if not IRAM.holds(entry):
        raise ImageError("entry point 0x%08x is not in %s" % (entry, IRAM))
    segments = ram_segments(sections)
    if not segments:
        raise ImageError("no sections in IRAM or DRAM: nothing for the ROM to load")
    if len(segments) > MAX_SEGMENTS:
        raise ImageError("%d RAM segments, more than the %d the ROM loads: %s" % (
            len(segments), MAX_SEGMENTS, "; ".join(
                "0x%08x %s" % (seg.addr, " ".join(seg.names)) for seg in segments)))
    if not any(seg.addr <= entry < seg.addr + len(seg.data) for seg in segments):
        raise ImageError("entry point 0x%08x is not inside any section loaded into IRAM" % entry)
    rom = rom_image(entry, segments, MODES[mode], layout.size_code, FREQS[freq])
    if len(rom) > T_OFFSET:
        raise ImageError("ROM image is %d bytes, more than the %d (0x%x) that fit before T "
                         "at 0x%x" % (len(rom), T_OFFSET, T_OFFSET, T_OFFSET))
    irom0 = irom0_part(sections)
    if len(irom0) > layout.irom0_max:
        raise ImageError("irom0 is %d bytes, larger than the %d-byte irom0 region "
                         "0x%x-0x%x of a %s flash" % (len(irom0), layout.irom0_max,
                                                     IROM0_OFFSET, layout.irom0_end, flash))
    return Build(firmware(rom, irom0), len(rom), segments, len(irom0), layout)


# ---- checking ------------------------------------------------------------

@dataclasses.dataclass
class Firmware:
    """What the checker read from a firmware.bin."""
    mode: int = 0
    size_code: int = 0
    freq: int = 0
    entry: int = 0
    segments: list = dataclasses.field(default_factory=list)    # [(addr, data)]
    checksum: int = 0
    total: int = 0                  # T
    irom0: bytes = b""
    md5: bytes = b""


def check_firmware(data, flash=None, show=lambda offset, field, text: None):
    """Checks a firmware.bin field by field in file order, calling show() for
    each field read, and returns a Firmware. The first problem raises
    ImageError naming the field and its file offset. flash names a LAYOUTS
    variant the file must match."""
    fw = Firmware()

    def need(offset, length, field):
        if offset + length > len(data):
            raise field_error(field, offset, "the file ends at 0x%x (%d bytes)" % (
                len(data), len(data)) if data else "the file is empty")
        return data[offset:offset + length]

    magic, count, fw.mode, size_freq, fw.entry = struct.unpack("<BBBBI", need(0, 8, "header"))
    fw.size_code, fw.freq = size_freq >> 4, size_freq & 0xF
    if magic != MAGIC:
        raise field_error("magic", 0, "0x%02x, expected 0x%02x" % (magic, MAGIC))
    show(0, "magic", "0x%02x" % magic)
    if not 1 <= count <= MAX_SEGMENTS:
        raise field_error("segment count", 1, "%d, expected 1 to %d" % (count, MAX_SEGMENTS))
    show(1, "segment count", "%d" % count)
    mode = name_of(MODES, fw.mode)
    if mode is None:
        raise field_error("flash mode", 2, "%d is not one of %s" % (fw.mode, " ".join(
            "%d=%s" % (v, k) for k, v in MODES.items())))
    show(2, "flash mode", "%s (%d)" % (mode, fw.mode))
    check_size_freq(fw, flash, show)
    if not IRAM.holds(fw.entry):
        raise field_error("entry point", 4, "0x%08x is not in %s" % (fw.entry, IRAM))
    show(4, "entry point", "0x%08x" % fw.entry)

    offset = check_segments(data, fw, count, need, show)
    loaded = [i for i, (addr, seg) in enumerate(fw.segments) if addr <= fw.entry < addr + len(seg)]
    if not loaded:
        raise field_error("entry point", 4, "0x%08x is not inside any IRAM segment" % fw.entry)
    show(4, "entry point", "0x%08x is in segment %d" % (fw.entry, loaded[0]))

    # Zero padding, the checksum at the next offset 15 mod 16, 0xFF padding.
    check_at = offset | 15
    if check_at >= T_OFFSET:
        raise field_error("checksum", check_at, "the ROM image runs past 0x%x, where T is"
                          % T_OFFSET)
    check_fill(data[offset:check_at], offset, 0x00, "padding before the checksum")
    fw.checksum = need(check_at, 1, "checksum")[0]
    show(offset, "padding", "%d zero bytes" % (check_at - offset))
    computed = CHECKSUM_SEED
    for _, seg in fw.segments:
        computed = xor_bytes(computed, seg)
    if fw.checksum != computed:
        raise field_error("checksum", check_at, "stored 0x%02x, computed 0x%02x" % (
            fw.checksum, computed))
    show(check_at, "checksum", "stored 0x%02x, computed 0x%02x" % (fw.checksum, computed))
    check_fill(data[check_at + 1:T_OFFSET], check_at + 1, 0xFF, "padding after the checksum")
    if len(data) >= T_OFFSET:
        show(check_at + 1, "padding", "%d bytes 0xff up to 0x%x" % (T_OFFSET - check_at - 1,
                                                                   T_OFFSET))

    check_tail(data, fw, flash, need, show)
    return fw


def check_size_freq(fw, flash, show):
    size = SIZE_CODES.get(fw.size_code)
    if size is None:
        raise field_error("flash size", 3, "code 0x%x is not one of %s" % (
            fw.size_code, " ".join("0x%x=%s" % (c, n) for c, (n, _) in SIZE_CODES.items())))
    if flash is not None and size[1] != LAYOUTS[flash].size:
        raise field_error("flash size", 3, "the header says %s (code 0x%x), expected %s" % (
            size[0], fw.size_code, flash))
    freq = name_of(FREQS, fw.freq)
    if freq is None:
        raise field_error("flash frequency", 3, "code 0x%x is not one of %s" % (
            fw.freq, " ".join("0x%x=%s" % (v, k) for k, v in FREQS.items())))
    show(3, "flash size", "%s (0x%x), frequency %s (0x%x)" % (size[0], fw.size_code, freq,
                                                             fw.freq))


def check_segments(data, fw, count, need, show):
    """Reads the segment headers and data; returns the offset after them."""
    offset = 8
    for i in range(count):
        field = "segment %d" % i
        addr, length = struct.unpack("<II", need(offset, 8, field + " header"))
        start = offset + 8
        if length % 4:
            raise field_error(field + " length", offset + 4, "%d is not a multiple of 4" % length)
        if start + length > len(data):
            raise field_error(field + " length", offset + 4,
                              "%d bytes from 0x%x run past the end of the file (0x%x)" % (
                                  length, start, len(data)))
        if start + length > T_OFFSET:
            raise field_error(field + " length", offset + 4,
                              "%d bytes from 0x%x run past 0x%x, where T is" % (
                                  length, start, T_OFFSET))
        region = ram_region(addr, length)
        if region is None:
            raise field_error(field + " load address", offset,
                              "0x%08x-0x%08x is not inside %s or %s" % (
                                  addr, addr + length - 1, IRAM, DRAM))
        if addr % 4:
            raise field_error(field + " load address", offset,
                              "0x%08x is not 4-byte aligned" % addr)
        fw.segments.append((addr, data[start:start + length]))
        show(offset, field, "load 0x%08x, %d bytes, %s" % (addr, length, region.name))
        offset = start + length
    return offset


def check_fill(chunk, offset, value, field):
    rest = chunk.lstrip(bytes([value]))
    if rest:
        raise field_error(field, offset + len(chunk) - len(rest), "0x%02x, expected 0x%02x" % (
            rest[0], value))


def check_tail(data, fw, flash, need, show):
    """T, the irom0 part and the MD5."""
    fw.total = struct.unpack("<I", need(T_OFFSET, 4, "T"))[0]
    if not IROM0_OFFSET <= fw.total <= MAX_T:
        raise field_error("T", T_OFFSET, "0x%x is not between 0x%x and 0x%x (1 MiB)" % (
            fw.total, IROM0_OFFSET, MAX_T))
    if fw.total != len(data) - MD5_SIZE:
        raise field_error("T", T_OFFSET, "0x%x, but the file is 0x%x bytes: T must be the file "
                          "length - 16 = 0x%x" % (fw.total, len(data), len(data) - MD5_SIZE))
    show(T_OFFSET, "T", "0x%x (%d)" % (fw.total, fw.total))
    fw.irom0 = data[IROM0_OFFSET:fw.total]
    if flash is not None and len(fw.irom0) > LAYOUTS[flash].irom0_max:
        raise field_error("irom0", IROM0_OFFSET, "%d bytes, larger than the %d-byte region of "
                          "a %s flash" % (len(fw.irom0), LAYOUTS[flash].irom0_max, flash))
    show(IROM0_OFFSET, "irom0", "%d bytes" % len(fw.irom0) + (
        " of %d" % LAYOUTS[flash].irom0_max if flash else ""))
    fw.md5 = data[fw.total:]
    computed = hashlib.md5(data[MD5_START:fw.total]).digest()
    if fw.md5 != computed:
        raise field_error("MD5", fw.total, "stored %s, computed %s" % (fw.md5.hex(),
                                                                      computed.hex()))
    show(fw.total, "MD5", fw.md5.hex())
