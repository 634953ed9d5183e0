#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The coaching load test's driver (bench/coach/run sets the stage).

N people on one shared database, in cases of GROUP people each: the first
of a case is its seller (the case's owner), the others its coaches. Each
person has a real wizard open at 80×24 in a pseudo-terminal, as their own
Unix user, and saves their own answer (field aK of the case) every few
seconds: by default typed into their wizard (`ipwiz open CASE`, focus on
aK: Backspaces, the new answer, Tab to save, Shift-Tab back); with
BENCH_COACH_SAVE=set by `ipwiz set CASE aK STAMP` as their own user, the
seller and the first coach then in `ipwiz open`, the others in `ipwiz
watch`. STAMP names the person and a sequence number. Every wizard's
output is fed to a terminal emulator (pyte); the time a STAMP first shows
on each other screen of the case is noted, so what is measured is end to
end: the save, SQLite, the other wizard's polling and reload, ncurses and
the terminal.

Simulated: the people (keys sent by this program, no thinking or reading),
their rhythm (a save every EVERY seconds on average, uniform between half
and one and a half of it), and the terminal (pyte, not an SSH client).

Usage: coach_load.py N SECONDS WORK USERS-FILE
USERS-FILE holds one "name uid gid groups home" line a person (at least N).
Prints one result line as key=value pairs; the pids it started are written
to WORK/pids as they start, for the caller's clean-up.

The line: obs, one save seen on one other screen of its case; p50/p99/max
from the save (the keys' write, or the start of `ipwiz set`) to that
screen showing it; over_1s, observations later than a second; missed, a
save a screen never showed because a later save of the same answer showed
first; unseen, not shown on a screen by GRACE seconds after the saving
stopped; screens_said_busy, wizards whose screen said the database was in
use; with `set`: save_* the save's own time, after_save_* the time from
its return, busy the saves refused with exit 3 ("in use by another
program"), failed any other failure, late a save that waited for its
person's previous one; alone_save_*, the reference save on a database
nobody else uses; driver_late, keys sent more than 0.1 s after their time
(this program behind); cpu_* the CPU of the wizards (during the saving),
of the `ipwiz set` processes and of this program; wizard_ms_per_s, one
wizard's CPU milliseconds per second; machine_busy, the whole machine's
(other people's builds too); wal_kib, the write-ahead log at the end;
load, the load averages before and after."""
import errno, fcntl, os, random, re, resource, select, signal, struct, subprocess, sys, termios, time

import pyte

N, SECONDS, WORK, USERS = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
IPWIZ = os.environ["IPWIZ"]
GROUP = int(os.environ.get("BENCH_COACH_GROUP", "5"))
if not 2 <= GROUP <= 6:
    sys.exit("coach_load: BENCH_COACH_GROUP is 2 to 6 (the answers one screen shows)")
EVERY = float(os.environ.get("BENCH_COACH_EVERY", "3"))  # mean seconds between saves
# How a person saves: "wizard" types the answer into their own wizard and
# presses Tab (the save a person makes, in the wizard's process); "set"
# runs `ipwiz set` (a process a save: a script's save, and its exit status
# tells a busy refusal exactly).
SAVE = os.environ.get("BENCH_COACH_SAVE", "wizard")
if SAVE not in ("wizard", "set"):
    sys.exit("coach_load: BENCH_COACH_SAVE is wizard or set")
if SAVE == "wizard" and GROUP > 5:
    sys.exit("coach_load: BENCH_COACH_GROUP is 2 to 5 when saving in the wizard")
GRACE = 3.0  # after the last save, for its last observations
DB = f"{WORK}/team/cases.db"
# A database of the runner's own, saved to once a second in the same run:
# what one save costs on this machine at that moment with nobody else on it.
PROBE_DB = os.environ.get("BENCH_COACH_PROBE_DB")
PROBE_HOME = os.path.dirname(PROBE_DB) if PROBE_DB else None
STAMP = re.compile(r"\[(s\d{3}-\d{5})")
random.seed(int(os.environ.get("BENCH_COACH_SEED", "19")))

users = [l.split() for l in open(USERS) if l.strip()][:N]
if len(users) < N:
    sys.exit(f"coach_load: {N} people wanted, {len(users)} users given")
pidfile = open(f"{WORK}/pids", "a")
poller = select.poll()
pidfds = {}  # pidfd of a running save -> its pid


def env_of(u, term):
    name, uid, gid, groups, home = u
    return {
        "HOME": home, "USER": name, "LOGNAME": name, "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": f"{home}/.local/share", "XDG_CONFIG_HOME": f"{home}/.config",
        "LANG": "C.UTF-8", "TZ": "UTC", "TERM": term, "LINES": "24", "COLUMNS": "80",
        "IPWIZ_DATADIR": f"{WORK}/data", "IPWIZ_TODAY": "2026-12-07",
    }


def creds(u):
    if int(u[1]) == os.getuid():
        return {}  # one Unix user for everybody (not root)
    return dict(user=int(u[1]), group=int(u[2]),
                extra_groups=[int(g) for g in u[3].split(",") if g])


def run_as(u, *args):
    """Run ipwiz as u and wait (set-up steps)."""
    return subprocess.run([IPWIZ, "--db", DB, *args], env=env_of(u, "dumb"), capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=60, **creds(u))


class Person:
    def __init__(self, i, u, case, slot, mode):
        self.i, self.u, self.case, self.slot, self.mode = i, u, case, slot, mode
        self.seq = 0
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.shown = set()  # stamps on the screen now
        self.lines = {}  # line -> the stamps on it
        self.text = {}  # line -> its text
        self.ready = False
        self.busy_shown = 0  # times the wizard's status line said the database is in use
        self.dead = None
        self.saving = False  # a save of theirs has not returned yet

    def start(self):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

        def ctty():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        # screen-256color: ncurses then uses no REP (xterm's "repeat the
        # last character"), which pyte does not know.
        self.proc = subprocess.Popen([IPWIZ, "--db", DB, self.mode, str(self.case)],
                                     stdin=slave, stdout=slave, stderr=slave,
                                     env=env_of(self.u, "screen-256color"),
                                     start_new_session=True, preexec_fn=ctty, **creds(self.u))
        os.close(slave)
        self.fd = master
        os.set_blocking(master, False)
        poller.register(master, select.POLLIN)
        print(self.proc.pid, file=pidfile, flush=True)

    def feed(self, data):
        """The stamps the screen shows now and did not before. Only the
        lines the output changed are read (the driver must keep up with
        hundreds of screens on two cores)."""
        self.stream.feed(data)
        scr = self.screen
        for y in scr.dirty:
            if y >= 24:
                continue
            row = scr.buffer[y]
            line = "".join(row[x].data for x in range(80))
            if not self.ready and "F1 help" in line:
                self.ready = True
            if "in use by another program" in line:
                self.busy_shown += 1
            self.lines[y] = set(STAMP.findall(line))
            self.text[y] = line
        scr.dirty.clear()
        now = set().union(*self.lines.values())
        new = now - self.shown
        self.shown = now
        return new


# Cases of GROUP people: person 0 of each is the seller and owns it.
people = []
ncases = (N + GROUP - 1) // GROUP
for c in range(ncases):
    members = list(range(c * GROUP, min(N, (c + 1) * GROUP)))
    seller = users[members[0]]
    r = run_as(seller, "new", "coach-bench", "--batch", "--title", f"Shop {c + 1}")
    if r.returncode != 0:
        sys.exit(f"coach_load: new as {seller[0]}: {r.stderr.decode()}")
    case = int(r.stdout.split()[0])
    for slot, i in enumerate(members):
        # Saving in the wizard, everybody edits; saving with `ipwiz set`, the
        # seller and the first coach edit and the other coaches watch.
        mode = "open" if SAVE == "wizard" or slot < 2 else "watch"
        people.append(Person(i, users[i], case, slot + 1, mode))
by_case = {}
for p in people:
    by_case.setdefault(p.case, []).append(p)

load_before = open("/proc/loadavg").read().split()[:3]


def cpu_jiffies():
    f = open("/proc/stat").readline().split()[1:]
    v = [int(x) for x in f]
    return sum(v[:8]), v[3] + v[4]  # total, idle + iowait


by_fd = {}
for p in people:
    p.start()
    by_fd[p.fd] = p

saves = {}  # stamp -> [person, started, ended, status]
seen = {}  # (stamp, watcher index) -> time it first showed
running = {}  # pid of an `ipwiz set` -> (stamp, its Popen)
wizard_cpu = set_cpu = 0.0
busy = 0  # `ipwiz set` refused: the database was in use
other_fail = []


def reap(block=False):
    global wizard_cpu, set_cpu, busy
    while True:
        try:
            pid, status, ru = os.wait4(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        t = time.monotonic()
        cpu = ru.ru_utime + ru.ru_stime
        if pid in running:
            stamp, proc, pfd = running.pop(pid)
            poller.unregister(pfd)
            del pidfds[pfd]
            os.close(pfd)
            proc.returncode = os.waitstatus_to_exitcode(status)
            why = proc.stderr.read().decode(errors="replace").strip()
            proc.stderr.close()
            if stamp is None:  # the private database's save
                probe[-1][1] = t
                continue
            s = saves[stamp]
            s[2], s[3] = t, proc.returncode
            s[0].saving = False
            set_cpu += cpu
            if s[3] == 3 and "in use by another program" in why:
                busy += 1
            elif s[3] != 0:
                other_fail.append(f"{stamp}: exit {s[3]}: {why}")
        else:
            wizard_cpu += cpu
            for p in people:
                if p.proc.pid == pid:
                    p.proc.returncode = os.waitstatus_to_exitcode(status)
                    if p.dead is None:
                        p.dead = t


def pump(until):
    """Read every screen until the monotonic time `until`; a save's end
    wakes it too (its pidfd), so a save is timed when it returns."""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return
        try:
            r = poller.poll(min(left, 0.05) * 1000)
        except InterruptedError:
            continue
        t = time.monotonic()
        ended = False
        for fd, _ in r:
            if fd in pidfds:
                ended = True
                continue
            p = by_fd[fd]
            try:
                data = os.read(fd, 65536)
            except OSError as e:
                if e.errno in (errno.EAGAIN, errno.EINTR):
                    continue
                data = b""
            if not data:
                poller.unregister(fd)
                os.close(fd)
                p.fd = None
                continue
            for stamp in p.feed(data):
                key = (stamp, p.i)
                if stamp in saves and saves[stamp][0].i != p.i and key not in seen:
                    seen[key] = t
        if ended or not r:
            reap()


# Every wizard on its first screen before the first save.
deadline = time.monotonic() + 60
while not all(p.ready for p in people) and time.monotonic() < deadline:
    pump(time.monotonic() + 0.2)
not_ready = [p.u[0] for p in people if not p.ready]
if not_ready:
    sys.exit(f"coach_load: no first screen within 60 s for {', '.join(not_ready)}")
if SAVE == "wizard":
    # Each on their own answer: Tab from the first (the focused row is
    # marked "▸ Answer K").
    for p in people:
        if p.slot > 1:
            os.write(p.fd, b"\t" * (p.slot - 1))
    deadline = time.monotonic() + 30
    focused = lambda p: any(f"▸ Answer {p.slot}" in t for t in p.text.values())
    while not all(focused(p) for p in people) and time.monotonic() < deadline:
        pump(time.monotonic() + 0.2)
    if not all(focused(p) for p in people):
        sys.exit("coach_load: a wizard did not move to its answer within 30 s")
pump(time.monotonic() + 1.0)  # presence settles

cpu0 = cpu_jiffies()
self0 = resource.getrusage(resource.RUSAGE_SELF)
wiz0 = {}
for p in people:  # the wizards' CPU during the test only, from /proc
    with open(f"/proc/{p.proc.pid}/stat") as f:
        fl = f.read().rsplit(")", 1)[1].split()
    wiz0[p.i] = (int(fl[11]) + int(fl[12])) / os.sysconf("SC_CLK_TCK")

start = time.monotonic()
end = start + SECONDS
# Each person's first save at a random moment of the first interval, then
# every EVERY seconds on average (uniform between half and one and a half).
# A person saves again only once their last save has returned (the
# wizard waits for a save too); a save that had to wait is counted late.
due = {p.i: start + random.uniform(0, EVERY) for p in people}
late = 0
probe = []  # [started, returned] of each save on the private database
probe_due = start


def spawn(argv, env, stamp, **kw):
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)
    print(proc.pid, file=pidfile, flush=True)
    # Kept until reaped here: a Popen dropped while its process runs is
    # reaped by the next Popen (subprocess's own clean-up), and its end
    # would never be seen.
    pfd = os.pidfd_open(proc.pid)
    poller.register(pfd, select.POLLIN)
    pidfds[pfd] = proc.pid
    running[proc.pid] = (stamp, proc, pfd)


while True:
    now = time.monotonic()
    for p in people:
        if due[p.i] <= now and due[p.i] < end and not p.saving:
            p.seq += 1
            stamp = f"s{p.i:03d}-{p.seq:05d}"
            t = time.monotonic()
            if t - due[p.i] > 0.1:
                late += 1
            if SAVE == "wizard":
                # Backspace over the last answer, the new one, Tab (saves
                # and moves on), Shift-Tab back. Timed from the keys.
                keys = b"\x7f" * 10 + stamp.encode() + b"\t\x1b[Z"
                saves[stamp] = [p, t, t, 0]
                try:
                    os.write(p.fd, keys)
                except OSError:
                    saves[stamp][3] = -1
            else:
                saves[stamp] = [p, t, None, None]
                p.saving = True
                spawn([IPWIZ, "--db", DB, "set", str(p.case), f"a{p.slot}", stamp],
                      env_of(p.u, "dumb"), stamp, **creds(p.u))
            due[p.i] = max(due[p.i], t) + random.uniform(EVERY / 2, EVERY * 1.5)
    # The reference: the same save, once a second, by the user running the
    # test on a database of its own nobody else uses, at the same moments.
    if PROBE_DB and probe_due <= now < end and not (probe and probe[-1][1] is None):
        probe.append([time.monotonic(), None])
        spawn([IPWIZ, "--db", PROBE_DB, "set", "1", "a1", f"p{len(probe):05d}"],
              dict(env_of(("", "", "", "", PROBE_HOME), "dumb"), USER="probe"), None)
        probe_due = now + 1.0
    nxt = min([d for d in due.values() if d < end] + [probe_due], default=end)
    if now >= end and not running:
        break
    pump(min(nxt, now + 0.05) if now < end else now + 0.05)
pump(time.monotonic() + GRACE)

wiz_during = 0.0
for p in people:
    try:
        with open(f"/proc/{p.proc.pid}/stat") as f:
            fl = f.read().rsplit(")", 1)[1].split()
        wiz_during += (int(fl[11]) + int(fl[12])) / os.sysconf("SC_CLK_TCK") - wiz0[p.i]
    except OSError:
        pass
elapsed = time.monotonic() - start
try:  # readers that never all stop at once would keep the log from restarting
    wal_kib = os.path.getsize(DB + "-wal") // 1024
except OSError:
    wal_kib = 0
cpu1 = cpu_jiffies()
self1 = resource.getrusage(resource.RUSAGE_SELF)
load_after = open("/proc/loadavg").read().split()[:3]

# BENCH_COACH_SCREENS=1: the seller's and a watching coach's last screen, to
# see what was read.
if os.environ.get("BENCH_COACH_SCREENS"):
    for p in [q for q in by_case[people[0].case] if q.slot in (1, 3)]:
        print(f"--- {p.u[0]} ({p.mode})", *p.screen.display, sep="\n", file=sys.stderr)

# Quit every wizard with its quit key (F10: the presence row goes), then
# make sure.
for p in people:
    if p.fd is not None:
        try:
            os.write(p.fd, b"\x1b[21~")
        except OSError:
            pass
pump(time.monotonic() + 2.0)
for p in people:
    if p.proc.returncode is None:
        try:
            os.killpg(p.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
reap(block=True)

# Each save, each other person on the case: seen (how long after the save
# started, and after it returned), or never shown on that screen.
seq_of = lambda stamp: int(stamp.split("-")[1])
latest = {}  # (writer, watcher) -> the last of the writer's saves shown there
for (stamp, o), t in seen.items():
    k = (saves[stamp][0].i, o)
    latest[k] = max(latest.get(k, 0), seq_of(stamp))
lat, after, save_ms = [], [], []
missed = 0  # a later save of the same answer showed first
unseen = 0
for stamp, (w, t0, t1, status) in saves.items():
    if status != 0:
        continue
    save_ms.append((t1 - t0) * 1000)
    # (a refused save counts among the busy or failed ones, not here)
    for o in by_case[w.case]:
        if o.i == w.i:
            continue
        t = seen.get((stamp, o.i))
        if t is None:
            # superseded: a later stamp of the same person showed there
            if latest.get((w.i, o.i), 0) > seq_of(stamp):
                missed += 1
            else:
                unseen += 1
            continue
        lat.append((t - t0) * 1000)
        after.append((t - t1) * 1000)


def pct(v, q):
    if not v:
        return float("nan")
    v = sorted(v)
    return v[min(len(v) - 1, max(0, -(-q * len(v) // 100) - 1))]  # nearest rank


probe_ms = [(b - a) * 1000 for a, b in probe if b is not None]
total = cpu1[0] - cpu0[0]
busy_machine = (total - (cpu1[1] - cpu0[1])) / total if total else float("nan")
driver = (self1.ru_utime + self1.ru_stime) - (self0.ru_utime + self0.ru_stime)
nsaves = sum(1 for s in saves.values())
within = sum(1 for x in lat if x <= 1000)
if SAVE == "wizard":  # the save's own time is not seen from outside
    after = save_ms = []
set_only = (f"after_save_p50_ms={pct(after, 50):.0f} after_save_p99_ms={pct(after, 99):.0f} "
            f"save_p50_ms={pct(save_ms, 50):.0f} save_p99_ms={pct(save_ms, 99):.0f} "
            f"save_max_ms={max(save_ms, default=float('nan')):.0f} "
            f"late={late} busy={busy} failed={len(other_fail)} ") if SAVE == "set" else ""
print(f"N={N} save={SAVE} cases={ncases} group={GROUP} every={EVERY:g}s seconds={elapsed:.1f} "
      f"saves={nsaves} obs={len(lat)} "
      f"p50_ms={pct(lat, 50):.0f} p99_ms={pct(lat, 99):.0f} max_ms={max(lat, default=float('nan')):.0f} "
      f"over_1s={len(lat) - within} {set_only}"
      f"missed={missed} unseen={unseen} "
      f"screens_said_busy={sum(1 for p in people if p.busy_shown)} "
      f"died={sum(1 for p in people if p.dead is not None and p.dead < start + elapsed)} "
      f"alone_save_p50_ms={pct(probe_ms, 50):.0f} alone_save_p99_ms={pct(probe_ms, 99):.0f} "
      f"driver_late={late if SAVE == 'wizard' else 0} "
      f"cpu_wizards_s={wiz_during:.2f} cpu_saves_s={set_cpu:.2f} cpu_driver_s={driver:.2f} "
      f"wizard_ms_per_s={1000 * wiz_during / elapsed / N:.2f} "
      f"cores_used={(wiz_during + set_cpu) / elapsed:.2f} machine_busy={100 * busy_machine:.0f}% "
      f"wal_kib={wal_kib} load={'/'.join(load_before)}->{'/'.join(load_after)}")
for f in other_fail[:5]:
    print(f"  failed save {f}", file=sys.stderr)
