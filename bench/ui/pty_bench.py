#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive a full-screen program in a pseudo-terminal, the way a person would:
time from exec to the first complete screen (the first time `ready` text
has been drawn), then type `keys` one at a time, each after the program
has answered the previous one, and report the child's CPU time per key and
its peak resident memory. Usage: pty_bench.py READY KEYFILE -- CMD...
KEYFILE holds the keys (bytes) to send; the last ones must make it quit."""
import os, pty, resource, select, sys, time

ready = sys.argv[1].encode()
keys = open(sys.argv[2], "rb").read()
cmd = sys.argv[sys.argv.index("--") + 1:]

start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["COLUMNS"], os.environ["LINES"] = "80", "24"
    os.execvp(cmd[0], cmd)

import fcntl, struct, termios
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

seen = b""
first = None
while first is None:
    r, _, _ = select.select([fd], [], [], 10)
    if not r:
        sys.exit("no first screen within 10 s")
    seen += os.read(fd, 65536)
    if ready in seen:
        first = time.monotonic() - start

def drain(timeout):
    """Read what the program writes until it is quiet for `timeout`."""
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return

drain(0.05)
usage0 = None
with open(f"/proc/{pid}/stat") as f:
    fields = f.read().rsplit(")", 1)[1].split()
    usage0 = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
def peak_kib():
    # VmHWM belongs to the program's own image (exec starts it afresh);
    # the rusage maximum would count the Python that forked it.
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

quit_keys = int(os.environ.get("QUIT_KEYS", "2"))
for i, b in enumerate(keys):
    if i == len(keys) - quit_keys:
        peak = peak_kib()
    os.write(fd, bytes([b]))
    drain(0.002)
drain(0.2)
_, status, ru = os.wait4(pid, 0)
cpu = ru.ru_utime + ru.ru_stime
n = len(keys)
print(f"first_screen_ms={first * 1000:.1f} cpu_per_key_ms={(cpu - usage0) * 1000 / n:.3f} "
      f"peak_rss_kib={peak} keys={n}")
