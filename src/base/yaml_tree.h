/* SPDX-License-Identifier: GPL-3.0-or-later */
/* yaml_tree.h — a YAML document as a small tree that remembers where every
 * node was written, so the flow builder can say "file:line:column" about any
 * value. Deliberately strict: one document, no anchors, aliases or tags,
 * unique mapping keys, bounded depth and size. */
#ifndef IPWIZ_YAML_TREE_H
#define IPWIZ_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_kind kind;
	int line, column;    /* 1-based, where the node starts */
	bool quoted;	     /* a quoted scalar: "true" is text, not a boolean */
	bool block;	     /* a literal/folded block scalar (| or >) */
	char *text;	     /* YNODE_SCALAR */
	size_t len;	     /* bytes of text (scalars may hold NUL) */
	struct ynode *items; /* YNODE_SEQ: values; YNODE_MAP: values, keys in keys[] */
	struct ynode *keys;  /* YNODE_MAP: scalar keys, parallel to items */
	size_t n, cap;
};

/* Parse buf (name is used in messages). On failure returns NULL with every
 * error in diags; libyaml's own errors carry its line:column. */
struct ynode *ytree_parse(const char *name, const char *buf, size_t len, size_t max_depth,
			  struct ipw_diags *diags);
void ytree_free(struct ynode *n);

/* The value of key in a mapping, or NULL. */
const struct ynode *ytree_get(const struct ynode *map, const char *key);
/* A short English-free description of a node's kind for messages
 * ("a list", "a mapping", "text"). */
const char *ytree_kind_name(const struct ynode *n);

#endif
