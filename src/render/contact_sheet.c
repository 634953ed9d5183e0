/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contact_sheet.c — the reviewer's HTML page. Plain HTML with a little CSS
 * so it reads in any browser, in a text browser (w3m, lynx) and printed;
 * every value goes through escape_document(DOC_HTML). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "contact_sheet.h"

static void text(struct strbuf *b, const char *s)
{
	escape_document(b, s ? s : "", DOC_HTML, false);
}

const char *contact_sheet_state(enum evidence_read_state s)
{
	switch (s) {
	case EVIDENCE_READ_FOUND:
		return _("found");
	case EVIDENCE_READ_MISSING:
		return _("not found");
	case EVIDENCE_READ_DIFFERS:
		return _("differs");
	}
	return "";
}

/* The verdict as a reviewer reads it, with a marker that needs no colour. */
static const char *verdict_words(const char *v)
{
	if (strcmp(v, "ok") == 0)
		return _("✓ can be uploaded");
	if (strcmp(v, "warn") == 0)
		return _("! can be uploaded; look at the notes");
	if (strcmp(v, "reject") == 0)
		return _("✗ will be refused");
	return _("? could not be checked");
}

static void findings(struct strbuf *b, const struct sheet_file *f)
{
	if (!f->nfindings)
		return;
	strbuf_add(b, "<ul class=\"findings\">\n");
	for (size_t i = 0; i < f->nfindings; i++) {
		const struct evidence_finding *x = &f->findings[i];
		strbuf_add(b, "<li>");
		if (x->page) {
			char page[64];
			snprintf(page, sizeof(page), _("Page %u: "), x->page);
			text(b, page);
		}
		text(b, x->message);
		if (x->fix[0]) {
			strbuf_add(b, " <span class=\"fix\">");
			text(b, x->fix);
			strbuf_add(b, "</span>");
		}
		if (f->acked && f->acked[i]) {
			strbuf_add(b, " <span class=\"ack\">(");
			char *seen = xasprintf(_("looked at by %s"), f->acked[i]);
			text(b, seen);
			free(seen);
			strbuf_add(b, ")</span>");
		} else if (x->acknowledged) {
			strbuf_add(b, " <span class=\"ack\">");
			text(b, _("(acknowledged)"));
			strbuf_add(b, "</span>");
		}
		strbuf_add(b, "</li>\n");
	}
	strbuf_add(b, "</ul>\n");
}

static void reads(struct strbuf *b, const struct sheet_file *f)
{
	if (!f->nreads)
		return;
	strbuf_add(b, "<p class=\"reads\">");
	text(b, _("Read in the document:"));
	for (size_t i = 0; i < f->nreads; i++) {
		strbuf_add(b, i ? "; " : " ");
		text(b, f->reads[i].label);
		strbuf_add(b, ": <b>");
		text(b, contact_sheet_state(f->reads[i].state));
		strbuf_add(b, "</b>");
	}
	strbuf_add(b, "</p>\n");
}

static void file(struct strbuf *b, const struct sheet_file *f, size_t no)
{
	strbuf_addf(b, "<section class=\"%s\">\n<h2>%zu. ",
		    strcmp(f->verdict, "ok") == 0     ? "ok"
		    : strcmp(f->verdict, "warn") == 0 ? "warn"
						      : "bad",
		    no);
	text(b, f->name);
	strbuf_add(b, "</h2>\n");
	if (f->group && *f->group) {
		strbuf_add(b, "<p class=\"group\">");
		text(b, f->group);
		strbuf_add(b, "</p>\n");
	}
	strbuf_add(b, "<p class=\"verdict\">");
	text(b, verdict_words(f->verdict));
	strbuf_add(b, " — ");
	text(b, f->message);
	if (f->fix && *f->fix) {
		strbuf_add(b, " <span class=\"fix\">");
		text(b, f->fix);
		strbuf_add(b, "</span>");
	}
	strbuf_add(b, "</p>\n");
	if (f->described && *f->described) {
		strbuf_add(b, "<p>");
		text(b, f->described);
		strbuf_add(b, "</p>\n");
	}
	reads(b, f);
	findings(b, f);
	for (size_t i = 0; i < f->nthumbs; i++) {
		char *alt = xasprintf(_("%s, page %zu"), f->name, i + 1);
		strbuf_add(b, "<figure><a href=\"");
		text(b, f->thumbs[i]);
		strbuf_add(b, "\"><img src=\"");
		text(b, f->thumbs[i]);
		strbuf_add(b, "\" alt=\"");
		text(b, alt);
		strbuf_add(b, "\"></a><figcaption>");
		char page[32];
		snprintf(page, sizeof(page), _("page %zu"), i + 1);
		text(b, page);
		strbuf_add(b, "</figcaption></figure>\n");
		free(alt);
	}
	strbuf_add(b, "</section>\n");
}

void contact_sheet_html(struct strbuf *out, const char *title, const char *lang,
			const struct sheet_file *files, size_t n)
{
	strbuf_add(out, "<!DOCTYPE html>\n<html lang=\"");
	text(out, lang && *lang ? lang : "en");
	strbuf_add(out,
		   "\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		   "img-src 'self'; style-src 'unsafe-inline'\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	text(out, title);
	strbuf_add(out,
		   "</title>\n<style>\n"
		   "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em}\n"
		   "section{border-top:1px solid #999;padding:.5em 0}\n"
		   "section.bad h2{color:#a00}section.warn h2{color:#850}\n"
		   ".fix{font-style:italic}.ack{color:#555}.group{color:#555;margin:0}\n"
		   "figure{display:inline-block;margin:.3em;text-align:center}\n"
		   "img{max-width:14em;max-height:20em;border:1px solid #ccc}\n"
		   "</style>\n</head>\n<body>\n<h1>");
	text(out, title);
	strbuf_add(out, "</h1>\n<p>");
	size_t ok = 0, warn = 0, bad = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(files[i].verdict, "ok") == 0)
			ok++;
		else if (strcmp(files[i].verdict, "warn") == 0)
			warn++;
		else
			bad++;
	}
	char *sum = xasprintf(ngettext("%zu file: %zu can be uploaded, %zu with notes to look "
				       "at, %zu will be refused or could not be checked.",
				       "%zu files: %zu can be uploaded, %zu with notes to look "
				       "at, %zu will be refused or could not be checked.",
				       n),
			      n, ok, warn, bad);
	text(out, sum);
	free(sum);
	strbuf_add(out, "</p>\n");
	for (size_t i = 0; i < n; i++)
		file(out, &files[i], i + 1);
	strbuf_add(out, "</body>\n</html>\n");
}
