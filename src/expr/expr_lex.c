/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr_lex.c — the words of the condition language: names, "text", numbers
 * and operators, each with the column it starts at (in characters, as the
 * YAML loader counts them, so a flow error points at the right place). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr_internal.h"

/* Longest piece of the source quoted in a message, in bytes. */
#define QUOTE_MAX 40

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
	return is_alpha(c) || is_digit(c);
}

/* Move over n bytes; a column is a character, so continuation bytes of a
 * multi-byte character do not count. */
static void skip(struct expr_lexer *lx, size_t n)
{
	for (size_t i = 0; i < n && lx->src[lx->pos]; i++) {
		if (((unsigned char)lx->src[lx->pos] & 0xC0) != 0x80)
			lx->column++;
		lx->pos++;
	}
}

char *expr_lex_quote(const char *src, size_t start, size_t len)
{
	if (len > QUOTE_MAX) {
		len = QUOTE_MAX;
		while (len > 0 && ((unsigned char)src[start + len] & 0xC0) == 0x80)
			len--;
	}
	char *raw = xstrndup(src + start, len);
	char *safe = utf8_sanitize(raw);
	free(raw);
	return safe;
}

static bool fail_at(struct expr_lexer *lx, int column, const char *msg)
{
	ipw_error_at(lx->err, IPW_EUSER, NULL, 0, column, "%s", msg);
	return false;
}

/* Digits with at most one decimal point; *used gets the bytes read. */
static bool read_decimal(const char *s, size_t n, size_t *used, double *out)
{
	double v = 0, scale = 1;
	size_t i = 0, digits = 0;
	for (; i < n && is_digit(s[i]); i++, digits++)
		v = v * 10 + (s[i] - '0');
	if (i < n && s[i] == '.') {
		i++;
		/* Exact for up to 22 decimals: both v and the power of ten are
		 * whole numbers a double holds exactly, and one division rounds
		 * correctly. */
		for (; i < n && is_digit(s[i]); i++, digits++) {
			v = v * 10 + (s[i] - '0');
			scale *= 10;
		}
	}
	*used = i;
	*out = v / scale;
	return digits > 0 && isfinite(*out);
}

bool expr_parse_number(const char *s, size_t n, double *out)
{
	size_t i = 0, used;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	bool neg = i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	if (!read_decimal(s + i, n - i, &used, out))
		return false;
	for (i += used; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i != n)
		return false;
	if (neg)
		*out = -*out;
	return true;
}

size_t expr_utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static bool lex_number(struct expr_lexer *lx, struct expr_token *tok)
{
	const char *s = lx->src + lx->pos;
	size_t used;
	bool ok = read_decimal(s, strlen(s), &used, &tok->num);
	size_t end = used;
	/* "3days" or "2.x": one word, so say what is wrong with all of it. */
	while (is_word(s[end]) || s[end] == '.')
		end++;
	if (end != used) {
		char *q = expr_lex_quote(lx->src, lx->pos, end);
		char *m = xasprintf(_("“%s” is neither a number nor a field name: a field name "
				      "starts with a letter"),
				    q);
		fail_at(lx, lx->column, m);
		free(m);
		free(q);
		return false;
	}
	if (!ok) {
		char *q = expr_lex_quote(lx->src, lx->pos, used);
		char *m = xasprintf(_("the number %s has too many digits"), q);
		fail_at(lx, lx->column, m);
		free(m);
		free(q);
		return false;
	}
	tok->kind = TOK_NUMBER;
	skip(lx, used);
	return true;
}

static bool lex_string(struct expr_lexer *lx, struct expr_token *tok)
{
	char quote = lx->src[lx->pos];
	int column = lx->column;
	struct strbuf b;
	strbuf_init(&b);
	skip(lx, 1);
	while (lx->src[lx->pos] && lx->src[lx->pos] != quote) {
		char c = lx->src[lx->pos];
		/* A backslash keeps the next character as it is, so a text can
		 * hold its own quote; \n is a line break (multichoice values). */
		if (c == '\\' && lx->src[lx->pos + 1]) {
			skip(lx, 1);
			c = lx->src[lx->pos] == 'n' ? '\n' : lx->src[lx->pos];
		}
		strbuf_addc(&b, c);
		skip(lx, 1);
	}
	if (!lx->src[lx->pos]) {
		strbuf_free(&b);
		char *m = xasprintf(_("expected %c to end the text that starts at column %d"),
				    quote, column);
		fail_at(lx, lx->column, m);
		free(m);
		return false;
	}
	skip(lx, 1);
	tok->kind = TOK_STRING;
	tok->text = strbuf_detach(&b);
	return true;
}

static const struct {
	const char *word;
	enum expr_tok kind;
} keywords[] = {
    {"and", TOK_AND},	{"or", TOK_OR},	      {"not", TOK_NOT},	  {"in", TOK_IN},
    {"true", TOK_TRUE}, {"false", TOK_FALSE}, {"null", TOK_NULL},
};

/* A name is words joined by dots: grounds, products.2.url, truth.name. */
static bool lex_name(struct expr_lexer *lx, struct expr_token *tok)
{
	const char *s = lx->src + lx->pos;
	size_t n = 0;
	while (is_word(s[n]))
		n++;
	while (s[n] == '.') {
		if (!is_word(s[n + 1])) {
			skip(lx, n);
			return fail_at(
			    lx, lx->column,
			    _("a field name cannot end with a dot: write what follows it, "
			      "as in products.2.url"));
		}
		for (n++; is_word(s[n]);)
			n++;
	}
	tok->kind = TOK_NAME;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i].word) == n && memcmp(s, keywords[i].word, n) == 0)
			tok->kind = keywords[i].kind;
	if (tok->kind == TOK_NAME)
		tok->text = xstrndup(s, n);
	skip(lx, n);
	return true;
}

/* Characters people type from other languages get a hint, not a shrug. */
static bool lex_unexpected(struct expr_lexer *lx)
{
	const char *s = lx->src + lx->pos;
	if (s[0] == '=')
		return fail_at(lx, lx->column, _("write == to compare two values"));
	if (s[0] == '!')
		return fail_at(lx, lx->column, _("write != for “is not”, or the word not"));
	if (s[0] == '&')
		return fail_at(lx, lx->column, _("write the word and instead of &&"));
	if (s[0] == '|')
		return fail_at(lx, lx->column, _("write the word or instead of ||"));
	uint32_t cp;
	size_t len = utf8_decode(s, strlen(s), &cp);
	char *q = expr_lex_quote(lx->src, lx->pos, len);
	char *m = xasprintf(_("“%s” cannot be used in a condition"), q);
	fail_at(lx, lx->column, m);
	free(m);
	free(q);
	return false;
}

static const struct {
	const char *text;
	enum expr_tok kind;
} operators[] = {
    {"==", TOK_EQ},	 {"!=", TOK_NE},      {"<=", TOK_LE},	 {">=", TOK_GE},
    {"<", TOK_LT},	 {">", TOK_GT},	      {"(", TOK_LPAREN}, {")", TOK_RPAREN},
    {"[", TOK_LBRACKET}, {"]", TOK_RBRACKET}, {",", TOK_COMMA},	 {"+", TOK_PLUS},
    {"-", TOK_MINUS},
};

bool expr_lex_next(struct expr_lexer *lx, struct expr_token *tok)
{
	memset(tok, 0, sizeof(*tok));
	while (strchr(" \t\r\n", lx->src[lx->pos]) && lx->src[lx->pos])
		skip(lx, 1);
	tok->start = lx->pos;
	tok->column = lx->column;
	const char *s = lx->src + lx->pos;
	bool ok = true;
	if (!*s)
		tok->kind = TOK_END;
	else if (is_digit(*s))
		ok = lex_number(lx, tok);
	else if (*s == '"' || *s == '\'')
		ok = lex_string(lx, tok);
	else if (is_alpha(*s))
		ok = lex_name(lx, tok);
	else {
		size_t i = 0, nops = sizeof(operators) / sizeof(operators[0]);
		while (i < nops && strncmp(s, operators[i].text, strlen(operators[i].text)) != 0)
			i++;
		if (i == nops)
			return lex_unexpected(lx);
		tok->kind = operators[i].kind;
		skip(lx, strlen(operators[i].text));
	}
	tok->len = lx->pos - tok->start;
	return ok;
}
