/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_read.h — reading a document's text (a PDF's text layer or OCR)
 * for what a reviewer looks at: dates (evidence_dates.c), quantities, names
 * and numbers, and the language it is written in (evidence_text.c). Pure
 * functions of UTF-8 text: no allocation they do not free, no I/O, no
 * locale. evidence_read.c judges the answers with them (evidence_look.h).
 *
 * Every reader works on normalised text (evidence_read_normalise), so OCR's
 * habits do not hide what is there: full-width digits and punctuation
 * (２０２６，：) become ASCII, spaces OCR puts between CJK characters go, a
 * letter O or l inside a number becomes 0 or 1 ("2O26" → 2026). */
#ifndef IPWIZ_EVIDENCE_READ_H
#define IPWIZ_EVIDENCE_READ_H

#include <stdbool.h>
#include <stddef.h>

/* Text beyond this many bytes is not read (a document's first 512 KiB hold
 * its dates and names; the cap keeps the near-match search bounded). */
#define EVIDENCE_READ_MAX_TEXT (512 * 1024)

/* The normalised copy of text[0..len) (at most EVIDENCE_READ_MAX_TEXT
 * bytes of it), always valid UTF-8 without control characters; a form
 * feed (the page break of a PDF's text) is kept. The caller frees it. */
char *evidence_read_normalise(const char *text, size_t len);

/* The 1-based page of offset at in normalised text whose pages are
 * separated by form feeds, or 0 when the text has no form feed. */
unsigned evidence_read_page(const char *norm, size_t at);

/* How to read 01/09/2026, where day and month could each come first. */
enum evidence_read_order {
	EVIDENCE_ORDER_EITHER, /* both readings: iso is day first, alt month first */
	EVIDENCE_ORDER_DMY,    /* day first (Indonesia, the UK, most of the world) */
	EVIDENCE_ORDER_MDY     /* month first (the United States) */
};

/* A calendar date found in the text. */
struct evidence_read_date {
	char iso[11];	   /* YYYY-MM-DD */
	char alt[11];	   /* the other reading of an ambiguous 01/09/2026, or "" */
	long day, alt_day; /* as expr_parse_date counts days */
	size_t at, len;	   /* where it was written, in the normalised text */
	/* It ends a validity: after "until", "to", "至", "sampai", "valid
	 * thru", before "止", or the second date of a range "A – B". */
	bool until;
};

/* Every valid date of norm, in text order, at most max (returns how many
 * were stored). The forms: 2026-09-01, 2026/9/1, 2026.09.01; 01/09/2026,
 * 01-09-2026 (day and month per order; a dotted 01.09.2026 is always day
 * first), 1 Sep 2026, 1 September 2026, 1-SEP-2026, September 1, 2026,
 * Sep. 1st 2026, 2026-Sep-01 (English and Indonesian month names and their
 * abbreviations: Mei, Agu, Agt, Okt, Des …); 2026年9月1日 (or 号),
 * 2026년 9월 1일, 二〇二六年九月一日. Years 1900 to 2099; a day that is not in
 * its month (2026-02-30) is no date. Two-digit years are not read (26/09/01
 * has three readings). */
size_t evidence_read_dates(const char *norm, enum evidence_read_order order,
			   struct evidence_read_date *out, size_t max);

/* A number written next to a quantity word or unit: "25 pcs", "25件",
 * "数量：25", "Qty 25", "25 buah", "1,000 units". */
struct evidence_read_quantity {
	double value;
	size_t at, len; /* the number, in the normalised text */
};
size_t evidence_read_quantities(const char *norm, struct evidence_read_quantity *out, size_t max);

/* Does the text show an answer? Compared without case (ASCII and Latin-1
 * letters), spaces, line breaks and punctuation, full-width forms folded;
 * as_number also forgives OCR's O/0 and l/I/1 confusions (registration
 * numbers, models). EXACT: the answer is there; NEAR: a stretch differs from
 * it by one character (two for answers over 12 characters, letters and
 * digits counted; answers of 4 or fewer never match near). */
enum evidence_read_match { EVIDENCE_MATCH_NONE, EVIDENCE_MATCH_NEAR, EVIDENCE_MATCH_EXACT };
struct evidence_read_seen {
	size_t at, len;	   /* the stretch of normalised text that matched */
	unsigned distance; /* characters that differ (0 when exact) */
};
enum evidence_read_match evidence_read_mention(const char *norm, const char *answer, bool as_number,
					       struct evidence_read_seen *seen);

/* The languages the text is written in, the largest share first: a script
 * counts when it holds at least 10% of the letters (Han characters count
 * three times, as a word's worth); Latin text is English or Indonesian by
 * their common words (at least 3 hits, and at least as many as the other's;
 * both when each has a third of the hits), Vietnamese by its letters.
 * Codes as flows write them: en, id, zh_CN (Han without kana), ja, ko, vi,
 * th, ru (any Cyrillic), ar. Latin text without enough common words is no
 * language: nothing is said about it. */
struct evidence_read_language {
	const char *code;
	double share; /* of the letters, 0..1 */
};
size_t evidence_read_languages(const char *norm, struct evidence_read_language *out, size_t max);

/* A language's name in the user's language ("Chinese"), for sentences. */
const char *evidence_read_language_name(const char *code);

#endif
