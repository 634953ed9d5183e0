/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_read.c — a document's text judged against the answers the flow
 * says it must show (`reads:`): what was found, and sentences that say what
 * differs and what to do. Reading warns, never rejects: OCR may be wrong and
 * the seller can acknowledge what ipwiz misread. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "evidence_look.h"
#include "evidence_read.h"

#define MAX_DATES      256
#define MAX_QUANTITIES 256
#define QUOTE_CHARS    80 /* an answer or a snippet quoted in a sentence */

struct judge {
	const char *norm;
	struct evidence_read_date dates[MAX_DATES];
	size_t ndates;
	struct evidence_read_quantity quantities[MAX_QUANTITIES];
	size_t nquantities;
	struct evidence_read_language langs[8];
	size_t nlangs;
	struct evidence_finding *out;
	size_t max, n;
};

/* Copy s into dst[size] cut on a character boundary. */
static void copy_cut(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void add(struct judge *j, const char *key, unsigned page, const char *fix, const char *fmt,
		...) __attribute__((format(printf, 5, 6)));
static void add(struct judge *j, const char *key, unsigned page, const char *fix, const char *fmt,
		...)
{
	if (j->n >= j->max)
		return;
	struct evidence_finding *f = &j->out[j->n++];
	memset(f, 0, sizeof *f);
	copy_cut(f->key, sizeof f->key, key);
	f->verdict = EVIDENCE_WARN;
	f->page = page;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	copy_cut(f->message, sizeof f->message, msg);
	copy_cut(f->fix, sizeof f->fix, fix);
	free(msg);
}

/* Text fit to quote in a sentence: one line, at most QUOTE_CHARS
 * characters (then "…"), control characters gone. The caller frees it. */
static char *quote(const char *s, size_t len)
{
	struct strbuf b;
	strbuf_init(&b);
	size_t chars = 0;
	for (size_t i = 0; i < len && s[i];) {
		uint32_t c;
		size_t used = utf8_decode(s + i, len - i, &c);
		if (chars == QUOTE_CHARS) {
			strbuf_add(&b, "…");
			break;
		}
		if (c == '\n' || c == '\f' || c == '\t')
			strbuf_addc(&b, ' ');
		else if (!utf8_is_control(c)) { /* re-encoded: a bad byte becomes U+FFFD */
			char u[4];
			strbuf_addn(&b, u, utf8_encode(c, u));
		}
		chars++;
		i += used;
	}
	return strbuf_detach(&b);
}

static bool answered(const char *v)
{
	return v && *v;
}

/* A number as people write it: 25, 2.5. */
static void format_number(double v, char out[32])
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(out, 32, "%.0f", v);
	else
		snprintf(out, 32, "%.2f", v);
}

/* The date months before day (the day of the month kept, or the last day
 * of a shorter month: 6 months before 2026-08-31 is 2026-02-28). */
static long months_before(long day, unsigned months)
{
	char iso[32];
	expr_format_date(day, iso);
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	int total = y * 12 + (m - 1) - (int)months;
	y = total / 12;
	m = total % 12 + 1;
	for (long back; d > 0; d--) {
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		if (expr_parse_date(iso, &back))
			return back;
	}
	return day;
}

static bool date_value(const char *s, long *day)
{
	return answered(s) && expr_parse_date(s, day);
}

static bool date_is(const struct evidence_read_date *d, long day)
{
	return d->day == day || (d->alt[0] && d->alt_day == day);
}

/* How a date read on the document is written in a sentence: an ambiguous
 * 01/09/2026 as both of its readings. */
static void date_words(const struct evidence_read_date *d, char *out, size_t size)
{
	if (d->alt[0])
		snprintf(out, size, _("%s or %s"), d->iso, d->alt);
	else
		snprintf(out, size, "%s", d->iso);
}

static long date_distance(const struct evidence_read_date *d, long day)
{
	long a = labs(d->day - day), b = d->alt[0] ? labs(d->alt_day - day) : a;
	return a < b ? a : b;
}

/* ---- mentions ---- */

/* What a mention that is not found or differs says, per role: the
 * sentences are written whole for each, so translators see them whole. */
#define SAY(not_found, differs, fix)                                                               \
	do {                                                                                       \
		if (shown)                                                                         \
			add(j, key, page, _(fix), _(differs), shown, answer);                      \
		else                                                                               \
			add(j, key, 0, _(fix), _(not_found), answer);                              \
	} while (0)

static void say_mention(struct judge *j, enum flow_read_as as, const char *key, unsigned page,
			const char *shown, const char *answer)
{
	switch (as) {
	case FLOW_AS_NAME:
		SAY(N_("The name “%s” was not found on the document; the names must match "
		       "exactly."),
		    N_("The document shows “%s”, close to but not the same as your answer “%s”; "
		       "the names must match exactly."),
		    N_("If the document names someone else, get one in the exact name; if ipwiz "
		       "misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_BUYER:
		SAY(N_("The buyer's name on the document was not found: your answer says “%s”, and "
		       "the names must match exactly."),
		    N_("The buyer's name on the document reads “%s”, close to but not the same as "
		       "your answer “%s”; the names must match exactly."),
		    N_("If the document names another buyer, get one in your account's exact legal "
		       "name; if ipwiz misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_SELLER:
		SAY(N_("The seller's name on the document was not found: your answer says “%s”."),
		    N_("The seller's name on the document reads “%s”, close to but not the same as "
		       "your answer “%s”."),
		    N_("Write the seller's name as the document prints it; if ipwiz misread a "
		       "clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_HOLDER:
		SAY(N_("The right holder's name on the document was not found: your answer says "
		       "“%s”, and the names must match exactly."),
		    N_("The right holder's name on the document reads “%s”, close to but not the "
		       "same as your answer “%s”; the names must match exactly."),
		    N_("If the document names someone else, get one in the exact name; if ipwiz "
		       "misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_LICENSEE:
		SAY(N_("The authorised party's name on the document was not found: your answer "
		       "says “%s”, and the names must match exactly."),
		    N_("The authorised party's name on the document reads “%s”, close to but not "
		       "the same as your answer “%s”; the names must match exactly."),
		    N_("If the document names someone else, get one in the exact name; if ipwiz "
		       "misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_BRAND:
		SAY(N_("The brand “%s” was not found on the document; reviewers refuse a document "
		       "that does not name it."),
		    N_("The document shows “%s”, close to but not the same as the brand “%s”."),
		    N_("Check that the document names the brand exactly as the complaint does; if "
		       "ipwiz misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_NUMBER:
		SAY(N_("The number “%s” was not found on the document."),
		    N_("The document shows the number “%s”, close to but not the same as your "
		       "answer “%s”."),
		    N_("Check the number you typed against the document, character by character; "
		       "if ipwiz misread a clear scan, acknowledge this warning."));
		break;
	case FLOW_AS_MODEL:
		SAY(N_("The model “%s” was not found on the document; reviewers refuse a document "
		       "for another model."),
		    N_("The document shows the model “%s”, close to but not the same as your "
		       "answer “%s”."),
		    N_("Check that the document is for exactly this model; if ipwiz misread a "
		       "clear scan, acknowledge this warning."));
		break;
	}
}

static enum evidence_read_state judge_mention(struct judge *j, const struct evidence_read_expect *e)
{
	enum flow_read_as as = e->read->as;
	struct evidence_read_seen seen;
	enum evidence_read_match m = evidence_read_mention(
	    j->norm, e->value, as == FLOW_AS_NUMBER || as == FLOW_AS_MODEL, &seen);
	if (m == EVIDENCE_MATCH_EXACT)
		return EVIDENCE_READ_FOUND;
	char key[32];
	snprintf(key, sizeof key, "%s-%s", flow_read_as_name(as),
		 m == EVIDENCE_MATCH_NEAR ? "differs" : "not-found");
	char *answer = quote(e->value, strlen(e->value));
	char *shown = m == EVIDENCE_MATCH_NEAR ? quote(j->norm + seen.at, seen.len) : NULL;
	say_mention(j, as, key, evidence_read_page(j->norm, seen.at), shown, answer);
	free(shown);
	free(answer);
	return m == EVIDENCE_MATCH_NEAR ? EVIDENCE_READ_DIFFERS : EVIDENCE_READ_MISSING;
}

/* ---- dates ---- */

static const char date_window_fix[] =
    N_("Attach a document dated within that time and make your answer the date it shows; an "
       "older or later one is usually refused.");

static enum evidence_read_state judge_date(struct judge *j, const struct evidence_read_expect *e)
{
	long want, end = 0;
	if (!date_value(e->value, &want))
		return EVIDENCE_READ_MISSING;
	unsigned months = e->read->months;
	bool window = e->read->before && months && date_value(e->before, &end);
	long start = window ? months_before(end, months) : 0;
	char from[11], to[11];
	expr_format_date(start, from);
	expr_format_date(end, to);
	if (j->ndates == 0) {
		add(j, "date-not-found", 0,
		    _("Check that the date is printed and readable on the scan; if it is, "
		      "acknowledge this warning."),
		    _("No date could be read on the document; your answer says %s."), e->value);
		return EVIDENCE_READ_MISSING;
	}
	const struct evidence_read_date *shown = &j->dates[0];
	for (size_t i = 0; i < j->ndates; i++) {
		if (date_is(&j->dates[i], want)) {
			if (window && (want < start || want > end))
				add(j, want < start ? "date-too-old" : "date-too-late",
				    evidence_read_page(j->norm, j->dates[i].at), _(date_window_fix),
				    ngettext(
					"The document is dated %s, outside the %u month before "
					"%s that the platform wants (%s to %s).",
					"The document is dated %s, outside the %u months before "
					"%s that the platform wants (%s to %s).",
					months),
				    e->value, months, to, from, to);
			return EVIDENCE_READ_FOUND;
		}
		if (date_distance(&j->dates[i], want) < date_distance(shown, want))
			shown = &j->dates[i];
	}
	char words[40];
	date_words(shown, words, sizeof words);
	long day = shown->alt[0] && labs(shown->alt_day - want) < labs(shown->day - want)
		       ? shown->alt_day
		       : shown->day;
	unsigned page = evidence_read_page(j->norm, shown->at);
	if (window && (day < start || day > end))
		add(j, day < start ? "date-too-old" : "date-too-late", page, _(date_window_fix),
		    ngettext("The document shows %s while your answer says %s; the platform wants "
			     "a date from %s to %s (the %u month before %s).",
			     "The document shows %s while your answer says %s; the platform wants "
			     "a date from %s to %s (the %u months before %s).",
			     months),
		    words, e->value, from, to, months, to);
	else
		add(j, "date-differs", page,
		    _("Check the date you typed against the document: correct your answer, or "
		      "attach the document that bears that date."),
		    _("The document shows %s while your answer says %s."), words, e->value);
	return EVIDENCE_READ_DIFFERS;
}

/* ---- quantities ---- */

static enum evidence_read_state judge_quantity(struct judge *j,
					       const struct evidence_read_expect *e)
{
	char *end;
	if (!answered(e->value))
		return EVIDENCE_READ_MISSING;
	double want = number_strtod(e->value, &end);
	if (end == e->value || want != want)
		return EVIDENCE_READ_MISSING;
	bool floor_set = e->read->has_at_least;
	char w[32], least[32], got[32];
	format_number(want, w);
	format_number(e->read->at_least, least);
	if (j->nquantities == 0) {
		add(j, "quantity-not-found", 0,
		    _("Check that the quantity is printed and readable on the scan; if it is, "
		      "acknowledge this warning."),
		    _("No quantity could be read on the document; your answer says %s."), w);
		return EVIDENCE_READ_MISSING;
	}
	const struct evidence_read_quantity *shown = &j->quantities[0];
	for (size_t i = 0; i < j->nquantities; i++) {
		const struct evidence_read_quantity *q = &j->quantities[i];
		if (fabs(q->value - want) < 1e-9) {
			if (floor_set && want < e->read->at_least)
				add(j, "quantity-too-few", evidence_read_page(j->norm, q->at),
				    _("Attach a document for at least that many pieces of this "
				      "model."),
				    _("The document shows a quantity of %s, as your answer says, "
				      "but "
				      "the platform wants at least %s."),
				    w, least);
			return EVIDENCE_READ_FOUND;
		}
		if (fabs(q->value - want) < fabs(shown->value - want))
			shown = q;
	}
	format_number(shown->value, got);
	unsigned page = evidence_read_page(j->norm, shown->at);
	const char *fix = _("Check the quantity you typed against the document: correct your "
			    "answer, or attach the document that shows it.");
	if (floor_set)
		add(j, shown->value < e->read->at_least ? "quantity-too-few" : "quantity-differs",
		    page, fix,
		    _("The document shows a quantity of %s; your answer says %s and the platform "
		      "wants at least %s."),
		    got, w, least);
	else
		add(j, "quantity-differs", page, fix,
		    _("The document shows a quantity of %s; your answer says %s."), got, w);
	return EVIDENCE_READ_DIFFERS;
}

/* ---- validity ---- */

static enum evidence_read_state judge_validity(struct judge *j,
					       const struct evidence_read_expect *e)
{
	long want = 0, on = 0;
	bool has_want = date_value(e->value, &want), has_on = date_value(e->on, &on);
	const struct evidence_read_date *last = NULL; /* the latest end of validity */
	bool covers = false;
	for (size_t i = 0; i < j->ndates; i++) {
		const struct evidence_read_date *d = &j->dates[i];
		if (!d->until)
			continue;
		if (!last || d->day > last->day)
			last = d;
		covers |= d->day >= on || (d->alt[0] && d->alt_day >= on);
	}
	char words[40] = "";
	if (last)
		date_words(last, words, sizeof words);
	unsigned page = last ? evidence_read_page(j->norm, last->at) : 0;
	if (has_on && last && !covers) {
		add(j, "validity-expired", page,
		    _("Ask the right holder for an authorisation that covers that date."),
		    _("The document shows its validity ends on %s, before %s; the platform wants "
		      "it valid on that date."),
		    words, e->on);
		return EVIDENCE_READ_DIFFERS;
	}
	if (!has_want) {
		if (!last)
			return EVIDENCE_READ_FOUND; /* nothing on it ends it, as the answer says */
		add(j, "validity-differs", page,
		    _("Add that end date to your answer, so it matches the document."),
		    _("The document shows it is valid until %s, but your answer gives no end "
		      "date."),
		    words);
		return EVIDENCE_READ_DIFFERS;
	}
	for (size_t i = 0; i < j->ndates; i++)
		if (date_is(&j->dates[i], want))
			return EVIDENCE_READ_FOUND;
	if (!last) {
		add(j, "validity-not-found", 0,
		    _("Check that the end date is printed and readable on the scan; if it is, "
		      "acknowledge this warning."),
		    _("No end of validity could be read on the document; your answer says it is "
		      "valid until %s."),
		    e->value);
		return EVIDENCE_READ_MISSING;
	}
	add(j, "validity-differs", page,
	    _("Check the end date you typed against the document and correct your answer."),
	    _("The document shows it is valid until %s while your answer says %s."), words,
	    e->value);
	return EVIDENCE_READ_DIFFERS;
}

/* ---- language ---- */

/* "Chinese", "Chinese or English", "Chinese, English or Indonesian". */
static char *language_list(char *const *codes, size_t n)
{
	char *s = xstrdup(n ? evidence_read_language_name(codes[0]) : "");
	for (size_t i = 1; i < n; i++) {
		const char *name = evidence_read_language_name(codes[i]);
		char *next = i + 1 == n ? xasprintf(_("%s or %s"), s, name)
					: xasprintf(_("%s, %s"), s, name);
		free(s);
		s = next;
	}
	return s;
}

static enum evidence_read_state judge_language(struct judge *j,
					       const struct evidence_read_expect *e)
{
	const struct flow_read *r = e->read;
	if (j->nlangs == 0 || r->nlanguages == 0)
		return EVIDENCE_READ_MISSING;
	for (size_t i = 0; i < j->nlangs; i++)
		for (size_t k = 0; k < r->nlanguages; k++)
			if (strcmp(j->langs[i].code, r->languages[k]) == 0)
				return EVIDENCE_READ_FOUND;
	char *want = language_list(r->languages, r->nlanguages);
	char *fix = xasprintf(_("Attach a translation into %s with the document, or acknowledge "
				"this warning if it needs none."),
			      evidence_read_language_name(r->languages[0]));
	add(j, "needs-translation", 0, fix,
	    _("This document is in %s; reviewers read %s: attach "
	      "a translation."),
	    evidence_read_language_name(j->langs[0].code), want);
	free(fix);
	free(want);
	return EVIDENCE_READ_DIFFERS;
}

/* Any letter or digit: OCR of a blank or unreadable page gives none. */
static bool has_text(const char *norm)
{
	size_t len = strlen(norm);
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += utf8_decode(norm + i, len - i, &c);
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0xC0)
			return true;
	}
	return false;
}

size_t evidence_read_judge(const char *text, const struct evidence_read_expect *expects, size_t n,
			   struct evidence_finding *out, size_t max,
			   enum evidence_read_state *states)
{
	struct judge *j = xcalloc(1, sizeof *j);
	char *norm = evidence_read_normalise(text ? text : "", text ? strlen(text) : 0);
	j->norm = norm;
	j->out = out;
	j->max = max;
	if (!has_text(norm)) {
		if (n)
			add(j, "nothing-read", 0,
			    _("Check that the scan is sharp and the right way up; if the document "
			      "is fine, acknowledge this warning."),
			    "%s",
			    _("No text could be read on this document, so ipwiz could not compare "
			      "it with your answers."));
		for (size_t i = 0; states && i < n; i++)
			states[i] = EVIDENCE_READ_MISSING;
		size_t written = j->n;
		free(norm);
		free(j);
		return written;
	}
	j->nlangs = evidence_read_languages(norm, j->langs, sizeof j->langs / sizeof j->langs[0]);
	/* Indonesian writes the day first; elsewhere 01/09/2026 may be either. */
	bool indonesian = j->nlangs && strcmp(j->langs[0].code, "id") == 0;
	j->ndates = evidence_read_dates(
	    norm, indonesian ? EVIDENCE_ORDER_DMY : EVIDENCE_ORDER_EITHER, j->dates, MAX_DATES);
	j->nquantities = evidence_read_quantities(norm, j->quantities, MAX_QUANTITIES);
	for (size_t i = 0; i < n; i++) {
		const struct evidence_read_expect *e = &expects[i];
		enum evidence_read_state st = EVIDENCE_READ_MISSING;
		if (!e->read)
			;
		else if (e->read->kind == FLOW_READ_LANGUAGE)
			st = judge_language(j, e);
		else if (!answered(e->value) && e->read->kind != FLOW_READ_VALID_UNTIL)
			st = EVIDENCE_READ_MISSING; /* nothing to compare with */
		else
			switch (e->read->kind) {
			case FLOW_READ_MENTION:
				st = judge_mention(j, e);
				break;
			case FLOW_READ_DATE:
				st = judge_date(j, e);
				break;
			case FLOW_READ_QUANTITY:
				st = judge_quantity(j, e);
				break;
			case FLOW_READ_VALID_UNTIL:
				st = judge_validity(j, e);
				break;
			case FLOW_READ_LANGUAGE:
				break;
			}
		if (states)
			states[i] = st;
	}
	size_t written = j->n;
	free(norm);
	free(j);
	return written;
}

const char *evidence_read_label(const struct flow_read *r)
{
	static const char *const as_labels[] = {
	    [FLOW_AS_NAME] = N_("name"),	 [FLOW_AS_BUYER] = N_("buyer"),
	    [FLOW_AS_SELLER] = N_("seller"),	 [FLOW_AS_HOLDER] = N_("holder"),
	    [FLOW_AS_LICENSEE] = N_("licensee"), [FLOW_AS_BRAND] = N_("brand"),
	    [FLOW_AS_NUMBER] = N_("number"),	 [FLOW_AS_MODEL] = N_("model"),
	};
	switch (r->kind) {
	case FLOW_READ_MENTION:
		return (size_t)r->as < sizeof as_labels / sizeof as_labels[0] ? _(as_labels[r->as])
									      : _("name");
	case FLOW_READ_DATE:
		return _("date");
	case FLOW_READ_QUANTITY:
		return _("quantity");
	case FLOW_READ_VALID_UNTIL:
		return _("validity");
	case FLOW_READ_LANGUAGE:
		return _("language");
	}
	return "?";
}

const char *evidence_read_state_name(enum evidence_read_state s)
{
	switch (s) {
	case EVIDENCE_READ_FOUND:
		return _("found");
	case EVIDENCE_READ_MISSING:
		return _("not found");
	case EVIDENCE_READ_DIFFERS:
		return _("differs");
	}
	return "?";
}
