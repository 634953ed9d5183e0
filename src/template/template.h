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
 *   built-ins: {{today}} {{case.title}} {{case.id}} {{flow.title}} {{deadline.ID}}
 *   {{! a comment }}
 * Rendered with escaping for the output (plain text: control characters
 * removed; HTML: & < > " ' escaped). */
#ifndef IPWIZ_TEMPLATE_H
#define IPWIZ_TEMPLATE_H

#include "base/base.h"

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

/* Every {{#each LIST}} (the evidence index excepted), with the enclosing
 * #each list ("" at top level), so the loader can check that LIST is one. */
void template_lists(const struct template *t,
		    void (*fn)(const char *list, const char *outer, int line, int column,
			       void *ctx),
		    void *ctx);

#endif
