/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit_words.h — one row of the audit trail as its reader says it. */
#ifndef IPWIZ_AUDIT_WORDS_H
#define IPWIZ_AUDIT_WORDS_H

#include <stdbool.h>

#include "flow/flow.h"
#include "record/record.h"

/* What happened and the values before and after, in the language in
 * effect: a field by its label (its path beside it, for `ipwiz set`), a
 * choice by its label, a step by its title, a status, an outcome and a
 * verdict by their names. The stored row keeps the ids (`history --json`
 * shows those); with flow NULL (a flow no longer installed) the ids are
 * shown as they are. Every member is NULL or a string the caller frees
 * with audit_words_clear; none is made safe for a terminal yet. */
struct audit_words {
	char *what;
	char *old_value;
	char *new_value;
	bool change; /* old → new, "(empty)" for NULL; else new alone, if any */
};
void audit_words_of(const struct flow *flow, const struct audit_row *a, struct audit_words *out);
void audit_words_clear(struct audit_words *w);

#endif
