/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_answer.c — an answer as people read it: a choice by its label, picked
 * values as a list of labels, yes and no as words. One rule for the
 * documents, the screens and the commands. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow.h"

const struct flow_choice *flow_find_choice(const struct flow_field *f, const char *value,
					   size_t len)
{
	for (size_t i = 0; i < f->nchoices; i++)
		if (strlen(f->choices[i].value) == len &&
		    memcmp(f->choices[i].value, value, len) == 0)
			return &f->choices[i];
	return NULL;
}

static char *yes_no(const char *value, enum answer_words words)
{
	bool screen = words == ANSWER_ON_SCREEN;
	if (strcmp(value, "yes") == 0)
		return xstrdup(screen ? _("Yes") : _("yes"));
	if (strcmp(value, "no") == 0)
		return xstrdup(screen ? _("No") : _("no"));
	return xstrdup(value);
}

/* "genuine\nlicensed" → "Genuine goods, Licensed" (labels in the language
 * in effect); a value the flow no longer offers is shown as it is. */
static char *labels(const struct flow_field *f, const char *value)
{
	struct strbuf b;
	strbuf_init(&b);
	for (const char *p = value; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const struct flow_choice *c = flow_find_choice(f, p, len);
		if (len) {
			/* TRANSLATORS: between the labels of the choices picked
			 * ("Genuine goods, Authorised"); Chinese uses "、". */
			if (b.len)
				strbuf_add(&b, _(", "));
			if (c)
				strbuf_add(&b, flow_tr(c->label));
			else
				strbuf_addn(&b, p, len);
		}
		p += len + (nl ? 1 : 0);
	}
	return strbuf_detach(&b);
}

char *flow_answer_text(const struct flow_field *f, const char *value, enum answer_words words)
{
	if (!value)
		return NULL;
	if (!f)
		return xstrdup(value);
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_CHOICE: {
		const struct flow_choice *c = flow_find_choice(f, value, strlen(value));
		return xstrdup(c ? flow_tr(c->label) : value);
	}
	case FIELD_SHAPE_MULTICHOICE:
		return labels(f, value);
	case FIELD_SHAPE_YESNO:
	case FIELD_SHAPE_DECLARATION:
		return yes_no(value, words);
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_TEXTAREA:
	case FIELD_SHAPE_LIST:
	case FIELD_SHAPE_EVIDENCE:
	case FIELD_SHAPE_INFO:
		break;
	}
	return xstrdup(value);
}
