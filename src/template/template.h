/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.h — document templates over the answers (owned by the render area;
 * the flow loader uses template_parse/template_refs to reject references to
 * unknown fields at lint time).
 *
 *   {{path}}                    an answer; a choice renders its label, {{path.value}} the value
 *   {{#if EXPR}} … {{#elif EXPR}} … {{#else}} … {{/if}}   EXPR in the expr.h language
 *   {{#each LIST}} … {{/each}}  a list field: inside, the item's sub-fields by name,
 *                               {{index}} (1-based); names that are not sub-fields are global
 *   {{#each evidence}} … {{/each}}  the evidence index: {{number}} {{file}} {{proves}}
 *                               {{date}} {{field}} {{mime}} {{sha256}}
 *   {{#each evidence.PACKAGE}} … {{/each}}  the same, of one package of the flow
 *   built-ins: {{today}} {{case.title}} {{case.id}} {{flow.title}} {{deadline.ID}}
 *   {{! a comment }}
 * Rendered with escaping for the output (plain text: control characters
 * removed; HTML: & < > " ' escaped). */
#ifndef IPWIZ_TEMPLATE_H
#define IPWIZ_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "expr/expr.h"

/* How deep #if and #each may nest: a hostile template cannot exhaust the
 * stack (the same limit as a flow file's nesting). */
#define TEMPLATE_MAX_DEPTH 64

struct template;

/* Parse src. On error returns NULL; err->line/column are 1-based within src. */
struct template *template_parse(const char *src, struct ipw_error *err);
void template_free(struct template *t);

/* Every field reference in t (placeholders, #if expressions, #each lists),
 * built-ins excluded. `list` is the enclosing #each list ("" at top level):
 * the loader tries "list.ref" then "ref". line/column are within the template. */
void template_refs(const struct template *t,
		   void (*fn)(const char *ref, const char *list, int line, int column, void *ctx),
		   void *ctx);

/* Whether an #each list is the evidence index: "evidence" (every file,
 * *package NULL) or "evidence.PACKAGE" (one package's files, *package its
 * id). The one place that says which lists are the index. */
bool template_evidence_list(const char *list, const char **package);

/* Every {{#each LIST}}, the evidence index's too, with the enclosing
 * #each list ("" at top level), so the loader can check that LIST is one
 * (and that an evidence index names a package of the flow). */
void template_lists(const struct template *t,
		    void (*fn)(const char *list, const char *outer, int line, int column,
			       void *ctx),
		    void *ctx);

/* A document never grows past this: a template whose #each blocks multiply
 * beyond it is refused rather than filling the disk. */
#define TEMPLATE_MAX_BYTES (4 * 1024 * 1024)

/* Where a {{field}} tag sits: the #each blocks around it, innermost first
 * (NULL at top level). index is 1-based. */
struct template_scope {
	const char *list;
	size_t index;
	const struct template_scope *outer;
};

struct template_ops {
	/* Append the text of ref (as written in the template), escaped. */
	void (*value)(void *ctx, const char *ref, const struct template_scope *scope,
		      struct strbuf *out);
	/* Does the #if / #elif expression hold here? */
	bool (*test)(void *ctx, const struct expr *e, const struct template_scope *scope);
	/* How many items an #each over list walks. */
	size_t (*count)(void *ctx, const char *list, const struct template_scope *scope);
	void *ctx;
};

/* Walk t, appending literal text and what ops say to out. Returns IPW_OK, or
 * IPW_EUSER when the result would pass TEMPLATE_MAX_BYTES: then
 * template_overflow_error says so. The sentence is apart because a document
 * is rendered in its own language and the person is told in theirs. */
int template_render(const struct template *t, const struct template_ops *ops, struct strbuf *out);
int template_overflow_error(struct ipw_error *err);

#endif
