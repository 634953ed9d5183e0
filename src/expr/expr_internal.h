/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr_internal.h — what the pieces of the condition language share: the
 * tokens of the lexer, the tree the parser builds and the evaluator walks,
 * and the date and number helpers. Not for use outside src/expr*.c. */
#ifndef IPWIZ_EXPR_INTERNAL_H
#define IPWIZ_EXPR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "expr.h"

/* Deepest nesting a condition may have: parentheses, lists, function calls,
 * `not` and `-` in front of a value, and the height of the tree built from
 * them. Flow authors never need more; hostile input must not exhaust the
 * stack of the parser or of the evaluator. */
#define EXPR_MAX_DEPTH 64

/* The dates the language can hold: 0001-01-01 … 9999-12-31. */
#define EXPR_DAYS_MIN (-719162L)
#define EXPR_DAYS_MAX 2932896L

enum expr_tok {
	TOK_END,
	TOK_NUMBER,
	TOK_STRING,
	TOK_NAME, /* a field path or a function name: "grounds", "products.2.url", "today" */
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_LBRACKET,
	TOK_RBRACKET,
	TOK_COMMA,
	TOK_EQ,
	TOK_NE,
	TOK_LT,
	TOK_LE,
	TOK_GT,
	TOK_GE,
	TOK_PLUS,
	TOK_MINUS,
	TOK_AND,
	TOK_OR,
	TOK_NOT,
	TOK_IN,
	TOK_TRUE,
	TOK_FALSE,
	TOK_NULL
};

struct expr_token {
	enum expr_tok kind;
	size_t start, len; /* bytes of src */
	int column;	   /* 1-based, in characters */
	double num;	   /* TOK_NUMBER */
	char *text;	   /* TOK_STRING: the text without quotes; TOK_NAME: the name (owned) */
};

struct expr_lexer {
	const char *src;
	size_t pos;
	int column; /* of src[pos] */
	struct ipw_error *err;
};

/* Read the next token into tok (whose text the caller frees). On a mistake
 * returns false with err filled. */
bool expr_lex_next(struct expr_lexer *lx, struct expr_token *tok);
/* src[start..start+len) made safe and short enough to quote in a message. */
char *expr_lex_quote(const char *src, size_t start, size_t len);

enum expr_kind {
	EXPR_LIT,   /* lit */
	EXPR_REF,   /* path */
	EXPR_TODAY, /* the built-in today */
	EXPR_LIST,  /* kids: the items */
	EXPR_NOT,   /* kids[0] */
	EXPR_NEG,   /* kids[0] */
	EXPR_AND,   /* kids: two or more */
	EXPR_OR,    /* kids: two or more */
	EXPR_CMP,   /* op: enum expr_tok of the operator; kids[0], kids[1] */
	EXPR_IN,    /* op: 1 for `not in`; kids[0] in kids[1] */
	EXPR_ADD,   /* kids[0] + kids[1] */
	EXPR_SUB,   /* kids[0] - kids[1] */
	EXPR_CALL   /* op: enum expr_func; kids: the arguments */
};

enum expr_func { FUNC_ANSWERED, FUNC_COUNT, FUNC_HAS, FUNC_LEN, FUNC_DATE, FUNC_HOST_IN };

struct expr_node {
	enum expr_kind kind;
	int op;
	int column; /* where it was written, 1-based */
	int height; /* 1 for a leaf */
	struct value lit;
	char *path;
	struct expr_node **kids;
	size_t nkids;
};

struct expr {
	char *src;
	struct expr_node *root;
};

void expr_node_free(struct expr_node *n);

/* Answer text as a number: digits with an optional sign and decimal point,
 * spaces around allowed. The same in every locale (never strtod, which
 * reads "3,5" in Indonesian). */
bool expr_parse_number(const char *s, size_t n, double *out);

/* Characters (code points) of a UTF-8 string. */
size_t expr_utf8_length(const char *s);

#endif
