# tests/coach/lib.sh — real Unix users on one shared database. Creates a
# team group with a merchant and a coach in it and an outsider who is not,
# each with their own HOME; `as USER CMD…` runs ipwiz (or anything) as one
# of them. Needs root (useradd); tests skip (77) without it. Everything is
# removed again on exit.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "needs root, useradd and runuser to create test users" >&2
	exit 77
fi

tag=$(printf '%05d' $(($$ % 100000)))
team=ipwt$tag
merchant=ipwm$tag
coach=ipwc$tag
outsider=ipwo$tag
cleanup_users() {
	for u in "$merchant" "$coach" "$outsider"; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$team" >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup_users EXIT

groupadd "$team" || exit 99
for u in "$merchant" "$coach" "$outsider"; do
	useradd -M -N -g users -d "$T/home-$u" -s /bin/sh "$u" || exit 99
	mkdir -p "$T/home-$u" && chown "$u" "$T/home-$u" && chmod 700 "$T/home-$u"
done
usermod -a -G "$team" "$merchant" && usermod -a -G "$team" "$coach" || exit 99
chmod 755 "$T" "$T/data" "$T/data/flows"
chmod 644 "$T"/data/flows/*

# as USER ARGS…: run ipwiz as USER (with that user's HOME and groups); sets
# $out, $err and $rc like run().
as() {
	local u=$1
	shift
	out=$(runuser -u "$u" -- env HOME="$T/home-$u" XDG_DATA_HOME="$T/home-$u/.local/share" \
		LANG=C.UTF-8 TZ=UTC IPWIZ_TODAY="$IPWIZ_TODAY" IPWIZ_DATADIR="$IPWIZ_DATADIR" \
		TERM=dumb NO_COLOR=1 "$IPWIZ" "$@" 2>"$T/stderr" </dev/null)
	rc=$?
	err=$(cat "$T/stderr")
}
