/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_attach.c — `ipwiz attach CASE FIELD FILE…`: check each file against
 * the field's requirement exactly as the wizard does and record the verdict,
 * rejected files included (the checklist shows them until they are
 * replaced). Attaching a path again re-checks it in place; the same bytes
 * under another name are kept with a warning. `--remove FILE…` takes files
 * off the field; `--acknowledge KEY[:PAGE] FILE…` records that a person
 * looked at a finding about attached files and accepts it. Exit 1 when
 * any file was rejected or not attached (or had no such finding). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "case/case.h"
#include "cli.h"

struct attach {
	struct cli_case *cc;
	const char *field; /* the evidence field's path */
	const struct flow_field *model;
	size_t attached, refused;
	struct cli_progress progress; /* shown while a file is read, wiped before its verdict */
};

/* Where the file is, absolute, so the check at export finds it again from
 * any directory. A name that does not resolve is kept as given. */
static char *absolute(const char *arg)
{
	char *abs = realpath(arg, NULL);
	if (abs)
		return abs;
	char cwd[PATH_MAX];
	if (arg[0] != '/' && getcwd(cwd, sizeof(cwd)))
		return xasprintf("%s/%s", cwd, arg);
	return xstrdup(arg);
}

static void print_verdict(const char *arg, const struct evidence_result *res)
{
	char *name = utf8_sanitize(arg);
	bool good = evidence_verdict_usable(res->verdict);
	FILE *out = good ? stdout : stderr;
	const char *what = res->verdict == EVIDENCE_OK	     ? _("attached")
			   : res->verdict == EVIDENCE_WARN   ? _("attached, with a warning")
			   : res->verdict == EVIDENCE_REJECT ? _("rejected")
							     : _("not checked");
	fprintf(out, "%s%s: %s — %s\n", good ? "" : "ipwiz: ", name, what, res->message);
	if (res->fix[0])
		fprintf(out, _("  What to do: %s\n"), res->fix);
	free(name);
}

/* Check and record one file (the command's last when last); returns
 * IPW_EENV only when nothing more can be done (the checker or the database
 * failed). */
static int attach_one(struct attach *a, const char *arg, bool last)
{
	const struct evidence_req *req = &a->model->evidence;
	char *path = absolute(arg);
	bool again = evidence_case_find(a->cc->session, a->field, path) != NULL;
	size_t usable = session_evidence_usable(a->cc->session, a->field);
	int r = IPW_OK;
	if (!again && req->max_files && usable >= req->max_files) {
		char *name = utf8_sanitize(arg);
		fprintf(stderr,
			ngettext("ipwiz: %s: not attached — this field takes at most %u file and "
				 "has %zu.\n  What to do: combine pages into one PDF, or remove a "
				 "file with `ipwiz attach CASE FIELD --remove FILE`.\n",
				 "ipwiz: %s: not attached — this field takes at most %u files and "
				 "has %zu.\n  What to do: combine pages into one PDF, or remove a "
				 "file with `ipwiz attach CASE FIELD --remove FILE`.\n",
				 req->max_files),
			name, req->max_files, usable);
		free(name);
		a->refused++;
		free(path);
		return IPW_OK;
	}
	struct evidence_result res;
	struct ipw_error err = {0};
	cli_progress_step(&a->progress, path);
	if (last)
		evidence_worker_last_file(); /* its memory given back while this one is recorded */
	int checked = evidence_case_check(a->cc->session, a->field, path, &res, &err);
	cli_progress_end(&a->progress);
	if (checked != IPW_OK) {
		free(path);
		return cli_fail(&err);
	}
	print_verdict(arg, &res);
	/* As in the wizard: a file that could not be checked is not recorded. */
	if (res.verdict != EVIDENCE_ERROR &&
	    (r = evidence_case_record(a->cc->session, a->field, path, &res, &err)) != IPW_OK)
		cli_fail(&err);
	if (evidence_verdict_usable(res.verdict))
		a->attached++;
	else
		a->refused++;
	free(path);
	return r;
}

static int remove_one(struct attach *a, const char *arg)
{
	char *path = absolute(arg);
	const struct evidence_row *row = evidence_case_find(a->cc->session, a->field, path);
	char *name = utf8_sanitize(arg);
	int r = IPW_OK;
	struct ipw_error err = {0};
	if (!row) {
		fprintf(stderr, _("ipwiz: %s is not attached to this field.\n"), name);
		a->refused++;
	} else if ((r = evidence_case_remove(a->cc->session, row->id, &err)) != IPW_OK) {
		cli_fail(&err);
	} else {
		printf(_("%s: removed\n"), name);
	}
	free(name);
	free(path);
	return r;
}

/* "no-seal" or "blurred:2": the finding's key and its page (0: any). */
static bool finding_of(const char *arg, char *key, size_t size, unsigned *page, bool *paged)
{
	const char *colon = strchr(arg, ':');
	size_t n = colon ? (size_t)(colon - arg) : strlen(arg);
	*page = 0;
	*paged = colon != NULL;
	if (n == 0 || n >= size)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((arg[i] >= 'a' && arg[i] <= 'z') || (arg[i] >= '0' && arg[i] <= '9') ||
		      arg[i] == '-'))
			return false;
	memcpy(key, arg, n);
	key[n] = '\0';
	if (colon) {
		char *end;
		unsigned long v = strtoul(colon + 1, &end, 10);
		if (end == colon + 1 || *end || v == 0 || v > 100000)
			return false;
		*page = (unsigned)v;
	}
	return true;
}

static int acknowledge_one(struct attach *a, const char *finding, const char *arg)
{
	char key[32];
	unsigned page;
	bool paged;
	finding_of(finding, key, sizeof(key), &page, &paged);
	char *path = absolute(arg);
	char *name = utf8_sanitize(arg);
	const struct evidence_row *row = evidence_case_find(a->cc->session, a->field, path);
	struct evidence_result res;
	struct ipw_error err = {0};
	int r = IPW_OK;
	if (!row) {
		fprintf(stderr, _("ipwiz: %s is not attached to this field.\n"), name);
		a->refused++;
	} else if ((r = evidence_case_check(a->cc->session, a->field, path, &res, &err)) !=
		   IPW_OK) {
		cli_fail(&err);
	} else {
		const struct evidence_finding *f = NULL;
		for (unsigned i = 0; i < res.nfindings && !f; i++)
			if (strcmp(res.findings[i].key, key) == 0 &&
			    (!paged || res.findings[i].page == page))
				f = &res.findings[i];
		char *safe_key = utf8_sanitize(finding);
		if (!f) {
			fprintf(stderr,
				_("ipwiz: %s has no finding “%s” now; `ipwiz check %lld --json` "
				  "lists its findings.\n"),
				name, safe_key, (long long)a->cc->id);
			a->refused++;
		} else if (f->acknowledged) {
			printf(_("%s: “%s” was already acknowledged\n"), name, safe_key);
		} else {
			struct evidence_finding copy = *f;
			if ((r = evidence_case_acknowledge(a->cc->session, row, &copy, &err)) !=
			    IPW_OK)
				cli_fail(&err);
			else
				printf(_("%s: acknowledged — %s\n"), name, copy.message);
		}
		free(safe_key);
	}
	free(name);
	free(path);
	return r;
}

/* The evidence field named by arg, or NULL after a usage message. */
static const struct flow_field *evidence_field(const struct cli_command *cmd,
					       const struct flow *flow, const char *arg)
{
	const struct flow_field *f = flow_find_field(flow, arg);
	char *safe = utf8_sanitize(arg);
	if (!f)
		cli_usage(cmd, _("This flow has no field “%s”."), safe);
	else if (f->type != FIELD_EVIDENCE)
		cli_usage(cmd, _("“%s” is not a field for files; `ipwiz check CASE` lists them."),
			  safe);
	free(safe);
	return f && f->type == FIELD_EVIDENCE ? f : NULL;
}

static void summary(const struct attach *a)
{
	const struct evidence_req *req = &a->model->evidence;
	size_t usable = session_evidence_usable(a->cc->session, a->field);
	char *label = utf8_sanitize(flow_tr(a->model->label));
	unsigned need = req->min_files;
	printf(ngettext("%s: %zu usable file, at least %u needed.\n",
			"%s: %zu usable files, at least %u needed.\n", usable),
	       label, usable, need);
	free(label);
}

int cli_cmd_attach(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("attach");
	bool remove = cli_flag(cli, "remove");
	const char *ack = cli_value(cli, "acknowledge");
	int first = 3;
	if (argc <= first)
		return cli_usage(cmd, _("give the case, the field and at least one file"));
	if (ack && remove)
		return cli_usage(cmd, _("--remove and --acknowledge do not go together"));
	char key[32];
	unsigned page;
	bool paged;
	if (ack && !finding_of(ack, key, sizeof(key), &page, &paged)) {
		char *safe = utf8_sanitize(ack);
		cli_usage(cmd,
			  _("“%s” is not a finding's key: write it as `check --json` names it, "
			    "e.g. no-seal, or blurred:2 for page 2"),
			  safe);
		free(safe);
		return IPW_EUSAGE;
	}
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK)
		return cli_fail(&err);
	struct attach a = {.cc = &cc, .field = argv[2]};
	a.model = evidence_field(cmd, cc.flow, argv[2]);
	if (!a.model) {
		cli_case_close(&cc);
		return IPW_EUSAGE;
	}
	if (!remove && !ack && !session_field_visible(cc.session, a.field))
		fprintf(stderr, "%s\n",
			_("ipwiz: note: with the current answers this field is not asked for; "
			  "its files are kept but not used."));
	int r = IPW_OK;
	cli_progress_start(&a.progress, remove || ack ? 0 : (size_t)(argc - first));
	for (int i = first; i < argc && r == IPW_OK; i++)
		r = remove ? remove_one(&a, argv[i])
		    : ack  ? acknowledge_one(&a, ack, argv[i])
			   : attach_one(&a, argv[i], i == argc - 1);
	if (r == IPW_OK)
		summary(&a);
	cli_case_close(&cc);
	if (r != IPW_OK)
		return r;
	return a.refused ? IPW_EUSER : IPW_OK;
}
