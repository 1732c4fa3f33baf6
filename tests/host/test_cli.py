#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the host program's command line and REPL.

Usage: python3 tests/host/test_cli.py [build/host/espy] [-v] [NAME...]

Runs espy as MicroPython's unix port would be run by tools and test
runners: -c, FILE ARGS, programs on stdin, options, exit statuses and
tracebacks, -m with MICROPYPATH, and the interactive REPL on a
pseudo-terminal. Only the standard library is used. Prints one line per
failure (every test with -v) and `N passed, N failed` at the end; the
exit status is 0 when nothing failed.
"""

import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

ESPY = "build/host/espy"
VERBOSE = False
TIMEOUT = 10
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def run(args, stdin=b"", env=None, cwd=None, timeout=TIMEOUT):
    full_env = dict(os.environ)
    full_env.pop("MICROPYPATH", None)
    if env:
        full_env.update(env)
    p = subprocess.run([ESPY] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=full_env, cwd=cwd,
                       timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def expect_run(args, out=None, rc=0, **kw):
    code, stdout, stderr = run(args, **kw)
    check(code == rc, "exit status %r, expected %r (stdout %r, stderr %r)" % (code, rc, stdout, stderr))
    if out is not None:
        check(stdout == out, "stdout %r, expected %r (stderr %r)" % (stdout, out, stderr))
    return stdout, stderr


def write(dir, name, text):
    path = os.path.join(dir, name)
    with open(path, "w") as f:
        f.write(text)
    return path


# ---- command line --------------------------------------------------------

@test
def c_argv():
    expect_run(["-c", "import sys; print(sys.argv)", "a", "b"], "['-c', 'a', 'b']\n")


@test
def c_no_args():
    expect_run(["-c", "import sys; print(sys.argv)"], "['-c']\n")


@test
def c_options_after_command_are_args():
    expect_run(["-c", "import sys; print(sys.argv[1:])", "-v", "-X", "x"], "['-v', '-X', 'x']\n")


@test
def file_argv():
    with tempfile.TemporaryDirectory() as d:
        write(d, "prog.py", "import sys\nprint(sys.argv)\nprint(__name__)\n")
        expect_run(["prog.py", "x", "-c", "y"], "['prog.py', 'x', '-c', 'y']\n__main__\n", cwd=d)


@test
def file_directory_on_path():
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, "sub"))
        write(d, "sub/helper_mod.py", "VALUE = 42\n")
        write(d, "sub/main.py", "import helper_mod\nprint(helper_mod.VALUE)\n")
        expect_run([os.path.join("sub", "main.py")], "42\n", cwd=d)


@test
def file_missing():
    code, out, err = run(["/nonexistent/espy-test.py"])
    check(code == 2, "exit status %r, expected 2" % code)
    check("espy-test.py" in err, "stderr %r does not name the file" % err)


@test
def stdin_program():
    expect_run([], "3\n[1, 2]\n", stdin=b"x = 1\nprint(x + 2)\nprint([1, 2])\n")


@test
def stdin_argv():
    expect_run([], "['']\n", stdin=b"import sys\nprint(sys.argv)\n")


@test
def stdin_dash():
    expect_run(["-", "a"], "['-', 'a']\n", stdin=b"import sys\nprint(sys.argv)\n")


@test
def stdin_exception():
    out, err = expect_run([], "1\n", rc=1, stdin=b"print(1)\nraise ValueError('bad')\nprint(2)\n")
    check('File "<stdin>", line 2' in err, "stderr %r" % err)
    check(err.rstrip("\n").endswith("ValueError: bad"), "stderr %r" % err)


@test
def help_option():
    out, err = expect_run(["-h"])
    check("usage" in out.lower(), "no usage text in %r" % out)
    check(err == "", "stderr %r" % err)


@test
def bad_option():
    code, out, err = run(["-Z", "-c", "print(1)"])
    check(code == 2, "exit status %r, expected 2" % code)
    check("usage" in err.lower(), "no usage text on stderr: %r" % err)
    check(out == "", "stdout %r" % out)


@test
def missing_option_argument():
    code, out, err = run(["-c"])
    check(code == 2, "exit status %r, expected 2" % code)


@test
def optimise_and_verbose_accepted():
    expect_run(["-O", "-c", "print(1)"], "1\n")
    expect_run(["-OO", "-c", "print(2)"], "2\n")


@test
def combined_flags():
    expect_run(["-Oc", "print(3)"], "3\n")


@test
def emit_options():
    expect_run(["-X", "emit=bytecode", "-c", "print(4)"], "4\n")
    for emitter in ("native", "viper"):
        code, out, err = run(["-X", "emit=" + emitter, "-c", "print(4)"])
        check(code == 2, "emit=%s: exit status %r, expected 2" % (emitter, code))
        check(out == "" and err != "", "emit=%s: no message (%r, %r)" % (emitter, out, err))


@test
def x_unknown():
    code, out, err = run(["-X", "nonsense", "-c", "print(1)"])
    check(code == 2, "exit status %r, expected 2" % code)


BIG_ALLOC = """
try:
    s = 'x' * %d
    print('ok', len(s))
except MemoryError:
    s = None
    print('MemoryError')
"""

MANY_ALLOCS = """
keep = []
try:
    for i in range(1000000):
        keep.append([i, i, i, i])
    print('no error')
except MemoryError:
    n = len(keep)
    keep = None
    print('MemoryError', n > 100)
"""


@test
def heapsize_small():
    expect_run(["-X", "heapsize=64k", "-c", BIG_ALLOC % 200000], "MemoryError\n")
    expect_run(["-X", "heapsize=64K", "-c", MANY_ALLOCS], "MemoryError True\n")


@test
def heapsize_suffixes():
    expect_run(["-X", "heapsize=4M", "-c", BIG_ALLOC % 2500000], "ok 2500000\n")
    expect_run(["-X", "heapsize=4m", "-c", BIG_ALLOC % 2500000], "ok 2500000\n")
    expect_run(["-X", "heapsize=1m", "-c", BIG_ALLOC % 2500000], "MemoryError\n")
    expect_run(["-X", "heapsize=%d" % (8 * 1024 * 1024), "-c", BIG_ALLOC % 5000000], "ok 5000000\n")


@test
def heapsize_invalid():
    for bad in ("heapsize=", "heapsize=abc", "heapsize=12q", "heapsize=100"):
        code, out, err = run(["-X", bad, "-c", "print(1)"])
        check(code == 2, "-X %s: exit status %r, expected 2" % (bad, code))


@test
def stats_option():
    code, out, err = run(["-X", "stats", "-c", "x = [1] * 100"])
    check(code == 0, "exit status %r" % code)
    check("espy-stats:" in out + err, "no statistics in %r / %r" % (out, err))


TRACEBACK_PROG = """print('before')
def f():
    raise ValueError('msg')
f()
print('after')
"""


@test
def traceback_format():
    with tempfile.TemporaryDirectory() as d:
        write(d, "x.py", TRACEBACK_PROG)
        out, err = expect_run(["x.py"], "before\n", rc=1, cwd=d)
        # CPython adds the source lines (indented by 4); they are optional.
        lines = [l for l in err.splitlines() if not l.startswith("    ")]
        want = ['Traceback (most recent call last):',
                '  File "x.py", line 4, in <module>',
                '  File "x.py", line 3, in f',
                'ValueError: msg']
        check(lines == want, "traceback %r, expected %r" % (lines, want))


@test
def traceback_exception_without_message():
    code, out, err = run(["-c", "raise KeyError"])
    check(code == 1, "exit status %r" % code)
    check(err.splitlines()[-1] == "KeyError", "stderr %r" % err)


@test
def system_exit_codes():
    expect_run(["-c", "import sys; sys.exit(3)"], "", rc=3)
    expect_run(["-c", "import sys; sys.exit(0)"], "", rc=0)
    expect_run(["-c", "import sys; sys.exit()"], "", rc=0)
    expect_run(["-c", "raise SystemExit"], "", rc=0)
    expect_run(["-c", "raise SystemExit(None)"], "", rc=0)
    expect_run(["-c", "raise SystemExit(42)"], "", rc=42)
    out, err = expect_run(["-c", "import sys; sys.exit('bye')"], "", rc=1)
    check(err == "bye\n", "stderr %r, expected 'bye\\n'" % err)


@test
def system_exit_in_file_and_finally():
    with tempfile.TemporaryDirectory() as d:
        write(d, "e.py", "try:\n    raise SystemExit(7)\nfinally:\n    print('cleanup')\n")
        expect_run(["e.py"], "cleanup\n", rc=7, cwd=d)


@test
def module_option():
    with tempfile.TemporaryDirectory() as d:
        write(d, "espy_test_mod.py",
              "import sys\nprint(__name__)\nprint(sys.argv)\n")
        expect_run(["-m", "espy_test_mod", "a", "b"],
                   "__main__\n['espy_test_mod', 'a', 'b']\n", env={"MICROPYPATH": d})


@test
def module_missing():
    with tempfile.TemporaryDirectory() as d:
        code, out, err = run(["-m", "espy_no_such_module"], env={"MICROPYPATH": d})
        check(code != 0, "exit status 0 for a missing module")


@test
def micropypath_import():
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        write(d2, "espy_path_mod.py", "X = 'found'\n")
        expect_run(["-c", "import espy_path_mod; print(espy_path_mod.X)"], "found\n",
                   env={"MICROPYPATH": d1 + ":" + d2})


@test
def micropypath_sys_path():
    expect_run(["-c", "import sys; print(sys.path)"], "['/a', '/b']\n",
               env={"MICROPYPATH": "/a:/b"})


@test
def inspect_with_piped_stdin():
    out, err = expect_run(["-i", "-c", "x = 21"], stdin=b"print(x * 2)\n")
    check("42" in out, "stdout %r" % out)


@test
def input_from_pipe():
    expect_run(["-c", "a = input(); b = input('p> '); print(a + '|' + b)"], "p> one|two\n",
               stdin=b"one\ntwo\n")


@test
def input_eof():
    out, err = expect_run(["-c", "input()"], "", rc=1, stdin=b"")
    check(err.splitlines()[-1].startswith("EOFError"), "stderr %r" % err)


# ---- the simulated board's REPL on a pseudo-terminal -----------------------
# With no program and a terminal, espy is the board: its UART is the
# terminal (raw: the board echoes), Ctrl-D soft-resets, Ctrl-] quits.

ANSI = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")
# The simulated board's flash image, shared by the REPL tests.
FLASH_DIR = tempfile.TemporaryDirectory()


class Repl:
    """espy on a pty, with expect() on its output (escapes removed)."""

    def __init__(self, args=(), env=None):
        full_env = dict(os.environ)
        full_env["TERM"] = "xterm"
        full_env.pop("MICROPYPATH", None)
        if env:
            full_env.update(env)
        if not any(a.endswith(".py") for a in args):
            args = ["--flash", os.path.join(FLASH_DIR.name, "flash.img")] + list(args)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(ESPY, [ESPY] + list(args), full_env)
            finally:
                os._exit(127)
        self.raw = b""
        self.pos = 0            # expect() searches from here
        self.status = None

    def text(self):
        return ANSI.sub(b"", self.raw).replace(b"\r\n", b"\n").replace(b"\r", b"")

    def read_some(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            data = b""
        if not data:
            raise EOFError
        self.raw += data
        return True

    def expect(self, what, timeout=TIMEOUT):
        if isinstance(what, str):
            what = what.encode()
        deadline = time.time() + timeout
        while True:
            text = self.text()
            i = text.find(what, self.pos)
            if i >= 0:
                self.pos = i + len(what)
                return
            left = deadline - time.time()
            if left <= 0:
                break
            try:
                self.read_some(left)
            except EOFError:
                break
        raise Failure("did not see %r; output after the last match: %r"
                      % (what, self.text()[self.pos:]))

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)

    def wait(self, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            try:
                self.read_some(0.05)
            except EOFError:
                time.sleep(0.02)
        raise Failure("espy did not exit")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def repl_test(fn):
    def wrapper():
        r = Repl()
        try:
            r.expect("espy")
            r.expect(">>> ")
            fn(r)
        finally:
            r.close()
    wrapper.__name__ = fn.__name__
    return test(wrapper)


@repl_test
def repl_banner_and_expression(r):
    check(b"MicroPython-compatible espy" in r.text() and b"with ESP8266" in r.text()
          and b'Type "help()" for more information.' in r.text(), "banner %r" % r.text())
    r.send("1 + 2\r")
    r.expect("1 + 2\n3\n>>> ")
    r.send("'a' * 3\r")
    r.expect("'aaa'\n>>> ")
    r.send("None\r")
    r.expect("None\n>>> ")       # the echo of the line
    check(not r.text()[r.pos:].strip(), "output for None: %r" % r.text()[r.pos:])


@repl_test
def repl_for_loop_auto_indent(r):
    r.send("for i in range(3):\r")
    r.expect("\n...     ")                 # prompt and 4 spaces of indentation
    r.send("print(i * 10)\r")
    r.expect("\n...     ")                 # the same indentation kept
    r.send("\r")                           # the empty line ends the statement
    r.expect("\n0\n10\n20\n>>> ")


@repl_test
def repl_nested_indent_and_backspace(r):
    r.send("if True:\r")
    r.expect("...     ")
    r.send("if 1:\r")
    r.expect("...         ")
    r.send("x = 5\r")
    r.expect("...         ")
    r.send("\x7f")                        # back to 4 spaces at once
    r.send("y = 6\r")
    r.expect("...     ")
    r.send("\r")
    r.expect(">>> ")
    r.send("print(x, y)\r")
    r.expect("5 6\n>>> ")


@repl_test
def repl_multiline_brackets(r):
    r.send("[1,\r")
    r.expect("... ")
    r.send("2]\r")
    r.expect("[1, 2]\n>>> ")


@repl_test
def repl_exception_traceback(r):
    r.send("1/0\r")
    r.expect("Traceback (most recent call last):")
    r.expect('File "<stdin>", line 1')
    r.expect("ZeroDivisionError")
    r.expect(">>> ")
    r.send("def f():\r")
    r.expect("...     ")
    r.send("raise ValueError('v')\r")
    r.expect("...     ")
    r.send("\r")
    r.expect(">>> ")
    r.send("f()\r")
    r.expect("ValueError: v")
    r.expect(">>> ")
    r.send("print('still alive')\r")
    r.expect("still alive\n>>> ")


@repl_test
def repl_state_kept(r):
    r.send("x = 40\r")
    r.expect(">>> ")
    r.send("x + 2\r")
    r.expect("42\n>>> ")


@repl_test
def repl_ctrl_c_interrupts_loop(r):
    r.send("while True: pass\r")
    r.expect("... ")
    r.send("\r")
    time.sleep(0.5)
    r.send("\x03")
    r.expect("KeyboardInterrupt")
    r.expect(">>> ")
    r.send("print('after')\r")
    r.expect("after\n>>> ")


@repl_test
def repl_ctrl_c_interrupts_sleep(r):
    if subprocess.run([ESPY, "-c", "import time"], capture_output=True).returncode != 0:
        raise Skip("no time module yet (it comes with the standard modules)")
    r.send("import time\r")
    r.expect(">>> ")
    r.send("time.sleep(30)\r")
    time.sleep(0.5)
    start = time.time()
    r.send("\x03")
    r.expect("KeyboardInterrupt")
    r.expect(">>> ")
    check(time.time() - start < 5, "sleep was not interrupted at once")


@repl_test
def repl_ctrl_c_discards_line(r):
    r.send("print('no')\x03")
    r.expect(">>> ")
    r.send("if 1:\r")
    r.expect("...     ")
    r.send("print('no')\x03")
    r.expect(">>> ")
    r.send("print('yes')\r")
    r.expect("yes\n>>> ")
    check(b"no\n" not in r.text().replace(b"print('no')", b""), "a discarded line ran")


@repl_test
def repl_line_editing(r):
    r.send("print('ac')")
    r.send("\x1b[D\x1b[D\x1b[D")          # left x3: before c
    r.send("b")
    r.send("\x1b[H")                      # home
    r.send("x = 1; ")
    r.send("\x1b[F")                      # end
    r.send("\r")
    r.expect("abc\n>>> ")
    r.send("print(12345)\x1b[D\x08\x08\r")  # backspace twice before ')'
    r.expect("123\n>>> ")
    r.send("print(9)junk\x7f\x7f\x7f\x7f\r")    # backspace as terminals send it
    r.expect("9\n>>> ")
    r.send("print(8)\x0b\x15\r")           # Ctrl-K, Ctrl-U: no Emacs keys on the port
    r.expect("8\n>>> ")
    r.send("print(77)\x01\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~42\r")
    r.expect("42\n>>> ")


@repl_test
def repl_history(r):
    r.send("print(6 * 7)\r")
    r.expect("42\n>>> ")
    r.send("print(1)\r")
    r.expect("1\n>>> ")
    r.send("\x1b[A\x1b[A\r")             # up twice
    r.expect("42\n>>> ")
    r.send("\x1b[A\x1b[A\x1b[A\x1b[B\r")  # up x3, down: the second newest
    r.expect("1\n>>> ")


@repl_test
def repl_paste_mode(r):
    r.send("\x05")
    r.expect("paste mode; Ctrl-C to cancel, Ctrl-D to finish")
    r.expect("=== ")
    r.send("def g():\r")
    r.expect("=== ")
    r.send("  return 5\r")               # no auto-indent in paste mode
    r.send("print(g() + 1)\r")
    r.send("\x04")
    r.expect("6\n>>> ")


@repl_test
def repl_ctrl_d_soft_reset(r):
    r.send("x = 5\r")
    r.expect(">>> ")
    r.send("\x04")
    r.expect("MPY: soft reboot\nMicroPython-compatible espy")
    r.expect(">>> ")
    r.send("x\r")                          # the Python state is new
    r.expect("NameError")
    r.send("\x1d")                         # Ctrl-]: leave the simulator
    check(r.wait() == 0, "exit status %r" % r.status)


@repl_test
def repl_system_exit(r):
    r.send("import sys\r")
    r.expect(">>> ")
    r.send("sys.exit(5)\r")                # a soft reset on the board
    r.expect("MPY: soft reboot")
    r.expect(">>> ")
    r.send("\x1d")
    check(r.wait() == 0, "exit status %r" % r.status)


@repl_test
def repl_input(r):
    r.send("s = input('name? ')\r")
    r.expect("name? ")
    r.send("espy\r")
    r.expect(">>> ")
    r.send("s\r")
    r.expect("'espy'\n>>> ")


@test
def repl_after_file():
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "i.py", "y = 'from file'\nprint('ran')\n")
        r = Repl(["-i", path])
        try:
            r.expect("ran")
            r.expect(">>> ")
            r.send("y\r")
            r.expect("'from file'\n>>> ")
            r.send("\x04")
            check(r.wait() == 0, "exit status %r" % r.status)
        finally:
            r.close()


@test
def script_ctrl_c():
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "loop.py", "print('start')\nwhile True:\n    pass\n")
        p = subprocess.Popen([ESPY, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            line = p.stdout.readline()
            check(line == b"start\n", "stdout %r" % line)
            time.sleep(0.2)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=TIMEOUT)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        check(p.returncode == 1, "exit status %r" % p.returncode)
        check(err.decode().splitlines()[-1].startswith("KeyboardInterrupt"), "stderr %r" % err)


@test
def terminal_restored():
    # After the REPL exits, the terminal is back in its normal mode.
    import termios
    r = Repl()
    try:
        r.expect(">>> ")
        r.send("\x1d")
        check(r.wait() == 0, "exit status %r" % r.status)
        lflag = termios.tcgetattr(r.fd)[3]
        for name in ("ICANON", "ECHO", "ISIG"):
            check(lflag & getattr(termios, name), "%s is off after exit" % name)
    finally:
        r.close()


class Skip(Exception):
    pass


def main():
    global ESPY, VERBOSE
    names = []
    for a in sys.argv[1:]:
        if a == "-v":
            VERBOSE = True
        elif os.sep in a or os.path.isfile(a):
            ESPY = a
        else:
            names.append(a)
    ESPY = os.path.abspath(ESPY)
    if not os.access(ESPY, os.X_OK):
        print("test_cli: no espy program at %s" % ESPY, file=sys.stderr)
        sys.exit(2)
    passed = failed = skipped = 0
    for t in TESTS:
        if names and t.__name__ not in names:
            continue
        try:
            t()
        except Skip as e:
            skipped += 1
            print("skip %s: %s" % (t.__name__, e))
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
    print("%d passed, %d failed" % (passed, failed) + (", %d skipped" % skipped if skipped else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
