/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_check.c — `ipwiz check CASE [--json]`: the evidence checklist of a
 * case, every requirement that applies under the current answers with its
 * files, each file re-hashed so a document changed, moved or deleted since
 * it was attached is caught before upload. `ipwiz check --flow FLOW --field
 * FIELD FILE… [--json]` judges loose files against one requirement with no
 * case; a folder given there stands for the files in it (a reviewer's
 * folder, not recursive). Exit 1 when anything required is missing or a
 * file is rejected, changed or gone. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "case/case.h"
#include "flow/flow.h"
#include "render/render.h"
#include "cli.h"

/* One file as the report shows it: its recorded verdict, or what the
 * re-hash found ("changed", "gone"). */
struct file_line {
	const char *path;
	char state[16];
	const char *key, *message, *fix, *mime, *sha256;
	const char *detail; /* the decoder's words (loose files), or NULL */
	char note_key[64], note[512], note_fix[512]; /* what the check now found */
	uint64_t size;
	unsigned pages;
	/* What a reviewer would notice (the first is the message above when it
	 * made the file a warning); owned by the line. */
	struct evidence_finding *findings;
	unsigned nfindings;
};

static void keep_findings(struct file_line *l, const struct evidence_result *r)
{
	free(l->findings);
	l->findings = NULL;
	l->nfindings = r->nfindings;
	if (r->nfindings) {
		l->findings = xcalloc(r->nfindings, sizeof(*l->findings));
		memcpy(l->findings, r->findings, r->nfindings * sizeof(*l->findings));
	}
}

struct requirement {
	const char *path;
	const struct flow_field *field;
	bool required;
	unsigned need, max;
	size_t usable, blocking;
	struct file_line *files;
	size_t nfiles;
};

struct report {
	bool json;
	struct cli_progress progress;
	struct requirement *reqs;
	size_t n;
	size_t missing, blocked;
	char **excess; /* a package holding more files than the platform takes */
	size_t nexcess;
};

static bool usable_state(const char *state)
{
	return strcmp(state, "ok") == 0 || strcmp(state, "warn") == 0;
}

static const char *status_of(const struct requirement *q)
{
	if (q->blocking)
		return "rejected";
	if (q->usable < q->need)
		return "missing";
	if (q->max && q->usable > q->max)
		return "too-many";
	return q->usable || q->need ? "ok" : "optional";
}

/* src into dst, cut if it must be between two characters, never inside
 * one (nor, after sanitising, inside an escape sequence). */
static void copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src ? src : "");
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

static void set_note(struct file_line *l, const char *state, const char *key, const char *msg,
		     const char *fix)
{
	copy_cut(l->state, sizeof(l->state), state);
	copy_cut(l->note_key, sizeof(l->note_key), key);
	copy_cut(l->note, sizeof(l->note), msg);
	copy_cut(l->note_fix, sizeof(l->note_fix), fix);
}

/* What evidence_case_recheck found, as the report's state and note. */
static void reverify(const struct session *s, const struct evidence_row *e, struct file_line *l)
{
	snprintf(l->state, sizeof(l->state), "%s", evidence_verdict_name(e->verdict));
	struct evidence_result now;
	enum evidence_recheck rc = evidence_case_recheck(s, e, &now);
	if (rc == RECHECK_SAME || rc == RECHECK_JUDGED)
		keep_findings(l, &now);
	switch (rc) {
	case RECHECK_NOT_USABLE:
	case RECHECK_SAME:
		break;
	case RECHECK_GONE:
		set_note(l, "gone", "gone", now.message,
			 _("Put the file back where it was, or attach it again from where it is "
			   "now (and remove the old entry with `ipwiz attach CASE FIELD --remove "
			   "FILE`)."));
		break;
	case RECHECK_JUDGED:
		set_note(l, evidence_verdict_name(now.verdict), now.key, now.message, now.fix);
		break;
	case RECHECK_CHANGED:
		set_note(l, "changed", "changed",
			 _("This file changed after it was checked; what you upload would not be "
			   "what was checked."),
			 _("Check it again: attach the same file again with `ipwiz attach CASE "
			   "FIELD FILE`."));
		break;
	}
}

static void add_requirement(struct report *rp, const struct session *s, const char *path,
			    const struct flow_field *f)
{
	rp->reqs = xreallocarray(rp->reqs, rp->n + 1, sizeof(*rp->reqs));
	struct requirement *q = &rp->reqs[rp->n++];
	memset(q, 0, sizeof(*q));
	q->path = xstrdup(path);
	q->field = f;
	q->required = session_field_required(s, path);
	q->need = q->required ? f->evidence.min_files : 0;
	q->max = f->evidence.max_files;
	size_t n;
	const struct evidence_row *v = session_evidence(s, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].field, path) != 0)
			continue;
		q->files = xreallocarray(q->files, q->nfiles + 1, sizeof(*q->files));
		struct file_line *l = &q->files[q->nfiles++];
		*l = (struct file_line){.path = v[i].path,
					.key = v[i].message_key,
					.message = evidence_row_message(&v[i]),
					.fix = evidence_row_fix(&v[i]),
					.mime = v[i].mime,
					.sha256 = v[i].sha256,
					.size = (uint64_t)v[i].size};
		cli_progress_step(&rp->progress, v[i].path);
		reverify(s, &v[i], l);
		if (usable_state(l->state))
			q->usable++;
		else
			q->blocking++;
	}
	const char *st = status_of(q);
	if (strcmp(st, "rejected") == 0 || strcmp(st, "too-many") == 0)
		rp->blocked++;
	else if (strcmp(st, "missing") == 0)
		rp->missing++;
}

/* Every evidence field that applies under the current answers, in flow
 * order (the flow language keeps evidence out of lists). */
static void collect(struct report *rp, const struct session *s)
{
	const struct flow *flow = session_flow(s);
	for (size_t i = 0; i < flow->nsteps; i++) {
		if (!session_step_visible(s, i))
			continue;
		const struct flow_step *step = &flow->steps[i];
		for (size_t j = 0; j < step->nfields; j++) {
			const struct flow_field *f = &step->fields[j];
			if (f->type == FIELD_EVIDENCE && session_field_visible(s, f->path))
				add_requirement(rp, s, f->path, f);
		}
	}
	/* The platform's limit of a package counts its fields' files together. */
	rp->excess = xcalloc(flow->npackages ? flow->npackages : 1, sizeof(*rp->excess));
	for (size_t i = 0; i < flow->npackages; i++) {
		char *m = session_package_excess(s, &flow->packages[i]);
		if (m) {
			rp->excess[rp->nexcess++] = m;
			rp->blocked++;
		}
	}
}

static void report_free(struct report *rp)
{
	for (size_t i = 0; i < rp->n; i++) {
		free((char *)rp->reqs[i].path);
		for (size_t j = 0; j < rp->reqs[i].nfiles; j++)
			free(rp->reqs[i].files[j].findings);
		free(rp->reqs[i].files);
	}
	free(rp->reqs);
	for (size_t i = 0; i < rp->nexcess; i++)
		free(rp->excess[i]);
	free(rp->excess);
}

/* A verdict's word (evidence_verdict_word), or the checklist's own. */
static const char *state_word(const char *state)
{
	enum evidence_verdict v = evidence_verdict_parse(state);
	if (strcmp(evidence_verdict_name(v), state) == 0)
		return evidence_verdict_word(v);
	static const struct {
		const char *state, *word;
	} words[] = {{"changed", N_("changed")},   {"gone", N_("gone")},
		     {"missing", N_("MISSING")},   {"rejected", N_("FIX")},
		     {"too-many", N_("TOO MANY")}, {"optional", N_("optional")}};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].state, state) == 0)
			return _(words[i].word);
	return state;
}

static void print_file_text(const struct file_line *l)
{
	char *name = utf8_sanitize(l->path);
	const char *msg = l->note[0] ? l->note : l->message;
	const char *fix = l->note[0] ? l->note_fix : l->fix;
	char *safe_msg = utf8_sanitize(msg ? msg : "");
	printf("      %-10s %s — %s\n", state_word(l->state), name, safe_msg);
	if (fix && *fix) {
		char *safe_fix = utf8_sanitize(fix);
		printf(_("                 What to do: %s\n"), safe_fix);
		free(safe_fix);
	}
	/* The first open finding is the line above when it is the file's
	 * message; acknowledged ones are listed as such, without a fix. */
	int lead =
	    evidence_lead_finding(l->findings, l->nfindings, l->note[0] ? l->note_key : l->key);
	for (unsigned i = 0; i < l->nfindings; i++) {
		const struct evidence_finding *f = &l->findings[i];
		if ((int)i == lead)
			continue;
		char *m = utf8_sanitize(f->message), *x = utf8_sanitize(f->fix);
		if (f->acknowledged)
			printf(_("                 Acknowledged: %s\n"), m);
		else
			printf(_("                 Also: %s\n"), m);
		if (*x && !f->acknowledged)
			printf(_("                 What to do: %s\n"), x);
		free(m);
		free(x);
	}
	free(safe_msg);
	free(name);
}

static void print_requirement_text(const struct requirement *q, int64_t case_id)
{
	const char *st = status_of(q);
	char *label = utf8_sanitize(flow_tr(q->field->label));
	char *path = utf8_sanitize(q->path);
	/* TRANSLATORS: "  [ok] Purchase invoice (invoice): 1 usable…": a
	 * verdict, a field's label, its id, then the counts. */
	printf(_("  [%s] %s (%s): "), state_word(st), label, path);
	if (q->need)
		printf(_("%zu usable, at least %u needed"), q->usable, q->need);
	else
		printf(_("%zu usable, optional"), q->usable);
	if (q->max)
		printf(_(", at most %u"), q->max);
	printf("\n");
	if (q->field->evidence.proves && !q->nfiles) {
		char *proves = utf8_sanitize(flow_tr(q->field->evidence.proves));
		printf(_("      Proves: %s\n"), proves);
		free(proves);
	}
	for (size_t i = 0; i < q->nfiles; i++) {
		print_file_text(&q->files[i]);
		const char *st_file = q->files[i].state;
		/* A rejected file stays on the list until it is taken off. */
		if (strcmp(st_file, "reject") == 0 || strcmp(st_file, "error") == 0)
			printf(
			    _("                 Then take it off this list: `ipwiz attach %lld %s "
			      "--remove FILE`.\n"),
			    (long long)case_id, path);
	}
	free(path);
	free(label);
}

static void print_file_json(const struct file_line *l)
{
	printf("{\"path\":");
	escape_json_fputs(stdout, l->path);
	printf(",\"state\":");
	escape_json_fputs(stdout, l->state);
	printf(",\"key\":");
	escape_json_fputs(stdout, l->note[0] ? l->note_key : l->key);
	printf(",\"message\":");
	escape_json_fputs(stdout, l->note[0] ? l->note : l->message);
	printf(",\"fix\":");
	escape_json_fputs(stdout, l->note[0] ? l->note_fix : l->fix);
	printf(",\"mime\":");
	escape_json_fputs(stdout, l->mime);
	printf(",\"sha256\":");
	escape_json_fputs(stdout, l->sha256);
	printf(",\"size\":%llu,\"pages\":%u,\"detail\":", (unsigned long long)l->size, l->pages);
	escape_json_fputs(stdout, l->detail ? l->detail : "");
	printf(",\"findings\":[");
	for (unsigned i = 0; i < l->nfindings; i++) {
		const struct evidence_finding *f = &l->findings[i];
		printf("%s{\"key\":", i ? "," : "");
		escape_json_fputs(stdout, f->key);
		printf(",\"page\":%u,\"message\":", f->page);
		escape_json_fputs(stdout, f->message);
		printf(",\"fix\":");
		escape_json_fputs(stdout, f->fix);
		printf(",\"acknowledged\":%s}", f->acknowledged ? "true" : "false");
	}
	printf("]}");
}

static void print_requirement_json(const struct requirement *q)
{
	printf("{\"field\":");
	escape_json_fputs(stdout, q->path);
	printf(",\"label\":");
	escape_json_fputs(stdout, flow_tr(q->field->label));
	printf(",\"status\":");
	escape_json_fputs(stdout, status_of(q));
	printf(",\"required\":%s,\"need\":%u,\"max\":%u,\"usable\":%zu,\"files\":[",
	       q->required ? "true" : "false", q->need, q->max, q->usable);
	for (size_t i = 0; i < q->nfiles; i++) {
		if (i)
			putchar(',');
		print_file_json(&q->files[i]);
	}
	printf("]}");
}

static void print_case(const struct report *rp, const struct cli_case *cc)
{
	const struct flow *flow = cc->flow;
	bool ok = !rp->missing && !rp->blocked;
	if (rp->json) {
		printf("{\"case\":%lld,\"flow\":", (long long)cc->id);
		escape_json_fputs(stdout, flow->id);
		printf(",\"ok\":%s,\"missing\":%zu,\"to_fix\":%zu,\"requirements\":[",
		       ok ? "true" : "false", rp->missing, rp->blocked);
		for (size_t i = 0; i < rp->n; i++) {
			if (i)
				putchar(',');
			print_requirement_json(&rp->reqs[i]);
		}
		printf("],\"packages_over_limit\":[");
		for (size_t i = 0; i < rp->nexcess; i++) {
			if (i)
				putchar(',');
			escape_json_fputs(stdout, rp->excess[i]);
		}
		printf("]}\n");
		return;
	}
	char *title = utf8_sanitize(flow_tr(flow->title));
	printf(_("Evidence checklist of case #%lld (%s)\n"), (long long)cc->id, title);
	free(title);
	for (size_t i = 0; i < rp->n; i++)
		print_requirement_text(&rp->reqs[i], cc->id);
	if (!rp->n)
		printf("  %s\n", _("No evidence is asked for with the current answers."));
	for (size_t i = 0; i < rp->nexcess; i++) {
		char *m = utf8_sanitize(rp->excess[i]);
		printf("  [%s] %s\n", _("TOO MANY"), m);
		free(m);
	}
	if (ok)
		printf("%s\n", _("Everything required is here and unchanged."));
	else
		printf(_("Missing: %zu. To fix: %zu. Nothing is ready to upload until both are "
			 "0.\n"),
		       rp->missing, rp->blocked);
}

static int check_case(struct cli *cli, const char *case_arg, bool json)
{
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_read(cli, case_arg, "check", &cc, &err) != IPW_OK)
		return cli_fail(&err);
	struct report rp = {.json = json};
	size_t nev;
	session_evidence(cc.session, &nev);
	cli_progress_start(&rp.progress, nev);
	collect(&rp, cc.session);
	cli_progress_end(&rp.progress);
	print_case(&rp, &cc);
	if (!json)
		cli_affirmation_notes(cc.session);
	int r = rp.missing || rp.blocked ? IPW_EUSER : IPW_OK;
	report_free(&rp);
	cli_case_close(&cc);
	return r;
}

/* --- loose files against one requirement --------------------------------- */

struct loose {
	struct evidence_result *res;
	char **names;
	size_t n, usable, bad;
};

static void judge_loose(struct loose *lz)
{
	for (size_t i = 0; i < lz->n; i++) {
		struct evidence_result *r = &lz->res[i];
		/* Same bytes as an earlier file of the folder: one upload too many. */
		for (size_t j = 0; j < i && r->verdict == EVIDENCE_OK; j++)
			if (r->sha256[0] && strcmp(lz->res[j].sha256, r->sha256) == 0) {
				char *other = utf8_sanitize(lz->names[j]);
				r->verdict = EVIDENCE_WARN;
				snprintf(r->key, sizeof(r->key), "duplicate");
				snprintf(r->message, sizeof(r->message),
					 _("This file has the same content as “%s”."), other);
				snprintf(r->fix, sizeof(r->fix), "%s",
					 _("Upload only one of the two."));
				free(other);
			}
		if (evidence_verdict_usable(r->verdict))
			lz->usable++;
		else
			lz->bad++;
	}
}

/* Nothing rejected, and as many usable files as the requirement wants. */
static bool loose_ok(const struct flow_field *f, const struct loose *lz)
{
	unsigned need = f->evidence.min_files, max = f->evidence.max_files;
	return !lz->bad && lz->usable >= need && (!max || lz->usable <= max);
}

static void print_loose(const struct flow_field *f, const struct loose *lz, bool json)
{
	unsigned need = f->evidence.min_files, max = f->evidence.max_files;
	if (json) {
		printf("{\"field\":");
		escape_json_fputs(stdout, f->path);
		printf(",\"ok\":%s,\"usable\":%zu,\"rejected\":%zu,\"need\":%u,\"max\":%u,"
		       "\"files\":[",
		       loose_ok(f, lz) ? "true" : "false", lz->usable, lz->bad, need, max);
	}
	for (size_t i = 0; i < lz->n; i++) {
		const struct evidence_result *r = &lz->res[i];
		struct file_line l = {.path = lz->names[i],
				      .key = r->key,
				      .message = r->message,
				      .fix = r->fix,
				      .mime = r->mime,
				      .sha256 = r->sha256,
				      .detail = r->detail,
				      .size = r->size,
				      .pages = r->pages,
				      .findings = (struct evidence_finding *)r->findings,
				      .nfindings = r->nfindings};
		snprintf(l.state, sizeof(l.state), "%s", evidence_verdict_name(r->verdict));
		if (json && i)
			putchar(',');
		if (json)
			print_file_json(&l);
		else
			print_file_text(&l);
	}
	if (json) {
		printf("]}\n");
		return;
	}
	printf(ngettext("%zu file: %zu usable, %zu not.", "%zu files: %zu usable, %zu not.", lz->n),
	       lz->n, lz->usable, lz->bad);
	if (need && lz->usable < need)
		printf(ngettext(" At least %u usable file is needed.",
				" At least %u usable files are needed.", need),
		       need);
	if (max && lz->usable > max)
		printf(_(" At most %u may be uploaded."), max);
	printf("\n");
}

struct names {
	char **v;
	size_t n;
};

static void names_add(struct names *nm, char *name)
{
	nm->v = xreallocarray(nm->v, nm->n + 1, sizeof(*nm->v));
	nm->v[nm->n++] = name;
}

static int visible_entry(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* The files of folder dir, sorted by name; folders inside are skipped with
 * a note (a reviewer's folder is checked one level deep). */
static void add_folder(struct names *nm, const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, visible_entry, alphasort);
	if (n < 0) {
		names_add(nm, xstrdup(dir)); /* the check says why it cannot be read */
		return;
	}
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, ents[i]->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			char *safe = utf8_sanitize(path);
			fprintf(stderr, _("ipwiz: %s: a folder inside the folder, not checked.\n"),
				safe);
			free(safe);
			free(path);
		} else {
			names_add(nm, path);
		}
		free(ents[i]);
	}
	free(ents);
}

static struct names expand(char **args, size_t nargs)
{
	struct names nm = {0};
	for (size_t i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
			add_folder(&nm, args[i]);
		else
			names_add(&nm, xstrdup(args[i]));
	}
	return nm;
}

static void names_free(struct names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
}

/* `--report DIR`: the files and their verdicts as a contact sheet. */
static int write_report(const char *dir, const struct flow_field *f, const struct loose *lz,
			struct ipw_error *err)
{
	struct sheet_source *src = xcalloc(lz->n ? lz->n : 1, sizeof(*src));
	char *label = xstrdup(flow_tr(f->label));
	for (size_t i = 0; i < lz->n; i++) {
		const char *slash = strrchr(lz->names[i], '/');
		src[i] = (struct sheet_source){.group = label,
					       .name = slash ? slash + 1 : lz->names[i],
					       .path = lz->names[i],
					       .res = &lz->res[i]};
	}
	char *title = xasprintf(_("Evidence check: %s"), label);
	int r = contact_sheet_write(dir, title, i18n_language(), src, lz->n, err);
	free(title);
	free(label);
	free(src);
	return r;
}

/* "Checking 3 of 20: invoice.pdf…" as each file is begun (several are
 * read at once: evidence_check_many). */
struct loose_progress {
	struct cli_progress progress;
	char **names;
};

static void loose_started(size_t i, void *ctx)
{
	struct loose_progress *lp = ctx;
	cli_progress_step(&lp->progress, lp->names[i]);
}

static int check_loose(const struct cli_command *cmd, const char *flow_id, const char *field,
		       char **args, size_t nargs, bool json, const char *report)
{
	struct ipw_error err = {0};
	struct flow *flow = catalog_load(flow_id, &err);
	if (!flow)
		return cli_fail(&err);
	const struct flow_field *f = flow_find_field(flow, field);
	if (!f || f->type != FIELD_EVIDENCE) {
		char *safe = utf8_sanitize(field);
		cli_usage(cmd, _("This flow has no field for files named “%s”."), safe);
		free(safe);
		flow_free(flow);
		return IPW_EUSAGE;
	}
	struct names nm = expand(args, nargs);
	if (!nm.n) {
		fprintf(stderr, "%s\n", _("ipwiz: there are no files to check in that folder."));
		names_free(&nm);
		flow_free(flow);
		return IPW_EUSER;
	}
	struct loose lz = {.res = xcalloc(nm.n, sizeof(*lz.res)), .names = nm.v, .n = nm.n};
	int r = IPW_OK;
	struct loose_progress lp = {.names = nm.v};
	cli_progress_start(&lp.progress, nm.n);
	r = evidence_check_many(nm.v, nm.n, &f->evidence, lz.res, loose_started, &lp, &err);
	cli_progress_end(&lp.progress);
	if (r != IPW_OK)
		cli_fail(&err);
	if (r == IPW_OK) {
		judge_loose(&lz);
		if (!json) {
			char *label = utf8_sanitize(flow_tr(f->label));
			printf("%s (%s)\n", label, f->path);
			free(label);
		}
		print_loose(f, &lz, json);
		r = loose_ok(f, &lz) ? IPW_OK : IPW_EUSER;
		if (report) {
			int w = write_report(report, f, &lz, &err);
			if (w != IPW_OK)
				r = cli_fail(&err);
			else if (!json)
				printf(_("The contact sheet is %s/index.html.\n"), report);
		}
	}
	free(lz.res);
	names_free(&nm);
	flow_free(flow);
	return r;
}

int cli_cmd_check(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("check");
	const char *flow = cli_value(cli, "flow"), *field = cli_value(cli, "field");
	bool json = cli_flag(cli, "json");
	const char *report = cli_value(cli, "report");
	char **args = argv + 1;
	size_t nargs = (size_t)argc - 1;
	int r;
	if (flow || field) {
		if (!flow || !field || !nargs)
			r = cli_usage(cmd, _("give --flow, --field and at least one file"));
		else
			r = check_loose(cmd, flow, field, args, nargs, json, report);
	} else if (report) {
		r = cli_usage(cmd, _("--report is for loose files: give --flow and --field too"));
	} else if (nargs != 1) {
		r = cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	} else {
		r = check_case(cli, args[0], json);
	}
	return r;
}
