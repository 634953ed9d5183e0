/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_lint.c — `ipwiz lint [--pot] FLOW…`: every error and warning of flow
 * files in one run, like a compiler (file:line:column: error: …); with
 * --pot, the flows' translatable strings as a gettext template. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "cli.h"

/* "alibaba-counter-notice" → the installed file; anything with a slash or
 * ending in .yaml is a path. */
static char *flow_path(const char *arg)
{
	size_t n = strlen(arg);
	if (strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".yaml") == 0))
		return xstrdup(arg);
	return xasprintf("%s/flows/%s.yaml", install_data_dir(), arg);
}

static void print_diags(struct ipw_diags *d)
{
	ipw_diags_sort(d);
	for (size_t i = 0; i < d->n; i++) {
		const struct ipw_diag *g = &d->v[i];
		const char *kind = g->severity == IPW_SEV_ERROR ? _("error") : _("warning");
		/* Messages quote ids and keys from the file as written. */
		char *file = utf8_sanitize(g->file), *msg = utf8_sanitize(g->msg);
		if (g->line > 0)
			fprintf(stderr, "%s:%d:%d: %s: %s\n", file, g->line, g->column, kind, msg);
		else
			fprintf(stderr, "%s: %s: %s\n", file, kind, msg);
		free(file);
		free(msg);
	}
}

/* One msgid of the template, with every place it was written. */
struct pot_entry {
	char *msgid;
	struct strbuf refs;
	struct strbuf notes; /* "#. " lines: what the string is, for translators */
};

struct pot {
	struct pot_entry *v;
	size_t n, cap;
	const char *file;
};

static void pot_add(const char *s, int line, const char *where, void *ctx)
{
	struct pot *p = ctx;
	struct pot_entry *e = NULL;
	for (size_t i = 0; i < p->n && !e; i++)
		if (strcmp(p->v[i].msgid, s) == 0)
			e = &p->v[i];
	if (!e) {
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 64;
			p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
		}
		e = &p->v[p->n++];
		e->msgid = xstrdup(s);
		strbuf_init(&e->refs);
		strbuf_init(&e->notes);
	}
	strbuf_addf(&e->refs, " %s:%d", p->file, line);
	strbuf_addf(&e->notes, "#. %s\n", where);
}

/* A C-style quoted PO string; long or multi-line texts are split at "\n". */
static void po_string(FILE *out, const char *s)
{
	if (strchr(s, '\n') && strchr(s, '\n')[1])
		fputs("\"\"\n", out);
	fputc('"', out);
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\n':
			fputs(p[1] ? "\\n\"\n\"" : "\\n", out);
			break;
		default:
			fputc(*p, out);
		}
	}
	fputs("\"\n", out);
}

/* Print the template on out (NULL: only free it). */
static void pot_print(struct pot *p, FILE *out)
{
	if (out)
		fputs("# Translatable strings of the ipwiz flows (ipwiz lint --pot).\n"
		      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n",
		      out);
	for (size_t i = 0; i < p->n; i++) {
		if (out) {
			fputs(p->v[i].notes.s, out);
			fprintf(out, "#:%s\n", p->v[i].refs.s);
			if (strchr(p->v[i].msgid, '%'))
				fputs("#, no-c-format\n", out);
			fputs("msgid ", out);
			po_string(out, p->v[i].msgid);
			fputs("msgstr \"\"\n\n", out);
		}
		free(p->v[i].msgid);
		strbuf_free(&p->v[i].refs);
		strbuf_free(&p->v[i].notes);
	}
	free(p->v);
}

int cli_cmd_lint(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("lint");
	bool pot_mode = cli_flag(cli, "pot");
	int first = 1;
	if (first >= argc)
		return cli_usage(cmd, _("which flow files?"));
	struct ipw_diags d = {0};
	struct pot pot = {0};
	int files = 0;
	for (int i = first; i < argc; i++) {
		char *path = flow_path(argv[i]);
		struct flow *f = flow_load_file(path, &d);
		if (f) {
			flow_lint(f, &d);
			pot.file = path;
			if (pot_mode)
				flow_strings(f, pot_add, &pot);
		}
		flow_free(f);
		free(path);
		files++;
	}
	print_diags(&d);
	int status = d.nerrors ? IPW_EUSER : IPW_OK;
	pot_print(&pot, pot_mode && status == IPW_OK ? stdout : NULL);
	if (!pot_mode || d.nerrors) {
		char *nf = xasprintf(ngettext("%d file", "%d files", (unsigned long)files), files);
		char *ne = xasprintf(ngettext("%zu error", "%zu errors", d.nerrors), d.nerrors);
		char *nw =
		    xasprintf(ngettext("%zu warning", "%zu warnings", d.nwarnings), d.nwarnings);
		/* TRANSLATORS: "2 files: 6 errors, 0 warnings" */
		fprintf(stderr, _("%s: %s, %s\n"), nf, ne, nw);
		free(nw);
		free(ne);
		free(nf);
	}
	ipw_diags_free(&d);
	return status;
}
