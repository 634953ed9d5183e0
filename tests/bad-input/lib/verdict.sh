# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bad-input/lib/verdict.sh — judging one bad input: sourced after tests/cli/lib.sh.
#
# Every case runs under `timeout 10`; it fails when ipwiz hangs (124), crashes
# (exit 128 or more), exits with another status than the catalogue says, does
# not print the catalogue's sentence on stderr, or lets a control character
# (ESC, BEL, C1 codes...) from the input reach the terminal.
#
# A case whose right answer ipwiz does not give yet carries a defect note:
# it is run and reported as a KNOWN DEFECT, still fails on a crash or a hang,
# and fails once the defect is gone so that the note is removed.
ncases=0
ndefects=0

# try [--in FILE] CMD...: run CMD (ipwiz ARGS when CMD starts with an option
# or a command word) with stdin from FILE or /dev/null; sets $rc, $err, $out.
try() {
	in=/dev/null
	if [ "$1" = --in ]; then
		in=$2
		shift 2
	fi
	out=$(timeout 10 "$@" 2>"$T/stderr" <"$in")
	rc=$?
	err=$(cat "$T/stderr")
}

# has_control: stderr holds a C0 control other than newline/tab, DEL, a C1
# control (U+0080..U+009F) or a bidirectional override (U+202A..U+202E,
# U+2066..U+2069) that would reorder what the user reads.
has_control() {
	LC_ALL=C tr -d '\n\t' <"$T/stderr" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')" && return 0
	LC_ALL=C grep -q -e "$(printf '\302[\200-\237]')" -e "$(printf '\342\200[\252-\256]')" \
		-e "$(printf '\342\201[\246-\251]')" "$T/stderr"
}

# verdict NAME RC MESSAGE [DEFECT]: judge the last `try`. A hang is a
# failure even with a defect note, unless the note starts with "hangs:".
verdict() {
	ncases=$((ncases + 1))
	# CATALOGUE_SHOW=1 prints what each case got, to write or review one.
	[ "${CATALOGUE_SHOW:-}" = 1 ] && printf 'CASE %s: exit %s: %s\n' "$1" "$rc" "$err" >&2
	if [ "$rc" -eq 124 ]; then
		case "${4:-}" in
		hangs:*)
			ndefects=$((ndefects + 1))
			echo "KNOWN DEFECT $1: $4 — now: hung (stopped after 10 s)" >&2
			;;
		*) fail "$1: hung (stopped after 10 s)" ;;
		esac
		return
	fi
	if [ "$rc" -ge 128 ]; then
		fail "$1: crashed (exit $rc): $err"
		return
	fi
	why=
	[ "$rc" -eq "$2" ] || why="exit $rc, expected $2"
	case "$err" in
	*"$3"*) ;;
	*) why="${why:+$why; }stderr lacks: $3" ;;
	esac
	if has_control; then
		why="${why:+$why; }a control character reached the terminal"
	fi
	if [ -n "${4:-}" ]; then
		if [ -z "$why" ]; then
			fail "$1: the known defect is fixed ($4): remove its note from the catalogue"
		else
			ndefects=$((ndefects + 1))
			echo "KNOWN DEFECT $1: $4 — now: $why" >&2
		fi
	elif [ -n "$why" ]; then
		fail "$1: $why — got: $err"
	fi
}

# verdict_stdout NAME RC MESSAGE [DEFECT]: the same, for a sentence that
# belongs on stdout (a report the user asked for); stderr is still checked
# for control characters, and so is stdout.
verdict_stdout() {
	saved=$err
	err=$out
	printf '%s\n' "$saved" >>"$T/stderr"
	printf '%s\n' "$out" >>"$T/stderr"
	verdict "$@"
	err=$saved
}

# header FILE KEY: the value of a "# KEY: value" line at the top of FILE.
header() {
	sed -n "s/^# $2: //p" "$1" | head -n 1
}

# catalogue_dir DIR CMD...: every file of DIR is one case; its header says
# "# rc: N", "# stderr: sentence" and maybe "# defect: where and what".
# The file is copied to the working directory and its name appended to CMD.
catalogue_dir() {
	dir=$1
	shift
	mkdir -p "$T/work"
	for f in "$dir"/*; do
		name=$(basename "$f")
		want_rc=$(header "$f" rc)
		want=$(header "$f" stderr)
		defect=$(header "$f" defect)
		if [ -z "$want_rc" ] || [ -z "$want" ]; then
			fail "$name: the catalogue entry lacks its # rc: or # stderr: line"
			continue
		fi
		cp "$f" "$T/work/$name"
		cd "$T/work" || exit 1
		try "$@" "$name"
		cd "$OLDPWD" || exit 1
		verdict "$name" "$want_rc" "$want" "$defect"
	done
}

# summary KIND: print the count and exit like finish() does.
summary() {
	echo "$1: $ncases case(s), $ndefects known defect(s), $fails failure(s)"
	if [ "$ncases" -eq 0 ]; then
		fail "$1: no case ran"
	fi
	finish
}
