#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file says its licence in an SPDX line at its top (mk/spdx.sh
# decides what a source file is, and adds the line: run it after a rebase).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
if ! missing=$(sh "$IPWIZ_SRCDIR/mk/spdx.sh" --check "$IPWIZ_SRCDIR"); then
	fail "$(printf '%s\n' "$missing" | wc -l) file(s) lack the SPDX line (run mk/spdx.sh): $(printf '%s\n' "$missing" | head -n 5 | tr '\n' ' ')"
fi
finish
