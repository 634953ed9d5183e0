#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every decoder on every file we have — the generated samples and, when it is
# on this machine, the whole public corpus — and never a crash, a time-out or
# a reply the parent refused: each file gets a verdict of its own. In the
# ASan build (./test.sh's second suite) the worker runs under
# AddressSanitizer and UBSan too, and any finding there aborts it, which shows
# here as "check-failed". The worker's sandbox is on throughout.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/corpus.sh"
flow="$IPWIZ_SRCDIR/bench/evidence/accuracy-flow.yaml"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" >/dev/null || fail "make-samples.sh"
# Regular files only (the samples' FIFO, links and folder are not decoding;
# laughs.pdf is made to outlast any budget: test_evidence checks it);
# a name may hold a newline, so the list is NUL-separated).
find "$T/s" -type f -perm -u+r ! -name sparse.pdf ! -name laughs.pdf -print0 >"$T/list"
[ -n "$corpus" ] && find "$corpus/files" -type f -print0 >>"$T/list"
[ -n "$corpus" ] || echo "note: no public corpus here; the generated samples only"
n=$(tr -cd '\0' <"$T/list" | wc -c)
[ "$n" -gt 20 ] || fail "only $n files to decode"
# One run, as a seller's folder would be checked; the files as arguments.
xargs -0 "$IPWIZ" check --flow "$flow" --field document --json <"$T/list" >"$T/out.json" 2>"$T/err"
rc=$? # xargs: 123 when ipwiz exited 1 (a file rejected)
[ "$rc" -eq 0 ] || [ "$rc" -eq 123 ] || fail "ipwiz check failed (xargs $rc): $(cat "$T/err")"
python3 - "$T/out.json" "$n" <<'PY' || fail "a decoder did not come through every file"
import json, sys
files = json.load(open(sys.argv[1]))["files"]
bad = [f for f in files if f["key"] in ("check-failed", "not-checked-in-time")]
for f in bad:
    print("FAIL: %s: %s (%s)" % (f["path"], f["key"], f["message"]), file=sys.stderr)
if len(files) != int(sys.argv[2]):
    print("FAIL: %d verdicts for %s files" % (len(files), sys.argv[2]), file=sys.stderr)
    sys.exit(1)
sys.exit(1 if bad else 0)
PY
echo "decoded $n files"
finish
