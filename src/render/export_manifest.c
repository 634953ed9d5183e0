/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_manifest.c — the sheet a seller keeps beside the platform's form
 * (what to paste where, what to upload in which order, by when), the
 * deadlines as a calendar file, and SHA256SUMS. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "export_internal.h"

/* Untrusted text (answers, titles, file names) onto the sheet. */
static void put(struct strbuf *b, const char *s)
{
	escape_document(b, s ? s : "", DOC_TEXT, false);
}

/* The same, made safe, as a string for a translated format. */
static char *safe(const char *s)
{
	struct strbuf b;
	strbuf_init(&b);
	put(&b, s);
	return strbuf_detach(&b);
}

/* A label ("Flow:", "流程：") and the space after it, none after a
 * full-width colon. */
static void put_label(struct strbuf *b, const char *label)
{
	size_t n = strlen(label);
	strbuf_add(b, label);
	if (!(n >= 3 && strcmp(label + n - 3, "：") == 0))
		strbuf_addc(b, ' ');
}

/* "label: value" in the sheet's language ("标签：值"). */
static void put_pair(struct strbuf *b, const char *label, const char *value)
{
	put(b, label);
	/* TRANSLATORS: between a label and its value, as in "Title: value";
	 * Chinese uses the full-width colon with no space ("标题：内容"). */
	strbuf_add(b, _(": "));
	put(b, value);
}

static void header(struct export_job *j, struct strbuf *b)
{
	const struct flow *f = session_flow(j->s);
	const struct case_row *c = session_case(j->s);
	char today[11];
	calendar_format_date(j->today, today);
	strbuf_addf(b, _("ipwiz export of case %lld: "), (long long)session_case_id(j->s));
	put(b, c && c->title ? c->title : "");
	strbuf_addc(b, '\n');
	put_label(b, _("Flow:"));
	put(b, flow_tr(f->title));
	char *ver = xasprintf(_("%s, version %s"), f->id, f->version ? f->version : "?");
	char *about = f->checked ? xasprintf(_("%s; platform facts checked %s"), ver, f->checked)
				 : xstrdup(ver);
	/* TRANSLATORS: the flow's id and version after its title. */
	strbuf_addf(b, _(" (%s)"), about);
	strbuf_addc(b, '\n');
	free(about);
	free(ver);
	if (f->platform) {
		put_label(b, _("Platform:"));
		put(b, f->platform);
		strbuf_addc(b, '\n');
	}
	strbuf_addf(b, _("Exported on %s.\n"), today);
	strbuf_addf(b, "%s\n",
		    _("Where the platform's own pages or countdown differ from this "
		      "sheet, the platform wins."));
}

/* Han characters (CJK unified ideographs and extension A) in s? */
static bool has_han(const char *s)
{
	size_t n = strlen(s);
	for (size_t off = 0; off < n;) {
		uint32_t cp;
		off += utf8_decode(s + off, n - off, &cp);
		if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
			return true;
	}
	return false;
}

/* A copy in a Latin-script language carries the user's free text as it
 * was typed: Chinese there is text the reviewer cannot read. */
static void language_warnings(struct export_job *j, struct strbuf *b, const char *lang)
{
	if (strcmp(lang, "en") != 0 && strcmp(lang, "id") != 0)
		return;
	const struct flow *f = session_flow(j->s);
	size_t i = 0;
	const char *path, *value;
	while (session_answer_next(j->s, &i, &path, &value)) {
		const struct flow_field *fl = flow_find_field(f, path);
		if (!fl || (fl->type != FIELD_TEXT && fl->type != FIELD_TEXTAREA) ||
		    !has_han(value) || !session_field_visible(j->s, path))
			continue;
		strbuf_add(b, "      ");
		strbuf_addf(b,
			    _("Check: your answer to “%s” has Chinese text, but this copy is read "
			      "in %s; translate it before you paste."),
			    flow_tr(fl->label), lang);
		strbuf_addc(b, '\n');
	}
}

static void paste_section(struct export_job *j, struct strbuf *b, bool paste)
{
	bool any = false;
	for (size_t i = 0; i < j->ndocs; i++) {
		const struct flow_document *d = j->docs[i].doc;
		bool is_paste = d->purpose && strcmp(d->purpose, "paste") == 0;
		if (is_paste != paste)
			continue;
		/* The documents of one flow entry sit together, first language first. */
		if (i > 0 && j->docs[i - 1].doc == d) {
			strbuf_add(b, "      ");
			/* TRANSLATORS: the first %s is a language code (en), the
			 * second a file name. */
			strbuf_addf(b,
				    paste ? _("For you to read, not to paste: %s: %s")
					  : _("also in %s: %s"),
				    j->docs[i].lang, j->docs[i].file);
			strbuf_add(b, "\n      ");
			put_label(b, _("printable:"));
			strbuf_addf(b, "%s\n", j->docs[i].html);
			continue;
		}
		any = true;
		if (paste && d->form_field) {
			char *box = safe(flow_tr(d->form_field));
			strbuf_add(b, "  ");
			strbuf_addf(b, _("Form field “%s”: "), box);
			free(box);
		} else {
			strbuf_add(b, "  ");
		}
		put(b, flow_tr(d->title ? d->title : d->id));
		if (!paste && d->purpose)
			strbuf_add(b, strcmp(d->purpose, "upload") == 0 ? _(" (upload it)")
									: _(" (keep it)"));
		strbuf_add(b, "\n      ");
		put_pair(b, j->docs[i].lang, j->docs[i].file);
		strbuf_add(b, "\n      ");
		put_label(b, _("printable:"));
		strbuf_addf(b, "%s\n", j->docs[i].html);
		if (paste && i + 1 < j->ndocs && j->docs[i + 1].doc == d)
			strbuf_addf(
			    b, "      %s\n",
			    _("Paste this copy: it is in a language the platform's reviewers "
			      "read."));
		if (paste)
			language_warnings(j, b, j->docs[i].lang);
	}
	if (!any)
		strbuf_addf(b, "  %s\n", paste ? _("No text to paste.") : _("None."));
}

/* The files of one package (NULL: every file, a flow of no packages),
 * numbered from 1 in upload order. */
static void upload_list(struct export_job *j, struct strbuf *b, const char *package)
{
	size_t shown = 0;
	for (size_t i = 0; i < j->nev; i++) {
		const struct render_evidence *e = &j->ev[i];
		if (j->copy[i] == EXPORT_VANISHED || !render_evidence_in(e, package))
			continue;
		shown++;
		strbuf_addf(b, "  %2zu. %s — ", shown, e->name);
		put(b, e->field ? flow_tr(e->field->label) : e->row->field);
		if (e->field && e->field->evidence.proves) {
			strbuf_add(b, _(": "));
			put(b, flow_tr(e->field->evidence.proves));
		}
		strbuf_add(b, "\n      ");
		put_label(b, _("original:"));
		put(b, e->row->path);
		/* TRANSLATORS: a file's check verdict after its name: " [ok]". */
		strbuf_addf(b, _(" [%s]"), evidence_verdict_word(e->row->verdict));
		if (j->copy[i] == EXPORT_CHANGED)
			strbuf_addf(b, " — %s", _("CHANGED since it was checked"));
		else if (e->row->verdict == EVIDENCE_WARN && evidence_row_message(e->row)) {
			/* In the manifest's language (the case's), not the attacher's. */
			strbuf_add(b, " — ");
			put(b, evidence_row_message(e->row));
		}
		strbuf_addc(b, '\n');
	}
	if (!shown)
		strbuf_addf(b, "  %s\n",
			    package ? _("No file in this part.")
				    : _("No evidence file to upload."));
}

/* "5 MB", "500 KB": a package's limit as the platform writes it. */
static void put_size(struct strbuf *b, uint64_t bytes)
{
	if (bytes % (1024 * 1024) == 0)
		strbuf_addf(b, _("%llu MB"), (unsigned long long)(bytes / (1024 * 1024)));
	else
		strbuf_addf(b, _("%llu KB"), (unsigned long long)((bytes + 1023) / 1024));
}

/* Each package apart, under its heading: where it goes on the platform and
 * what the platform takes there, then its files. */
static void upload_section(struct export_job *j, struct strbuf *b)
{
	const struct flow *f = session_flow(j->s);
	if (!f->npackages) {
		upload_list(j, b, NULL);
		return;
	}
	for (size_t k = 0; k < f->npackages; k++) {
		const struct flow_package *p = &f->packages[k];
		/* 2a, 2b …: the parts of section 2 of the sheet. */
		strbuf_addf(b, "%s2%c. ", k ? "\n" : "", (char)('a' + k % 26));
		put(b, flow_tr(p->label));
		strbuf_addc(b, '\n');
		strbuf_add(b, "  ");
		put_label(b, _("Where:"));
		put(b, flow_tr(p->where));
		strbuf_addc(b, '\n');
		if (p->max_files || p->max_size) {
			strbuf_add(b, "  ");
			put_label(b, _("The platform takes:"));
			if (p->max_files)
				strbuf_addf(b,
					    ngettext("at most %u file", "at most %u files",
						     (unsigned long)p->max_files),
					    p->max_files);
			if (p->max_files && p->max_size)
				strbuf_add(b, _(", "));
			if (p->max_size) {
				struct strbuf size;
				strbuf_init(&size);
				put_size(&size, p->max_size);
				strbuf_addf(b, _("each file at most %s"), size.s);
				strbuf_free(&size);
			}
			strbuf_addc(b, '\n');
		}
		upload_list(j, b, p->id);
	}
}

static void deadline_section(struct export_job *j, struct strbuf *b)
{
	const struct flow *f = session_flow(j->s);
	size_t shown = 0;
	for (size_t i = 0; i < j->ndl; i++) {
		const struct deadline_due *d = &j->dl[i];
		if (d->state == DEADLINE_OFF)
			continue;
		shown++;
		strbuf_add(b, "  ");
		put(b, flow_tr(d->def->label ? d->def->label : d->def->id));
		const struct flow_field *from =
		    d->def->from ? flow_find_field(f, d->def->from) : NULL;
		if (d->state == DEADLINE_NO_DATE) {
			char *q = safe(from ? flow_tr(from->label) : d->def->from);
			strbuf_addf(b, _(": not known yet; answer “%s”."), q);
			strbuf_addc(b, '\n');
			free(q);
			continue;
		}
		char start[11];
		calendar_format_date(d->from, start);
		strbuf_add(b, _(": "));
		deadline_describe(d, b);
		strbuf_add(b, "\n      ");
		strbuf_addf(b,
			    d->def->working
				? ngettext("%d working day after %s", "%d working days after %s",
					   (unsigned long)d->def->days)
				: ngettext("%d day after %s", "%d days after %s",
					   (unsigned long)d->def->days),
			    d->def->days, start);
		if (d->def->working && d->def->calendar)
			strbuf_addf(b, _(" (calendar: %s)"), d->def->calendar);
		strbuf_addc(b, '\n');
		if (d->no_calendar)
			strbuf_addf(
			    b, "      %s\n",
			    _("Uncertain: the working-day calendar is not installed, so only "
			      "weekends were skipped."));
		else if (d->uncertain)
			strbuf_addf(b, "      %s\n",
				    _("Uncertain: the count runs into a year whose public holidays "
				      "the calendar does not list yet; only weekends were skipped "
				      "there."));
		if (d->def->note) {
			strbuf_add(b, "      ");
			put(b, flow_tr(d->def->note));
			strbuf_addc(b, '\n');
		}
	}
	if (!shown)
		strbuf_addf(b, "  %s\n", _("This flow states no deadline for the case."));
}

int export_write_manifest(struct export_job *j, struct ipw_error *err)
{
	char *lang = export_document_begin(j);
	struct strbuf b;
	strbuf_init(&b);
	header(j, &b);
	strbuf_addf(&b, "\n1. %s\n", _("Paste into the platform's form"));
	paste_section(j, &b, true);
	strbuf_addf(&b, "\n2. %s\n", _("Upload, in this order"));
	upload_section(j, &b);
	strbuf_addf(&b, "\n3. %s\n", _("Other documents"));
	paste_section(j, &b, false);
	strbuf_addf(&b, "\n4. %s\n", _("Deadlines"));
	deadline_section(j, &b);
	if (j->ndoc_forced) {
		strbuf_addf(&b, "\n%s\n", _("Exported with --force despite:"));
		for (size_t i = 0; i < j->ndoc_forced; i++) {
			strbuf_add(&b, "  - ");
			put(&b, j->doc_forced[i]);
			strbuf_addc(&b, '\n');
		}
	}
	strbuf_addf(&b, "\n%s\n", _("To check that no file changed: sha256sum -c SHA256SUMS"));
	i18n_document_end(lang);
	int rc = export_write_file(j, "manifest.txt", b.s, b.len, err);
	strbuf_free(&b);
	return rc;
}

/* RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
static void ics_text(struct strbuf *b, const char *s)
{
	struct strbuf clean;
	strbuf_init(&clean);
	escape_document(&clean, s ? s : "", DOC_TEXT, true);
	for (const char *p = clean.s; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			strbuf_addc(b, '\\');
		if (*p == '\n')
			strbuf_add(b, "\\n");
		else
			strbuf_addc(b, *p);
	}
	strbuf_free(&clean);
}

/* Lines longer than 75 octets are folded, never inside a UTF-8 character. */
static void ics_line(struct strbuf *out, const char *line)
{
	size_t n = strlen(line), col = 0;
	for (size_t i = 0; i < n;) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)line[i + k] & 0xC0) == 0x80)
			k++;
		if (col + k > 75) {
			strbuf_add(out, "\r\n ");
			col = 1;
		}
		strbuf_addn(out, line + i, k);
		col += k;
		i += k;
	}
	strbuf_add(out, "\r\n");
}

int export_write_ics(struct export_job *j, struct ipw_error *err)
{
	char *lang = export_document_begin(j);
	struct strbuf out, line;
	strbuf_init(&out);
	strbuf_init(&line);
	char stamp[11];
	calendar_format_date(j->today, stamp);
	ics_line(&out, "BEGIN:VCALENDAR");
	ics_line(&out, "VERSION:2.0");
	ics_line(&out, "PRODID:-//ipwiz//ipwiz " PACKAGE_VERSION "//EN");
	ics_line(&out, "CALSCALE:GREGORIAN");
	size_t events = 0;
	for (size_t i = 0; i < j->ndl; i++) {
		const struct deadline_due *d = &j->dl[i];
		if (d->state != DEADLINE_DUE)
			continue;
		events++;
		char due[11], next[11];
		deadline_format(d, due);
		calendar_format_date(d->due + 1, next);
		ics_line(&out, "BEGIN:VEVENT");
		strbuf_reset(&line);
		strbuf_addf(&line, "UID:ipwiz-case-%lld-%s@ipwiz", (long long)session_case_id(j->s),
			    d->def->id);
		ics_line(&out, line.s);
		strbuf_reset(&line);
		strbuf_addf(&line, "DTSTAMP:%.4s%.2s%.2sT000000Z", stamp, stamp + 5, stamp + 8);
		ics_line(&out, line.s);
		strbuf_reset(&line);
		strbuf_addf(&line, "DTSTART;VALUE=DATE:%.4s%.2s%.2s", due, due + 5, due + 8);
		ics_line(&out, line.s);
		strbuf_reset(&line);
		strbuf_addf(&line, "DTEND;VALUE=DATE:%.4s%.2s%.2s", next, next + 5, next + 8);
		ics_line(&out, line.s);
		strbuf_reset(&line);
		strbuf_add(&line, "SUMMARY:");
		ics_text(&line, flow_tr(d->def->label ? d->def->label : d->def->id));
		ics_line(&out, line.s);
		if (d->def->note || d->uncertain) {
			strbuf_reset(&line);
			strbuf_add(&line, "DESCRIPTION:");
			ics_text(&line, d->def->note ? flow_tr(d->def->note) : "");
			if (d->uncertain) {
				strbuf_add(&line, d->def->note ? "\\n" : "");
				ics_text(&line, _("Uncertain: public holidays of that year are not "
						  "known to ipwiz."));
			}
			ics_line(&out, line.s);
		}
		ics_line(&out, "BEGIN:VALARM");
		ics_line(&out, "ACTION:DISPLAY");
		ics_line(&out, "TRIGGER:-P1D");
		strbuf_reset(&line);
		strbuf_add(&line, "DESCRIPTION:");
		ics_text(&line, flow_tr(d->def->label ? d->def->label : d->def->id));
		ics_line(&out, line.s);
		ics_line(&out, "END:VALARM");
		ics_line(&out, "END:VEVENT");
	}
	ics_line(&out, "END:VCALENDAR");
	i18n_document_end(lang);
	int rc = events ? export_write_file(j, "deadlines.ics", out.s, out.len, err) : IPW_OK;
	strbuf_free(&out);
	strbuf_free(&line);
	return rc;
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct export_file *)a)->name, ((const struct export_file *)b)->name);
}

int export_write_sums(struct export_job *j, struct ipw_error *err)
{
	qsort(j->files, j->nfiles, sizeof(*j->files), file_cmp);
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < j->nfiles; i++)
		strbuf_addf(&b, "%s  %s\n", j->files[i].sha256, j->files[i].name);
	int rc = export_write_file(j, "SHA256SUMS", b.s, b.len, err);
	strbuf_free(&b);
	return rc;
}
