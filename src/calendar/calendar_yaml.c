/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar_yaml.c — reading a calendar file (format in calendar.h) with
 * libyaml, strictly: unknown keys, bad dates, dates outside their year and
 * make-up days that are not weekend days are errors with line:column. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/base.h"
#include "calendar_internal.h"

/* Entries read at most (aliases could otherwise make a small file huge). */
#define CALENDAR_MAX_ENTRIES 5000

struct creader {
	const char *file;
	yaml_document_t *doc;
	struct calendar *cal;
	struct ipw_error *err;
	size_t entries;
	size_t cap_days, cap_years;
};

static int fail(struct creader *r, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct creader *r, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	int line = n ? (int)n->start_mark.line + 1 : 0;
	int column = n ? (int)n->start_mark.column + 1 : 0;
	int rc = ipw_error_at(r->err, IPW_EUSER, r->file, line, column, "%s", msg);
	free(msg);
	return rc;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void add_day(struct creader *r, long day, bool working, const char *name)
{
	struct calendar *c = r->cal;
	if (c->ndays == r->cap_days) {
		r->cap_days = r->cap_days ? r->cap_days * 2 : 64;
		c->days = xreallocarray(c->days, r->cap_days, sizeof(*c->days));
	}
	c->days[c->ndays].day = day;
	c->days[c->ndays].working = working;
	c->days[c->ndays].name = name ? xstrdup(name) : NULL;
	c->ndays++;
}

static int read_date(struct creader *r, const yaml_node_t *n, int year, long *day)
{
	const char *s = scalar(n);
	if (!s || !calendar_parse_date(s, day))
		return fail(r, n, _("“%s” is not a date: write it as YYYY-MM-DD."), s ? s : "");
	if (calendar_year(*day) != year)
		return fail(r, n, _("%s is not in the year it is listed under."), s);
	return IPW_OK;
}

/* {date: D, name: N} or {from: D, to: D, name: N}. */
static int read_entry(struct creader *r, const yaml_node_t *n, int year, bool working)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(
		    r, n, "%s",
		    _("Each entry is a mapping such as {date: 2026-04-06, name: Qingming}."));
	const yaml_node_t *date = NULL, *from = NULL, *to = NULL;
	const char *name = NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
		const char *key = scalar(k);
		if (key && strcmp(key, "date") == 0)
			date = v;
		else if (key && strcmp(key, "from") == 0)
			from = v;
		else if (key && strcmp(key, "to") == 0)
			to = v;
		else if (key && strcmp(key, "name") == 0 && scalar(v))
			name = scalar(v);
		else
			return fail(r, k,
				    _("Unknown key “%s”: an entry has date (or from and to) "
				      "and name."),
				    key ? key : "");
	}
	long first, last;
	int rc;
	if (date && !from && !to) {
		if ((rc = read_date(r, date, year, &first)) != IPW_OK)
			return rc;
		last = first;
	} else if (from && to && !date) {
		if ((rc = read_date(r, from, year, &first)) != IPW_OK ||
		    (rc = read_date(r, to, year, &last)) != IPW_OK)
			return rc;
		if (last < first || last - first >= CALENDAR_MAX_RANGE)
			return fail(r, to, "%s", _("“to” must be on or after “from”."));
	} else {
		return fail(r, n, "%s", _("Give either date, or both from and to."));
	}
	for (long d = first; d <= last; d++) {
		if (working && !r->cal->weekend[calendar_weekday(d)])
			return fail(r, date ? date : from,
				    _("%s is already a working day: list only weekend days "
				      "worked instead of a holiday."),
				    scalar(date ? date : from));
		add_day(r, d, working, name);
	}
	return IPW_OK;
}

static int read_year(struct creader *r, const yaml_node_t *k, const yaml_node_t *v)
{
	const char *ys = scalar(k);
	char *end = NULL;
	long year = ys ? strtol(ys, &end, 10) : 0;
	if (!ys || *end || year < 1970 || year > 9999)
		return fail(r, k, _("“%s” is not a year such as 2026."), ys ? ys : "");
	if (v->type != YAML_MAPPING_NODE)
		return fail(r, v, "%s", _("A year holds holidays: and workdays: lists."));
	struct calendar *c = r->cal;
	if (c->nyears == r->cap_years) {
		r->cap_years = r->cap_years ? r->cap_years * 2 : 8;
		c->years = xreallocarray(c->years, r->cap_years, sizeof(*c->years));
	}
	c->years[c->nyears++] = (int)year;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *pk = yaml_document_get_node(r->doc, p->key);
		const yaml_node_t *pv = yaml_document_get_node(r->doc, p->value);
		const char *key = scalar(pk);
		bool working = key && strcmp(key, "workdays") == 0;
		if (!key || (!working && strcmp(key, "holidays") != 0))
			return fail(r, pk, _("Unknown key “%s”: a year has holidays and workdays."),
				    key ? key : "");
		if (pv->type != YAML_SEQUENCE_NODE)
			return fail(r, pv, "%s", _("holidays and workdays are lists."));
		for (yaml_node_item_t *it = pv->data.sequence.items.start;
		     it < pv->data.sequence.items.top; it++) {
			if (++r->entries > CALENDAR_MAX_ENTRIES)
				return fail(r, pv, "%s", _("The calendar has too many entries."));
			int rc =
			    read_entry(r, yaml_document_get_node(r->doc, *it), (int)year, working);
			if (rc != IPW_OK)
				return rc;
		}
	}
	return IPW_OK;
}

static const char *const day_names[] = {"monday", "tuesday",  "wednesday", "thursday",
					"friday", "saturday", "sunday"};

static int read_weekend(struct creader *r, const yaml_node_t *v)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(r, v, "%s",
			    _("weekend is a list of day names, e.g. [saturday, sunday]."));
	memset(r->cal->weekend, 0, sizeof(r->cal->weekend));
	size_t n = 0;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
	     it++) {
		const yaml_node_t *d = yaml_document_get_node(r->doc, *it);
		const char *s = scalar(d);
		int w = -1;
		for (int i = 0; s && i < 7; i++)
			if (strcmp(s, day_names[i]) == 0)
				w = i;
		if (w < 0)
			return fail(r, d, _("“%s” is not a day name such as saturday."),
				    s ? s : "");
		if (!r->cal->weekend[w])
			n++;
		r->cal->weekend[w] = true;
	}
	if (n == 7)
		return fail(r, v, "%s", _("A week needs at least one working day."));
	return IPW_OK;
}

/* Keys of the top-level mapping. Weekend comes first so that make-up days
 * can be checked against it wherever it is written. */
static int read_root(struct creader *r, const yaml_node_t *root)
{
	if (!root || root->type != YAML_MAPPING_NODE)
		return fail(r, root, "%s",
			    _("A calendar file is a mapping with id, name and years."));
	const yaml_node_t *years = NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
		const char *key = scalar(k);
		int rc = IPW_OK;
		if (key && strcmp(key, "id") == 0 && scalar(v))
			xstrset(&r->cal->id, scalar(v));
		else if (key && strcmp(key, "name") == 0 && scalar(v))
			xstrset(&r->cal->name, scalar(v));
		else if (key && (strcmp(key, "source") == 0 || strcmp(key, "note") == 0))
			continue;
		else if (key && strcmp(key, "weekend") == 0)
			rc = read_weekend(r, v);
		else if (key && strcmp(key, "years") == 0 && v->type == YAML_MAPPING_NODE)
			years = v;
		else if (key && strcmp(key, "years") == 0)
			rc = fail(
			    r, v, "%s",
			    _("“years” holds one entry per year, such as 2027: followed by its "
			      "holidays and workdays."));
		else if (key && (strcmp(key, "id") == 0 || strcmp(key, "name") == 0))
			rc = fail(r, v, _("“%s” must be a single value."), key);
		else
			rc = fail(r, k,
				  _("Unknown key “%s”: a calendar has id, name, weekend and "
				    "years."),
				  key ? key : "");
		if (rc != IPW_OK)
			return rc;
	}
	if (!r->cal->id)
		return fail(r, root, "%s", _("The calendar has no id."));
	if (!years)
		return fail(r, root, "%s", _("The calendar has no years."));
	for (yaml_node_pair_t *p = years->data.mapping.pairs.start;
	     p < years->data.mapping.pairs.top; p++) {
		int rc = read_year(r, yaml_document_get_node(r->doc, p->key),
				   yaml_document_get_node(r->doc, p->value));
		if (rc != IPW_OK)
			return rc;
	}
	return calendar_finish(r->cal, r->file, r->err);
}

int calendar_load_buffer(const char *name, const char *buf, size_t len, struct calendar **out,
			 struct ipw_error *err)
{
	*out = NULL;
	if (len > CALENDAR_MAX_BYTES)
		return ipw_error_at(
		    err, IPW_EUSER, name, 0, 0,
		    _("The calendar file is larger than %d KB: is it the right file?"),
		    CALENDAR_MAX_BYTES / 1024);
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return ipw_error_set(err, IPW_EENV, _("Out of memory reading a calendar."));
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		int rc = ipw_error_at(err, IPW_EUSER, name, (int)parser.problem_mark.line + 1,
				      (int)parser.problem_mark.column + 1,
				      _("This is not valid YAML: %s."),
				      parser.problem ? parser.problem : "");
		yaml_parser_delete(&parser);
		return rc;
	}
	struct calendar *c = xcalloc(1, sizeof(*c));
	c->weekend[5] = c->weekend[6] = true;
	struct creader r = {.file = name, .doc = &doc, .cal = c, .err = err};
	int rc = read_root(&r, yaml_document_get_root_node(&doc));
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (rc != IPW_OK) {
		calendar_free(c);
		return rc;
	}
	*out = c;
	return IPW_OK;
}
