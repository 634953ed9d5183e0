/* SPDX-License-Identifier: GPL-3.0-or-later */
/* yaml_tree.c — libyaml events into a position-keeping tree (yaml_tree.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "i18n.h"
#include "xalloc.h"
#include "yaml_tree.h"

struct builder {
	const char *name;
	const char *buf;
	size_t len;
	struct ipw_diags *diags;
	size_t max_depth;
	struct ynode *stack[256];
	size_t depth;
	bool pending_key[256]; /* in a mapping: the next scalar is a key */
	struct ynode *root;
	bool failed;
};

static void node_free_contents(struct ynode *n)
{
	free(n->text);
	for (size_t i = 0; i < n->n; i++) {
		node_free_contents(&n->items[i]);
		if (n->keys)
			node_free_contents(&n->keys[i]);
	}
	free(n->items);
	free(n->keys);
}

void ytree_free(struct ynode *n)
{
	if (!n)
		return;
	node_free_contents(n);
	free(n);
}

static void set_pos(struct ynode *n, const yaml_event_t *ev)
{
	n->line = (int)ev->start_mark.line + 1;
	n->column = (int)ev->start_mark.column + 1;
}

static void error_at(struct builder *b, const yaml_event_t *ev, const char *msg)
{
	ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, (int)ev->start_mark.line + 1,
		      (int)ev->start_mark.column + 1, "%s", msg);
	b->failed = true;
}

/* Where a new node goes: a fresh slot in the open collection (for a mapping,
 * the key slot or the value slot) or the root. */
static struct ynode *new_slot(struct builder *b, const yaml_event_t *ev, bool *is_key)
{
	*is_key = false;
	if (b->depth == 0) {
		b->root = xcalloc(1, sizeof *b->root);
		return b->root;
	}
	struct ynode *top = b->stack[b->depth - 1];
	if (top->kind == YNODE_MAP && b->pending_key[b->depth - 1]) {
		*is_key = true;
		if (top->n == top->cap) {
			top->cap = top->cap ? top->cap * 2 : 8;
			top->items = xreallocarray(top->items, top->cap, sizeof *top->items);
			top->keys = xreallocarray(top->keys, top->cap, sizeof *top->keys);
		}
		memset(&top->keys[top->n], 0, sizeof top->keys[0]);
		memset(&top->items[top->n], 0, sizeof top->items[0]);
		return &top->keys[top->n];
	}
	if (top->kind == YNODE_MAP) /* the value of the key just read */
		return &top->items[top->n - 1];
	if (top->n == top->cap) {
		top->cap = top->cap ? top->cap * 2 : 8;
		top->items = xreallocarray(top->items, top->cap, sizeof *top->items);
	}
	memset(&top->items[top->n], 0, sizeof top->items[0]);
	return &top->items[top->n++];
}

/* After a key or value completed in the open mapping, flip what comes next. */
static void after_node(struct builder *b, bool was_key)
{
	if (b->depth == 0)
		return;
	struct ynode *top = b->stack[b->depth - 1];
	if (top->kind != YNODE_MAP)
		return;
	if (was_key) {
		top->n++;
		b->pending_key[b->depth - 1] = false;
	} else {
		b->pending_key[b->depth - 1] = true;
	}
}

/* Keys of one mapping in order of their text, then of where they stand. */
static int key_order(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a,
			   *y = *(const struct ynode *const *)b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	int c = memcmp(x->text, y->text, x->len);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->column > y->column) - (x->column < y->column);
}

/* A key twice in one mapping: one of the two values would be lost unseen.
 * Checked once the mapping is complete, by sorting its keys — comparing each
 * key with every earlier one made a 1 MiB file take half a minute. Every
 * repetition after the first is reported where it stands. */
static void report_duplicate_keys(struct builder *b, const struct ynode *map)
{
	if (map->n < 2)
		return;
	const struct ynode **v = xreallocarray(NULL, map->n, sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < map->n; i++)
		if (map->keys[i].kind == YNODE_SCALAR)
			v[n++] = &map->keys[i];
	qsort(v, n, sizeof(*v), key_order);
	for (size_t i = 1; i < n; i++)
		if (v[i]->len == v[i - 1]->len &&
		    memcmp(v[i]->text, v[i - 1]->text, v[i]->len) == 0) {
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, v[i]->line, v[i]->column,
				      _("the key “%s” appears twice in this mapping"), v[i]->text);
			b->failed = true;
		}
	free(v);
}

static void on_scalar(struct builder *b, const yaml_event_t *ev)
{
	bool is_key;
	struct ynode *n = new_slot(b, ev, &is_key);
	n->kind = YNODE_SCALAR;
	set_pos(n, ev);
	n->len = ev->data.scalar.length;
	n->text = xmalloc(n->len + 1);
	memcpy(n->text, ev->data.scalar.value, n->len);
	n->text[n->len] = '\0';
	yaml_scalar_style_t style = ev->data.scalar.style;
	n->quoted =
	    style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	n->block = style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE;
	after_node(b, is_key);
}

/* Returns false (parsing stops) when the collection cannot be taken. */
static bool on_start(struct builder *b, const yaml_event_t *ev, enum ynode_kind kind)
{
	bool is_key;
	if (b->depth >= b->max_depth || b->depth >= sizeof b->stack / sizeof b->stack[0]) {
		error_at(b, ev, _("the file is nested too deeply"));
		return false;
	}
	if (b->depth > 0 && b->stack[b->depth - 1]->kind == YNODE_MAP &&
	    b->pending_key[b->depth - 1]) {
		error_at(b, ev, _("a mapping key must be plain text"));
		return false;
	}
	struct ynode *n = new_slot(b, ev, &is_key);
	n->kind = kind;
	set_pos(n, ev);
	b->stack[b->depth] = n;
	b->pending_key[b->depth] = kind == YNODE_MAP;
	b->depth++;
	return true;
}

static void on_end(struct builder *b)
{
	if (b->depth == 0)
		return;
	if (b->stack[b->depth - 1]->kind == YNODE_MAP)
		report_duplicate_keys(b, b->stack[b->depth - 1]);
	b->depth--;
	after_node(b, false);
}

static bool has_anchor_or_tag(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor ||
		       (ev->data.scalar.tag && !ev->data.scalar.plain_implicit &&
			!ev->data.scalar.quoted_implicit);
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor || !ev->data.sequence_start.implicit;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor || !ev->data.mapping_start.implicit;
	default:
		return false;
	}
}

/* libyaml's words are for YAML experts; the two mistakes flow authors make
 * most get a sentence of their own. */
static void libyaml_error(struct builder *b, const yaml_parser_t *p)
{
	const yaml_mark_t *m = &p->problem_mark;
	const char *problem = p->problem ? p->problem : _("the file is not valid YAML");
	const char *context = p->context ? p->context : "";
	if (strstr(problem, "tab character") || (m->index < b->len && b->buf[m->index] == '\t'))
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, (int)m->line + 1,
			      (int)m->column + 1, "%s",
			      _("a tab character indents this line; indent with spaces only"));
	else if (strstr(problem, "end of stream") && strstr(context, "quoted scalar"))
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, (int)p->context_mark.line + 1,
			      (int)p->context_mark.column + 1, "%s",
			      _("a quoted value is never closed; add the closing quote"));
	else if (*context)
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, (int)m->line + 1,
			      (int)m->column + 1, _("%s %s (YAML syntax)"), problem, context);
	else
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->name, (int)m->line + 1,
			      (int)m->column + 1, _("%s (YAML syntax)"), problem);
	b->failed = true;
}

/* Returns false when parsing must stop. */
static bool handle_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
	if (has_anchor_or_tag(ev)) {
		error_at(b, ev, _("anchors, aliases and tags are not allowed in a flow file"));
		return false;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		error_at(b, ev, _("anchors, aliases and tags are not allowed in a flow file"));
		return false;
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			error_at(b, ev,
				 _("a flow file holds one YAML document; remove the second “---”"));
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT:
		on_scalar(b, ev);
		return true;
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, YNODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, YNODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		return true;
	default:
		return true;
	}
}

struct ynode *ytree_parse(const char *name, const char *buf, size_t len, size_t max_depth,
			  struct ipw_diags *diags)
{
	struct builder b = {
	    .name = name, .buf = buf, .len = len, .diags = diags, .max_depth = max_depth};
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		ipw_diags_add(diags, IPW_SEV_ERROR, name, 0, 0, "%s", _("out of memory"));
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	int documents = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			libyaml_error(&b, &parser);
			break;
		}
		bool go_on = handle_event(&b, &ev, &documents);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (!go_on || end)
			break;
	}
	yaml_parser_delete(&parser);
	if (!b.failed && !b.root)
		ipw_diags_add(diags, IPW_SEV_ERROR, name, 1, 1, "%s", _("the file is empty"));
	if (b.failed || !b.root) {
		ytree_free(b.root);
		return NULL;
	}
	return b.root;
}

const struct ynode *ytree_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i].text, key) == 0)
			return &map->items[i];
	return NULL;
}

const char *ytree_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_SEQ:
		return _("a list");
	case YNODE_MAP:
		return _("a mapping");
	default:
		return _("text");
	}
}
