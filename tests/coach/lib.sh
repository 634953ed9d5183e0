# SPDX-License-Identifier: GPL-3.0-or-later
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

# A tag no user or group has yet (a run killed before its clean-up leaves
# its users behind).
n=$(($$ % 100000))
tag=$(printf '%05d' $n)
# taken TAG: a user or group of the tag exists (getent fails when any of
# several keys is missing, so one at a time).
taken() {
	for u in "ipwm$1" "ipwc$1" "ipwo$1"; do getent passwd "$u" >/dev/null && return 0; done
	for g in "ipwt$1" "ipwx$1"; do getent group "$g" >/dev/null && return 0; done
	return 1
}
while taken "$tag"; do
	n=$(((n + 1) % 100000))
	tag=$(printf '%05d' $n)
done
team=ipwt$tag
merchant=ipwm$tag
coach=ipwc$tag
outsider=ipwo$tag
cleanup_users() {
	# userdel refuses a user with a process left (a pane's sleep)
	for u in "$merchant" "$coach" "$outsider"; do
		pkill -KILL -u "$u" >/dev/null 2>&1
		userdel "$u" >/dev/null 2>&1 || userdel -f "$u" >/dev/null 2>&1
	done
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
	# under timeout: a command that hangs fails its test instead of the run
	out=$(timeout 30 runuser -u "$u" -- env HOME="$T/home-$u" XDG_DATA_HOME="$T/home-$u/.local/share" \
		XDG_CONFIG_HOME="$T/home-$u/.config" \
		LANG=C.UTF-8 TZ=UTC IPWIZ_TODAY="$IPWIZ_TODAY" IPWIZ_DATADIR="$IPWIZ_DATADIR" \
		TERM=dumb NO_COLOR=1 "$IPWIZ" "$@" 2>"$T/stderr" </dev/null)
	rc=$?
	err=$(cat "$T/stderr")
}

# ---- two wizards side by side, each as its own user, in a private tmux ----
TMUX_COACH="tmux -L coach-$$ -f /dev/null"
unset TMUX TMUX_PANE
cleanup_all() {
	$TMUX_COACH kill-server >/dev/null 2>&1
	cleanup_users
}
trap cleanup_all EXIT

# team_case TITLE: the team's shared database ($db, made with init-shared)
# and a case of the merchant's in it ($id).
team_case() {
	run init-shared "$T/team" --group "$team"
	expect_rc 0 "init-shared"
	db="$T/team/cases.db"
	as "$merchant" --db "$db" new core-test --batch --title "$1"
	id=$out
}

# tstart NAME USER ARGS…: run ipwiz as USER in an 80×24 window called NAME.
tstart() {
	local name=$1 u=$2
	shift 2
	local cmd="runuser -u $u -- env HOME=$T/home-$u XDG_CONFIG_HOME=$T/home-$u/.config"
	cmd="$cmd LANG=C.UTF-8 TZ=UTC TERM=xterm-256color"
	cmd="$cmd IPWIZ_TODAY=$IPWIZ_TODAY IPWIZ_DATADIR=$IPWIZ_DATADIR $IPWIZ $*; sleep 600"
	if $TMUX_COACH has-session 2>/dev/null; then
		$TMUX_COACH new-session -d -s "$name" -x 80 -y 24 "$cmd"
	else
		$TMUX_COACH new-session -d -s "$name" -x 80 -y 24 "$cmd"
	fi
}
tkeys() {
	local name=$1
	shift
	$TMUX_COACH send-keys -t "$name" "$@"
}
tscreen() { $TMUX_COACH capture-pane -p -t "$1"; }

# tshows NAME TEXT / tlacks NAME TEXT: the window shows TEXT, or not.
tshows() {
	case "$(tscreen "$1")" in
	*"$2"*) return 0 ;;
	esac
	return 1
}
tlacks() { ! tshows "$@"; }

# tpoll NAME TEXT SECONDS: poll the window until TEXT shows (status 0, the
# milliseconds it took in $waited) or SECONDS pass (status 1).
tpoll() {
	poll "$3" tshows "$1" "$2"
}

# What a person sees within a second on a quiet machine may take several
# on one loaded by other builds: the waits below allow COACH_SLACK times
# their SECONDS (default 4). How fast a change shows is measured in
# bench/, never asserted here.
COACH_SLACK=${COACH_SLACK:-4}

# twait NAME TEXT [SECONDS]: TEXT shows within SECONDS (default 5) times
# the slack; the milliseconds it took are in $waited.
twait() {
	local limit=$((${3:-5} * COACH_SLACK))
	tpoll "$1" "$2" "$limit" && return 0
	fail "$1: “$2” did not show within ${limit}s; the screen was:
$(tscreen "$1")"
	return 1
}

# tgone NAME TEXT [SECONDS]: TEXT leaves the window within SECONDS
# (default 5), e.g. a person who quit leaves the others' header.
tgone() {
	local limit=$((${3:-5} * COACH_SLACK))
	poll "$limit" tlacks "$1" "$2" && return 0
	fail "$1: “$2” still showed after ${limit}s; the screen was:
$(tscreen "$1")"
	return 1
}

# tnever NAME TEXT [SECONDS]: TEXT must not show in the window during the
# next SECONDS (default 1: what the other side does shows within a second,
# so a wrong message would show within it too).
tnever() {
	tpoll "$1" "$2" "${3:-1}" || return 0
	fail "$1: “$2” showed; the screen was:
$(tscreen "$1")"
	return 1
}
