/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_evidence.c — an evidence requirement in line mode: what it proves
 * and what files it takes, the files attached so far with their verdicts,
 * then a path typed at the prompt is checked and recorded through
 * evidence_case.h, as `ipwiz attach` does, and the verdict is read back
 * with what to do. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "case/case.h"
#include "evidence/evidence.h"
#include "plain_internal.h"

const char *plain_verdict_words(enum evidence_verdict verdict)
{
	switch (verdict) {
	case EVIDENCE_OK:
		return _("accepted");
	case EVIDENCE_WARN:
		return _("accepted, with a warning");
	case EVIDENCE_REJECT:
		return _("rejected");
	case EVIDENCE_ERROR:
		break;
	}
	return _("could not be checked");
}

static void describe(struct plain *p, const struct flow_field *f)
{
	const struct evidence_req *req = &f->evidence;
	if (req->proves)
		plain_printf(p, _("It proves: %s\n"), plain_safe(p, flow_tr(req->proves)));
	if (req->naccept) {
		struct strbuf b;
		strbuf_init(&b);
		for (size_t i = 0; i < req->naccept; i++) {
			if (i)
				strbuf_add(&b, ", ");
			strbuf_add(&b, evidence_mime_description(req->accept[i]));
		}
		plain_printf(p, _("Accepted files: %s.\n"), plain_safe(p, b.s));
		strbuf_free(&b);
	}
	if (req->max_size)
		plain_printf(p, _("Largest file: %.1f MB.\n"), (double)req->max_size / 1048576.0);
	if (req->max_files)
		plain_printf(p, _("Files: %u to %u.\n"), req->min_files, req->max_files);
}

/* The evidence rows of field f, in upload order (as the store lists them). */
static size_t field_rows(const struct session *s, const struct flow_field *f,
			 const struct evidence_row **rows, size_t max)
{
	size_t n, k = 0;
	const struct evidence_row *ev = session_evidence(s, &n);
	for (size_t i = 0; i < n && k < max; i++)
		if (strcmp(ev[i].field, f->path) == 0)
			rows[k++] = &ev[i];
	return k;
}

static void print_files(struct plain *p, const struct flow_field *f)
{
	const struct evidence_row *rows[256];
	size_t n = field_rows(p->cc.session, f, rows, 256);
	if (n == 0)
		plain_printf(p, "%s\n", _("No file attached yet."));
	for (size_t i = 0; i < n; i++) {
		plain_printf(p, "  %zu. %s: %s", i + 1, plain_safe(p, rows[i]->path),
			     plain_verdict_words(rows[i]->verdict));
		const char *message = evidence_row_message(rows[i]);
		if (message && *message)
			plain_printf(p, ". %s", plain_safe(p, message));
		plain_printf(p, "\n");
	}
}

static void say_verdict(struct plain *p, const struct evidence_result *res)
{
	switch (res->verdict) {
	case EVIDENCE_OK:
		plain_printf(p, "%s", _("The file is accepted."));
		break;
	case EVIDENCE_WARN:
		plain_printf(p, "%s", _("The file is accepted, with a warning."));
		break;
	case EVIDENCE_REJECT:
		plain_printf(p, "%s", _("The file is rejected."));
		break;
	default:
		plain_printf(p, "%s", _("The file could not be checked."));
	}
	if (res->message[0])
		plain_printf(p, " %s", plain_safe(p, res->message));
	plain_printf(p, "\n");
	if (res->fix[0])
		plain_printf(p, _("What to do: %s\n"), plain_safe(p, res->fix));
	if (!evidence_verdict_usable(res->verdict))
		return;
	/* What a screen shows beside the page, said in words: the file, what
	 * was read, every finding (the first is the sentence above). */
	if (res->verdict != EVIDENCE_OK) { /* an ok file's sentence says this already */
		char *d = evidence_result_describe(res);
		plain_printf(p, "%s\n", plain_safe(p, d));
		free(d);
	}
	char *read = evidence_result_reads(res);
	if (read) {
		plain_printf(p, _("What was read: %s\n"), plain_safe(p, read));
		free(read);
	}
	int lead = evidence_lead_finding(res->findings, res->nfindings, res->key);
	for (unsigned i = 0; i < res->nfindings; i++) {
		const struct evidence_finding *f = &res->findings[i];
		if ((int)i == lead)
			continue; /* the sentence above */
		plain_printf(p, f->acknowledged ? _("Acknowledged: %s\n") : _("Also: %s\n"),
			     plain_safe(p, f->message));
		if (f->fix[0] && !f->acknowledged)
			plain_printf(p, _("What to do: %s\n"), plain_safe(p, f->fix));
	}
}

/* Check the file and record its verdict the way `ipwiz attach` does:
 * rejected files stay listed (and on the checklist) until removed; a file
 * that could not be checked at all is not recorded. */
static enum plain_action attach(struct plain *p, const struct flow_field *f, const char *typed)
{
	struct session *s = p->cc.session;
	char *typed_path = plain_path_clean(typed);
	if (plain_path_guide(p, typed_path)) {
		free(typed_path);
		return PLAIN_NEXT;
	}
	char *path = plain_path_absolute(typed_path);
	free(typed_path);
	unsigned max = f->evidence.max_files;
	if (max && !evidence_case_find(s, f->path, path) &&
	    session_evidence_usable(s, f->path) >= max) {
		plain_printf(p,
			     ngettext("This takes at most %u file: remove it first.\n",
				      "This takes at most %u files: remove one first.\n", max),
			     max);
		free(path);
		return PLAIN_NEXT;
	}
	struct evidence_result res;
	struct ipw_error err = {0};
	memset(&res, 0, sizeof(res));
	if (evidence_case_check(s, f->path, path, &res, &err) != IPW_OK) {
		plain_printf(p, "%s\n", plain_safe(p, err.msg));
		free(path);
		return PLAIN_NEXT;
	}
	say_verdict(p, &res);
	int r = IPW_OK;
	if (res.verdict != EVIDENCE_ERROR)
		r = evidence_case_record(s, f->path, path, &res, &err);
	if (res.verdict == EVIDENCE_REJECT)
		plain_printf(p, "%s\n",
			     _("It stays in the list marked rejected until you remove it: attach a "
			       "better file, then type remove and its number."));
	free(path);
	if (r != IPW_OK) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	return PLAIN_NEXT;
}

/* "remove 2": take the second file of this field off. */
static bool remove_word(const char *line, size_t *k)
{
	const char *words[] = {"remove", "delete", "r", _("remove"), _("delete")};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i]);
		if (strncasecmp(line, words[i], n) != 0 || (line[n] != ' ' && line[n] != '\t'))
			continue;
		char *end;
		unsigned long v = strtoul(line + n, &end, 10);
		if (end != line + n && *end == '\0') {
			*k = (size_t)v;
			return true;
		}
	}
	return false;
}

static enum plain_action remove_file(struct plain *p, const struct flow_field *f, size_t k)
{
	struct session *s = p->cc.session;
	const struct evidence_row *rows[256];
	size_t n = field_rows(s, f, rows, 256);
	if (k < 1 || k > n) {
		plain_printf(p, _("There is no file %zu here.\n"), k);
		return PLAIN_NEXT;
	}
	struct ipw_error err = {0};
	if (evidence_case_remove(s, rows[k - 1]->id, &err) != IPW_OK) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	plain_printf(p, _("File %zu is taken off.\n"), k);
	return PLAIN_NEXT;
}

static bool enough(const struct session *s, const struct flow_field *f)
{
	unsigned min = f->evidence.min_files;
	return !session_field_required(s, f->path) || session_evidence_usable(s, f->path) >= min;
}

static void evidence_help(struct plain *p, const struct flow_field *f)
{
	if (f->help)
		plain_lines(p, "", flow_tr(f->help));
	plain_printf(p, "%s\n",
		     _("Type the path of a file, such as /home/me/invoice.pdf or ~/scan.jpg; "
		       "remove N takes file N off."));
	plain_command_help(p);
}

/* One typed line at the evidence prompt. PLAIN_NEXT_STEP means done with
 * this field; PLAIN_NEXT means stay. */
static enum plain_action evidence_line(struct plain *p, const struct flow_field *f,
				       const char *line)
{
	size_t k;
	if (*line)
		return remove_word(line, &k) ? remove_file(p, f, k) : attach(p, f, line);
	if (enough(p->cc.session, f))
		return PLAIN_NEXT_STEP;
	plain_printf(p, "%s\n",
		     _("Attach a file that passes the check, or type skip to leave it for "
		       "later."));
	return PLAIN_NEXT;
}

enum plain_action plain_evidence(struct plain *p, const struct flow_field *f)
{
	plain_label(p, flow_tr(f->label), f->path);
	describe(p, f);
	for (;;) {
		plain_refresh(p);
		print_files(p, f);
		plain_printf(p, "%s\n",
			     _("Type the path of a file to attach, remove N to take one off, or "
			       "press Enter to go on."));
		enum plain_action act = PLAIN_NEXT;
		switch (plain_prompt(p, f, evidence_help, &act)) {
		case PLAIN_GOT_ACTION:
			return act;
		case PLAIN_GOT_AGAIN:
			continue;
		case PLAIN_GOT_CLEAR:
			plain_printf(p, "%s\n", _("Take files off one at a time with remove N."));
			continue;
		case PLAIN_GOT_LINE:
			break;
		}
		char *line = plain_trim(xstrdup(p->line));
		act = evidence_line(p, f, line);
		free(line);
		if (act == PLAIN_NEXT_STEP)
			return PLAIN_NEXT;
		if (act != PLAIN_NEXT)
			return act;
	}
}
