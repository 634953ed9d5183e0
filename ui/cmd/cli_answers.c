/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_answers.c — `ipwiz set` and `ipwiz fill`: answers without the wizard,
 * validated exactly as the wizard validates them. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "cli.h"

/* Print why a value was refused, naming the field as the user knows it. */
static void report_invalid(const struct session *s, const char *path, const char *where,
			   const struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(session_flow(s), path);
	/* The message may quote the answer or the field name as written in an
	 * answers file: never let its bytes drive the terminal. */
	char *safe = utf8_sanitize(path), *msg = utf8_sanitize(err->msg);
	char *place = where ? utf8_sanitize(where) : NULL;
	fprintf(stderr, "ipwiz: ");
	if (place)
		fprintf(stderr, "%s: ", place);
	fprintf(stderr, _("%s (%s): %s\n"), f ? flow_tr(f->label) : safe, safe, msg);
	free(safe);
	free(msg);
	free(place);
}

static void report_conflict(const char *path, const struct answer_conflict *c)
{
	fprintf(stderr,
		_("ipwiz: %s was changed by %s meanwhile; nothing was overwritten. Run the "
		  "command again to replace their value.\n"),
		path, c->actor ? c->actor : "?");
}

/* Set one answer; returns an exit status and reports on stderr. */
static int set_one(struct session *s, const char *path, const char *value, const char *where)
{
	struct ipw_error err = {0};
	struct answer_conflict c = {0};
	int r = session_set(s, path, value, SESSION_STRICT, &c, &err);
	if (r == IPW_ECONFLICT) {
		report_conflict(path, &c);
		answer_conflict_clear(&c);
		return IPW_EUSER;
	}
	if (r == IPW_EUSER || r == IPW_EUSAGE)
		report_invalid(s, path, where, &err);
	else if (r != IPW_OK)
		cli_fail(&err);
	return r;
}

int cli_cmd_set(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("set");
	if (argc != 4)
		return cli_usage(cmd, _("give the case, the field and the value"));
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK)
		return cli_fail(&err);
	char *value = term_charset_text_in(argv[3]); /* typed on the terminal */
	int r = set_one(cc.session, argv[2], value, NULL);
	free(value);
	cli_case_close(&cc);
	return r;
}

/* A declaration (or its typed signature) read from the file, kept until
 * every other answer is in: affirmed first, it would be void at once,
 * since the answers it covers changed after it. */
struct deferred {
	char *path, *value;
	bool values;
	int line, column;
};

struct fill {
	struct session *s;
	const char *file;
	int worst;
	size_t set, refused;
	struct deferred *later;
	size_t nlater;
};

/* Is path a declaration or a declaration's "ID.name"? */
static bool is_declaration(const struct flow *fl, const char *path)
{
	const struct flow_field *f = flow_find_field(fl, path);
	if (f)
		return f->type == FIELD_DECLARATION;
	const char *dot = strrchr(path, '.');
	if (!dot || strcmp(dot, ".name") != 0)
		return false;
	char *id = xstrndup(path, (size_t)(dot - path));
	f = flow_find_field(fl, id);
	free(id);
	return f && f->type == FIELD_DECLARATION;
}

/* Report a refused answer at its place in the file; stop only when the
 * database failed. */
static int fill_report(struct fill *f, const char *path, int line, int column,
		       const struct ipw_error *err)
{
	char where[600];
	snprintf(where, sizeof(where), "%s:%d:%d", f->file, line, column);
	report_invalid(f->s, path, where, err);
	f->refused++;
	if ((int)err->status > f->worst)
		f->worst = (int)err->status;
	return err->status == IPW_EENV;
}

static int fill_refuse(struct fill *f, const char *path, int line, int column, const char *why)
{
	struct ipw_error err = {0};
	ipw_error_set(&err, IPW_EUSER, "%s", why);
	return fill_report(f, path, line, column, &err);
}

/* "products: 3" — the item count: make room for the items that follow. */
static int fill_count(struct fill *f, const struct flow_field *list, const char *path,
		      const char *value, int line, int column)
{
	struct ipw_error err = {0};
	char *end;
	unsigned long want = strtoul(value, &end, 10);
	size_t have = session_list_count(f->s, path);
	if (!isdigit((unsigned char)value[0]) || *end)
		ipw_error_set(&err, IPW_EUSER,
			      _("Give the number of items as a whole number, or list the items."));
	else if (want > session_list_limit(list))
		ipw_error_set(&err, IPW_EUSER,
			      ngettext("This list takes at most %u item.",
				       "This list takes at most %u items.",
				       session_list_limit(list)),
			      session_list_limit(list));
	for (; err.status == IPW_OK && have < want; have++)
		session_list_add(f->s, path, NULL, &err);
	return err.status == IPW_OK ? 0 : fill_report(f, path, line, column, &err);
}

static int fill_apply(struct fill *f, const char *path, const char *value, bool values, int line,
		      int column);

static int fill_one(const char *path, const char *value, bool values, int line, int column,
		    void *ctx)
{
	struct fill *f = ctx;
	if (is_declaration(session_flow(f->s), path)) {
		f->later = xreallocarray(f->later, f->nlater + 1, sizeof(*f->later));
		f->later[f->nlater++] =
		    (struct deferred){xstrdup(path), xstrdup(value), values, line, column};
		return 0;
	}
	return fill_apply(f, path, value, values, line, column);
}

/* The declarations, in file order, after everything else; a declaration
 * that is still void (an answer it covers was refused and changed later,
 * say) is reported, so fill never says success for an export that will
 * refuse. Returns 1 when the database failed. */
static int fill_declarations(struct fill *f)
{
	int stop = 0;
	for (size_t i = 0; i < f->nlater; i++) {
		struct deferred *d = &f->later[i];
		if (!stop)
			stop = fill_apply(f, d->path, d->value, d->values, d->line, d->column);
		if (!stop && !strchr(d->path, '.') && session_affirmation_stale(f->s, d->path))
			stop = fill_refuse(f, d->path, d->line, d->column,
					   _("Answers this statement covers changed after it was "
					     "affirmed; read it again and affirm it."));
		free(d->path);
		free(d->value);
	}
	free(f->later);
	f->later = NULL;
	f->nlater = 0;
	return stop;
}

/* The file was broken: nothing more is written. */
static void fill_declarations_drop(struct fill *f)
{
	for (size_t i = 0; i < f->nlater; i++) {
		free(f->later[i].path);
		free(f->later[i].value);
	}
	free(f->later);
	f->later = NULL;
	f->nlater = 0;
}

static int fill_apply(struct fill *f, const char *path, const char *value, bool values, int line,
		      int column)
{
	const struct flow_field *field = flow_find_field(session_flow(f->s), path);
	if (field && field->type == FIELD_LIST)
		return fill_count(f, field, path, value, line, column);
	if (values && field && field->type != FIELD_MULTICHOICE)
		return fill_refuse(f, path, line, column,
				   _("This question takes one answer, not a list."));
	char where[600];
	snprintf(where, sizeof(where), "%s:%d:%d", f->file, line, column);
	int r = set_one(f->s, path, value, where);
	if (r == IPW_OK) {
		f->set++;
		return 0;
	}
	f->refused++;
	if (r > f->worst)
		f->worst = r == IPW_EUSAGE ? IPW_EUSER : r;
	return r == IPW_EENV; /* stop only when the database fails */
}

int cli_cmd_fill(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("fill");
	if (argc != 3)
		return cli_usage(cmd, _("give the case and the answers file"));
	struct ipw_error err = {0};
	char *buf;
	size_t len;
	if (answers_file_read(argv[2], &buf, &len, &err) != IPW_OK)
		return cli_fail(&err);
	struct cli_case cc;
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK) {
		free(buf);
		return cli_fail(&err);
	}
	struct fill f = {.s = cc.session, .file = argv[2]};
	int r = answers_file_parse(argv[2], buf, len, fill_one, &f, &err);
	free(buf);
	if (r == IPW_OK)
		fill_declarations(&f);
	else
		fill_declarations_drop(&f);
	if (r != IPW_OK && f.worst < IPW_EENV)
		cli_fail(&err);
	else
		r = f.worst;
	fprintf(stderr,
		ngettext("ipwiz: %zu answer saved, %zu refused.\n",
			 "ipwiz: %zu answers saved, %zu refused.\n", f.set),
		f.set, f.refused);
	cli_case_close(&cc);
	return r != IPW_OK ? (r == IPW_ECONFLICT ? IPW_EUSER : r) : f.worst;
}
