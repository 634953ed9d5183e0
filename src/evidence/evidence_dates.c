/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_dates.c — the dates in a document's text, in the forms sellers'
 * invoices, contracts and authorisations use (evidence_read.h lists them),
 * each checked against the calendar and marked when it ends a validity. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "evidence_read.h"

static bool isdig(char c)
{
	return c >= '0' && c <= '9';
}

static bool isalpha_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Between min and max digits at s (and no more): their value and count. */
static size_t digits(const char *s, size_t min, size_t max, int *v)
{
	size_t n = 0;
	*v = 0;
	while (n < max && isdig(s[n]))
		*v = *v * 10 + (s[n++] - '0');
	return n >= min && !isdig(s[n]) ? n : 0;
}

/* English and Indonesian month names and abbreviations; a name is a whole
 * word, so "Sep" never matches the start of "September". */
static const struct month_name {
	const char *name;
	int month;
} months[] = {
    {"january", 1},   {"januari", 1},  {"jan", 1},	 {"february", 2},  {"februari", 2},
    {"pebruari", 2},  {"feb", 2},      {"peb", 2},	 {"march", 3},	   {"maret", 3},
    {"mar", 3},	      {"april", 4},    {"apr", 4},	 {"may", 5},	   {"mei", 5},
    {"june", 6},      {"juni", 6},     {"jun", 6},	 {"july", 7},	   {"juli", 7},
    {"jul", 7},	      {"august", 8},   {"agustus", 8},	 {"aug", 8},	   {"agu", 8},
    {"agt", 8},	      {"agus", 8},     {"september", 9}, {"sept", 9},	   {"sep", 9},
    {"october", 10},  {"oktober", 10}, {"oct", 10},	 {"okt", 10},	   {"november", 11},
    {"nopember", 11}, {"nov", 11},     {"nop", 11},	 {"december", 12}, {"desember", 12},
    {"dec", 12},      {"des", 12},
};

/* A month name at s: its month and length (with a trailing dot), or 0. */
static size_t month_at(const char *s, int *month)
{
	size_t n = 0;
	char w[12];
	while (n < sizeof w - 1 && isalpha_ascii(s[n])) {
		w[n] = s[n] >= 'A' && s[n] <= 'Z' ? (char)(s[n] - 'A' + 'a') : s[n];
		n++;
	}
	if (n == 0 || isalpha_ascii(s[n]))
		return 0;
	w[n] = '\0';
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (strcmp(months[i].name, w) == 0) {
			*month = months[i].month;
			return s[n] == '.' ? n + 1 : n;
		}
	return 0;
}

/* "st", "nd", "rd", "th" after a day number. */
static size_t ordinal_at(const char *s)
{
	static const char *const ords[] = {"st", "nd", "rd", "th", NULL};
	for (const char *const *o = ords; *o; o++)
		if ((s[0] | 0x20) == (*o)[0] && (s[1] | 0x20) == (*o)[1] && !isalpha_ascii(s[2]))
			return 2;
	return 0;
}

/* Separators between the parts of "1 Sep 2026", "Sep. 1, 2026", "01-SEP-2026". */
static size_t skip_seps(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && (s[n] == ' ' || s[n] == '-' || s[n] == '.' || s[n] == ',' || s[n] == '/'))
		n++;
	return n;
}

struct parsed {
	int y, m, d;
	int alt_m, alt_d; /* 0 when not ambiguous */
	size_t len;
};

/* 2026-09-01, 2026/9/1, 2026.09.01, and 2026-Sep-01. */
static bool year_first(const char *s, struct parsed *p)
{
	size_t n = digits(s, 4, 4, &p->y), k;
	char sep = s[n];
	if (!n || (sep != '-' && sep != '/' && sep != '.' && sep != ' '))
		return false;
	if (sep != ' ' && (k = digits(s + n + 1, 1, 2, &p->m)) && s[n + 1 + k] == sep &&
	    (p->len = digits(s + n + 2 + k, 1, 2, &p->d))) {
		p->len += n + 2 + k;
		return !(s[p->len] == sep && isdig(s[p->len + 1])); /* 2026.1.2.3 */
	}
	if ((k = month_at(s + n + 1, &p->m)) && (s[n + 1 + k] == sep || s[n + 1 + k] == ' ') &&
	    (p->len = digits(s + n + 2 + k, 1, 2, &p->d))) {
		p->len += n + 2 + k;
		return true;
	}
	return false;
}

static const char *const cjk_marks[][3] = {
    {"年", "月", "日"}, {"年", "月", "号"}, {"年", "月", "號"}, {"년", "월", "일"}};

static size_t mark_at(const char *s, const char *mark)
{
	size_t n = strlen(mark);
	return strncmp(s, mark, n) == 0 ? n : 0;
}

/* 2026年9月1日, 2026年09月01号, 2026년 9월 1일 (spaces went in normalising). */
static bool year_month_day_marks(const char *s, struct parsed *p)
{
	size_t n = digits(s, 4, 4, &p->y);
	if (!n)
		return false;
	for (size_t f = 0; f < sizeof cjk_marks / sizeof cjk_marks[0]; f++) {
		size_t a = mark_at(s + n, cjk_marks[f][0]), b, c, dm, dd;
		if (!a || !(dm = digits(s + n + a, 1, 2, &p->m)) ||
		    !(b = mark_at(s + n + a + dm, cjk_marks[f][1])) ||
		    !(dd = digits(s + n + a + dm + b, 1, 2, &p->d)) ||
		    !(c = mark_at(s + n + a + dm + b + dd, cjk_marks[f][2])))
			continue;
		p->len = n + a + dm + b + dd + c;
		return true;
	}
	return false;
}

/* 01/09/2026, 1-9-2026, 01.09.2026: which comes first is decided by a
 * number over 12, by the dot (always day first), or by order. */
static bool day_or_month_first(const char *s, enum evidence_read_order order, struct parsed *p)
{
	int a, b;
	size_t na = digits(s, 1, 2, &a), nb, ny;
	char sep = s[na];
	if (!na || (sep != '/' && sep != '-' && sep != '.') ||
	    !(nb = digits(s + na + 1, 1, 2, &b)) || s[na + 1 + nb] != sep ||
	    !(ny = digits(s + na + 2 + nb, 4, 4, &p->y)))
		return false;
	p->len = na + 2 + nb + ny;
	bool day_first = a > 12 || (b <= 12 && (sep == '.' || order != EVIDENCE_ORDER_MDY));
	p->d = day_first ? a : b;
	p->m = day_first ? b : a;
	if (a <= 12 && b <= 12 && a != b && sep != '.' && order == EVIDENCE_ORDER_EITHER) {
		p->alt_m = a;
		p->alt_d = b;
	}
	return true;
}

/* 1 Sep 2026, 1 September 2026, 1st of September, 2026, 01-SEP-2026, 1 Agustus 2026. */
static bool day_month_name(const char *s, struct parsed *p)
{
	size_t n = digits(s, 1, 2, &p->d), k;
	if (!n)
		return false;
	n += ordinal_at(s + n);
	n += skip_seps(s + n, 3);
	if (strncmp(s + n, "of ", 3) == 0)
		n += 3;
	if (!(k = month_at(s + n, &p->m)))
		return false;
	n += k;
	n += skip_seps(s + n, 3);
	if (!(k = digits(s + n, 4, 4, &p->y)))
		return false;
	p->len = n + k;
	return true;
}

/* September 1, 2026; Sep. 1st 2026; Agustus 1, 2026. */
static bool month_name_day(const char *s, struct parsed *p)
{
	size_t n = month_at(s, &p->m), k;
	if (!n)
		return false;
	n += skip_seps(s + n, 3);
	if (!(k = digits(s + n, 1, 2, &p->d)))
		return false;
	n += k;
	n += ordinal_at(s + n);
	size_t sep = skip_seps(s + n, 3);
	if (!sep || !(k = digits(s + n + sep, 4, 4, &p->y)))
		return false;
	p->len = n + sep + k;
	return true;
}

/* A Chinese numeral digit at s (〇 ○ 零 一 … 九): its value and length. */
static size_t cn_digit(const char *s, int *v)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	for (int i = 0; i < 10; i++)
		if (mark_at(s, d[i])) {
			*v = i;
			return strlen(d[i]);
		}
	if (mark_at(s, "○") || mark_at(s, "零")) {
		*v = 0;
		return 3;
	}
	return 0;
}

/* 一 … 九, 十, 十一 … 十九, 二十 … 三十一. */
static size_t cn_small(const char *s, int *v)
{
	int d;
	size_t n = 0, k;
	*v = 0;
	if ((k = cn_digit(s, &d)) && d > 0 && mark_at(s + k, "十")) {
		*v = d * 10;
		n = k + 3;
	} else if (mark_at(s, "十")) {
		*v = 10;
		n = 3;
	}
	if ((k = cn_digit(s + n, &d)) && d > 0) {
		*v += d;
		n += k;
	}
	return n;
}

/* 二〇二六年九月一日. */
static bool chinese_numerals(const char *s, struct parsed *p)
{
	size_t n = 0, k;
	p->y = 0;
	for (int i = 0, d; i < 4; i++, n += k) {
		if (!(k = cn_digit(s + n, &d)))
			return false;
		p->y = p->y * 10 + d;
	}
	if (!(k = mark_at(s + n, "年")))
		return false;
	n += k;
	if (!(k = cn_small(s + n, &p->m)) || !mark_at(s + n + k, "月"))
		return false;
	n += k + 3;
	if (!(k = cn_small(s + n, &p->d)))
		return false;
	n += k;
	if (!(k = mark_at(s + n, "日")) && !(k = mark_at(s + n, "号")))
		return false;
	p->len = n + k;
	return true;
}

static bool make_iso(int y, int m, int d, char iso[11], long *day)
{
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return expr_parse_date(iso, day);
}

/* Words after which a date ends a validity; matched at the end of the
 * text before the date (spaces and colons aside), any case. */
static const char *const until_words[] = {
    "until",	"till",	  "to",		 "through",    "thru",
    "expires",	"expiry", "expiry date", "expiration", "expiration date",
    "expired",	"sampai", "hingga",	 "s/d",	       "s.d.",
    "berakhir", "至",	  "到",		 "截至",       "截止",
    "止",	NULL};

static bool until_before(const char *norm, size_t at)
{
	size_t end = at;
	while (end > 0 && (norm[end - 1] == ' ' || norm[end - 1] == ':'))
		end--;
	for (const char *const *w = until_words; *w; w++) {
		size_t n = strlen(*w);
		if (n > end)
			continue;
		const char *s = norm + end - n;
		bool same = true;
		for (size_t i = 0; i < n && same; i++) {
			char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
			same = c == (*w)[i];
		}
		bool ascii = isalpha_ascii((*w)[0]);
		if (same && (!ascii || end == n || !isalpha_ascii(s[-1])))
			return true;
	}
	return false;
}

/* 2027年12月31日止 */
static bool until_after(const char *s)
{
	while (*s == ' ')
		s++;
	return mark_at(s, "止") || mark_at(s, "为止") || mark_at(s, "為止");
}

/* The second date of "A - B" or "A ~ B". */
static bool range_between(const char *norm, size_t from, size_t to)
{
	bool dash = false;
	for (size_t i = from; i < to; i++) {
		if (norm[i] == '-' || norm[i] == '~')
			dash = true;
		else if (norm[i] != ' ')
			return false;
	}
	return dash;
}

static bool parse_at(const char *norm, size_t i, enum evidence_read_order order, struct parsed *p)
{
	const char *s = norm + i;
	memset(p, 0, sizeof *p);
	if (isdig(*s)) {
		if (i > 0 && isdig(norm[i - 1]))
			return false;
		return year_month_day_marks(s, p) || year_first(s, p) ||
		       day_or_month_first(s, order, p) || day_month_name(s, p);
	}
	if (isalpha_ascii(*s))
		return (i == 0 || !isalpha_ascii(norm[i - 1])) && month_name_day(s, p);
	return ((unsigned char)*s >= 0xE2) && chinese_numerals(s, p);
}

size_t evidence_read_dates(const char *norm, enum evidence_read_order order,
			   struct evidence_read_date *out, size_t max)
{
	size_t n = 0, prev_end = 0;
	bool have_prev = false;
	for (size_t i = 0; norm[i] && n < max;) {
		struct parsed p;
		struct evidence_read_date *d = &out[n];
		if (!parse_at(norm, i, order, &p) || isdig(norm[i + p.len]) ||
		    !make_iso(p.y, p.m, p.d, d->iso, &d->day)) {
			i++;
			continue;
		}
		d->alt[0] = '\0';
		d->alt_day = d->day;
		if (p.alt_m && !make_iso(p.y, p.alt_m, p.alt_d, d->alt, &d->alt_day))
			d->alt[0] = '\0';
		d->at = i;
		d->len = p.len;
		d->until = until_before(norm, i) || until_after(norm + i + p.len) ||
			   (have_prev && range_between(norm, prev_end, i));
		prev_end = i + p.len;
		have_prev = true;
		n++;
		i += p.len;
	}
	return n;
}
