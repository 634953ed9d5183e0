#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib/charset_pty.py CHARSET PROGRAM [ARG]... — run PROGRAM on a
# terminal that speaks CHARSET (GB18030, GBK…) inside a UTF-8 one: what the
# program writes is decoded from CHARSET and passed on as UTF-8, what is
# typed is passed to it in CHARSET, as a GB18030 console would. tmux (the
# UTF-8 terminal of the TUI tests) converts nothing itself. Exits with the
# program's status. Bytes that are not CHARSET show as U+FFFD.
import codecs
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import tty


def winsize(fd):
    try:
        return fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8)
    except OSError:
        return None


def main():
    charset, argv = sys.argv[1], sys.argv[2:]
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    size = winsize(0)
    if size:
        fcntl.ioctl(master, termios.TIOCSWINSZ, size)

    def resized(_sig, _frame):
        s = winsize(0)
        if s:
            fcntl.ioctl(master, termios.TIOCSWINSZ, s)

    signal.signal(signal.SIGWINCH, resized)
    saved = None
    if os.isatty(0):
        saved = termios.tcgetattr(0)
        tty.setraw(0)
    from_prog = codecs.getincrementaldecoder(charset)(errors="replace")
    from_user = codecs.getincrementaldecoder("utf-8")(errors="replace")
    try:
        while True:
            try:
                ready, _, _ = select.select([0, master], [], [])
            except InterruptedError:
                continue
            if master in ready:
                try:
                    data = os.read(master, 4096)
                except OSError as e:
                    if e.errno != errno.EIO:
                        raise
                    data = b""
                if not data:
                    break
                os.write(1, from_prog.decode(data).encode("utf-8"))
            if 0 in ready:
                data = os.read(0, 4096)
                if data:
                    text = from_user.decode(data)
                    os.write(master, text.encode(charset, errors="replace"))
    finally:
        if saved:
            termios.tcsetattr(0, termios.TCSADRAIN, saved)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)


main()
