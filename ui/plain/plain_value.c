/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_value.c — what a typed line means for each type of question, and
 * how a stored answer is read back: choices by number, several choices as
 * "1 3" or "1,3", yes/no in either language. The session still validates
 * whatever comes out of here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "plain_internal.h"

/* The choice a token names: its number, its stored value or its label. */
static const struct flow_choice *choice_of(const struct flow_field *f, const char *tok)
{
	char *end;
	unsigned long k = strtoul(tok, &end, 10);
	if (end != tok && *end == '\0')
		return k >= 1 && k <= f->nchoices ? &f->choices[k - 1] : NULL;
	for (size_t i = 0; i < f->nchoices; i++)
		if (strcasecmp(tok, f->choices[i].value) == 0 ||
		    strcasecmp(tok, flow_tr(f->choices[i].label)) == 0)
			return &f->choices[i];
	return NULL;
}

static void say_pick(struct plain *p, const struct flow_field *f, const char *tok)
{
	plain_printf(p, _("“%s” is not one of the choices: type a number from 1 to %zu.\n"),
		     plain_safe(p, tok), f->nchoices);
}

/* Separators between numbers: blanks, commas, and the CJK comma and
 * enumeration comma a Chinese keyboard types. */
static size_t separator_len(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == ',' || *s == ';')
		return 1;
	if (strncmp(s, "\xEF\xBC\x8C", 3) == 0 || strncmp(s, "\xE3\x80\x81", 3) == 0)
		return 3;
	return 0;
}

static char *parse_multichoice(struct plain *p, const struct flow_field *f, const char *line)
{
	bool *picked = xcalloc(f->nchoices ? f->nchoices : 1, sizeof(*picked));
	const char *s = line;
	bool ok = true;
	while (*s && ok) {
		size_t sep = separator_len(s);
		if (sep) {
			s += sep;
			continue;
		}
		const char *start = s;
		while (*s && !separator_len(s))
			s++;
		char *tok = xstrndup(start, (size_t)(s - start));
		const struct flow_choice *c = choice_of(f, tok);
		if (c)
			picked[c - f->choices] = true;
		else
			say_pick(p, f, tok);
		ok = c != NULL;
		free(tok);
	}
	char *value = NULL;
	if (ok) {
		/* Stored newline-separated, in the flow's order. */
		struct strbuf b;
		strbuf_init(&b);
		for (size_t i = 0; i < f->nchoices; i++)
			if (picked[i]) {
				if (b.len)
					strbuf_addc(&b, '\n');
				strbuf_add(&b, f->choices[i].value);
			}
		value = strbuf_detach(&b);
	}
	free(picked);
	return value;
}

static bool is_word(const char *line, const char *en, const char *tr)
{
	return strcasecmp(line, en) == 0 || strcasecmp(line, tr) == 0;
}

static char *parse_yesno(struct plain *p, const char *line)
{
	/* TRANSLATORS: "yes", "y", "no", "n" are answers typed in line mode;
	 * the English ones always work too. */
	if (is_word(line, "yes", _("yes")) || is_word(line, "y", _("y")))
		return xstrdup("yes");
	if (is_word(line, "no", _("no")) || is_word(line, "n", _("n")))
		return xstrdup("no");
	plain_printf(p, "%s\n", _("Answer yes or no."));
	return NULL;
}

char *plain_value_parse(struct plain *p, const struct flow_field *f, const char *line)
{
	char *t = plain_trim(xstrdup(line));
	char *v = NULL;
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_CHOICE: {
		const struct flow_choice *c = choice_of(f, t);
		if (c)
			v = xstrdup(c->value);
		else
			say_pick(p, f, t);
		break;
	}
	case FIELD_SHAPE_MULTICHOICE:
		v = parse_multichoice(p, f, t);
		break;
	case FIELD_SHAPE_YESNO:
		v = parse_yesno(p, t);
		break;
	case FIELD_SHAPE_DECLARATION:
		/* Not affirming leaves it unanswered rather than "no". */
		v = parse_yesno(p, t);
		if (v && strcmp(v, "no") == 0)
			v[0] = '\0';
		break;
	case FIELD_SHAPE_TEXTAREA:
		/* Keep the text as typed, inner spacing and all. */
		v = xstrdup(line);
		break;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_LIST:
	case FIELD_SHAPE_EVIDENCE:
	case FIELD_SHAPE_INFO:
		v = t;
		t = NULL;
	}
	free(t);
	return v;
}

static void hint_choices(struct plain *p, const struct flow_field *f)
{
	for (size_t i = 0; i < f->nchoices; i++) {
		const struct flow_choice *c = &f->choices[i];
		plain_printf(p, "  %zu. %s", i + 1, plain_safe(p, flow_tr(c->label)));
		if (c->help)
			plain_printf(p, " — %s", plain_safe(p, flow_tr(c->help)));
		plain_printf(p, "\n");
	}
}

void plain_value_hint(struct plain *p, const struct flow_field *f)
{
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_CHOICE:
		hint_choices(p, f);
		plain_printf(p, "%s\n", _("Type the number of your choice."));
		break;
	case FIELD_SHAPE_MULTICHOICE:
		hint_choices(p, f);
		plain_printf(p, "%s\n",
			     _("Type the numbers of every choice that applies, separated by spaces "
			       "or commas."));
		break;
	case FIELD_SHAPE_YESNO:
		plain_printf(p, "%s\n", _("Answer yes or no."));
		break;
	case FIELD_SHAPE_DECLARATION:
		plain_printf(p, "%s\n", _("Answer yes to affirm it, or no."));
		break;
	case FIELD_SHAPE_DATE:
		plain_printf(p, "%s\n",
			     _("Write the date as year-month-day, for example 2026-11-24."));
		break;
	case FIELD_SHAPE_TEXTAREA:
		plain_printf(p, "%s\n",
			     _("Type the text over as many lines as you need; end it with a line "
			       "holding only a dot (.)."));
		break;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_LIST:
	case FIELD_SHAPE_EVIDENCE:
	case FIELD_SHAPE_INFO:
		if (f->placeholder)
			plain_printf(p, _("For example: %s\n"),
				     plain_safe(p, flow_tr(f->placeholder)));
	}
}
