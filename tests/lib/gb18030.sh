# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib/gb18030.sh — the zh_CN.GB18030 locale for the tests of a GB18030
# terminal (sourced after tests/cli/lib.sh or tests/tui/libtest.sh, which
# give $T). test.sh generates it for the whole machine; when it is missing
# it is made here under $T (LOCPATH), and the test is skipped, saying why,
# only when it cannot be made. Sets GB_ENV: the variables that select it.

gb18030_ready() {
	[ "$(env $GB_ENV locale charmap 2>/dev/null)" = GB18030 ]
}

GB_ENV="LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030"
if ! gb18030_ready; then
	mkdir -p "$T/locale"
	localedef -i zh_CN -f GB18030 "$T/locale/zh_CN.GB18030" >"$T/localedef.log" 2>&1
	GB_ENV="$GB_ENV LOCPATH=$T/locale"
	if ! gb18030_ready; then
		echo "SKIP: the zh_CN.GB18030 locale is not installed and localedef could not make it: $(tail -n 1 "$T/localedef.log")" >&2
		exit 77
	fi
fi
