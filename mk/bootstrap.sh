# SPDX-License-Identifier: GPL-3.0-or-later
# mk/bootstrap.sh — sourced by run.sh and test.sh: install what is missing
# (Debian packages; root or sudo), regenerate the build system when needed,
# configure and build in a directory of its own.

IPWIZ_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Packages the build and the tests need, by the file that proves each is there.
ipwiz_packages() {
	local need=() p
	while read -r p probe; do
		[ -z "$p" ] && continue
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			need+=("$p")
		fi
	done <<'LIST'
autoconf
automake
autopoint
gettext
make
gcc
pkg-config
libncurses-dev
libyaml-dev
libsqlite3-dev
libmagic-dev
nettle-dev
libminizip-dev
libcmocka-dev
libpng-dev
libjpeg62-turbo-dev
libpoppler-glib-dev
libcairo2-dev
libseccomp-dev
libtesseract-dev
tesseract-ocr-eng
tesseract-ocr-chi-sim
tesseract-ocr-ind
tesseract-ocr-osd
libchafa-dev
LIST
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
	done
	[ ${#need[@]} -eq 0 ] && return 0
	echo "ipwiz: installing ${need[*]}" >&2
	local sudo=
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >/dev/null &&
		$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
		{ echo "ipwiz: could not install ${need[*]}" >&2; return 1; }
}

# Regenerate configure when it is missing or older than its sources.
ipwiz_autoreconf() {
	cd "$IPWIZ_TOP" || return 1
	if [ ! -x configure ] || [ configure.ac -nt configure ] || [ ! -f po/Makefile.in.in ]; then
		echo "ipwiz: autoreconf" >&2
		autoreconf -fi >/dev/null 2>&1 || autoreconf -fi || return 1
	fi
}

# ipwiz_build DIR [configure options...]: configure (once per option set)
# and make in DIR.
ipwiz_build() {
	local dir=$1
	shift
	mkdir -p "$dir" || return 1
	local want="$*"
	if [ ! -f "$dir/Makefile" ] || [ "$(cat "$dir/.ipwiz-configure" 2>/dev/null)" != "$want" ] ||
		[ "$IPWIZ_TOP/configure" -nt "$dir/Makefile" ]; then
		(cd "$dir" && "$IPWIZ_TOP/configure" -q "$@") || return 1
		echo "$want" >"$dir/.ipwiz-configure"
	fi
	make -s -C "$dir" -j"$(nproc 2>/dev/null || echo 2)" >/dev/null || make -C "$dir"
}
