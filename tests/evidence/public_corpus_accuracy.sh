#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The evidence check against the reference tools' verdicts on the public
# corpus (bench/evidence/accuracy): no broken or wrong-type file accepted, at
# most 2% of the files viewers open refused, no file left unjudged. SKIP
# when the corpus is not on this machine (tests/evidence/corpus.sh).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/corpus.sh"
[ -n "$corpus" ] || { echo "SKIP: no public evidence corpus (../shared/corpora/evidence-public)"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
if ! "$IPWIZ_SRCDIR/bench/evidence/accuracy" "$corpus/files" "$corpus/reference.tsv" >"$T/report"; then
	cat "$T/report" >&2
	fail "the accuracy targets are not met on $corpus"
fi
cat "$T/report"
finish
