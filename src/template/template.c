/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.c — parsing document templates and walking them (syntax in
 * template.h). Literal text is kept byte for byte, newlines included, so a
 * flow author controls the layout exactly; tags never eat whitespace. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "template.h"

enum tnode_kind { TNODE_TEXT, TNODE_VALUE, TNODE_IF, TNODE_EACH };

struct tblock {
	struct tnode *v;
	size_t n, cap;
};

struct tbranch {
	struct expr *cond; /* NULL for #else */
	int line, column;  /* of the expression */
	struct tblock body;
};

struct tnode {
	enum tnode_kind kind;
	char *text; /* literal text, a {{field}} path or an #each list */
	int line, column;
	struct tbranch *branches; /* TNODE_IF */
	size_t nbranches;
	struct tblock body; /* TNODE_EACH */
};

struct template
{
	struct tblock root;
};

/* What ended a block while parsing. */
enum tstop { TSTOP_EOF, TSTOP_ELIF, TSTOP_ELSE, TSTOP_ENDIF, TSTOP_ENDEACH };

struct tparser {
	const char *src, *p;
	int line, column; /* of p */
	struct ipw_error *err;
	bool failed;
	/* The closing tag that stopped the last block, with its argument. */
	const char *arg;
	size_t arglen;
	int tag_line, tag_column, arg_line, arg_column;
};

static void block_free(struct tblock *b);

static void node_free(struct tnode *n)
{
	free(n->text);
	for (size_t i = 0; i < n->nbranches; i++) {
		expr_free(n->branches[i].cond);
		block_free(&n->branches[i].body);
	}
	free(n->branches);
	block_free(&n->body);
}

static void block_free(struct tblock *b)
{
	for (size_t i = 0; i < b->n; i++)
		node_free(&b->v[i]);
	free(b->v);
	memset(b, 0, sizeof(*b));
}

void template_free(struct template *t)
{
	if (!t)
		return;
	block_free(&t->root);
	free(t);
}

static struct tnode *block_push(struct tblock *b, enum tnode_kind kind, int line, int column)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->v = xreallocarray(b->v, b->cap, sizeof(*b->v));
	}
	struct tnode *n = &b->v[b->n++];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->line = line;
	n->column = column;
	return n;
}

/* Move p forward by n bytes, counting lines and characters (columns are
 * characters, so a CJK template reports the column a person sees). */
static void advance(struct tparser *tp, size_t n)
{
	for (size_t i = 0; i < n && *tp->p; i++, tp->p++) {
		unsigned char c = (unsigned char)*tp->p;
		if (c == '\n') {
			tp->line++;
			tp->column = 1;
		} else if ((c & 0xC0) != 0x80) {
			tp->column++;
		}
	}
}

static int fail_at(struct tparser *tp, int line, int column, const char *msg)
{
	if (!tp->failed)
		ipw_error_at(tp->err, IPW_EUSER, "", line, column, "%s", msg);
	tp->failed = true;
	return -1;
}

static bool is_path_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

/* A {{field}} tag or #each name: field ids joined by dots, none empty. */
static bool valid_path(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_path_char(s[i]) || (s[i] == '.' && s[i + 1] == '.'))
			return false;
	return true;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does the tag body start with keyword kw followed by a space or its end? */
static bool tag_is(const char *body, size_t n, const char *kw)
{
	size_t k = strlen(kw);
	return n >= k && memcmp(body, kw, k) == 0 && (n == k || is_space(body[k]));
}

/* Skip kw and the spaces after it, moving line and column along. */
static void tag_arg(const char *body, size_t n, size_t kwlen, int *line, int *column,
		    const char **arg, size_t *arglen)
{
	size_t i = kwlen;
	*column += (int)kwlen;
	for (; i < n && is_space(body[i]); i++) {
		if (body[i] == '\n') {
			(*line)++;
			*column = 1;
		} else {
			(*column)++;
		}
	}
	*arg = body + i;
	*arglen = n - i;
}

static int parse_block(struct tparser *tp, struct tblock *b, int depth, enum tstop *stop);

/* Parse an #if expression, moving its error position into the template. */
static struct expr *parse_cond(struct tparser *tp, const char *s, size_t n, int line, int column)
{
	char *src = xstrndup(s, n);
	struct ipw_error e;
	ipw_error_clear(&e);
	struct expr *x = n ? expr_parse(src, &e) : NULL;
	if (!x) {
		int col = column + (e.column > 0 ? e.column - 1 : 0);
		if (!tp->failed) {
			if (n)
				ipw_error_at(tp->err, IPW_EUSER, "", line, col, _("In {{#if}}: %s"),
					     e.msg);
			else
				ipw_error_at(tp->err, IPW_EUSER, "", line, column, "%s",
					     _("{{#if}} needs a condition, e.g. {{#if ip_type == "
					       "\"patent\"}}."));
		}
		tp->failed = true;
	}
	free(src);
	return x;
}

static int parse_if(struct tparser *tp, struct tblock *b, int depth, int line, int column)
{
	struct tnode *node = block_push(b, TNODE_IF, line, column);
	const char *arg = tp->arg;
	size_t arglen = tp->arglen;
	int aline = tp->arg_line, acol = tp->arg_column;
	bool is_else = false;
	for (;;) {
		node->branches =
		    xreallocarray(node->branches, node->nbranches + 1, sizeof(*node->branches));
		struct tbranch *br = &node->branches[node->nbranches++];
		memset(br, 0, sizeof(*br));
		br->line = aline;
		br->column = acol;
		if (!is_else && !(br->cond = parse_cond(tp, arg, arglen, aline, acol)))
			return -1;
		enum tstop stop;
		if (parse_block(tp, &br->body, depth + 1, &stop) < 0)
			return -1;
		if (stop == TSTOP_ENDIF)
			return 0;
		if (stop == TSTOP_EOF)
			return fail_at(
			    tp, line, column,
			    _("This {{#if}} is never closed: add {{/if}} where it ends."));
		if (stop == TSTOP_ENDEACH)
			return fail_at(tp, tp->tag_line, tp->tag_column,
				       _("{{/each}} closes an {{#if}}: use {{/if}} first."));
		if (is_else)
			return fail_at(
			    tp, tp->tag_line, tp->tag_column,
			    _("Nothing may follow {{#else}} in an {{#if}} but {{/if}}."));
		is_else = stop == TSTOP_ELSE;
		arg = tp->arg;
		arglen = tp->arglen;
		aline = tp->arg_line;
		acol = tp->arg_column;
	}
}

static int parse_each(struct tparser *tp, struct tblock *b, int depth, int line, int column)
{
	if (!valid_path(tp->arg, tp->arglen))
		return fail_at(
		    tp, tp->arg_line, tp->arg_column,
		    _("{{#each}} needs the id of a list field, e.g. {{#each products}}."));
	struct tnode *node = block_push(b, TNODE_EACH, line, column);
	node->text = xstrndup(tp->arg, tp->arglen);
	enum tstop stop;
	if (parse_block(tp, &node->body, depth + 1, &stop) < 0)
		return -1;
	if (stop == TSTOP_ENDEACH)
		return 0;
	if (stop == TSTOP_EOF)
		return fail_at(tp, line, column,
			       _("This {{#each}} is never closed: add {{/each}} where it ends."));
	return fail_at(tp, tp->tag_line, tp->tag_column,
		       _("This tag belongs to an {{#if}}, but the innermost open block is an "
			 "{{#each}}: close it with {{/each}} first."));
}

/* One {{tag}} whose body is body[0..n); line/column are of the "{{". Returns
 * 1 when the tag ends the current block (*stop set), 0 to go on, -1 on error. */
static int parse_tag(struct tparser *tp, struct tblock *b, int depth, const char *body, size_t n,
		     int line, int column, enum tstop *stop)
{
	int aline = line, acol = column + 2;
	/* Leading spaces inside the braces. */
	while (n && is_space(*body)) {
		if (*body == '\n') {
			aline++;
			acol = 1;
		} else {
			acol++;
		}
		body++;
		n--;
	}
	while (n && is_space(body[n - 1]))
		n--;
	static const struct {
		const char *kw;
		enum tstop stop;
	} closers[] = {{"#elif", TSTOP_ELIF},
		       {"#else", TSTOP_ELSE},
		       {"/if", TSTOP_ENDIF},
		       {"/each", TSTOP_ENDEACH}};
	tp->tag_line = line;
	tp->tag_column = column;
	if (n && body[0] == '!')
		return 0;
	for (size_t i = 0; i < sizeof(closers) / sizeof(closers[0]); i++) {
		if (!tag_is(body, n, closers[i].kw))
			continue;
		tp->arg_line = aline;
		tp->arg_column = acol;
		tag_arg(body, n, strlen(closers[i].kw), &tp->arg_line, &tp->arg_column, &tp->arg,
			&tp->arglen);
		if (closers[i].stop != TSTOP_ELIF && tp->arglen)
			return fail_at(tp, line, column,
				       _("Closing tags take nothing after their name: write "
					 "{{/if}}, {{#else}} or {{/each}}."));
		*stop = closers[i].stop;
		return 1;
	}
	bool is_if = tag_is(body, n, "#if"), is_each = tag_is(body, n, "#each");
	if (is_if || is_each) {
		if (depth >= TEMPLATE_MAX_DEPTH)
			return fail_at(tp, line, column,
				       _("Blocks are nested too deeply in this template."));
		tp->arg_line = aline;
		tp->arg_column = acol;
		tag_arg(body, n, is_if ? 3 : 5, &tp->arg_line, &tp->arg_column, &tp->arg,
			&tp->arglen);
		return is_if ? parse_if(tp, b, depth, line, column)
			     : parse_each(tp, b, depth, line, column);
	}
	if (n && (body[0] == '#' || body[0] == '/'))
		return fail_at(tp, line, column,
			       _("Unknown tag: the template knows {{#if}}, {{#elif}}, {{#else}}, "
				 "{{/if}}, {{#each}}, {{/each}} and {{! comments }}."));
	if (!valid_path(body, n))
		return fail_at(tp, aline, acol,
			       _("A {{…}} tag holds one field id, such as {{complaint_number}} "
				 "or {{products.2.url}}."));
	struct tnode *node = block_push(b, TNODE_VALUE, aline, acol);
	node->text = xstrndup(body, n);
	return 0;
}

static int parse_block(struct tparser *tp, struct tblock *b, int depth, enum tstop *stop)
{
	for (;;) {
		const char *open = strstr(tp->p, "{{");
		size_t textlen = open ? (size_t)(open - tp->p) : strlen(tp->p);
		if (textlen) {
			struct tnode *t = block_push(b, TNODE_TEXT, tp->line, tp->column);
			/* The flow's own text is held to the same rule as answers:
			 * no control character reaches a document. */
			char *raw = xstrndup(tp->p, textlen);
			struct strbuf clean;
			strbuf_init(&clean);
			escape_document(&clean, raw, DOC_TEXT, true);
			t->text = strbuf_detach(&clean);
			free(raw);
			advance(tp, textlen);
		}
		if (!open) {
			*stop = TSTOP_EOF;
			return 0;
		}
		int line = tp->line, column = tp->column;
		const char *close = strstr(open + 2, "}}");
		if (!close)
			return fail_at(tp, line, column,
				       _("This {{ is never closed: end the tag with }}."));
		const char *body = open + 2;
		size_t n = (size_t)(close - body);
		advance(tp, n + 4);
		int r = parse_tag(tp, b, depth, body, n, line, column, stop);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
}

struct template *template_parse(const char *src, struct ipw_error *err)
{
	struct tparser tp = {.src = src, .p = src, .line = 1, .column = 1, .err = err};
	struct template *t = xcalloc(1, sizeof(*t));
	enum tstop stop;
	if (parse_block(&tp, &t->root, 0, &stop) == 0 && stop != TSTOP_EOF) {
		static const char *const stray[] = {
		    [TSTOP_ELIF] = N_("This {{#elif}} has no {{#if}} before it."),
		    [TSTOP_ELSE] = N_("This {{#else}} has no {{#if}} before it."),
		    [TSTOP_ENDIF] = N_("This {{/if}} closes no {{#if}}."),
		    [TSTOP_ENDEACH] = N_("This {{/each}} closes no {{#each}}."),
		};
		fail_at(&tp, tp.tag_line, tp.tag_column, _(stray[stop]));
	}
	if (tp.failed) {
		template_free(t);
		return NULL;
	}
	return t;
}

bool template_evidence_list(const char *list, const char **package)
{
	if (package)
		*package = NULL;
	if (strncmp(list, "evidence", 8) != 0 || (list[8] && list[8] != '.'))
		return false;
	if (list[8] == '.' && package)
		*package = list + 9;
	return true;
}

/* Names the engine itself answers: never field references. */
static bool is_builtin(const char *ref, bool in_each, bool in_evidence)
{
	static const char *const evidence_names[] = {"number", "file", "proves", "date",
						     "field",  "mime", "sha256"};
	if (strcmp(ref, "today") == 0 || strncmp(ref, "case.", 5) == 0 ||
	    strncmp(ref, "flow.", 5) == 0 || strncmp(ref, "deadline.", 9) == 0)
		return true;
	if (in_each && strcmp(ref, "index") == 0)
		return true;
	if (in_evidence)
		for (size_t i = 0; i < sizeof(evidence_names) / sizeof(evidence_names[0]); i++)
			if (strcmp(ref, evidence_names[i]) == 0)
				return true;
	return false;
}

struct refs_walk {
	void (*fn)(const char *ref, const char *list, int line, int column, void *ctx);
	void *ctx;
	const char *list;
	int line, column;
};

static void expr_ref(const char *ref, int column, void *ctx)
{
	struct refs_walk *w = ctx;
	if (strcmp(ref, "today") != 0)
		w->fn(ref, w->list, w->line, w->column + (column > 0 ? column - 1 : 0), w->ctx);
}

/* "ip_type.value" asks for the stored value of ip_type: the field is ip_type. */
static void value_ref(struct refs_walk *w, const char *ref, int line, int column)
{
	size_t n = strlen(ref);
	if (n > 6 && strcmp(ref + n - 6, ".value") == 0) {
		char *base = xstrndup(ref, n - 6);
		w->fn(base, w->list, line, column, w->ctx);
		free(base);
		return;
	}
	w->fn(ref, w->list, line, column, w->ctx);
}

static void refs_block(const struct tblock *b, struct refs_walk *w, bool in_each, bool in_ev)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct tnode *n = &b->v[i];
		switch (n->kind) {
		case TNODE_TEXT:
			break;
		case TNODE_VALUE:
			if (!is_builtin(n->text, in_each, in_ev))
				value_ref(w, n->text, n->line, n->column);
			break;
		case TNODE_IF:
			for (size_t j = 0; j < n->nbranches; j++) {
				const struct tbranch *br = &n->branches[j];
				if (br->cond) {
					w->line = br->line;
					w->column = br->column;
					expr_refs(br->cond, expr_ref, w);
				}
				refs_block(&br->body, w, in_each, in_ev);
			}
			break;
		case TNODE_EACH: {
			bool ev = template_evidence_list(n->text, NULL);
			if (!ev)
				w->fn(n->text, w->list, n->line, n->column, w->ctx);
			const char *outer = w->list;
			w->list = ev ? "" : n->text;
			refs_block(&n->body, w, true, ev);
			w->list = outer;
			break;
		}
		}
	}
}

void template_refs(const struct template *t,
		   void (*fn)(const char *ref, const char *list, int line, int column, void *ctx),
		   void *ctx)
{
	struct refs_walk w = {.fn = fn, .ctx = ctx, .list = ""};
	refs_block(&t->root, &w, false, false);
}

/* Nodes visited at most: nested #each blocks over empty bodies would
 * otherwise spin for ever without growing the output. */
#define TEMPLATE_MAX_STEPS (1L << 22)

struct render_walk {
	const struct template_ops *ops;
	struct strbuf *out;
	long steps;
	bool overflow;
	/* Where the last answer put in ended: a sentence's full stop right
	 * after an answer that ends with one ("Co., Ltd.") is not doubled. */
	size_t value_end;
};

static void render_block(const struct tblock *b, struct render_walk *w,
			 const struct template_scope *scope)
{
	for (size_t i = 0; i < b->n && !w->overflow; i++) {
		const struct tnode *n = &b->v[i];
		switch (n->kind) {
		case TNODE_TEXT: {
			const char *text = n->text;
			if (w->out->len && w->out->len == w->value_end &&
			    w->out->s[w->out->len - 1] == '.' && text[0] == '.' && text[1] != '.')
				text++;
			strbuf_add(w->out, text);
			break;
		}
		case TNODE_VALUE: {
			size_t before = w->out->len;
			w->ops->value(w->ops->ctx, n->text, scope, w->out);
			if (w->out->len > before)
				w->value_end = w->out->len;
			break;
		}
		case TNODE_IF:
			for (size_t j = 0; j < n->nbranches; j++) {
				const struct tbranch *br = &n->branches[j];
				if (!br->cond || w->ops->test(w->ops->ctx, br->cond, scope)) {
					render_block(&br->body, w, scope);
					break;
				}
			}
			break;
		case TNODE_EACH: {
			size_t count = w->ops->count(w->ops->ctx, n->text, scope);
			for (size_t k = 1; k <= count && !w->overflow; k++) {
				struct template_scope inner = {n->text, k, scope};
				render_block(&n->body, w, &inner);
			}
			break;
		}
		}
		if (w->out->len > TEMPLATE_MAX_BYTES || ++w->steps > TEMPLATE_MAX_STEPS)
			w->overflow = true;
	}
}

int template_render(const struct template *t, const struct template_ops *ops, struct strbuf *out)
{
	struct render_walk w = {.ops = ops, .out = out};
	render_block(&t->root, &w, NULL);
	return w.overflow ? IPW_EUSER : IPW_OK;
}

int template_overflow_error(struct ipw_error *err)
{
	return ipw_error_set(err, IPW_EUSER,
			     _("This document grows past %d MB: its {{#each}} blocks repeat "
			       "too much."),
			     TEMPLATE_MAX_BYTES / (1024 * 1024));
}

/* Every {{#each LIST}}, for the loader's "is it a list?" check. */
static void lists_block(const struct tblock *b, const char *outer,
			void (*fn)(const char *list, const char *outer, int line, int column,
				   void *ctx),
			void *ctx)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct tnode *n = &b->v[i];
		if (n->kind == TNODE_IF)
			for (size_t j = 0; j < n->nbranches; j++)
				lists_block(&n->branches[j].body, outer, fn, ctx);
		if (n->kind != TNODE_EACH)
			continue;
		bool ev = template_evidence_list(n->text, NULL);
		fn(n->text, outer, n->line, n->column, ctx);
		lists_block(&n->body, ev ? "" : n->text, fn, ctx);
	}
}

void template_lists(const struct template *t,
		    void (*fn)(const char *list, const char *outer, int line, int column,
			       void *ctx),
		    void *ctx)
{
	lists_block(&t->root, "", fn, ctx);
}
