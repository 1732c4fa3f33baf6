# SPDX-License-Identifier: MIT
# `import webrepl_setup`: the port's interactive set-up of WebREPL (spec:
# port behaviour section 13): start at boot or not (the `import webrepl`
# and `webrepl.start()` lines of boot.py commented or not, or appended),
# and the password in webrepl_cfg.py. The dialogue is the port's, word for
# word. boot.py is rewritten safely: the new text goes to boot.py.tmp,
# which then replaces boot.py in one rename where the filesystem allows it
# (littlefs); other lines are kept as they are.
import sys
import os
import machine

RC = "./boot.py"
CONFIG = "./webrepl_cfg.py"


def input_choice(prompt, choices):
    while 1:
        resp = input(prompt)
        if resp in choices:
            return resp


def getpass(prompt):
    return input(prompt)


def input_pass():
    while 1:
        passwd1 = getpass("New password (4-9 chars): ")
        if len(passwd1) < 4 or len(passwd1) > 9:
            print("Invalid password length")
            continue
        passwd2 = getpass("Confirm password: ")
        if passwd1 == passwd2:
            return passwd1
        print("Passwords do not match")


def exists(fname):
    try:
        with open(fname):
            pass
        return True
    except OSError:
        return False


def get_daemon_status():
    try:
        with open(RC) as f:
            for line in f:
                if "webrepl" in line:
                    if line.startswith("#"):
                        return False
                    return True
    except OSError:
        pass
    return None


def change_daemon(action):
    LINES = ("import webrepl", "webrepl.start()")
    found = False
    with open(RC + ".tmp", "w") as new_f:
        try:
            with open(RC) as old_f:
                for line in old_f:
                    for patt in LINES:
                        if patt in line:
                            found = True
                            if action and line.startswith("#"):
                                line = line[1:]
                            elif not action and not line.startswith("#"):
                                line = "#" + line
                    new_f.write(line)
        except OSError:
            pass  # no boot.py yet
        if not found:
            new_f.write("import webrepl\nwebrepl.start()\n")
    try:
        os.rename(RC + ".tmp", RC)  # replaces boot.py at once
    except OSError:
        os.remove(RC)  # FAT's rename does not replace
        os.rename(RC + ".tmp", RC)


def main():
    status = get_daemon_status()

    print("WebREPL daemon auto-start status:", "enabled" if status else "disabled")
    print("\nWould you like to (E)nable or (D)isable it running on boot?")
    print("(Empty line to quit)")
    resp = input("> ").upper()

    if resp == "E":
        if exists(CONFIG):
            resp2 = input_choice("Would you like to change WebREPL password? (y/n) ", ("y", "n", ""))
        else:
            print("To enable WebREPL, you must set password for it")
            resp2 = "y"

        if resp2 == "y":
            passwd = input_pass()
            with open(CONFIG, "w") as f:
                f.write("PASS = %r\n" % passwd)

    if resp not in ("D", "E") or (resp == "D" and not status) or (resp == "E" and status):
        print("No further action required")
        sys.exit()

    change_daemon(resp == "E")

    print("Changes will be activated after reboot")
    resp = input_choice("Would you like to reboot now? (y/n) ", ("y", "n", ""))
    if resp == "y":
        machine.reset()


main()
