/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.h — documents from templates: a flow_document rendered for one case
 * in one language, with every answer escaped for the output format.
 *
 * The template engine (template.c) knows nothing of sessions: it walks the
 * parsed template and asks its caller, through struct template_ops, for the
 * text of a {{field}} tag, the truth of an #if and the length of an #each.
 * render.c answers those questions from a session. */
#ifndef IPWIZ_RENDER_H
#define IPWIZ_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "case/case.h"
#include "expr/expr.h"
#include "flow/flow.h"
#include "template/template.h"

/* One evidence file as the package and the documents number and name it. */
struct render_evidence {
	const struct evidence_row *row;	    /* borrowed from the session */
	const struct flow_field *field;	    /* NULL when the flow no longer has it */
	const struct flow_package *package; /* NULL when the flow declares none */
	unsigned number;		    /* 1-based upload order within its package */
	char *name;			    /* "01-invoice.pdf", "complaint-01-comparison.jpg" */
};

/* The usable (ok or warn) evidence of visible fields, in upload order: the
 * flow's packages in their order (one, when it declares none), in each
 * flow field order, then each field's position. Each package is numbered
 * from 1, and its copies' names start with its id, so that the files of
 * two packages never share a name and the upload dialog shows the part. */
struct render_evidence *render_evidence_list(const struct session *s, size_t *n);

/* The one file-name rule of a package: append at most max bytes of s with
 * letters, digits, '-' and '_' kept and anything else as '-', so an id or
 * an extension can never name another directory or upset a platform's
 * upload form. */
void render_safe_name(struct strbuf *b, const char *s, size_t max);
void render_evidence_free(struct render_evidence *v, size_t n);
/* Whether e is in the package id (NULL: every package, as {{#each evidence}}). */
bool render_evidence_in(const struct render_evidence *e, const char *id);

/* An answer as a document shows it, unescaped: a choice's label (in lang), a
 * multichoice's labels joined with ", ", yes/no words, anything else as
 * stored. NULL when unanswered. */
char *render_answer(const struct session *s, const char *path, const char *lang);

/* Is document d wanted under the current answers (its `when:`)? */
bool render_document_applies(const struct session *s, const struct flow_document *d);

/* Render d for the case of s in lang (falling back to "en" when the flow has
 * no template in lang). *out is the caller's. IPW_EUSER with a sentence when
 * the template does not parse or grows too large. */
int render_document(const struct session *s, const struct flow_document *d, const char *lang,
		    enum doc_format fmt, char **out, struct ipw_error *err);

/* The languages a case's documents are written in: the case's language
 * when the platform's reviewers read it (or the flow names none); else
 * first the reviewers' language — the copy to paste — then the case's, for
 * the user to read. Returns how many (1 or 2). */
size_t render_languages(const struct session *s, const char *langs[2]);

/* The export package. */
#include "contact_sheet.h"
#include "export.h"

#endif
