#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ./run.sh [ARGS...] — install what is missing, build, and start ipwiz on the
# default database ($XDG_DATA_HOME/ipwiz/cases.db). Arguments go to ipwiz.
set -u
. "$(dirname "$0")/mk/bootstrap.sh"
ipwiz_packages || exit 3
ipwiz_autoreconf || exit 3
ipwiz_build "$IPWIZ_TOP/build" --enable-werror || exit 3
exec "$IPWIZ_TOP/build/ipwiz" "$@"
