// SPDX-License-Identifier: MIT
// libFuzzer target: the WebREPL's parsers on what a client sends. The
// first byte of an input picks the part: even, websocket_helper's HTTP
// request parsing (server_handshake); odd, the WebSocket framing
// (lib/mod_websocket.c) under _webrepl (board/mod_webrepl.c): the login
// (password "pw"), terminal bytes, and the file protocol's WA records, put
// and get on a littlefs mounted on a simulated flash. The rest is the byte
// stream a socket would give, in pieces of varying sizes with "nothing
// now" (EAGAIN) between some of them, as a non-blocking socket gives them.
//
// OSError and ValueError are how the code refuses input (the session
// ends); any other exception, a crash, a hang or a sanitizer report is a
// bug. With FUZZ_WEBREPL_SEEDS=dir set, the first run writes seed inputs
// there: requests, a login, a put, a get, the version.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "espy.h"
#include "exc.h"
#include "obj.h"
#include "stream.h"
#include "vm.h"

static char heap[512 * 1024];
static int initialised;

// ---- a socket over the input ----------------------------------------------------------

typedef struct {
    obj_t base;
    const uint8_t *data;
    size_t len, pos;
    unsigned reads;
} fake_sock_t;

static const type_t type_fake_sock;

static intptr_t fake_read(value_t self, void *buf, size_t size, int *err) {
    fake_sock_t *s = VAL_PTR(self);
    s->reads++;
    if (s->reads % 5 == 0 && s->pos < s->len) {
        *err = ESPY_EAGAIN;
        return STREAM_ERROR;
    }
    size_t n = 1 + (s->reads * 7) % 61;
    if (n > size) {
        n = size;
    }
    if (n > s->len - s->pos) {
        n = s->len - s->pos;
    }
    memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return (intptr_t)n;
}

static intptr_t fake_write(value_t self, const void *buf, size_t size, int *err) {
    return (intptr_t)size;
}

static intptr_t fake_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    if (request == STREAM_POLL) {
        return (intptr_t)(arg & (STREAM_POLL_RD | STREAM_POLL_WR));
    }
    return 0;
}

static const stream_p_t fake_stream = {
    .kind = PROTOCOL_STREAM, .read = fake_read, .write = fake_write, .ioctl = fake_ioctl,
};

// recv(n): what read gives, waiting through EAGAIN (a blocking socket).
static value_t fake_recv_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint8_t buf[512];
    size_t want = (size_t)value_get_int(args[1]);
    if (want > sizeof(buf)) {
        want = sizeof(buf);
    }
    intptr_t n;
    int err;
    do {
        err = 0;
        n = fake_read(args[0], buf, want, &err);
    } while (n == STREAM_ERROR);
    return bytes_new(buf, (size_t)n);
}
static BUILTIN_FN(fake_recv_obj, Q_recv, 2, 2, false, fake_recv_fn);

static value_t fake_settimeout_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(fake_settimeout_obj, Q_settimeout, 2, 2, false, fake_settimeout_fn);

static const map_entry_t fake_locals_table[] = {
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_recv), PTR_VAL(&fake_recv_obj)},
    {QSTR(Q_settimeout), PTR_VAL(&fake_settimeout_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t fake_locals = MAP_ROM(fake_locals_table);

static const type_t type_fake_sock = {
    {&type_type}, .name = Q_socket, .locals = &fake_locals, .protocol = &fake_stream,
};

// ---- the program ------------------------------------------------------------------------

// Other exceptions are reported: their traceback in ERR.
static const char program[] =
    "import io, sys\n"
    "sys.path.append('.frozen')\n"
    "def run():\n"
    "    import vfs, espysim, websocket, _webrepl, websocket_helper\n"
    "    f = espysim.Flash(16, 4096)\n"
    "    vfs.VfsLfs2.mkfs(f)\n"
    "    vfs.mount(vfs.VfsLfs2(f), '/')\n"
    "    with open('there.txt', 'w') as h:\n"
    "        h.write('a file to get\\n' * 40)\n"
    "    if MODE == 0:\n"
    "        try:\n"
    "            websocket_helper.server_handshake(SOCK)\n"
    "        except (OSError, ValueError):\n"
    "            pass\n"
    "    else:\n"
    "        _webrepl.password('pw')\n"
    "        w = _webrepl._webrepl(websocket.websocket(SOCK, True))\n"
    "        try:\n"
    "            for i in range(3000):\n"
    "                if w.read(64) == b'':\n"
    "                    break\n"
    "        except (OSError, ValueError):\n"
    "            pass\n"
    "        w.close()\n"
    "    vfs.umount('/')\n"
    "try:\n"
    "    run()\n"
    "except BaseException as e:\n"
    "    out = io.StringIO()\n"
    "    sys.print_exception(e, out)\n"
    "    ERR = out.getvalue()\n";

// ---- seeds ------------------------------------------------------------------------------

static size_t frame(uint8_t *out, int opcode, const void *payload, size_t n, bool mask) {
    size_t k = 0;
    out[k++] = (uint8_t)(0x80 | opcode);
    if (n < 126) {
        out[k++] = (uint8_t)((mask ? 0x80 : 0) | n);
    } else {
        out[k++] = (uint8_t)((mask ? 0x80 : 0) | 126);
        out[k++] = (uint8_t)(n >> 8);
        out[k++] = (uint8_t)n;
    }
    static const uint8_t key[4] = {1, 2, 3, 4};
    if (mask) {
        memcpy(out + k, key, 4);
        k += 4;
    }
    for (size_t i = 0; i < n; i++) {
        out[k + i] = (uint8_t)(((const uint8_t *)payload)[i] ^ (mask ? key[i & 3] : 0));
    }
    return k + n;
}

static size_t record(uint8_t *out, int type, const char *name, uint32_t size) {
    uint8_t r[82] = {'W', 'A', (uint8_t)type};
    r[12] = (uint8_t)size, r[13] = (uint8_t)(size >> 8);
    r[16] = (uint8_t)strlen(name);
    memcpy(r + 18, name, strlen(name));
    return frame(out, 2, r, sizeof(r), false);
}

static void write_seed(const char *dir, const char *name, const uint8_t *data, size_t len) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

static void write_seeds(const char *dir) {
    static const char upgrade[] = "\x00GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\n"
                                  "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    write_seed(dir, "http-upgrade", (const uint8_t *)upgrade, sizeof(upgrade) - 1);
    static const char plain[] = "\x00GET /index.html HTTP/1.0\r\nAccept: */*\r\nCookie: a=b\r\n\r\n";
    write_seed(dir, "http-plain", (const uint8_t *)plain, sizeof(plain) - 1);
    uint8_t buf[4096];
    size_t n = 0;
    buf[n++] = 1;
    n += frame(buf + n, 1, "pw\r", 3, true);
    n += frame(buf + n, 1, "print(1)\r", 9, true);
    n += frame(buf + n, 9, "ping", 4, true);
    n += frame(buf + n, 1, "x", 1, false);
    n += frame(buf + n, 8, "", 0, true);
    write_seed(dir, "login-terminal", buf, n);
    n = 0;
    buf[n++] = 1;
    n += frame(buf + n, 2, "pw\n", 3, false);
    n += record(buf + n, 3, "", 0);
    n += record(buf + n, 1, "new.bin", 300);
    uint8_t data[300];
    memset(data, 0x5A, sizeof(data));
    n += frame(buf + n, 2, data, 200, false);
    n += frame(buf + n, 1, "1+1\r", 4, false);
    n += frame(buf + n, 0, data, 100, false);
    n += record(buf + n, 2, "new.bin", 0);
    for (int i = 0; i < 3; i++) {
        n += frame(buf + n, 2, "", 1, false);
    }
    n += record(buf + n, 2, "there.txt", 0);
    for (int i = 0; i < 4; i++) {
        n += frame(buf + n, 2, "", 1, true);
    }
    write_seed(dir, "put-get-version", buf, n);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    const char *dir = getenv("FUZZ_WEBREPL_SEEDS");
    if (dir != NULL) {
        write_seeds(dir);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char *argv[] = {"fuzz-webrepl", NULL};
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
    fake_sock_t *s = gc_alloc(sizeof(fake_sock_t), 0);
    s->base.type = &type_fake_sock;
    s->data = data + 1;
    s->len = size - 1;
    s->pos = 0;
    s->reads = 0;
    dict_store(globals, QSTR(qstr_from_str("MODE")), SMALL(data[0] & 1));
    dict_store(globals, QSTR(qstr_from_str("SOCK")), PTR_VAL(s));
    int status = espy_run_string(program, sizeof(program) - 1, "<fuzz-webrepl>");
    value_t err = dict_get(globals, QSTR(qstr_from_str("ERR")));
    if (status != 0 || (err != VAL_NULL && err != VAL_NONE)) {
        size_t len = 0;
        const char *text = err != VAL_NULL ? str_data(err, &len) : NULL;
        fprintf(stderr, "fuzz-webrepl: %.*s\n", (int)len, text != NULL ? text : "the program failed");
        abort();
    }
    espy_init(&opt);                    // a fresh heap for the next input
    return 0;
}
