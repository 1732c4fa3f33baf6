// SPDX-License-Identifier: MIT
// libFuzzer target: every input is a flash image (its first byte picks
// littlefs or FAT and the block size), mounted through the VFS and walked:
// every directory listed, every file stat'ed and read, then a file written,
// renamed and removed, and the filesystem unmounted. Any OSError is a
// normal outcome; a crash, a hang, a sanitizer report or any other exception
// is a bug in the filesystem's checks of what it reads from the flash.
// The walk visits 3,000 entries at most: a damaged directory that lists
// itself, several times over, would otherwise make it exponential (the
// filesystem bounds each listing; the walk is the harness's own).
//
// The seed corpus (make fuzz-fs) is a few valid images of both kinds, made
// by espy itself, so that the fuzzer starts from real structures.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "espy.h"
#include "obj.h"
#include "strimpl.h"
#include "vm.h"

static char heap[512 * 1024];
static int initialised;

// The image in DATA; the filesystem class by FS.
static const char program[] =
    "import espysim, vfs, os\n"
    "bs = 4096 if FS == 'lfs' else 512\n"
    "n = 16 if FS == 'lfs' else 128\n"
    "f = espysim.Flash(n, bs)\n"
    "for b in range(n):\n"
    "    chunk = DATA[b * bs:(b + 1) * bs]\n"
    "    if not chunk:\n"
    "        break\n"
    "    f.writeblocks(b, chunk + b'\\xff' * (bs - len(chunk)))\n"
    "seen = [0]\n"
    "def walk(p, depth):\n"
    "    if depth > 8:\n"
    "        return\n"
    "    for e in os.ilistdir(p):\n"
    "        seen[0] += 1\n"
    "        if seen[0] > 3000:\n"
    "            return\n"
    "        q = p + '/' + e[0]\n"
    "        try:\n"
    "            os.stat(q)\n"
    "            if e[1] == 0x4000:\n"
    "                walk(q, depth + 1)\n"
    "            else:\n"
    "                with open(q, 'rb') as h:\n"
    "                    while h.read(512):\n"
    "                        pass\n"
    "        except OSError:\n"
    "            pass\n"
    "try:\n"
    "    fs = vfs.VfsLfs2(f) if FS == 'lfs' else vfs.VfsFat(f)\n"
    "    vfs.mount(fs, '/t')\n"
    "    try:\n"
    "        walk('/t', 0)\n"
    "        os.statvfs('/t')\n"
    "        with open('/t/new.txt', 'w') as h:\n"
    "            h.write('x' * 700)\n"
    "        os.rename('/t/new.txt', '/t/n2.txt')\n"
    "        os.mkdir('/t/d')\n"
    "        os.remove('/t/n2.txt')\n"
    "        walk('/t', 0)\n"
    "    finally:\n"
    "        vfs.umount('/t')\n"
    "except OSError:\n"
    "    pass\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char *argv[] = {"fuzz-fs", NULL};
    espy_options_t opt = {heap, sizeof(heap), 1, argv, "", 0, 0};
    if (!initialised) {
        espy_init(&opt);
        initialised = 1;
    }
    if (size < 1) {
        return 0;
    }
    espy_new_main();
    value_t globals = ((module_obj_t *)VAL_PTR(import_main_module()))->globals;
    dict_store(globals, QSTR(qstr_from_str("FS")), str_new_cstr(data[0] & 1 ? "fat" : "lfs"));
    dict_store(globals, QSTR(qstr_from_str("DATA")), bytes_new(data + 1, size - 1));
    // Anything but OSError (printed on stderr) is a finding: a damaged
    // image must be refused with OSError, never another exception.
    if (espy_run_string(program, sizeof(program) - 1, "<fuzz-fs>") != 0) {
        abort();
    }
    // Nothing of one input may outlive it: a fresh heap for the next.
    espy_init(&opt);
    return 0;
}
