/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_history.c — `ipwiz history CASE [--json]`: the audit trail of a case,
 * who changed what, when and from where. Works for a deleted case too: its
 * trail outlives it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "cli.h"

/* Text output shows at most this many columns of a value; --json has all. */
#define VALUE_COLUMNS 60

/* When, in the reader's time zone and saying which: a coach in Jakarta and
 * a seller in Shanghai each read their own clock (--json keeps UTC). */
static void format_when(int64_t when, bool local, char *buf, size_t size)
{
	time_t t = (time_t)when;
	struct tm tm;
	bool ok = local ? localtime_r(&t, &tm) && strftime(buf, size, "%Y-%m-%d %H:%M:%S %Z", &tm)
			: gmtime_r(&t, &tm) && strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm);
	if (!ok)
		snprintf(buf, size, "?");
}

/* A value made safe for the terminal and cut to VALUE_COLUMNS. */
static char *shown(const char *value)
{
	if (!value)
		return xstrdup(_("(empty)"));
	char *safe = utf8_sanitize(value);
	size_t len = strlen(safe), width;
	size_t fit = utf8_fit(safe, len, VALUE_COLUMNS, &width);
	if (fit < len) {
		fit = utf8_fit(safe, len, VALUE_COLUMNS - 1, &width);
		char *cut = xasprintf("%.*s…", (int)fit, safe);
		free(safe);
		return cut;
	}
	return safe;
}

/* One row in the reader's words (audit_words.c), every part made safe. */
static void print_text(const struct flow *flow, const struct audit_row *a)
{
	char when[64];
	format_when(a->when, true, when, sizeof(when));
	struct audit_words w;
	audit_words_of(flow, a, &w);
	char *who = utf8_sanitize(a->actor ? a->actor : "?");
	char *where = a->address ? utf8_sanitize(a->address) : NULL;
	char *what = utf8_sanitize(w.what ? w.what : "");
	printf("%s  %s%s%s  %s", when, who, where ? "@" : "", where ? where : "", what);
	if (w.change) {
		char *old = shown(w.old_value), *new = shown(w.new_value);
		printf("%s%s → %s", _(": "), old, new);
		free(old);
		free(new);
	} else if (w.new_value || w.old_value) {
		/* Something recorded, not changed: no arrow from "(empty)". */
		char *one = shown(w.new_value ? w.new_value : w.old_value);
		printf("%s%s", _(": "), one);
		free(one);
	}
	putchar('\n');
	audit_words_clear(&w);
	free(who);
	free(where);
	free(what);
}

static void json_field(const char *name, const char *value)
{
	printf(",\"%s\":", name);
	if (value)
		escape_json_fputs(stdout, value);
	else
		fputs("null", stdout);
}

static void print_json(int64_t id, const struct audit_row *v, size_t n)
{
	printf("{\"case\":%lld,\"history\":[", (long long)id);
	for (size_t i = 0; i < n; i++) {
		char when[40];
		format_when(v[i].when, false, when, sizeof(when));
		printf("%s{\"id\":%lld,\"time\":%lld", i ? "," : "", (long long)v[i].id,
		       (long long)v[i].when);
		json_field("when", when);
		json_field("actor", v[i].actor);
		json_field("address", v[i].address);
		json_field("what", v[i].what);
		json_field("old", v[i].old_value);
		json_field("new", v[i].new_value);
		putchar('}');
	}
	printf("]}\n");
}

/* The flow a case was created with, from its trail's first row. */
static const char *created_from(const struct audit_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].what && strcmp(v[i].what, "case created") == 0)
			return v[i].new_value;
	return NULL;
}

int cli_cmd_history(struct cli *cli, int argc, char **argv)
{
	const char *case_arg;
	bool json = cli_flag(cli, "json");
	int u = cli_case_arg(cli, argc, argv, &case_arg);
	if (u != IPW_OK)
		return u;
	struct ipw_error err = {0};
	int64_t id;
	if (case_parse_id(case_arg, &id, &err) != IPW_OK)
		return cli_fail(&err);
	struct case_db *db = NULL;
	if (cli_db_open(cli, 0, &db, &err) != IPW_OK)
		return cli_fail(&err);
	struct case_row c = {0};
	struct ipw_error missing = {0};
	bool exists = case_db_get(db, id, &c, &missing) == IPW_OK;
	/* A deleted case has no owner left to tell. */
	struct ipw_error unrecorded = {0};
	if (exists && case_db_record_read(db, id, "history", &unrecorded) != IPW_OK) {
		char *msg = utf8_sanitize(unrecorded.msg);
		fprintf(stderr, _("ipwiz: warning: %s\n"), msg);
		free(msg);
	}
	struct audit_row *v = NULL;
	size_t n = 0;
	int r = case_db_audit(db, id, &v, &n, &err);
	if (r == IPW_OK && n == 0 && missing.status) {
		err = missing; /* no such case, and never was */
		r = missing.status;
	}
	if (r == IPW_OK && json)
		print_json(id, v, n);
	else if (r == IPW_OK) {
		/* Labels come from the case's flow (a deleted case's from its
		 * first row); without it the ids are shown, never an error. */
		const char *flow_id = exists ? c.flow_id : created_from(v, n);
		struct ipw_error unloaded = {0};
		struct flow *flow = flow_id ? catalog_load_installed(flow_id, &unloaded) : NULL;
		ipw_error_clear(&unloaded);
		for (size_t i = 0; i < n; i++)
			print_text(flow, &v[i]);
		flow_free(flow);
	}
	case_row_clear(&c);
	audit_rows_free(v, n);
	case_db_close(db);
	return r == IPW_OK ? 0 : cli_fail(&err);
}
