/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_internal.h — shared by the flow loader's files (flow_*.c) only. */
#ifndef IPWIZ_FLOW_INTERNAL_H
#define IPWIZ_FLOW_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/base.h"
#include "flow.h"

/* An expression as written, kept until the whole flow is built so its
 * references can be checked against fields defined later in the file. */
struct flow_expr_site {
	const struct expr *e;
	int line, column; /* of the first character of the expression text */
	char *owner;	  /* path of the field it belongs to, or NULL */
	const char *key;  /* "when", "required", "min" … */
};

/* One load in progress: where messages go. */
struct flow_builder {
	const char *file;
	struct ipw_diags *diags;
	const char *owner; /* field being built */
	struct flow_expr_site *sites;
	size_t nsites, capsites;
};

void fb_error(struct flow_builder *b, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void fb_warning(struct flow_builder *b, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Report keys of map not in allowed (NULL-terminated), suggesting the
 * nearest allowed key for a typo. `what` names the mapping ("a field"). */
void fb_check_keys(struct flow_builder *b, const struct ynode *map, const char *const *allowed,
		   const char *what);
bool fb_expect_map(struct flow_builder *b, const struct ynode *n, const char *what);

/* Getters: false (with an error) when present but of the wrong form; the
 * output is left alone when the key is absent. `required` reports absence. */
bool fb_str(struct flow_builder *b, const struct ynode *map, const char *key, bool required,
	    char **out);
bool fb_uint(struct flow_builder *b, const struct ynode *map, const char *key, unsigned *out,
	     bool *present);
bool fb_number(struct flow_builder *b, const struct ynode *map, const char *key, double *out,
	       bool *present);
bool fb_bool(struct flow_builder *b, const struct ynode *map, const char *key, bool *out);
bool fb_size(struct flow_builder *b, const struct ynode *map, const char *key, uint64_t *out);
bool fb_str_list(struct flow_builder *b, const struct ynode *map, const char *key, char ***out,
		 size_t *n);
/* An expression: a string, or true/false for `required`. A plain date
 * scalar (2026-01-31) is taken as that date. */
bool fb_expr(struct flow_builder *b, const struct ynode *map, const char *key, struct expr **out);
bool fb_id(struct flow_builder *b, const struct ynode *map, const char *key, bool dashes,
	   char **out);

void flow_build_field(struct flow_builder *b, const struct ynode *n, const char *list_id,
		      struct flow_field *f);
void flow_field_clear(struct flow_field *f);
void flow_read_clear(struct flow_read *r);

/* flow_lifecycle.c: the `lifecycle:` mapping (n may be NULL: none). */
void flow_build_lifecycle(struct flow_builder *b, const struct ynode *n, struct flow_lifecycle *l);
void flow_check_lifecycle(struct flow_builder *b, const struct flow *f);
void flow_lifecycle_clear(struct flow_lifecycle *l);

/* Cross-references: every expression, template and field name points at
 * something that exists. Runs after the whole model is built. */
void flow_check_refs(struct flow_builder *b, const struct flow *f, const char *buf, size_t len);

/* Sort the top-level fields for flow_find_field and number each field's
 * step (after building). */
void flow_build_index(struct flow *f);

/* Resolve a reference as expressions and templates see it. */
const struct flow_field *flow_resolve_ref(const struct flow *f, const char *ref);

#endif
