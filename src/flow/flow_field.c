/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_field.c — one field of a step (or of a list) from its YAML mapping:
 * its type, words, validation, choices, list items, evidence rules and
 * declaration. Keys that make no sense for the type are errors, so a flow
 * author learns at lint time, not from a seller. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "flow_internal.h"

/* What each field type is called in a flow file and how an expression reads
 * its answer (a date compares as a date, a multichoice as its picked values).
 * Designated initialisers: a type added to enum field_type without a row
 * here has a NULL name, which the test of this table catches. */
static const struct field_type_info {
	const char *name;
	enum value_type value;
	enum field_shape shape;
} types[] = {
    [FIELD_TEXT] = {"text", VALUE_STRING, FIELD_SHAPE_LINE},
    [FIELD_TEXTAREA] = {"textarea", VALUE_STRING, FIELD_SHAPE_TEXTAREA},
    [FIELD_CHOICE] = {"choice", VALUE_STRING, FIELD_SHAPE_CHOICE},
    [FIELD_MULTICHOICE] = {"multichoice", VALUE_LIST, FIELD_SHAPE_MULTICHOICE},
    [FIELD_YESNO] = {"yesno", VALUE_BOOL, FIELD_SHAPE_YESNO},
    [FIELD_DATE] = {"date", VALUE_DATE, FIELD_SHAPE_DATE},
    [FIELD_EMAIL] = {"email", VALUE_STRING, FIELD_SHAPE_LINE},
    [FIELD_URL] = {"url", VALUE_STRING, FIELD_SHAPE_LINE},
    [FIELD_PHONE] = {"phone", VALUE_STRING, FIELD_SHAPE_LINE},
    [FIELD_NUMBER] = {"number", VALUE_NUMBER, FIELD_SHAPE_LINE},
    [FIELD_LIST] = {"list", VALUE_STRING, FIELD_SHAPE_LIST},
    [FIELD_EVIDENCE] = {"evidence", VALUE_STRING, FIELD_SHAPE_EVIDENCE},
    [FIELD_DECLARATION] = {"declaration", VALUE_BOOL, FIELD_SHAPE_DECLARATION},
    [FIELD_INFO] = {"info", VALUE_STRING, FIELD_SHAPE_INFO},
};
#define NTYPES (sizeof types / sizeof types[0])

const char *flow_field_type_name(enum field_type t)
{
	return (size_t)t < NTYPES && types[t].name ? types[t].name : "?";
}

enum value_type flow_field_value_type(enum field_type t)
{
	return (size_t)t < NTYPES ? types[t].value : VALUE_STRING;
}

enum field_shape flow_field_shape(enum field_type t)
{
	return (size_t)t < NTYPES ? types[t].shape : FIELD_SHAPE_LINE;
}

/* glibc's regcomp builds an automaton whose size multiplies with stacked
 * quantifiers ("[A-Z]+++…" took 1.4 GB at 20 of them) and with large
 * repetition counts: a flow file must not be able to exhaust memory at lint
 * time or when a case list is read. Such patterns are refused; *at gets the
 * offset of the culprit. Returns why, or NULL when the pattern is fine. */
#define PATTERN_MAX_BYTES  512
#define PATTERN_MAX_REPEAT 100

static const char *pattern_too_costly(const char *re, size_t *at)
{
	bool quantified = false; /* the previous item was a quantifier */
	for (size_t i = 0; re[i]; i++) {
		*at = i;
		if (i >= PATTERN_MAX_BYTES)
			return _("is longer than 512 characters");
		char c = re[i];
		if (c == '\\' && re[i + 1]) {
			i++;
			quantified = false;
			continue;
		}
		if (c == '[') { /* a bracket expression is one item: skip it */
			size_t j = i + 1;
			if (re[j] == '^')
				j++;
			if (re[j] == ']')
				j++;
			while (re[j] && re[j] != ']')
				j++;
			i = re[j] ? j : j - 1;
			quantified = false;
			continue;
		}
		bool quantifier = c == '*' || c == '+' || c == '?' || c == '{';
		if (quantifier && quantified)
			return _("repeats a repetition (such as “+*” or “{2}{3}”), which makes it "
				 "too costly to check; write one quantifier");
		if (c == '{') {
			char *end;
			unsigned long lo = strtoul(re + i + 1, &end, 10), hi = lo;
			if (*end == ',')
				hi = end[1] == '}' ? 0 : strtoul(end + 1, &end, 10);
			if (lo > PATTERN_MAX_REPEAT || hi > PATTERN_MAX_REPEAT)
				return _(
				    "repeats something more than 100 times, which makes it too "
				    "costly to check");
			const char *close = strchr(re + i, '}');
			if (close)
				i = (size_t)(close - re);
		}
		quantified = quantifier;
	}
	return NULL;
}

/* Which keys each type takes, beyond the common ones. */
#define T(x)	(1u << (x))
#define TEXTUAL (T(FIELD_TEXT) | T(FIELD_TEXTAREA) | T(FIELD_EMAIL) | T(FIELD_URL) | T(FIELD_PHONE))
struct key_rule {
	const char *key;
	unsigned types;
};
static const struct key_rule type_keys[] = {
    {"placeholder", TEXTUAL | T(FIELD_NUMBER) | T(FIELD_DATE)},
    {"pattern", TEXTUAL},
    {"min_length", TEXTUAL},
    {"max_length", TEXTUAL},
    {"min", T(FIELD_NUMBER) | T(FIELD_DATE) | T(FIELD_MULTICHOICE)},
    {"max", T(FIELD_NUMBER) | T(FIELD_DATE) | T(FIELD_MULTICHOICE)},
    {"choices", T(FIELD_CHOICE) | T(FIELD_MULTICHOICE)},
    {"fields", T(FIELD_LIST)},
    {"min_items", T(FIELD_LIST)},
    {"max_items", T(FIELD_LIST)},
    {"accept", T(FIELD_EVIDENCE)},
    {"max_size", T(FIELD_EVIDENCE)},
    {"warn_size", T(FIELD_EVIDENCE)},
    {"min_files", T(FIELD_EVIDENCE)},
    {"max_files", T(FIELD_EVIDENCE)},
    {"min_pixels", T(FIELD_EVIDENCE)},
    {"structure", T(FIELD_EVIDENCE)},
    {"proves", T(FIELD_EVIDENCE)},
    {"grounds", T(FIELD_EVIDENCE)},
    {"date_field", T(FIELD_EVIDENCE)},
    {"file_name", T(FIELD_EVIDENCE)},
    {"package", T(FIELD_EVIDENCE)},
    {"reads", T(FIELD_EVIDENCE)},
    {"legible", T(FIELD_EVIDENCE)},
    {"statement", T(FIELD_DECLARATION)},
    {"signature", T(FIELD_DECLARATION)},
    {"covers", T(FIELD_DECLARATION)},
    {"signature_matches", T(FIELD_DECLARATION)},
    {"refuse", TEXTUAL | T(FIELD_NUMBER) | T(FIELD_DATE) | T(FIELD_CHOICE) | T(FIELD_MULTICHOICE) |
		   T(FIELD_YESNO)},
};
static const char *const common_keys[] = {"id",	  "type",     "label",	 "help",
					  "when", "required", "default", "message"};

static void check_field_keys(struct flow_builder *b, const struct ynode *n, enum field_type t)
{
	const char *allowed[64];
	size_t k = 0;
	for (size_t i = 0; i < sizeof common_keys / sizeof common_keys[0]; i++)
		allowed[k++] = common_keys[i];
	for (size_t i = 0; i < sizeof type_keys / sizeof type_keys[0]; i++)
		allowed[k++] = type_keys[i].key;
	allowed[k] = NULL;
	fb_check_keys(b, n, allowed, _("a field"));
	for (size_t i = 0; i < sizeof type_keys / sizeof type_keys[0]; i++) {
		const struct ynode *v = ytree_get(n, type_keys[i].key);
		if (v && !(type_keys[i].types & T(t)))
			fb_error(b, v, _("“%s” does not apply to a %s field"), type_keys[i].key,
				 types[t].name);
	}
}

static bool parse_type(struct flow_builder *b, const struct ynode *n, enum field_type *t)
{
	char *name = NULL;
	if (!fb_str(b, n, "type", true, &name))
		return false;
	for (size_t i = 0; i < NTYPES; i++)
		if (strcmp(name, types[i].name) == 0) {
			*t = (enum field_type)i;
			free(name);
			return true;
		}
	fb_error(b, ytree_get(n, "type"),
		 _("unknown field type “%s”; use one of text, textarea, choice, multichoice, "
		   "yesno, date, email, url, phone, number, list, evidence, declaration, info"),
		 name);
	free(name);
	return false;
}

static void parse_choices(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	const struct ynode *v = ytree_get(n, "choices");
	if (!v) {
		if (f->type == FIELD_CHOICE || f->type == FIELD_MULTICHOICE)
			fb_error(b, n, _("a %s field needs “choices”"), types[f->type].name);
		return;
	}
	if (v->kind != YNODE_SEQ || v->n == 0) {
		fb_error(b, v, _("“choices” must be a list of {value, label} items"));
		return;
	}
	f->choices = xcalloc(v->n, sizeof *f->choices);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *c = &v->items[i];
		if (!fb_expect_map(b, c, _("a choice")))
			continue;
		static const char *const keys[] = {"value", "label", "help", "stop", NULL};
		fb_check_keys(b, c, keys, _("a choice"));
		struct flow_choice *ch = &f->choices[f->nchoices];
		fb_str(b, c, "value", true, &ch->value);
		fb_str(b, c, "label", true, &ch->label);
		fb_str(b, c, "help", false, &ch->help);
		fb_str(b, c, "stop", false, &ch->stop);
		if (!ch->value || !ch->label) {
			free(ch->value);
			free(ch->label);
			free(ch->help);
			free(ch->stop);
			memset(ch, 0, sizeof *ch);
			continue;
		}
		for (size_t j = 0; j < f->nchoices; j++)
			if (strcmp(f->choices[j].value, ch->value) == 0)
				fb_error(b, ytree_get(c, "value"),
					 _("the choice value “%s” appears twice"), ch->value);
		if (strchr(ch->value, '\n') || strchr(ch->value, ','))
			fb_error(b, ytree_get(c, "value"),
				 _("a choice value cannot contain a comma or a line break"));
		f->nchoices++;
	}
}

/* `refuse:`, a list of {when, message}: the condition may name the field
 * itself, meaning the answer being given. Its site is kept as "refuse", not
 * "when": it hides nothing, so it takes no part in the cycles of conditions. */
static void parse_refusals(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	const struct ynode *v = ytree_get(n, "refuse");
	if (!v)
		return;
	if (v->kind != YNODE_SEQ || v->n == 0) {
		fb_error(b, v, _("“refuse” must be a list of {when, message} items"));
		return;
	}
	f->refusals = xcalloc(v->n, sizeof *f->refusals);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *c = &v->items[i];
		if (!fb_expect_map(b, c, _("a refusal")))
			continue;
		static const char *const keys[] = {"when", "message", NULL};
		fb_check_keys(b, c, keys, _("a refusal"));
		struct flow_refusal *r = &f->refusals[f->nrefusals];
		bool has_when = ytree_get(c, "when") != NULL;
		if (!has_when)
			fb_error(b, c, "%s", _("a refusal needs “when”"));
		else if (fb_expr(b, c, "when", &r->when))
			b->sites[b->nsites - 1].key = "refuse";
		fb_str(b, c, "message", true, &r->message);
		if (!r->when || !r->message) {
			expr_free(r->when);
			free(r->message);
			memset(r, 0, sizeof *r);
			continue;
		}
		f->nrefusals++;
	}
}

/* min/max mean a value for numbers, a date expression for dates, and a
 * count of picked choices for multichoice. */
static void parse_limits(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	if (f->type == FIELD_DATE) {
		fb_expr(b, n, "min", &f->min_expr);
		fb_expr(b, n, "max", &f->max_expr);
		return;
	}
	fb_number(b, n, "min", &f->min, &f->has_min);
	fb_number(b, n, "max", &f->max, &f->has_max);
	if (f->has_min && f->has_max && f->min > f->max)
		fb_error(b, ytree_get(n, "min"), _("“min” is larger than “max”"));
	unsigned lo = 0, hi = 0;
	fb_uint(b, n, "min_length", &lo, NULL);
	fb_uint(b, n, "max_length", &hi, NULL);
	f->min_length = lo;
	f->max_length = hi;
	if (hi && lo > hi)
		fb_error(b, ytree_get(n, "min_length"),
			 _("“min_length” is larger than “max_length”"));
	if (fb_str(b, n, "pattern", false, &f->pattern_src) && f->pattern_src) {
		size_t at = 0;
		const char *costly = pattern_too_costly(f->pattern_src, &at);
		int rc =
		    costly ? 0 : regcomp(&f->pattern, f->pattern_src, REG_EXTENDED | REG_NOSUB);
		if (costly) {
			fb_error(b, ytree_get(n, "pattern"), _("the pattern %s (at character %zu)"),
				 costly, at + 1);
		} else if (rc != 0) {
			char why[256];
			regerror(rc, &f->pattern, why, sizeof why);
			fb_error(b, ytree_get(n, "pattern"),
				 _("the pattern is not a valid regular "
				   "expression: %s"),
				 why);
		} else {
			f->has_pattern = true;
		}
	}
}

static bool valid_mime(const char *m)
{
	const char *slash = strchr(m, '/');
	if (!slash || slash == m || !slash[1] || strchr(slash + 1, '/'))
		return false;
	for (const char *p = m; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') && !strchr("/.+-*", *p))
			return false;
	return true;
}

/* The kinds of `reads:` entries and the keys each takes beside its own. */
static const struct read_rule {
	const char *key;
	const char *const *extra;
} read_rules[] = {
    [FLOW_READ_MENTION] = {"mention", (const char *const[]){"as", NULL}},
    [FLOW_READ_DATE] = {"date", (const char *const[]){"within_months_before", "months", NULL}},
    [FLOW_READ_QUANTITY] = {"quantity", (const char *const[]){"at_least", NULL}},
    [FLOW_READ_VALID_UNTIL] = {"valid_until", (const char *const[]){"on", NULL}},
    [FLOW_READ_LANGUAGE] = {"language", (const char *const[]){NULL}},
};
#define NREAD_RULES (sizeof read_rules / sizeof read_rules[0])

static const char *const read_as_names[] = {
    [FLOW_AS_NAME] = "name",	 [FLOW_AS_BUYER] = "buyer",	  [FLOW_AS_SELLER] = "seller",
    [FLOW_AS_HOLDER] = "holder", [FLOW_AS_LICENSEE] = "licensee", [FLOW_AS_BRAND] = "brand",
    [FLOW_AS_NUMBER] = "number", [FLOW_AS_MODEL] = "model",
};
#define NREAD_AS (sizeof read_as_names / sizeof read_as_names[0])

/* The languages evidence_read_judge can tell a document is in. */
static const char *const read_languages[] = {"en", "id", "zh_CN", "ja", "ko",
					     "vi", "th", "ru",	  "ar", NULL};

const char *flow_read_kind_name(enum flow_read_kind k)
{
	return (size_t)k < NREAD_RULES ? read_rules[k].key : "?";
}

const char *flow_read_as_name(enum flow_read_as a)
{
	return (size_t)a < NREAD_AS ? read_as_names[a] : "?";
}

bool flow_read_language_known(const char *code)
{
	for (const char *const *l = read_languages; *l; l++)
		if (strcmp(*l, code) == 0)
			return true;
	return false;
}

/* The field a read names, as an id, with where it was written. */
static void read_ref(struct flow_builder *b, const struct ynode *n, const char *key, char **out,
		     struct flow_pos *pos)
{
	const struct ynode *v = ytree_get(n, key);
	if (!v)
		return;
	*pos = (struct flow_pos){v->line, v->column};
	fb_id(b, n, key, false, out);
}

static void parse_read_as(struct flow_builder *b, const struct ynode *n, struct flow_read *r)
{
	char *as = NULL;
	if (!fb_str(b, n, "as", false, &as) || !as)
		return;
	size_t i = 0;
	while (i < NREAD_AS && strcmp(read_as_names[i], as) != 0)
		i++;
	if (i < NREAD_AS)
		r->as = (enum flow_read_as)i;
	else
		fb_error(b, ytree_get(n, "as"),
			 _("“as” must be one of buyer, seller, holder, licensee, brand, number, "
			   "model or name, not “%s”"),
			 as);
	free(as);
}

static void parse_read_date(struct flow_builder *b, const struct ynode *n, struct flow_read *r)
{
	read_ref(b, n, "within_months_before", &r->before, &r->before_pos);
	bool months = false;
	if (!fb_uint(b, n, "months", &r->months, &months))
		return;
	if (months && (r->months < 1 || r->months > 120))
		fb_error(b, ytree_get(n, "months"), _("“months” must be from 1 to 120, not %u"),
			 r->months);
	else if (months && !ytree_get(n, "within_months_before"))
		fb_error(b, ytree_get(n, "months"), "%s",
			 _("“months” needs “within_months_before”: the date field the months "
			   "count back from"));
	else if (!months && ytree_get(n, "within_months_before"))
		fb_error(b, ytree_get(n, "within_months_before"), "%s",
			 _("“within_months_before” needs “months”: how many months before that "
			   "date the document may be"));
}

static void parse_read_languages(struct flow_builder *b, const struct ynode *n, struct flow_read *r)
{
	const struct ynode *v = ytree_get(n, "language");
	if (!fb_str_list(b, n, "language", &r->languages, &r->nlanguages))
		return;
	if (r->nlanguages == 0)
		fb_error(b, v, "%s", _("“language” needs at least one language code"));
	for (size_t i = 0; i < r->nlanguages; i++)
		if (!flow_read_language_known(r->languages[i]))
			fb_error(b, v,
				 _("“%s” is not a language ipwiz recognises in a document; use en, "
				   "id, zh_CN, ja, ko, vi, th, ru or ar"),
				 r->languages[i]);
}

/* One entry of `reads:`: exactly one kind key, and only that kind's keys. */
static bool parse_read(struct flow_builder *b, const struct ynode *n, struct flow_read *r)
{
	if (!fb_expect_map(b, n, _("an entry of “reads”")))
		return false;
	r->pos = (struct flow_pos){n->line, n->column};
	const char *allowed[16];
	size_t k = 0, kind = NREAD_RULES;
	for (size_t i = 0; i < NREAD_RULES; i++) {
		allowed[k++] = read_rules[i].key;
		for (const char *const *e = read_rules[i].extra; *e; e++)
			allowed[k++] = *e;
		if (!ytree_get(n, read_rules[i].key))
			continue;
		if (kind < NREAD_RULES) {
			fb_error(b, ytree_get(n, read_rules[i].key),
				 _("an entry of “reads” checks one thing: “%s” and “%s” cannot "
				   "both be in it"),
				 read_rules[kind].key, read_rules[i].key);
			return false;
		}
		kind = i;
	}
	allowed[k] = NULL;
	fb_check_keys(b, n, allowed, _("an entry of “reads”"));
	if (kind == NREAD_RULES) {
		fb_error(b, n, "%s",
			 _("an entry of “reads” needs one of mention, date, quantity, valid_until "
			   "or language"));
		return false;
	}
	r->kind = (enum flow_read_kind)kind;
	for (size_t i = 0; i < NREAD_RULES; i++)
		for (const char *const *e = read_rules[i].extra; i != kind && *e; e++)
			if (ytree_get(n, *e))
				fb_error(b, ytree_get(n, *e),
					 _("“%s” does not apply to a “%s” entry of “reads”"), *e,
					 read_rules[kind].key);
	if (r->kind == FLOW_READ_LANGUAGE) {
		parse_read_languages(b, n, r);
		return true;
	}
	read_ref(b, n, read_rules[kind].key, &r->field, &r->field_pos);
	if (r->kind == FLOW_READ_MENTION)
		parse_read_as(b, n, r);
	else if (r->kind == FLOW_READ_DATE)
		parse_read_date(b, n, r);
	else if (r->kind == FLOW_READ_QUANTITY)
		fb_number(b, n, "at_least", &r->at_least, &r->has_at_least);
	else if (!ytree_get(n, "on"))
		fb_error(b, n, "%s",
			 _("a “valid_until” entry needs “on”: the date field the validity must "
			   "cover, such as the complaint date"));
	else
		read_ref(b, n, "on", &r->on, &r->on_pos);
	return true;
}

static void parse_reads(struct flow_builder *b, const struct ynode *n, struct evidence_req *r)
{
	const struct ynode *v = ytree_get(n, "reads");
	if (!v)
		return;
	if (v->kind != YNODE_SEQ) {
		fb_error(b, v, "%s",
			 _("“reads” must be a list of what the document shows, such as "
			   "“- mention: account_name”"));
		return;
	}
	r->reads = xcalloc(v->n ? v->n : 1, sizeof *r->reads);
	for (size_t i = 0; i < v->n; i++)
		if (parse_read(b, &v->items[i], &r->reads[r->nreads]))
			r->nreads++;
		else
			flow_read_clear(&r->reads[r->nreads]);
}

/* `legible:` — a mapping of min_dpi, colour and seal (true, or a condition
 * on the answers), or `true` for the page checks alone. */
static void parse_legible(struct flow_builder *b, const struct ynode *n,
			  struct evidence_legibility *l)
{
	const struct ynode *v = ytree_get(n, "legible");
	if (!v)
		return;
	if (v->kind == YNODE_SCALAR) {
		fb_bool(b, n, "legible", &l->set);
		return;
	}
	if (!fb_expect_map(b, v, _("“legible”")))
		return;
	static const char *const allowed[] = {"min_dpi", "colour", "seal", NULL};
	fb_check_keys(b, v, allowed, _("“legible”"));
	l->set = true;
	bool present = false;
	if (fb_uint(b, v, "min_dpi", &l->min_dpi, &present) && present &&
	    (l->min_dpi < 50 || l->min_dpi > 1200))
		fb_error(b, ytree_get(v, "min_dpi"),
			 _("“min_dpi” is a resolution in dots per inch, between 50 and 1200"));
	fb_bool(b, v, "colour", &l->colour);
	fb_expr(b, v, "seal", &l->seal);
}

/* An exported copy's name after its number: short, exact, and safe on any
 * platform's upload form. */
static bool valid_file_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > FLOW_FILE_NAME_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

static void parse_evidence(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	struct evidence_req *r = &f->evidence;
	if (!ytree_get(n, "accept"))
		fb_error(b, n, _("an evidence field needs “accept”: the file types it takes"));
	fb_str_list(b, n, "accept", &r->accept, &r->naccept);
	for (size_t i = 0; i < r->naccept; i++)
		if (!valid_mime(r->accept[i]))
			fb_error(b, ytree_get(n, "accept"),
				 _("“%s” is not a file type such as application/pdf or image/jpeg"),
				 r->accept[i]);
	fb_size(b, n, "max_size", &r->max_size);
	fb_size(b, n, "warn_size", &r->warn_size);
	if (r->max_size && r->warn_size >= r->max_size)
		fb_error(b, ytree_get(n, "warn_size"), _("“warn_size” must be below “max_size”"));
	fb_uint(b, n, "min_files", &r->min_files, NULL);
	/* The one place the default lives: a required evidence field wants at
	 * least one file unless the flow says how many. */
	if (!r->min_files)
		r->min_files = 1;
	fb_uint(b, n, "max_files", &r->max_files, NULL);
	if (r->max_files && r->min_files > r->max_files)
		fb_error(b, ytree_get(n, "min_files"), _("“min_files” is larger than “max_files”"));
	fb_uint(b, n, "min_pixels", &r->min_pixels, NULL);
	char *policy = NULL;
	if (fb_str(b, n, "structure", false, &policy) && policy) {
		if (strcmp(policy, "reject") == 0)
			r->structure = EVIDENCE_POLICY_REJECT;
		else if (strcmp(policy, "warn") != 0)
			fb_error(b, ytree_get(n, "structure"),
				 _("“structure” must be warn or reject, not “%s”"), policy);
	}
	free(policy);
	fb_str(b, n, "proves", true, &r->proves);
	fb_str_list(b, n, "grounds", &r->grounds, &r->ngrounds);
	fb_str(b, n, "date_field", false, &r->date_field);
	if (fb_str(b, n, "file_name", false, &r->file_name) && r->file_name &&
	    !valid_file_name(r->file_name))
		fb_error(b, ytree_get(n, "file_name"),
			 _("“file_name” must be 1 to %d lower-case letters, digits and dashes, "
			   "without a dash at either end, not “%s”"),
			 FLOW_FILE_NAME_MAX, r->file_name);
	/* Checked against the flow's `packages:` once the flow is built. */
	fb_str(b, n, "package", false, &r->package);
	parse_reads(b, n, r);
	parse_legible(b, n, &r->legible);
}

static void parse_list(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	fb_uint(b, n, "min_items", &f->min_items, NULL);
	fb_uint(b, n, "max_items", &f->max_items, NULL);
	if (f->max_items && f->min_items > f->max_items)
		fb_error(b, ytree_get(n, "min_items"), _("“min_items” is larger than “max_items”"));
	const struct ynode *v = ytree_get(n, "fields");
	if (!v || v->kind != YNODE_SEQ || v->n == 0) {
		fb_error(b, v ? v : n,
			 _("a list field needs “fields”: the questions asked for "
			   "each item"));
		return;
	}
	f->items = xcalloc(v->n, sizeof *f->items);
	for (size_t i = 0; i < v->n; i++) {
		flow_build_field(b, &v->items[i], f->id, &f->items[f->nitems]);
		if (f->items[f->nitems].id)
			f->nitems++;
	}
}

/* Types a list item may hold: one answer each, no files or signatures. */
static bool item_type_ok(enum field_type t)
{
	return t != FIELD_LIST && t != FIELD_EVIDENCE && t != FIELD_DECLARATION;
}

static void parse_required(struct flow_builder *b, const struct ynode *n, struct flow_field *f)
{
	const struct ynode *v = ytree_get(n, "required");
	if (v && v->kind == YNODE_SCALAR && !v->quoted && strcmp(v->text, "false") == 0)
		return;
	fb_expr(b, n, "required", &f->required);
}

void flow_build_field(struct flow_builder *b, const struct ynode *n, const char *list_id,
		      struct flow_field *f)
{
	memset(f, 0, sizeof *f);
	if (!fb_expect_map(b, n, _("a field")))
		return;
	f->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", false, &f->id) || !parse_type(b, n, &f->type)) {
		free(f->id);
		f->id = NULL;
		return;
	}
	f->path = list_id ? xasprintf("%s.%s", list_id, f->id) : xstrdup(f->id);
	if (list_id && !item_type_ok(f->type))
		fb_error(b, ytree_get(n, "type"), _("a list item cannot hold a %s field"),
			 types[f->type].name);
	check_field_keys(b, n, f->type);
	b->owner = f->path;
	fb_str(b, n, "label", f->type != FIELD_INFO, &f->label);
	fb_str(b, n, "help", f->type == FIELD_INFO, &f->help);
	fb_str(b, n, "placeholder", false, &f->placeholder);
	fb_str(b, n, "default", false, &f->default_value);
	fb_str(b, n, "message", false, &f->message);
	fb_expr(b, n, "when", &f->when);
	parse_required(b, n, f);
	parse_limits(b, n, f);
	parse_choices(b, n, f);
	parse_refusals(b, n, f);
	if (f->type == FIELD_LIST)
		parse_list(b, n, f);
	if (f->type == FIELD_EVIDENCE)
		parse_evidence(b, n, f);
	if (f->type == FIELD_DECLARATION) {
		fb_str(b, n, "statement", true, &f->statement);
		fb_bool(b, n, "signature", &f->signature);
		fb_str_list(b, n, "covers", &f->covers, &f->ncovers);
		fb_str(b, n, "signature_matches", false, &f->signature_matches);
		if (f->signature_matches && !f->signature)
			fb_error(b, ytree_get(n, "signature_matches"), "%s",
				 _("“signature_matches” needs “signature: true”"));
	}
	b->owner = NULL;
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void flow_read_clear(struct flow_read *r)
{
	free(r->field);
	free(r->before);
	free(r->on);
	free_strv(r->languages, r->nlanguages);
	memset(r, 0, sizeof *r);
}

void flow_field_clear(struct flow_field *f)
{
	free(f->id);
	free(f->path);
	free(f->label);
	free(f->help);
	free(f->placeholder);
	free(f->default_value);
	free(f->message);
	for (size_t i = 0; i < f->nrefusals; i++) {
		expr_free(f->refusals[i].when);
		free(f->refusals[i].message);
	}
	free(f->refusals);
	expr_free(f->when);
	expr_free(f->required);
	expr_free(f->min_expr);
	expr_free(f->max_expr);
	free(f->pattern_src);
	if (f->has_pattern)
		regfree(&f->pattern);
	for (size_t i = 0; i < f->nchoices; i++) {
		free(f->choices[i].value);
		free(f->choices[i].label);
		free(f->choices[i].help);
		free(f->choices[i].stop);
	}
	free(f->choices);
	for (size_t i = 0; i < f->nitems; i++)
		flow_field_clear(&f->items[i]);
	free(f->items);
	free_strv(f->evidence.accept, f->evidence.naccept);
	free(f->evidence.proves);
	free_strv(f->evidence.grounds, f->evidence.ngrounds);
	free(f->evidence.date_field);
	free(f->evidence.file_name);
	free(f->evidence.package);
	for (size_t i = 0; i < f->evidence.nreads; i++)
		flow_read_clear(&f->evidence.reads[i]);
	free(f->evidence.reads);
	expr_free(f->evidence.legible.seal);
	free(f->statement);
	free_strv(f->covers, f->ncovers);
	free(f->signature_matches);
	memset(f, 0, sizeof *f);
}
