/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_text.c — a document's text made comparable (OCR's full-width
 * digits, spaces between CJK characters, O for 0), and read for quantities,
 * for the answers it mentions and for the language it is written in. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_read.h"

/* Han, kana, hangul and the CJK punctuation between them. */
static bool is_cjk(uint32_t c)
{
	return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
	       (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
	       (c >= 0x1100 && c <= 0x11FF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static bool is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_ascii_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* What one decoded code point becomes: 0 to drop it. */
static uint32_t fold(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
		return c - 0xFEE0;
	if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
	    c == 0x205F || c == '\t' || c == UTF8_REPLACEMENT)
		return ' ';
	if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
		return 0; /* zero-width: OCR and PDF text layers strew them */
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63)
		return '-';
	if (c == 0x2215 || c == 0x2044)
		return '/';
	if (c == 0x2018 || c == 0x2019)
		return '\'';
	if (c == '\n' || c == '\f')
		return c;
	if (utf8_is_control(c))
		return ' ';
	return c;
}

/* OCR reads 0 as O and 1 as l or I: inside a run of ASCII letters and
 * digits that has a digit and no other letter, they are digits. */
static bool ocr_digit(uint32_t c)
{
	return c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == '|';
}

static void fix_ocr_digits(uint32_t *v, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (!is_digit(v[i]) && !ocr_digit(v[i]) && !is_ascii_alpha(v[i])) {
			i++;
			continue;
		}
		size_t j = i;
		bool digit = false, other = false;
		for (; j < n && (is_digit(v[j]) || ocr_digit(v[j]) || is_ascii_alpha(v[j])); j++) {
			digit |= is_digit(v[j]);
			other |= !is_digit(v[j]) && !ocr_digit(v[j]);
		}
		if (digit && !other)
			for (size_t k = i; k < j; k++)
				if (ocr_digit(v[k]))
					v[k] = v[k] == 'O' || v[k] == 'o' ? '0' : '1';
		i = j;
	}
}

/* OCR of Chinese often spaces out every character, digits and Latin
 * letters too: "日 期 ： ２ ０ ２ ６ 年". A run of at least three
 * single-character tokens with a CJK one among them is written together
 * again (spaces become 0, which the caller drops). */
static bool is_single(const uint32_t *v, size_t n, size_t i)
{
	return v[i] != ' ' && v[i] != '\n' && v[i] != '\f' &&
	       (i + 1 == n || v[i + 1] == ' ' || v[i + 1] == '\n' || v[i + 1] == '\f');
}

static void join_spaced_out(uint32_t *v, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (!is_single(v, n, i) || (i > 0 && v[i - 1] != ' ' && v[i - 1] != '\n')) {
			i++;
			continue;
		}
		size_t end = i, tokens = 1;
		bool cjk = is_cjk(v[i]);
		for (;;) { /* end: the last single token of the run */
			size_t j = end + 1;
			while (j < n && v[j] == ' ')
				j++;
			if (j == end + 1 || j >= n || !is_single(v, n, j))
				break;
			end = j;
			tokens++;
			cjk |= is_cjk(v[j]);
		}
		if (tokens >= 3 && cjk)
			for (size_t k = i; k < end; k++)
				if (v[k] == ' ')
					v[k] = 0;
		i = end + 1;
	}
}

/* Spaces between two CJK characters, or between CJK and a digit, are
 * OCR's: "2026 年 9 月" is 2026年9月. Other runs of spaces become one, and
 * none is kept next to a line break. */
static bool tight(uint32_t a, uint32_t b)
{
	return (is_cjk(a) && (is_cjk(b) || is_digit(b))) || (is_digit(a) && is_cjk(b));
}

char *evidence_read_normalise(const char *text, size_t len)
{
	if (len > EVIDENCE_READ_MAX_TEXT)
		len = EVIDENCE_READ_MAX_TEXT;
	uint32_t *v = xreallocarray(NULL, len + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += utf8_decode(text + i, len - i, &c);
		if (c == '\r') /* \r\n is one break, a lone \r is one too */
			c = i < len && text[i] == '\n' ? 0 : '\n';
		else
			c = fold(c);
		if (c)
			v[n++] = c;
	}
	join_spaced_out(v, n);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i])
			v[kept++] = v[i];
	n = kept;
	fix_ocr_digits(v, n);
	struct strbuf b;
	strbuf_init(&b);
	uint32_t prev = '\n';
	for (size_t i = 0; i < n; i++) {
		if (v[i] == ' ') {
			size_t j = i;
			while (j < n && v[j] == ' ')
				j++;
			uint32_t next = j < n ? v[j] : '\n';
			if (prev != '\n' && prev != '\f' && next != '\n' && next != '\f' &&
			    !tight(prev, next))
				strbuf_addc(&b, ' ');
			i = j - 1;
			continue;
		}
		char u[4];
		strbuf_addn(&b, u, utf8_encode(v[i], u));
		prev = v[i];
	}
	free(v);
	return strbuf_detach(&b);
}

unsigned evidence_read_page(const char *norm, size_t at)
{
	if (!strchr(norm, '\f'))
		return 0;
	unsigned page = 1;
	for (size_t i = 0; i < at && norm[i]; i++)
		page += norm[i] == '\f';
	return page;
}

/* ---- quantities ---- */

/* Units written after the number. The CJK ones need nothing after them
 * (but see not_a_unit); the Latin ones are whole words, any case. */
static const char *const cjk_units[] = {
    "件", "个", "個", "套", "台", "双", "雙", "只", "支", "条", "條", "箱", "盒", "张", "張", "瓶",
    "袋", "顶", "頂", "块", "塊", "枚", "对", "對", "副", "组", "組", "卷", "包", "片", "把", NULL};
static const char *const latin_units[] = {
    "pcs",  "pc",     "pieces", "piece", "units", "unit", "sets",    "set",   "pairs", "pair",
    "buah", "lembar", "pasang", "ea",	 "nos",	  "ctns", "cartons", "boxes", NULL};
/* Words written before the number. */
static const char *const cjk_words[] = {"数量", "數量", "数目", "件数", "件數", "总数", NULL};
static const char *const latin_words[] = {"qty",    "q'ty",	 "quantity",  "quantities",
					  "jumlah", "kuantitas", "banyaknya", NULL};

/* 6个月 is six months and 3个工作日 three working days, not pieces. */
static bool not_a_unit(const char *after)
{
	static const char *const next[] = {"月", "工", "小", "星", "季", "年",
					   "周", "礼", "人", "湾", "款", NULL};
	for (const char *const *w = next; *w; w++)
		if (strncmp(after, *w, strlen(*w)) == 0)
			return true;
	return false;
}

static bool ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of word at s when s starts with it as a whole word (any case
 * for ASCII), else 0. */
static size_t word_at(const char *s, const char *word, bool whole)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++) {
		char a = s[i], w = word[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != w)
			return 0;
	}
	return whole && ascii_letter(s[n]) ? 0 : n;
}

static size_t any_word_at(const char *s, const char *const *words, bool whole)
{
	for (const char *const *w = words; *w; w++) {
		size_t n = word_at(s, *w, whole);
		if (n)
			return n;
	}
	return 0;
}

static bool isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* A number at s: 25, 1,000, 1.000 (3 digits after the mark: grouping),
 * 25.00, 1,234.56. Returns its length (0: none) and the value. */
static size_t parse_number(const char *s, double *value)
{
	size_t i = 0;
	double v = 0;
	while (isdig(s[i]) && i < 10)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || isdig(s[i]))
		return 0;
	if (i <= 3)
		while ((s[i] == ',' || s[i] == '.') && isdig(s[i + 1]) && isdig(s[i + 2]) &&
		       isdig(s[i + 3]) && !isdig(s[i + 4])) {
			v = v * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
			    (s[i + 3] - '0');
			i += 4;
			if (v > 1e9)
				return 0;
		}
	if ((s[i] == '.' || s[i] == ',') && isdig(s[i + 1]) &&
	    (!isdig(s[i + 2]) || !isdig(s[i + 3]))) {
		double scale = 0.1;
		size_t j = i + 1;
		for (; isdig(s[j]); j++, scale /= 10)
			v += (s[j] - '0') * scale;
		i = j;
	}
	if (s[i] == '%' || ((s[i] == '-' || s[i] == '/') && isdig(s[i + 1])))
		return 0; /* a share, or part of a date */
	*value = v;
	return i;
}

/* A number may start at norm[i] when it is not the tail of a longer token
 * (A25, 2.5, 3/4) or an ordinal (第5). */
static bool number_start(const char *norm, size_t i)
{
	if (!isdig(norm[i]))
		return false;
	if (i == 0)
		return true;
	char p = norm[i - 1];
	if (isdig(p) || ascii_letter(p) || p == '.' || p == ',' || p == '/' || p == '-' || p == '#')
		return false;
	return !(i >= 3 && strncmp(norm + i - 3, "第", 3) == 0);
}

static size_t skip_spaces(const char *s)
{
	size_t i = 0;
	while (s[i] == ' ')
		i++;
	return i;
}

/* After a quantity word: spaces, line breaks, ":", "(pcs)" … up to the
 * number, within 24 bytes; a letter that is not a unit stops it (so
 * "Jumlah Rp 5.000" is money, not a quantity). */
static bool skip_to_number(const char *s, size_t *gap)
{
	size_t i = 0;
	while (i < 24 && s[i] && !isdig(s[i])) {
		if (strchr(" \n:=()/.-", s[i])) {
			i++;
			continue;
		}
		size_t u = any_word_at(s + i, latin_units, true);
		if (!u)
			return false;
		i += u;
	}
	*gap = i;
	return isdig(s[i]);
}

static void add_quantity(struct evidence_read_quantity *out, size_t max, size_t *n, size_t at,
			 size_t len, double value)
{
	for (size_t k = 0; k < *n; k++)
		if (out[k].at == at)
			return;
	if (*n < max)
		out[(*n)++] = (struct evidence_read_quantity){value, at, len};
}

size_t evidence_read_quantities(const char *norm, struct evidence_read_quantity *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; norm[i] && n < max; i++) {
		double v;
		size_t len;
		if (number_start(norm, i) && (len = parse_number(norm + i, &v))) {
			const char *after = norm + i + len;
			after += skip_spaces(after);
			size_t u = any_word_at(after, cjk_units, false);
			if ((u && !not_a_unit(after + u)) || any_word_at(after, latin_units, true))
				add_quantity(out, max, &n, i, len, v);
		}
		bool boundary = i == 0 || !ascii_letter(norm[i - 1]);
		size_t w = any_word_at(norm + i, cjk_words, false);
		if (!w && boundary)
			w = any_word_at(norm + i, latin_words, true);
		if (!w)
			continue;
		size_t gap;
		if (skip_to_number(norm + i + w, &gap) &&
		    (len = parse_number(norm + i + w + gap, &v)))
			add_quantity(out, max, &n, i + w + gap, len, v);
	}
	/* Both passes add in text order except a word's number found before
	 * the scan reaches it: sort by place. */
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0 && out[b - 1].at > out[b].at; b--) {
			struct evidence_read_quantity t = out[b];
			out[b] = out[b - 1];
			out[b - 1] = t;
		}
	return n;
}

/* ---- mentions ---- */

/* Punctuation and symbols, which a comparison ignores. */
static bool ignorable(uint32_t c)
{
	if (c < 0x80)
		return !is_digit(c) && !is_ascii_alpha(c);
	return (c >= 0x00A1 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
	       (c >= 0x2000 && c <= 0x206F) || (c >= 0x2100 && c <= 0x214F) ||
	       (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x303F) || c == 0x30FB ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF5F && c <= 0xFF65);
}

static uint32_t fold_case(uint32_t c, bool as_number)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		c += 0x20;
	if (as_number && (c == 'o' || c == 'i' || c == 'l'))
		c = c == 'o' ? '0' : '1';
	return c;
}

/* The comparable characters of s, with the byte offset and length of each
 * in s. */
struct key {
	uint32_t *c;
	size_t *at;
	unsigned char *len;
	size_t n;
};

static void key_build(const char *s, bool as_number, struct key *k)
{
	size_t len = strlen(s);
	k->c = xreallocarray(NULL, len + 1, sizeof *k->c);
	k->at = xreallocarray(NULL, len + 1, sizeof *k->at);
	k->len = xmalloc(len + 1);
	k->n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t used = utf8_decode(s + i, len - i, &c);
		if (as_number && c == '|')
			c = '1';
		if (!ignorable(c) && c != ' ' && c != '\n' && c != '\f') {
			k->c[k->n] = fold_case(c, as_number);
			k->at[k->n] = i;
			k->len[k->n++] = (unsigned char)used;
		}
		i += used;
	}
}

static void key_free(struct key *k)
{
	free(k->c);
	free(k->at);
	free(k->len);
}

/* The first end (index past the last character) of p in t, or 0: KMP, so a
 * hostile text costs linear time. */
static size_t find_exact(const struct key *t, const struct key *p)
{
	size_t m = p->n;
	size_t *fail = xreallocarray(NULL, m, sizeof *fail);
	fail[0] = 0;
	for (size_t i = 1, k = 0; i < m; i++) {
		while (k && p->c[i] != p->c[k])
			k = fail[k - 1];
		if (p->c[i] == p->c[k])
			k++;
		fail[i] = k;
	}
	size_t end = 0;
	for (size_t i = 0, k = 0; i < t->n && !end; i++) {
		while (k && t->c[i] != p->c[k])
			k = fail[k - 1];
		if (t->c[i] == p->c[k])
			k++;
		if (k == m)
			end = i + 1;
	}
	free(fail);
	return end;
}

#define NEAR_MAX_PATTERN 160 /* longer answers are looked for exactly */

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
	unsigned m = a < b ? a : b;
	return m < c ? m : c;
}

/* Sellers' algorithm: the end of the stretch of t closest to p (edit
 * distance at most k), the first of the best; 0 when none. */
static size_t find_near(const struct key *t, const struct key *p, unsigned k, unsigned *dist)
{
	size_t m = p->n;
	unsigned col[NEAR_MAX_PATTERN + 1];
	for (size_t i = 0; i <= m; i++)
		col[i] = (unsigned)i;
	size_t end = 0;
	unsigned best = k + 1;
	for (size_t j = 0; j < t->n; j++) {
		unsigned diag = 0; /* col[i-1] of the previous column; row 0 is free */
		for (size_t i = 1; i <= m; i++) {
			unsigned up = col[i];
			col[i] = p->c[i - 1] == t->c[j] ? diag : min3(diag, up, col[i - 1]) + 1;
			diag = up;
		}
		if (col[m] < best) {
			best = col[m];
			end = j + 1;
		}
	}
	*dist = best;
	return best <= k ? end : 0;
}

/* Where the near match ending at end starts: the start whose stretch is
 * closest to p, nearest to end - m. */
static size_t near_start(const struct key *t, const struct key *p, size_t end, unsigned k)
{
	size_t m = p->n, w = m + k < end ? m + k : end; /* the window t[end-w..end) */
	unsigned row[NEAR_MAX_PATTERN + 1], next[NEAR_MAX_PATTERN + 1];
	/* Align p backwards from end: row[i] = distance of p's last i characters
	 * to the window's last j characters. */
	for (size_t i = 0; i <= m; i++)
		row[i] = (unsigned)i;
	unsigned best = row[m];
	size_t start = end;
	for (size_t j = 1; j <= w; j++) {
		uint32_t c = t->c[end - j];
		next[0] = (unsigned)j;
		for (size_t i = 1; i <= m; i++)
			next[i] = p->c[m - i] == c ? row[i - 1]
						   : min3(row[i - 1], row[i], next[i - 1]) + 1;
		memcpy(row, next, (m + 1) * sizeof *row);
		if (row[m] < best || (row[m] == best && j <= m)) {
			best = row[m];
			start = end - j;
		}
	}
	return start;
}

static unsigned near_allowed(size_t n)
{
	return n <= 4 ? 0 : n <= 12 ? 1 : 2;
}

enum evidence_read_match evidence_read_mention(const char *norm, const char *answer, bool as_number,
					       struct evidence_read_seen *seen)
{
	char *a = evidence_read_normalise(answer, strlen(answer));
	struct key t, p;
	key_build(norm, as_number, &t);
	key_build(a, as_number, &p);
	free(a);
	enum evidence_read_match r = EVIDENCE_MATCH_NONE;
	size_t start = 0, end = 0;
	unsigned dist = 0, k = near_allowed(p.n);
	if (p.n == 0 || t.n == 0) {
		/* nothing to look for, or nothing to look in */
	} else if ((end = find_exact(&t, &p))) {
		r = EVIDENCE_MATCH_EXACT;
		start = end - p.n;
	} else if (k && p.n <= NEAR_MAX_PATTERN && (end = find_near(&t, &p, k, &dist))) {
		r = EVIDENCE_MATCH_NEAR;
		start = near_start(&t, &p, end, k);
	}
	if (seen) {
		*seen = (struct evidence_read_seen){0};
		if (r != EVIDENCE_MATCH_NONE && end > start) {
			seen->at = t.at[start];
			seen->len = t.at[end - 1] + t.len[end - 1] - seen->at;
			seen->distance = dist;
		}
	}
	key_free(&t);
	key_free(&p);
	return r;
}

/* ---- languages ---- */

static const char *const en_words[] = {"the",
				       "and",
				       "of",
				       "to",
				       "in",
				       "for",
				       "is",
				       "are",
				       "with",
				       "this",
				       "that",
				       "by",
				       "on",
				       "we",
				       "hereby",
				       "be",
				       "as",
				       "from",
				       "date",
				       "invoice",
				       "total",
				       "quantity",
				       "price",
				       "amount",
				       "company",
				       "limited",
				       "purchase",
				       "goods",
				       "contract",
				       "valid",
				       "until",
				       "buyer",
				       "seller",
				       "brand",
				       "trademark",
				       "certificate",
				       "authorization",
				       "authorisation",
				       "signature",
				       "registration",
				       "address",
				       "description",
				       NULL};
static const char *const id_words[] = {
    "yang",	  "dan",    "di",	"ke",	   "dari",   "untuk",	"dengan", "ini",
    "itu",	  "adalah", "pada",	"dalam",   "tidak",  "akan",	"oleh",	  "atas",
    "kami",	  "kepada", "sebagai",	"tanggal", "jumlah", "harga",	"faktur", "pembeli",
    "penjual",	  "nama",   "alamat",	"barang",  "sampai", "berlaku", "surat",  "kuasa",
    "merek",	  "hak",    "tersebut", "bahwa",   "telah",  "dapat",	"atau",	  "nomor",
    "perusahaan", "satuan", "terima",	"kasih",   NULL};

static bool in_list(const char *w, size_t n, const char *const *list)
{
	for (const char *const *l = list; *l; l++)
		if (strlen(*l) == n && memcmp(*l, w, n) == 0)
			return true;
	return false;
}

struct script_counts {
	double han, kana, hangul, latin, viet, cyrillic, arabic, thai;
	unsigned en, id; /* common words */
};

static bool is_latin_letter(uint32_t c)
{
	return is_ascii_alpha(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

static bool is_viet(uint32_t c)
{
	return (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x1A0 || c == 0x1A1 || c == 0x1AF ||
	       c == 0x1B0 || c == 0x110 || c == 0x111 || c == 0x102 || c == 0x103;
}

static void count_word(struct script_counts *s, const char *w, size_t n)
{
	char low[16];
	if (n == 0 || n >= sizeof low)
		return;
	for (size_t i = 0; i < n; i++)
		low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
	s->en += in_list(low, n, en_words);
	s->id += in_list(low, n, id_words);
}

static void count_scripts(const char *norm, struct script_counts *s)
{
	size_t len = strlen(norm), word = 0, wlen = 0;
	bool ascii_word = true;
	for (size_t i = 0; i <= len;) {
		uint32_t c = 0;
		size_t used = i < len ? utf8_decode(norm + i, len - i, &c) : 1;
		bool letter = i < len && is_latin_letter(c);
		if (letter) {
			if (wlen == 0) {
				word = i;
				ascii_word = true;
			}
			wlen += used;
			ascii_word &= c < 0x80;
			s->latin++;
			s->viet += is_viet(c);
		} else {
			if (wlen && ascii_word)
				count_word(s, norm + word, wlen);
			wlen = 0;
		}
		if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
		    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3007)
			s->han += 3;
		else if ((c >= 0x3041 && c <= 0x30FA) || (c >= 0x31F0 && c <= 0x31FF))
			s->kana += 3;
		else if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
			 (c >= 0x3131 && c <= 0x318E))
			s->hangul += 3;
		else if (c >= 0x400 && c <= 0x4FF)
			s->cyrillic++;
		else if (c >= 0x600 && c <= 0x6FF)
			s->arabic++;
		else if (c >= 0xE00 && c <= 0xE7F)
			s->thai++;
		i += used;
	}
}

static void add_language(struct evidence_read_language *out, size_t max, size_t *n,
			 const char *code, double share)
{
	if (*n < max)
		out[(*n)++] = (struct evidence_read_language){code, share};
}

size_t evidence_read_languages(const char *norm, struct evidence_read_language *out, size_t max)
{
	struct script_counts s = {0};
	count_scripts(norm, &s);
	double total = s.han + s.kana + s.hangul + s.latin + s.cyrillic + s.arabic + s.thai;
	size_t n = 0;
	if (total <= 0)
		return 0;
	double cjk = (s.han + s.kana) / total;
	if (cjk >= 0.1)
		add_language(out, max, &n, s.kana >= 0.1 * (s.han + s.kana) ? "ja" : "zh_CN", cjk);
	if (s.hangul / total >= 0.1)
		add_language(out, max, &n, "ko", s.hangul / total);
	if (s.cyrillic / total >= 0.1)
		add_language(out, max, &n, "ru", s.cyrillic / total);
	if (s.arabic / total >= 0.1)
		add_language(out, max, &n, "ar", s.arabic / total);
	if (s.thai / total >= 0.1)
		add_language(out, max, &n, "th", s.thai / total);
	double latin = s.latin / total;
	if (latin >= 0.1) {
		unsigned hi = s.en > s.id ? s.en : s.id, lo = s.en > s.id ? s.id : s.en;
		if (s.viet >= 0.05 * s.latin)
			add_language(out, max, &n, "vi", latin);
		else if (lo >= 3 && 2 * lo >= hi) {
			double en = latin * s.en / (s.en + s.id);
			add_language(out, max, &n, s.en >= s.id ? "en" : "id",
				     s.en >= s.id ? en : latin - en);
			add_language(out, max, &n, s.en >= s.id ? "id" : "en",
				     s.en >= s.id ? latin - en : en);
		} else if (hi >= 3)
			add_language(out, max, &n, s.en >= s.id ? "en" : "id", latin);
	}
	for (size_t a = 1; a < n; a++) /* the largest share first */
		for (size_t b = a; b > 0 && out[b - 1].share < out[b].share; b--) {
			struct evidence_read_language t = out[b];
			out[b] = out[b - 1];
			out[b - 1] = t;
		}
	return n;
}

const char *evidence_read_language_name(const char *code)
{
	static const struct {
		const char *code, *name;
	} names[] = {
	    {"en", N_("English")},  {"id", N_("Indonesian")}, {"zh_CN", N_("Chinese")},
	    {"ja", N_("Japanese")}, {"ko", N_("Korean")},     {"vi", N_("Vietnamese")},
	    {"th", N_("Thai")},	    {"ru", N_("Russian")},    {"ar", N_("Arabic")},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].code, code) == 0)
			return _(names[i].name);
	return code;
}
