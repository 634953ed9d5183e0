#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The wizard's memory with a file's preview open: run CMD in a pseudo-
terminal at 80×24, wait for READY, note the wizard's peak resident memory
(VmHWM), press F7 (the file view: the page drawn in the terminal beside its
findings), wait until SHOWN is on screen and the screen is quiet, step
through PAGES pages (Right), note the peak again and the evidence worker's
(the wizard's child), then F10 F10. Usage: preview_rss.py READY SHOWN PAGES
-- CMD..."""
import os, pty, select, sys, time

ready, shown, pages = sys.argv[1].encode(), sys.argv[2].encode(), int(sys.argv[3])
cmd = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.environ["COLUMNS"], os.environ["LINES"] = "80", "24"
    os.execvp(cmd[0], cmd)

import fcntl, struct, termios
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

def wait_for(text, limit=30):
    seen, end = b"", time.monotonic() + limit
    while text not in seen:
        r, _, _ = select.select([fd], [], [], max(0.0, end - time.monotonic()))
        if not r:
            sys.exit(f"preview_rss: {text!r} not shown within {limit} s")
        seen += os.read(fd, 65536)

def quiet(for_s=0.5):
    """Read until the program has drawn nothing for for_s (or has ended)."""
    try:
        while select.select([fd], [], [], for_s)[0]:
            if not os.read(fd, 65536):
                return
    except OSError:  # the program ended: its side of the terminal is gone
        return

def status_kib(p, key):
    try:
        with open(f"/proc/{p}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def rollup(p):
    """Resident memory by kind (smaps_rollup): the wizard's own (anonymous)
    and the pages of its program and libraries (file), in KiB."""
    out = {}
    try:
        with open(f"/proc/{p}/smaps_rollup") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("Anonymous", "Rss"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out.get("Anonymous", 0), out.get("Rss", 0) - out.get("Anonymous", 0)

def children(p):
    try:
        with open(f"/proc/{p}/task/{p}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []

wait_for(ready)
quiet()
before = status_kib(pid, "VmHWM")
anon0, file0 = rollup(pid)
os.write(fd, b"\x1b[18~")  # F7
wait_for(shown)
quiet()
for _ in range(pages):
    os.write(fd, b"\x1b[C")
    quiet()
during = status_kib(pid, "VmHWM")
anon1, file1 = rollup(pid)
worker = max([status_kib(c, "VmHWM") for c in children(pid)] or [0])
os.write(fd, b"\x1b[21~")
quiet(0.3)
os.write(fd, b"\x1b[21~")
quiet(0.3)
os.waitpid(pid, 0)
print(f"wizard_peak_kib_before={before} wizard_peak_kib_preview={during} "
      f"anon_kib={anon0}->{anon1} file_kib={file0}->{file1} worker_peak_kib={worker}")
