/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: reading a document's text — the normaliser, the date,
 * quantity, mention and language readers, and the judge over them. The
 * input is "ANSWER\0TEXT" (no NUL: all of it is the text, the answer its
 * first line). What the readers return must hold: valid calendar dates,
 * places inside the text, UTF-8 sentences. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence/evidence_look.h"
#include "evidence/evidence_read.h"
#include "expr/expr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	const char *nul = memchr(in, '\0', size);
	const char *eol = nul ? nul : memchr(in, '\n', size);
	size_t alen = eol ? (size_t)(eol - in) : size;
	char *answer = xstrndup(in, alen);
	const char *tstart = nul ? nul + 1 : in;
	char *text = xstrndup(tstart, size - (size_t)(tstart - in));

	char *norm = evidence_read_normalise(text, strlen(text));
	size_t nlen = strlen(norm);
	check(utf8_valid(norm, nlen, NULL));
	struct evidence_read_date dates[64];
	size_t nd = 0;
	for (int order = EVIDENCE_ORDER_EITHER; order <= EVIDENCE_ORDER_MDY; order++) {
		nd = evidence_read_dates(norm, (enum evidence_read_order)order, dates, 64);
		for (size_t i = 0; i < nd; i++) {
			long day;
			check(expr_parse_date(dates[i].iso, &day) && day == dates[i].day);
			check(!dates[i].alt[0] || expr_parse_date(dates[i].alt, &day));
			check(dates[i].len > 0 && dates[i].at + dates[i].len <= nlen);
		}
	}
	struct evidence_read_quantity q[64];
	size_t nq = evidence_read_quantities(norm, q, 64);
	for (size_t i = 0; i < nq; i++)
		check(q[i].value >= 0 && q[i].at + q[i].len <= nlen);
	struct evidence_read_seen seen;
	for (int number = 0; number < 2; number++)
		if (evidence_read_mention(norm, answer, number, &seen) != EVIDENCE_MATCH_NONE)
			check(seen.at + seen.len <= nlen);
	struct evidence_read_language langs[8];
	size_t nl = evidence_read_languages(norm, langs, 8);
	for (size_t i = 0; i < nl; i++)
		check(langs[i].share > 0 && langs[i].share <= 1.0001);

	/* The judge, with the answer as a name and a number, and dates and a
	 * quantity taken from the text itself (found) and the answer (not). */
	static char zh[] = "zh_CN", en[] = "en";
	static char *codes[] = {zh, en};
	const struct flow_read reads[] = {
	    {.kind = FLOW_READ_MENTION, .as = FLOW_AS_BUYER},
	    {.kind = FLOW_READ_MENTION, .as = FLOW_AS_NUMBER},
	    {.kind = FLOW_READ_DATE, .before = "b", .months = 6},
	    {.kind = FLOW_READ_QUANTITY, .has_at_least = true, .at_least = 20},
	    {.kind = FLOW_READ_VALID_UNTIL, .on = "c"},
	    {.kind = FLOW_READ_LANGUAGE, .languages = codes, .nlanguages = 2},
	    {.kind = FLOW_READ_DATE},
	};
	char qty[32];
	snprintf(qty, sizeof qty, "%.0f", nq ? q[0].value : 25.0);
	const char *date = nd ? dates[0].iso : "2026-09-01";
	const struct evidence_read_expect e[] = {
	    {&reads[0], answer, NULL, NULL},
	    {&reads[1], answer, NULL, NULL},
	    {&reads[2], date, "2026-12-10", NULL},
	    {&reads[3], answer[0] ? answer : qty, NULL, NULL},
	    {&reads[4], nd > 1 ? dates[1].iso : NULL, NULL, date},
	    {&reads[5], NULL, NULL, NULL},
	    {&reads[6], answer, NULL, NULL},
	};
	size_t n = sizeof e / sizeof e[0];
	struct evidence_finding f[16];
	enum evidence_read_state st[sizeof e / sizeof e[0]];
	size_t nf = evidence_read_judge(text, e, n, f, 16, st);
	check(nf <= 16);
	for (size_t i = 0; i < nf; i++) {
		check(memchr(f[i].message, '\0', sizeof f[i].message) != NULL);
		check(utf8_valid(f[i].message, strlen(f[i].message), NULL));
		check(utf8_valid(f[i].fix, strlen(f[i].fix), NULL));
		check(f[i].key[0] != '\0' && f[i].verdict == EVIDENCE_WARN);
	}
	for (size_t i = 0; i < n; i++)
		check(st[i] <= EVIDENCE_READ_DIFFERS);
	free(norm);
	free(text);
	free(answer);
	return 0;
}
