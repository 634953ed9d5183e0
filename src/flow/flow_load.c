/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_load.c — a flow file into the model: the file itself (size, UTF-8,
 * hash), the top-level keys, steps, documents and deadlines. Every error is
 * collected, so one `ipwiz lint` run shows them all. */
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
#include "expr/expr.h"
#include "flow_internal.h"

static void build_step(struct flow_builder *b, const struct ynode *n, struct flow_step *s)
{
	memset(s, 0, sizeof *s);
	if (!fb_expect_map(b, n, _("a step")))
		return;
	static const char *const keys[] = {"id", "title", "intro", "help", "when", "fields", NULL};
	fb_check_keys(b, n, keys, _("a step"));
	s->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", false, &s->id))
		return;
	fb_str(b, n, "title", true, &s->title);
	fb_str(b, n, "intro", false, &s->intro);
	fb_str(b, n, "help", false, &s->help);
	fb_expr(b, n, "when", &s->when);
	const struct ynode *v = ytree_get(n, "fields");
	if (!v || v->kind != YNODE_SEQ || v->n == 0) {
		fb_error(b, v ? v : n, _("a step needs “fields”: a list of questions"));
		return;
	}
	s->fields = xcalloc(v->n, sizeof *s->fields);
	for (size_t i = 0; i < v->n; i++) {
		flow_build_field(b, &v->items[i], NULL, &s->fields[s->nfields]);
		if (s->fields[s->nfields].id)
			s->nfields++;
	}
}

static bool valid_lang(const char *s)
{
	size_t n = strlen(s);
	return (n == 2 || (n == 5 && s[2] == '_' && s[3] >= 'A' && s[3] <= 'Z' && s[4] >= 'A' &&
			   s[4] <= 'Z')) &&
	       s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

/* An IANA zone name ("Asia/Shanghai", "America/Los_Angeles", "UTC"): it
 * goes into TZ, so no path tricks (leading '/', "..") and no spaces. */
static bool valid_timezone(const char *s)
{
	if (!*s || *s == '/' || strstr(s, "..") || strlen(s) > 64)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("/_-+", *p)))
			return false;
	return true;
}

static void build_templates(struct flow_builder *b, const struct ynode *v, struct flow_document *d)
{
	if (!v || v->kind != YNODE_MAP || v->n == 0) {
		fb_error(b, v,
			 _("a document needs “templates”: one text per language, “en” "
			   "first"));
		return;
	}
	d->templates = xcalloc(v->n, sizeof *d->templates);
	bool has_en = false;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = &v->keys[i], *t = &v->items[i];
		if (!valid_lang(k->text)) {
			fb_error(b, k, _("“%s” is not a language code such as en, zh_CN or id"),
				 k->text);
			continue;
		}
		if (t->kind != YNODE_SCALAR) {
			fb_error(b, t,
				 _("a template must be text (write it as a block after “|”)"));
			continue;
		}
		struct flow_template *ft = &d->templates[d->ntemplates++];
		ft->lang = xstrdup(k->text);
		ft->text = xstrdup(t->text);
		/* A block scalar's text starts on the line after the "|". */
		ft->pos = (struct flow_pos){t->block ? t->line + 1 : t->line, t->column};
		has_en |= strcmp(k->text, "en") == 0;
	}
	if (!has_en)
		fb_error(b, v, _("a document needs an “en” template (the fallback language)"));
}

static void build_document(struct flow_builder *b, const struct ynode *n, struct flow_document *d)
{
	memset(d, 0, sizeof *d);
	if (!fb_expect_map(b, n, _("a document")))
		return;
	static const char *const keys[] = {"id",   "title",	"form_field", "purpose",
					   "when", "templates", NULL};
	fb_check_keys(b, n, keys, _("a document"));
	d->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", false, &d->id))
		return;
	fb_str(b, n, "title", true, &d->title);
	fb_str(b, n, "form_field", false, &d->form_field);
	fb_str(b, n, "purpose", false, &d->purpose);
	if (!d->purpose)
		d->purpose = xstrdup("paste");
	else if (strcmp(d->purpose, "paste") && strcmp(d->purpose, "upload") &&
		 strcmp(d->purpose, "keep"))
		fb_error(b, ytree_get(n, "purpose"),
			 _("“purpose” must be paste, upload or keep, not “%s”"), d->purpose);
	fb_expr(b, n, "when", &d->when);
	build_templates(b, ytree_get(n, "templates"), d);
}

static void build_deadline(struct flow_builder *b, const struct ynode *n, struct flow_deadline *d)
{
	memset(d, 0, sizeof *d);
	if (!fb_expect_map(b, n, _("a deadline")))
		return;
	static const char *const keys[] = {"id",	   "label",	    "from",
					   "working_days", "calendar_days", "calendar",
					   "when",	   "note",	    NULL};
	fb_check_keys(b, n, keys, _("a deadline"));
	d->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", false, &d->id))
		return;
	fb_str(b, n, "label", true, &d->label);
	fb_str(b, n, "from", true, &d->from);
	fb_str(b, n, "note", false, &d->note);
	fb_expr(b, n, "when", &d->when);
	unsigned days = 0;
	bool working = false, calendar = false;
	fb_uint(b, n, "working_days", &days, &working);
	fb_uint(b, n, "calendar_days", &days, &calendar);
	if (working == calendar)
		fb_error(b, n, _("a deadline needs either “working_days” or “calendar_days”"));
	d->days = (int)days;
	d->working = working;
	fb_str(b, n, "calendar", working, &d->calendar);
	if (!working && d->calendar)
		fb_error(b, ytree_get(n, "calendar"),
			 _("“calendar” only applies to “working_days”"));
}

static void build_package(struct flow_builder *b, const struct ynode *n, struct flow_package *p)
{
	memset(p, 0, sizeof *p);
	if (!fb_expect_map(b, n, _("a package")))
		return;
	static const char *const keys[] = {"id", "label", "where", "max_files", "max_size", NULL};
	fb_check_keys(b, n, keys, _("a package"));
	p->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", false, &p->id))
		return;
	fb_str(b, n, "label", true, &p->label);
	fb_str(b, n, "where", true, &p->where);
	fb_uint(b, n, "max_files", &p->max_files, NULL);
	fb_size(b, n, "max_size", &p->max_size);
}

/* A list of mappings under key, each built by fn into an array. */
#define BUILD_ARRAY(b, root, key, required, arr, count, fn, what)                                  \
	do {                                                                                       \
		const struct ynode *v_ = ytree_get(root, key);                                     \
		if (!v_) {                                                                         \
			if (required)                                                              \
				fb_error(b, root, _("the flow needs “%s”: %s"), key, what);        \
			break;                                                                     \
		}                                                                                  \
		if (v_->kind != YNODE_SEQ) {                                                       \
			fb_error(b, v_, _("“%s” must be a list: %s"), key, what);                  \
			break;                                                                     \
		}                                                                                  \
		if (required && v_->n == 0) {                                                      \
			fb_error(b, v_, _("“%s” needs at least one step: %s"), key, what);         \
			break;                                                                     \
		}                                                                                  \
		arr = xcalloc(v_->n ? v_->n : 1, sizeof *arr);                                     \
		for (size_t i_ = 0; i_ < v_->n; i_++) {                                            \
			fn(b, &v_->items[i_], &arr[count]);                                        \
			if (arr[count].id)                                                         \
				count++;                                                           \
		}                                                                                  \
	} while (0)

static void build_flow(struct flow_builder *b, const struct ynode *root, struct flow *f)
{
	static const char *const keys[] = {
	    "id",	 "version",   "title",		 "description",	     "platform",
	    "checked",	 "languages", "review_language", "review_languages", "steps",
	    "documents", "deadlines", "timezone",	 "lifecycle",	     "packages",
	    NULL};
	fb_check_keys(b, root, keys, _("the flow"));
	fb_id(b, root, "id", true, &f->id);
	fb_str(b, root, "version", true, &f->version);
	fb_str(b, root, "title", true, &f->title);
	fb_str(b, root, "description", false, &f->description);
	fb_str(b, root, "platform", false, &f->platform);
	fb_str(b, root, "checked", false, &f->checked);
	fb_str_list(b, root, "languages", &f->languages, &f->nlanguages);
	for (size_t i = 0; i < f->nlanguages; i++)
		if (!valid_lang(f->languages[i]))
			fb_error(b, ytree_get(root, "languages"),
				 _("“%s” is not a language code such as en, zh_CN or id"),
				 f->languages[i]);
	if (ytree_get(root, "review_language") && ytree_get(root, "review_languages"))
		fb_error(b, ytree_get(root, "review_language"), "%s",
			 _("write “review_languages” only (a list), not both"));
	fb_str_list(b, root,
		    ytree_get(root, "review_languages") ? "review_languages" : "review_language",
		    &f->review_languages, &f->nreview_languages);
	for (size_t i = 0; i < f->nreview_languages; i++)
		if (!valid_lang(f->review_languages[i]))
			fb_error(b, root, _("“%s” is not a language code such as en, zh_CN or id"),
				 f->review_languages[i]);
	BUILD_ARRAY(b, root, "steps", true, f->steps, f->nsteps, build_step,
		    _("the screens the wizard shows, in order"));
	BUILD_ARRAY(b, root, "documents", false, f->documents, f->ndocuments, build_document,
		    _("the texts written from the answers"));
	BUILD_ARRAY(b, root, "deadlines", false, f->deadlines, f->ndeadlines, build_deadline,
		    _("the dates the answers set"));
	BUILD_ARRAY(b, root, "packages", false, f->packages, f->npackages, build_package,
		    _("the parts of the evidence that go to different places on the platform"));
	if (fb_str(b, root, "timezone", false, &f->timezone) && f->timezone &&
	    !valid_timezone(f->timezone))
		fb_error(b, ytree_get(root, "timezone"),
			 _("“timezone” must be a zone name such as Asia/Shanghai, not “%s”"),
			 f->timezone);
	flow_build_lifecycle(b, ytree_get(root, "lifecycle"), &f->lifecycle);
}

static void hash_buffer(const char *buf, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)buf);
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* The line and column of byte offset off, for encoding errors. */
static void offset_position(const char *buf, size_t off, int *line, int *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (int)(off - start) + 1;
}

/* Offset of the first NUL or control character other than tab and line
 * breaks (they would reach a seller's terminal through a label), or len. */
static size_t control_character(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f)
			return i;
	}
	return len;
}

struct flow *flow_load_buffer(const char *name, const char *buf, size_t len,
			      struct ipw_diags *diags)
{
	size_t errors_before = diags->nerrors;
	size_t bad;
	if (len > FLOW_MAX_BYTES) {
		ipw_diags_add(diags, IPW_SEV_ERROR, name, 0, 0,
			      _("the file is larger than %d KiB; a flow file is never that big"),
			      FLOW_MAX_BYTES / 1024);
		return NULL;
	}
	if (!utf8_valid(buf, len, &bad)) {
		int line, col;
		offset_position(buf, bad, &line, &col);
		ipw_diags_add(diags, IPW_SEV_ERROR, name, line, col,
			      _("the file is not UTF-8 text (byte %zu); save it as UTF-8"), bad);
		return NULL;
	}
	if ((bad = control_character(buf, len)) < len) {
		int line, col;
		offset_position(buf, bad, &line, &col);
		ipw_diags_add(diags, IPW_SEV_ERROR, name, line, col,
			      _("the file contains a control character (byte %zu, code 0x%02x); "
				"remove it"),
			      bad, (unsigned)(unsigned char)buf[bad]);
		return NULL;
	}
	struct ynode *root = ytree_parse(name, buf, len, FLOW_MAX_DEPTH, diags);
	if (!root)
		return NULL;
	struct flow_builder b = {.file = name, .diags = diags};
	struct flow *f = xcalloc(1, sizeof *f);
	f->file = xstrdup(name);
	hash_buffer(buf, len, f->hash);
	if (fb_expect_map(&b, root, _("a flow file")))
		build_flow(&b, root, f);
	ytree_free(root);
	flow_build_index(f);
	if (diags->nerrors == errors_before)
		flow_check_refs(&b, f, buf, len);
	for (size_t i = 0; i < b.nsites; i++)
		free(b.sites[i].owner);
	free(b.sites);
	if (diags->nerrors > errors_before) {
		flow_free(f);
		return NULL;
	}
	return f;
}

struct flow *flow_load_file(const char *path, struct ipw_diags *diags)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		ipw_diags_add(diags, IPW_SEV_ERROR, path, 0, 0, _("cannot read the file: %s"),
			      strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > FLOW_MAX_BYTES) {
		ipw_diags_add(diags, IPW_SEV_ERROR, path, 0, 0, "%s",
			      S_ISREG(st.st_mode) ? _("the file is larger than 1 MiB; a flow file "
						      "is never that big")
						  : _("this is not a regular file"));
		close(fd);
		return NULL;
	}
	char *buf = xmalloc((size_t)st.st_size + 1);
	size_t len = 0;
	ssize_t r;
	while ((r = read(fd, buf + len, (size_t)st.st_size - len)) > 0)
		len += (size_t)r;
	close(fd);
	if (r < 0) {
		ipw_diags_add(diags, IPW_SEV_ERROR, path, 0, 0, _("cannot read the file: %s"),
			      strerror(errno));
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	struct flow *f = flow_load_buffer(path, buf, len, diags);
	free(buf);
	return f;
}
