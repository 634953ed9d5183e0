#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad typing in the plain line mode (stdin): escape sequences, random bytes,
# a line of 2 MB, a NUL byte. The answer is read back with its controls made
# visible, never executed by the terminal; nothing crashes or hangs; what
# was not valid is said so.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')

# plain NAME RC MESSAGE: judge stdout (the transcript) of the last `try`.
plain() {
	verdict_stdout "$@"
}

printf 'AB%s[2J-1\n' "$ESC" >"$T/in"
try --in "$T/in" "$IPWIZ" --plain new core-test
plain "an escape sequence typed as an answer" 0 "Not accepted: Use letters, digits and dashes only, as in the notice."
expect_in "$out" "> AB�[2J-1" "the answer read back"

printf '%s]0;pwned%s\n' "$ESC" "$BEL" >"$T/in"
try --in "$T/in" "$IPWIZ" --plain new core-test
plain "a title-setting sequence typed as an answer" 0 "Not accepted: Use letters, digits and dashes only, as in the notice."

head -c 200000 /dev/urandom >"$T/in"
try --in "$T/in" "$IPWIZ" --plain new core-test
plain "200 KB of random bytes" 0 "Your answers are saved. Go on later with: ipwiz open"

awk 'BEGIN { while (n++ < 100000) printf "AAAAAAAAAAAAAAAAAAAA"; print "" }' >"$T/in"
try --in "$T/in" "$IPWIZ" --plain new core-test
plain "a line of 2 MB" 0 "Date you received the complaint (required)"

printf '2026-11-2\0005\n' >"$T/in"
run new core-test --batch
try --in "$T/in" "$IPWIZ" --plain open "$out"
plain "a NUL byte inside a date" 0 "> Not taken: the line contains a NUL byte; type it again."

printf '\r\n\r\n' >"$T/in"
try --in "$T/in" "$IPWIZ" --plain new core-test
plain "lines ending in CR LF" 0 "Your answers are saved."

summary "line input"
