/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c — building the package: pre-flight, a private staging directory
 * beside the destination (inside it, when it exists), the documents, then
 * into place (export_publish.c). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "contact_sheet.h"
#include "export_internal.h"

void export_sha256_hex(const unsigned char digest[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
}

struct export_file *export_add_file(struct export_job *j, const char *name)
{
	j->files = xreallocarray(j->files, j->nfiles + 1, sizeof(*j->files));
	struct export_file *f = &j->files[j->nfiles++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	return f;
}

int export_disk_error(struct ipw_error *err, const char *path, int e)
{
	/* Say what really failed: a full disk, a folder that is not writable,
	 * or (strerror alone) anything else. */
	switch (e) {
	case ENOSPC:
	case EDQUOT:
		return ipw_error_at(err, IPW_EENV, path, 0, 0,
				    _("Cannot write the export: %s. Free some space, or choose "
				      "another place with --out."),
				    strerror(e));
	case EACCES:
	case EPERM:
	case EROFS:
		return ipw_error_at(err, IPW_EENV, path, 0, 0,
				    _("Cannot write the export: %s. Check that the folder is yours "
				      "and can be written to, or choose another place with --out."),
				    strerror(e));
	default:
		return ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot write the export: %s."),
				    strerror(e));
	}
}

int export_write_raw(struct export_job *j, const char *name, const char *data, size_t len,
		     struct ipw_error *err)
{
	char *path = xasprintf("%s/%s", j->stage, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	int rc = IPW_OK;
	if (fd < 0) {
		rc = export_disk_error(err, path, errno);
		goto out;
	}
	for (size_t off = 0; off < len && rc == IPW_OK;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			rc = export_disk_error(err, path, w < 0 ? errno : ENOSPC);
		else
			off += (size_t)w;
	}
	if (close(fd) != 0 && rc == IPW_OK)
		rc = export_disk_error(err, path, errno);
	/* Not listed yet: a half-written file would keep the stage from going. */
	if (rc != IPW_OK)
		unlink(path);
out:
	free(path);
	return rc;
}

int export_write_file(struct export_job *j, const char *name, const char *data, size_t len,
		      struct ipw_error *err)
{
	int rc = export_write_raw(j, name, data, len, err);
	if (rc != IPW_OK)
		return rc;
	struct sha256_ctx ctx;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof(digest), digest);
	export_sha256_hex(digest, export_add_file(j, name)->sha256);
	return IPW_OK;
}

char *export_document_begin(const struct export_job *j)
{
	const struct case_row *c = session_case(j->s);
	return i18n_document_begin(c ? c->lang : NULL);
}

void export_note_forced(struct export_job *j, const char *msg)
{
	char ***v = j->in_document ? &j->doc_forced : &j->forced;
	size_t *n = j->in_document ? &j->ndoc_forced : &j->nforced;
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(msg);
}

/* An issue message without its closing full stop, to sit inside a sentence. */
static char *issue_text(const struct session_issue *is)
{
	char *m = xstrdup(is->message ? is->message : "");
	size_t n = strlen(m);
	if (n >= 3 && strcmp(m + n - 3, "。") == 0)
		m[n - 3] = '\0';
	else if (n && m[n - 1] == '.')
		m[n - 1] = '\0';
	return m;
}

static const char *issue_label(const struct session *s, const struct session_issue *is)
{
	const struct flow_field *f = flow_find_field(session_flow(s), is->path);
	return f && f->label ? flow_tr(f->label) : is->path;
}

/* The notes of what --force passes over: made once in the user's language
 * (what export says) and again in the case's (the manifest's). */
static void note_deadline(struct export_job *j, const struct deadline_due *d)
{
	struct strbuf when;
	strbuf_init(&when);
	deadline_describe(d, &when);
	const char *label = flow_tr(d->def->label ? d->def->label : d->def->id);
	char *msg = xasprintf(_("Deadline passed: %s, %s."), label, when.s);
	export_note_forced(j, msg);
	free(msg);
	strbuf_free(&when);
}

static void note_issue(struct export_job *j, const struct session_issue *is)
{
	char *text = issue_text(is);
	char *msg = xasprintf(_("Not ready: %s: %s."), issue_label(j->s, is), text);
	export_note_forced(j, msg);
	free(msg);
	free(text);
}

/* When every deadline of the case is behind it, the platform may no longer
 * take the submission: said before anything is written. */
static int deadline_passed(struct export_job *j, struct ipw_error *err)
{
	const struct deadline_due *d = deadline_next(j->dl, j->ndl);
	if (!d || d->days_left >= 0)
		return IPW_OK;
	struct strbuf when;
	strbuf_init(&when);
	deadline_describe(d, &when);
	const char *label = flow_tr(d->def->label ? d->def->label : d->def->id);
	int rc = IPW_OK;
	if (!j->opt->force) {
		rc = ipw_error_set(err, IPW_EUSER,
				   _("The deadline has passed: %s, %s. Check the countdown on the "
				     "platform's page; add --force to export anyway."),
				   label, when.s);
	} else {
		note_deadline(j, d);
	}
	strbuf_free(&when);
	return rc;
}

/* Missing or invalid answers, or every deadline passed, stop the export
 * unless --force. */
static int preflight(struct export_job *j, struct ipw_error *err)
{
	/* Not even --force: the documents would be the wrong ones. */
	const char *stop = session_stop(j->s, NULL);
	if (stop)
		return ipw_error_set(err, IPW_EUSER, _("ipwiz does not export this case: %s"),
				     stop);
	/* Nor an affirmation changed behind ipwiz: the documents would carry
	 * the owner's signature over answers the owner did not affirm. */
	char *note = NULL;
	const struct flow_field *decl = session_affirmation_tampered(j->s, &note);
	if (decl) {
		int r = ipw_error_set(err, IPW_EUSER,
				      _("ipwiz does not export this case, not even with --force: "
					"the statement “%s” was %s Its owner must read it again "
					"and affirm it."),
				      flow_tr(decl->label), note);
		free(note);
		return r;
	}
	struct session_issue *iss = NULL;
	size_t n = session_check(j->s, &iss);
	int rc = IPW_OK;
	for (size_t i = 0; i < n && rc == IPW_OK; i++) {
		if (!j->opt->force) {
			char *text = issue_text(&iss[i]);
			rc = ipw_error_set(
			    err, IPW_EUSER,
			    ngettext("The case is not ready to export: %zu answer is "
				     "missing or invalid (%s: %s). Fix it, or add "
				     "--force to export anyway.",
				     "The case is not ready to export: %zu answers are "
				     "missing or invalid, the first is %s: %s. Fix them "
				     "(`ipwiz show` lists them all), or add --force to "
				     "export anyway.",
				     n),
			    n, issue_label(j->s, &iss[i]), text);
			free(text);
		} else {
			note_issue(j, &iss[i]);
		}
	}
	session_issues_free(iss, n);
	return rc == IPW_OK ? deadline_passed(j, err) : rc;
}

/* What --force passed over, again in the language in effect (the case's),
 * for the manifest and manifest.json. */
static void note_forced_again(struct export_job *j)
{
	j->in_document = true;
	if (!j->opt->force)
		return;
	char *lang = export_document_begin(j);
	struct session_issue *iss = NULL;
	size_t n = session_check(j->s, &iss);
	for (size_t i = 0; i < n; i++)
		note_issue(j, &iss[i]);
	session_issues_free(iss, n);
	const struct deadline_due *d = deadline_next(j->dl, j->ndl);
	if (d && d->days_left < 0)
		note_deadline(j, d);
	for (size_t i = 0; i < j->nev; i++)
		if (j->copy[i] == EXPORT_CHANGED || j->copy[i] == EXPORT_VANISHED)
			export_note_copy(j, i);
	i18n_document_end(lang);
}

/* The destination may exist only with --force, and only as a real directory. */
static int check_destination(struct export_job *j, const char *zip, struct ipw_error *err)
{
	struct stat st;
	if (lstat(j->dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return ipw_error_at(err, IPW_EUSER, j->dir, 0, 0, "%s",
					    _("Something that is not a folder is already there: "
					      "choose another place with --out."));
		if (!j->opt->force)
			return ipw_error_at(err, IPW_EUSER, j->dir, 0, 0, "%s",
					    _("This folder already exists: choose another place "
					      "with --out, or add --force to write into it."));
		j->exists = true;
	}
	if (zip && lstat(zip, &st) == 0 && (!j->opt->force || !S_ISREG(st.st_mode)))
		return ipw_error_at(err, IPW_EUSER, zip, 0, 0, "%s",
				    _("This zip file already exists: choose another place with "
				      "--out, or add --force to replace it."));
	return IPW_OK;
}

/* The package is built where one rename puts it in place: beside a new
 * folder, or inside an existing one (--force), which may be a mount point
 * such as a USB stick, another file system than its parent's. */
static int make_stage(struct export_job *j, struct ipw_error *err)
{
	char *slash = strrchr(j->dir, '/');
	char *parent = j->exists ? xstrdup(j->dir)
		       : slash	 ? xstrndup(j->dir, slash == j->dir ? 1 : (size_t)(slash - j->dir))
				 : xstrdup(".");
	j->stage = xasprintf("%s/.ipwiz-export-XXXXXX", parent);
	free(parent);
	if (!mkdtemp(j->stage)) {
		int e = errno;
		free(j->stage);
		j->stage = NULL;
		if (e == ENOENT)
			return ipw_error_at(err, IPW_EUSER, j->dir, 0, 0, "%s",
					    _("The folder to export into does not exist: create it "
					      "first, or choose another place with --out."));
		return export_disk_error(err, j->dir, e);
	}
	return IPW_OK;
}

static void remove_stage(struct export_job *j)
{
	if (!j->stage)
		return;
	for (size_t i = 0; i < j->nfiles; i++) {
		char *p = xasprintf("%s/%s", j->stage, j->files[i].name);
		unlink(p);
		free(p);
	}
	char *mark = xasprintf("%s/%s", j->stage, EXPORT_MARKER);
	unlink(mark);
	free(mark);
	rmdir(j->stage);
}

static char *safe_name(const char *id, const char *lang, const char *ext)
{
	struct strbuf b;
	strbuf_init(&b);
	render_safe_name(&b, id, 64);
	strbuf_addc(&b, '.');
	render_safe_name(&b, lang, 16);
	strbuf_addf(&b, ".%s", ext);
	return strbuf_detach(&b);
}

/* A printable page: the text as it will be pasted, escaped whole. */
static char *html_page(const char *title, const char *lang, const char *text)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_add(&b, "<!DOCTYPE html>\n<html lang=\"");
	escape_document(&b, lang, DOC_HTML, false);
	strbuf_add(&b, "\">\n<head><meta charset=\"utf-8\"><title>");
	escape_document(&b, title, DOC_HTML, false);
	strbuf_add(&b,
		   "</title>\n<style>body{font-family:serif;max-width:42em;margin:2em auto}"
		   "pre{white-space:pre-wrap;font-family:inherit}</style></head>\n<body>\n<h1>");
	escape_document(&b, title, DOC_HTML, false);
	strbuf_add(&b, "</h1>\n<pre>");
	escape_document(&b, text, DOC_HTML, true);
	strbuf_add(&b, "</pre>\n</body>\n</html>\n");
	return strbuf_detach(&b);
}

static int write_document(struct export_job *j, const struct flow_document *d, const char *lang,
			  struct ipw_error *err)
{
	char *text;
	int rc = render_document(j->s, d, lang, DOC_TEXT, &text, err);
	if (rc != IPW_OK)
		return rc;
	char *txt = safe_name(d->id, lang, "txt"), *html = safe_name(d->id, lang, "html");
	/* The page's title in the copy's own language (a reviewers' copy). */
	char *saved = i18n_document_begin(lang);
	char *page = html_page(flow_tr(d->title ? d->title : d->id), lang, text);
	i18n_document_end(saved);
	rc = export_write_file(j, txt, text, strlen(text), err);
	if (rc == IPW_OK)
		rc = export_write_file(j, html, page, strlen(page), err);
	if (rc == IPW_OK) {
		j->docs = xreallocarray(j->docs, j->ndocs + 1, sizeof(*j->docs));
		j->docs[j->ndocs++] = (struct export_doc){d, xstrdup(lang), txt, html};
		txt = html = NULL;
	}
	free(page);
	free(html);
	free(txt);
	free(text);
	return rc;
}

static int write_documents(struct export_job *j, struct ipw_error *err)
{
	const struct flow *f = session_flow(j->s);
	const char *langs[2];
	size_t nlangs = render_languages(j->s, langs);
	for (size_t i = 0; i < f->ndocuments; i++) {
		const struct flow_document *d = &f->documents[i];
		if (!render_document_applies(j->s, d))
			continue;
		/* A language the flow has no template for falls back to English:
		 * write each template once. */
		const char *first = NULL;
		/* A sheet the user keeps is for the user: the reviewers' copy is
		 * for what goes to the platform. */
		bool keep = d->purpose && strcmp(d->purpose, "keep") == 0;
		for (size_t k = keep ? nlangs - 1 : 0; k < nlangs; k++) {
			const struct flow_template *t = flow_document_template(d, langs[k]);
			const char *lang = t && t->lang ? t->lang : "en";
			if (first && strcmp(first, lang) == 0)
				continue;
			if (!first)
				first = lang;
			int rc = write_document(j, d, lang, err);
			if (rc != IPW_OK)
				return rc;
		}
	}
	return IPW_OK;
}

static int audit(struct export_job *j, struct ipw_error *err)
{
	if (j->nforced) {
		struct strbuf b;
		strbuf_init(&b);
		for (size_t i = 0; i < j->nforced; i++)
			strbuf_addf(&b, "%s%s", i ? "\n" : "", j->forced[i]);
		int rc = session_audit_add(j->s, "export --force", NULL, b.s, err);
		strbuf_free(&b);
		if (rc != IPW_OK)
			return rc;
	}
	return session_audit_add(j->s, "export", NULL, j->dir, err);
}

static void job_free(struct export_job *j)
{
	remove_stage(j);
	free(j->stage);
	for (size_t i = 0; i < j->nfiles; i++)
		free(j->files[i].name);
	free(j->files);
	for (size_t i = 0; i < j->ndocs; i++) {
		free(j->docs[i].lang);
		free(j->docs[i].file);
		free(j->docs[i].html);
	}
	free(j->docs);
	render_evidence_free(j->ev, j->nev);
	free(j->copy);
	free(j->dl);
	free(j->dir);
	for (size_t i = 0; i < j->nforced; i++)
		free(j->forced[i]);
	free(j->forced);
	for (size_t i = 0; i < j->ndoc_forced; i++)
		free(j->doc_forced[i]);
	free(j->doc_forced);
}

/* The package's evidence as a contact sheet in DIR-review: the same
 * verdicts and findings the checklist has, judged from the readings the
 * case keeps (no file is decoded again), and a picture of the first pages. */
static void write_sheet(struct export_job *j, struct export_result *res)
{
	struct sheet_source *src = xcalloc(j->nev ? j->nev : 1, sizeof(*src));
	struct evidence_result *now = xcalloc(j->nev ? j->nev : 1, sizeof(*now));
	size_t n = 0;
	for (size_t i = 0; i < j->nev; i++) {
		const struct render_evidence *e = &j->ev[i];
		struct ipw_error cerr = {0};
		if (j->copy[i] == EXPORT_VANISHED ||
		    evidence_case_check(j->s, e->row->field, e->row->path, &now[n], &cerr) !=
			IPW_OK)
			continue;
		src[n] = (struct sheet_source){.group = e->field ? flow_tr(e->field->label) : "",
					       .name = e->name,
					       .path = e->row->path,
					       .res = &now[n]};
		n++;
	}
	char *dir = xasprintf("%s-review", j->dir);
	char *lang = export_document_begin(j);
	char *title =
	    xasprintf(_("Case %lld: the evidence as uploaded"), (long long)session_case_id(j->s));
	struct ipw_error err = {0};
	if (contact_sheet_write(dir, title, i18n_language(), src, n, &err) == IPW_OK) {
		res->sheet = xasprintf("%s/index.html", dir);
	} else {
		res->sheet_problem = xstrdup(err.msg);
	}
	i18n_document_end(lang);
	free(title);
	free(dir);
	free(now);
	free(src);
}

int export_case(struct session *s, const struct export_options *opt, struct export_result *res,
		struct ipw_error *err)
{
	memset(res, 0, sizeof(*res));
	struct export_job j = {.s = s, .opt = opt, .today = session_env(s)->today};
	if (opt->out_dir && *opt->out_dir) {
		j.dir = xstrdup(opt->out_dir);
		for (size_t n = strlen(j.dir); n > 1 && j.dir[n - 1] == '/'; n--)
			j.dir[n - 1] = '\0';
		/* "--out ." names the folder by where it is: the zip and its
		 * entries need a real name. */
		const char *base = strrchr(j.dir, '/') ? strrchr(j.dir, '/') + 1 : j.dir;
		char *real = strcmp(base, ".") == 0 || strcmp(base, "..") == 0
				 ? realpath(j.dir, NULL)
				 : NULL;
		if (real) {
			free(j.dir);
			j.dir = real;
		}
	} else {
		j.dir = xasprintf("ipwiz-case-%lld", (long long)session_case_id(s));
	}
	char *zip = opt->zip ? xasprintf("%s.zip", j.dir) : NULL;
	j.ndl = deadline_list(s, &j.dl);
	int rc;
	if ((rc = session_reload_evidence(s, err)) != IPW_OK ||
	    (rc = preflight(&j, err)) != IPW_OK ||
	    (rc = check_destination(&j, zip, err)) != IPW_OK ||
	    (rc = make_stage(&j, err)) != IPW_OK)
		goto out;
	j.ev = render_evidence_list(s, &j.nev);
	/* The package is the case's: the text of every file in it (the
	 * documents, the manifest, the calendar, the contact sheet) speaks the
	 * case's language (export_document_begin), whatever language the
	 * user's messages are in; what export tells the user (refusals, disk
	 * errors, what --force passed over) is in the user's. */
	if ((rc = export_copy_evidence(&j, err)) != IPW_OK)
		goto out;
	note_forced_again(&j);
	if ((rc = write_documents(&j, err)) == IPW_OK &&
	    (rc = export_write_manifest(&j, err)) == IPW_OK &&
	    (rc = export_write_json(&j, err)) == IPW_OK &&
	    (rc = export_write_ics(&j, err)) == IPW_OK &&
	    (rc = export_write_sums(&j, err)) == IPW_OK &&
	    (rc = export_write_marker(&j, err)) == IPW_OK &&
	    (rc = export_publish(&j, err)) == IPW_OK &&
	    (!zip || (rc = export_write_zip(&j, zip, err)) == IPW_OK) &&
	    (rc = audit(&j, err)) == IPW_OK)
		write_sheet(&j, res);
	if (rc != IPW_OK)
		goto out;
	res->dir = j.dir;
	j.dir = NULL;
	res->zip = zip;
	zip = NULL;
	res->ndocuments = j.ndocs;
	for (size_t i = 0; i < j.nev; i++)
		res->nevidence += j.copy[i] != EXPORT_VANISHED;
	res->forced = j.forced;
	res->nforced = j.nforced;
	j.forced = NULL;
	j.nforced = 0;
out:
	free(zip);
	job_free(&j);
	return rc;
}

void export_result_clear(struct export_result *res)
{
	free(res->dir);
	free(res->zip);
	free(res->sheet);
	free(res->sheet_problem);
	for (size_t i = 0; i < res->nforced; i++)
		free(res->forced[i]);
	free(res->forced);
	memset(res, 0, sizeof(*res));
}
