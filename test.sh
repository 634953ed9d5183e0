#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ./test.sh — install what is missing, build with -Werror, run every test
# (unit, TUI end-to-end, command-line, lint of the shipped flows), then the
# whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, and
# each fuzzer for a short while. The last line is "N passed, N failed".
#
# Environment: FUZZ_SECONDS (default 60; 0 skips the fuzz smoke),
# IPWIZ_SKIP_ASAN=1 skips the sanitizer pass (for quick local runs),
# IPWIZ_DISTCHECK=1 also runs `make distcheck`.
set -u
. "$(dirname "$0")/mk/bootstrap.sh"

ipwiz_packages tmux sqlite3 file locales clang libclang-rt-14-dev procps psmisc valgrind python3 qpdf fonts-wqy-microhei || exit 3
ipwiz_autoreconf || exit 3
# The GB18030 terminal tests (issue #19) need zh_CN.GB18030: the locales
# package has its source but generates only what locale.gen names. (Without
# it here, those tests make a private one, or skip saying why.)
if [ "$(LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 locale charmap 2>/dev/null)" != GB18030 ]; then
	localedef -i zh_CN -f GB18030 zh_CN.GB18030 ||
		echo "test.sh: could not generate the zh_CN.GB18030 locale" >&2
fi

passed=0
failed=0
failures=()

# Add the totals of one `make check` run (automake's test-suite.log).
count_suite() {
	local dir=$1 label=$2 log="$1/test-suite.log"
	if [ ! -f "$log" ]; then
		failed=$((failed + 1))
		failures+=("$label: no test-suite.log (the build or the harness failed)")
		return
	fi
	local p f e x
	p=$(sed -n 's/^# PASS: *//p' "$log" | head -1)
	f=$(sed -n 's/^# FAIL: *//p' "$log" | head -1)
	e=$(sed -n 's/^# ERROR: *//p' "$log" | head -1)
	x=$(sed -n 's/^# XPASS: *//p' "$log" | head -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + ${e:-0} + ${x:-0}))
	# The failures of this run, as test-suite.log names them (a .trs left
	# over from an earlier run of a test no longer listed is not one).
	local t l
	# A failure's section starts with "FAIL: tests/x/name" underlined with
	# "=" (automake's am__create_global_log); a test's own output may have
	# lines that begin "FAIL: " too, but never that underline.
	for t in $(awk '/^=+$/ && prev ~ /^(FAIL|ERROR|XPASS): / && length($0) == length(prev) {
			sub(/^[A-Z]+: /, "", prev); print prev } { prev = $0 }' "$log" | sort -u); do
		failures+=("$label: $t")
		# The end of its log, so that a failure on a CI machine can be
		# understood from the CI output alone.
		l=$dir/$t.log
		echo "-- $label: the end of ${l#$dir/}" >&2
		tail -n 40 "$l" | sed 's/^/   | /' >&2
	done
}

# One extra check that is not part of `make check`.
check() {
	local label=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures+=("$label")
	fi
}

run_suite() {
	local dir=$1 label=$2
	shift 2
	echo "== $label: building in ${dir#$IPWIZ_TOP/}" >&2
	if ! ipwiz_build "$dir" "$@"; then
		failed=$((failed + 1))
		failures+=("$label: build failed")
		return
	fi
	rm -f "$dir/test-suite.log"
	echo "== $label: make check" >&2
	make -s -C "$dir" -j2 check >"$dir/check.out" 2>&1
	grep -E '^(PASS|FAIL|ERROR|XPASS|SKIP):' "$dir/check.out" | sed "s|^|  |" >&2
	count_suite "$dir" "$label"
}

run_suite "$IPWIZ_TOP/build" "werror" --enable-werror

if [ "${IPWIZ_SKIP_ASAN:-0}" != 1 ]; then
	run_suite "$IPWIZ_TOP/build-asan" "asan" --enable-werror --enable-asan
fi

fuzz_seconds=${FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" != 0 ]; then
	echo "== fuzz: building with clang, ${fuzz_seconds}s per target" >&2
	if ipwiz_build "$IPWIZ_TOP/build-fuzz" --enable-fuzzing CC=clang; then
		check "fuzz smoke" make -s -C "$IPWIZ_TOP/build-fuzz" fuzz-smoke FUZZ_SECONDS="$fuzz_seconds"
	else
		check "fuzz build" false
	fi
fi

if [ "${IPWIZ_DISTCHECK:-0}" = 1 ]; then
	echo "== make distcheck" >&2
	check "distcheck" make -s -C "$IPWIZ_TOP/build" distcheck >"$IPWIZ_TOP/build/distcheck.out" 2>&1
fi

if [ ${#failures[@]} -gt 0 ]; then
	echo "Failed:" >&2
	printf '  %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
