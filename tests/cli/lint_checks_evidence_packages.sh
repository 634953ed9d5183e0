#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Evidence packages (doc/flow-format.md): a field's `package:` must name one
# the flow declares, and with packages declared every evidence field names
# one; a template's {{#each evidence.P}} must name one too. Lint warns when
# a field takes more or larger files than its package, and when a template
# lists every package together with {{#each evidence}}.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

cat >"$T/pk.yaml" <<'YAML'
id: pk
version: 1
title: Packages
packages:
  - {id: registration, label: Registration, where: Once on the site}
  - {id: complaint, label: Attachments, where: With the complaint, max_files: 2, max_size: 5MB}
steps:
  - id: s
    title: S
    fields:
      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [application/pdf], required: true, package: complant}
      - {id: b, type: evidence, label: B, help: H, proves: P, accept: [application/pdf], required: true}
      - {id: c, type: evidence, label: C, help: H, proves: P, accept: [application/pdf], required: true, package: registration}
documents:
  - id: d
    title: D
    templates:
      en: |
        {{#each evidence.complaints}}{{file}}
        {{/each}}
YAML
run lint "$T/pk.yaml"
expect_rc 1 "lint of unknown packages"
expect_in "$err" "$T/pk.yaml:11:9: error: “package: complant” is not a package of this flow; its packages are registration, complaint"
expect_in "$err" "$T/pk.yaml:12:9: error: evidence “b” needs “package”: which part of the upload it goes in (registration, complaint)"
expect_in "$err" "error: “complaints” is not a package of this flow, so {{#each evidence.complaints}} lists nothing"
expect_not_in "$err" "$T/pk.yaml:13:9: error" "a field of a declared package"
expect_in "$err" "1 file: 3 errors"

# Without packages, neither a field nor a template may name one.
cat >"$T/none.yaml" <<'YAML'
id: none
version: 1
title: None
steps:
  - id: s
    title: S
    fields:
      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [application/pdf], required: true, package: complaint}
documents:
  - id: d
    title: D
    templates:
      en: |
        {{#each evidence.complaint}}{{file}}
        {{/each}}
YAML
run lint "$T/none.yaml"
expect_rc 1 "packages named in a flow of none"
expect_in "$err" "$T/none.yaml:8:9: error: “package: complaint” names a package, but the flow declares no “packages”"
expect_in "$err" "{{#each evidence.complaint}} names a package, but the flow declares no “packages”"

# Limits wider than the package's, and one index over every package: warnings.
cat >"$T/wide.yaml" <<'YAML'
id: wide
version: 1
title: Wide
packages:
  - {id: complaint, label: Attachments, where: With the complaint, max_files: 2, max_size: 5MB}
steps:
  - id: s
    title: S
    fields:
      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [application/pdf], required: true, package: complaint, max_size: 8MB, max_files: 4}
      - {id: b, type: evidence, label: B, help: H, proves: P, accept: [application/pdf], required: true, package: complaint, max_size: 5MB, max_files: 2}
documents:
  - id: d
    title: D
    templates:
      en: |
        {{#each evidence}}{{file}}
        {{/each}}
YAML
run lint "$T/wide.yaml"
expect_rc 0 "warnings only"
expect_in "$err" "$T/wide.yaml:10:9: warning: evidence “a” takes larger files than its package “complaint” does"
expect_in "$err" "$T/wide.yaml:10:9: warning: evidence “a” takes more files than its package “complaint” does"
expect_not_in "$err" "evidence “b” takes" "a field within its package's limits"
expect_in "$err" "warning: the en template of document “d” lists the files of every package together; name one: {{#each evidence.complaint}}"
expect_in "$err" "1 file: 0 errors, 3 warnings"

# The shipped IPP complaint declares its three packages.
run lint "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml"
expect_rc 0 "the IPP complaint lints"
expect_in "$err" "0 errors, 0 warnings"
finish
