#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad flow files given to `ipwiz lint`: each file of tests/bad-input/flows/ is
# one case (its header says the exit status and the sentence on stderr); the
# inputs a header cannot describe (empty, binary, huge, not a file) follow.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

catalogue_dir "$IPWIZ_SRCDIR/tests/bad-input/flows" "$IPWIZ" lint

cd "$T/work" || exit 1
: >empty.yaml
try "$IPWIZ" lint empty.yaml
verdict empty.yaml 1 "empty.yaml:1:1: error: the file is empty"

printf '\377\376i\000d\000' >utf16.yaml
try "$IPWIZ" lint utf16.yaml
verdict utf16.yaml 1 "utf16.yaml:1:1: error: the file is not UTF-8 text (byte 0); save it as UTF-8"

printf 'id: x\000y\n' >nul.yaml
try "$IPWIZ" lint nul.yaml
verdict nul.yaml 1 "nul.yaml:1:6: error: the file contains a control character (byte 5, code 0x00); remove it"

printf 'id: x\033[2Jy\n' >raw-escape.yaml
try "$IPWIZ" lint raw-escape.yaml
verdict raw-escape.yaml 1 "raw-escape.yaml:1:6: error: the file contains a control character (byte 5, code 0x1b); remove it"

awk 'BEGIN { s = "a: "; for (i = 0; i < 100000; i++) s = s "["; print s }' >deep.yaml
try "$IPWIZ" lint deep.yaml
verdict deep.yaml 1 "deep.yaml:1:67: error: the file is nested too deeply"

awk 'BEGIN { for (i = 0; i < 120000; i++) printf "k%d: v\n", i }' >huge.yaml
try "$IPWIZ" lint huge.yaml
verdict huge.yaml 1 "huge.yaml: error: the file is larger than 1 MiB; a flow file is never that big"

# 13,000 fields, each shown only when the next one has a value: within the
# 1 MiB a flow file may have, it must not take longer to check than to read.
awk 'BEGIN {
	print "id: chain\nversion: 1\ntitle: Chain\nsteps:\n  - id: s\n    title: S\n    fields:"
	for (i = 0; i < 13000; i++)
		printf "      - {id: f%d, type: text, label: L, help: H, when: f%d == \"x\"}\n", i, (i + 1) % 13000
}' >chain.yaml
try "$IPWIZ" lint chain.yaml
verdict chain.yaml 1 "chain.yaml:8:55: error: the condition of “f0” depends, through other conditions, on its own answer; no order of answers can show it"

# Nearly 1 MiB of keys in one mapping and one of them twice: found at its
# line within the hang guard (comparing each key with every earlier one
# took 37 s at 1 MiB).
awk 'BEGIN { print "id: keys"; for (i = 0; i < 90000; i++) printf "k%d: v\n", i; print "k17: again" }' >keys.yaml
try "$IPWIZ" lint keys.yaml
verdict keys.yaml 1 "keys.yaml:90002:1: error: the key “k17” appears twice in this mapping"

try "$IPWIZ" lint missing.yaml
verdict missing.yaml 1 "missing.yaml: error: cannot read the file: No such file or directory"

mkdir -p dir.yaml
try "$IPWIZ" lint dir.yaml
verdict dir.yaml 1 "dir.yaml: error: this is not a regular file"

try "$IPWIZ" lint /dev/zero
verdict /dev/zero 1 "/dev/zero: error: this is not a regular file"

mkfifo fifo.yaml
try "$IPWIZ" lint fifo.yaml
verdict fifo.yaml 1 "fifo.yaml: error: this is not a regular file"

cd "$OLDPWD" || exit 1
summary "flow files"
