/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.c — the document and JSON escapers (see escape.h). */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "utf8.h"

void escape_document(struct strbuf *out, const char *s, enum doc_format fmt, bool keep_newlines)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		bool invalid = cp == UTF8_REPLACEMENT && k == 1 && (unsigned char)s[i] >= 0x80;
		if (cp == '\n' && keep_newlines)
			strbuf_addc(out, '\n');
		else if (cp == '\n' || cp == '\t')
			strbuf_addc(out, ' ');
		else if (invalid || utf8_is_control(cp))
			; /* dropped */
		else if (fmt == DOC_HTML && cp == '&')
			strbuf_add(out, "&amp;");
		else if (fmt == DOC_HTML && cp == '<')
			strbuf_add(out, "&lt;");
		else if (fmt == DOC_HTML && cp == '>')
			strbuf_add(out, "&gt;");
		else if (fmt == DOC_HTML && cp == '"')
			strbuf_add(out, "&quot;");
		else if (fmt == DOC_HTML && cp == '\'')
			strbuf_add(out, "&#39;");
		else
			strbuf_addn(out, s + i, k);
		i += k;
	}
}

void escape_json(struct strbuf *out, const char *s)
{
	if (!s) {
		strbuf_add(out, "null");
		return;
	}
	strbuf_addc(out, '"');
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		char enc[4];
		if (cp == '"' || cp == '\\') {
			strbuf_addc(out, '\\');
			strbuf_addc(out, (char)cp);
		} else if (cp == '\n') {
			strbuf_add(out, "\\n");
		} else if (cp == '\r') {
			strbuf_add(out, "\\r");
		} else if (cp == '\t') {
			strbuf_add(out, "\\t");
		} else if (utf8_is_control(cp)) {
			strbuf_addf(out, "\\u%04x", (unsigned)cp);
		} else if (cp == UTF8_REPLACEMENT) {
			/* An invalid byte decodes to U+FFFD too: write the code
			 * point, never the byte. */
			strbuf_addn(out, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		} else {
			strbuf_addn(out, s + i, k);
		}
		i += k;
	}
	strbuf_addc(out, '"');
}

void escape_json_fputs(FILE *f, const char *s)
{
	struct strbuf b;
	strbuf_init(&b);
	escape_json(&b, s);
	fwrite(b.s, 1, b.len, f);
	strbuf_free(&b);
}
