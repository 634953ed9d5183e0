/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.h — untrusted text made safe for a document or for JSON. Terminals
 * use utf8_sanitize (utf8.h); all three follow utf8_is_control. */
#ifndef IPWIZ_ESCAPE_H
#define IPWIZ_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

#include "strbuf.h"

enum doc_format { DOC_TEXT, DOC_HTML };

/* Append s to out for a document: controls and invalid bytes dropped, tabs
 * (and newlines unless keep_newlines) as spaces, and in DOC_HTML the five
 * HTML metacharacters as entities. */
void escape_document(struct strbuf *out, const char *s, enum doc_format fmt, bool keep_newlines);

/* Append s to out as a JSON string, quotes included, or `null` when s is
 * NULL. Always valid JSON and valid UTF-8 whatever s holds: invalid bytes
 * become U+FFFD, every control (C0, DEL, C1, bidi overrides and marks) a
 * \u escape, so a reader that shows the value cannot be steered by it. */
void escape_json(struct strbuf *out, const char *s);

/* escape_json straight to a stream. */
void escape_json_fputs(FILE *f, const char *s);

#endif
