#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz lint` reports every error of every file in one run, sorted like a
# compiler's (file:line:column: error: …), exits 1 on any error and 0 when
# only warnings remain; `--pot` prints the flow's strings for translators;
# `ipwiz flows` lists what is installed, as text and as JSON.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

cat >"$T/bad.yaml" <<'YAML'
id: bad
version: 1
title: Bad
steps:
  - id: s
    title: S
    fields:
      - {id: a, type: txt, label: A, help: H}
      - {id: b, type: text, lable: B, help: H}
YAML
cat >"$T/worse.yaml" <<'YAML'
id: worse
version: 1
titel: Worse
steps: []
YAML
run lint "$T/worse.yaml" "$T/bad.yaml"
expect_rc 1 "lint of broken flows"
expect_in "$err" "$T/bad.yaml:8:23: error: unknown field type “txt”"
expect_in "$err" "$T/bad.yaml:9:29: error: unknown key “lable” in a field; did you mean “label”?"
expect_in "$err" "$T/bad.yaml:9:9: error: “label” is missing here"
expect_in "$err" "$T/worse.yaml:3:1: error: unknown key “titel” in the flow; did you mean “title”?"
expect_in "$err" "2 files: 6 errors, 0 warnings"
# Sorted: bad.yaml before worse.yaml, line 9 column 9 before column 28.
order=$(printf '%s\n' "$err" | grep -n 'error:' | cut -d: -f2- | sed 's/: error.*//' | tr '\n' ' ')
expect_in "$order" "$T/bad.yaml:8:23 $T/bad.yaml:9:9 $T/bad.yaml:9:29 $T/worse.yaml:1:1" "order"

cat >"$T/warn.yaml" <<'YAML'
id: warn
version: 1
title: Warn
steps:
  - id: s
    title: S
    fields:
      - {id: a, type: text, label: "Shop \"name\""}
YAML
run lint "$T/warn.yaml"
expect_rc 0 "lint with warnings only"
expect_in "$err" "$T/warn.yaml:8:9: warning: “a” has no help"

run lint --pot "$T/warn.yaml"
expect_rc 0 "lint --pot"
expect_in "$out" "#: $T/warn.yaml:8"
expect_in "$out" "#. flow warn, field a: label" "the translator's note"
expect_in "$out" 'msgid "Shop \"name\""'
if command -v msgfmt >/dev/null; then
	printf '%s\n' "$out" >"$T/flows.pot"
	msgfmt --check-format -o /dev/null "$T/flows.pot" 2>"$T/msgfmt" || fail "msgfmt rejects the pot: $(cat "$T/msgfmt")"
fi

run lint "$T/missing.yaml"
expect_rc 1 "lint of a missing file"
expect_in "$err" "$T/missing.yaml: error: cannot read the file: No such file or directory"

run lint
expect_rc 2 "lint without files"

run flows
expect_rc 0 "flows"
expect_in "$out" "core-test"
expect_in "$out" "Core test flow"
run flows --json
expect_rc 0 "flows --json"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["id"]=="core-test", d' ||
	fail "flows --json is not the expected JSON: $out"
finish
