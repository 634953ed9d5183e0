/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "base/base.h"
#include "answers_file.h"

struct reader {
	yaml_parser_t parser;
	const char *name;
	const char *buf;
	size_t len;
	answers_file_fn fn;
	void *ctx;
	struct ipw_error *err;
	void *keys; /* top-level keys seen (a tsearch tree of struct seen_key), for "answered twice"
		     */
};

static int fail_at(struct reader *r, const yaml_event_t *ev, const char *msg)
{
	return ipw_error_at(r->err, IPW_EUSER, r->name, (int)ev->start_mark.line + 1,
			    (int)ev->start_mark.column + 1, "%s", msg);
}

/* Next event; libyaml's own errors become file:line:column messages, in
 * plain words for the mistake people make most: a tab for indentation. */
static int next(struct reader *r, yaml_event_t *ev)
{
	if (yaml_parser_parse(&r->parser, ev))
		return IPW_OK;
	const yaml_mark_t *m = &r->parser.problem_mark;
	int line = (int)m->line + 1, column = (int)m->column + 1;
	if (m->index < r->len && r->buf[m->index] == '\t')
		return ipw_error_at(r->err, IPW_EUSER, r->name, line, column,
				    _("This line starts with a tab character; indent lines with "
				      "spaces only."));
	return ipw_error_at(r->err, IPW_EUSER, r->name, line, column,
			    _("This is not valid YAML: %s."),
			    r->parser.problem ? r->parser.problem : "?");
}

static int emit_as(struct reader *r, const yaml_event_t *ev, const char *path, const char *value,
		   bool values)
{
	if (r->fn(path, value, values, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
		  r->ctx))
		return ipw_error_set(r->err, IPW_EUSER, _("Stopped."));
	return IPW_OK;
}

static int emit(struct reader *r, const yaml_event_t *ev, const char *path, const char *value)
{
	return emit_as(r, ev, path, value, false);
}

static int expect_scalar(struct reader *r, yaml_event_t *ev, const char *what)
{
	if (ev->type == YAML_ALIAS_EVENT)
		return fail_at(r, ev, _("Anchors and aliases are not allowed in an answers file."));
	if (ev->type != YAML_SCALAR_EVENT) {
		char *m = xasprintf(_("Expected %s here."), what);
		int rc = fail_at(r, ev, m);
		free(m);
		return rc;
	}
	if (ev->data.scalar.anchor)
		return fail_at(r, ev, _("Anchors and aliases are not allowed in an answers file."));
	/* "AB\0C" in double quotes: the answer would silently end at the NUL. */
	if (strlen((const char *)ev->data.scalar.value) != ev->data.scalar.length)
		return fail_at(r, ev, _("This value contains a NUL character (\\0); remove it."));
	return IPW_OK;
}

/* The next key of the mapping being read, into *k (the caller deletes it);
 * *end instead when the mapping closes. */
static int next_key(struct reader *r, yaml_event_t *k, bool *end)
{
	int rc = next(r, k);
	if (rc != IPW_OK)
		return rc;
	*end = k->type == YAML_MAPPING_END_EVENT;
	if (*end)
		yaml_event_delete(k);
	else if ((rc = expect_scalar(r, k, _("a field name"))) != IPW_OK)
		yaml_event_delete(k);
	return rc;
}

/* One list item: a mapping of sub-field id → scalar. */
static int read_item(struct reader *r, const char *list, size_t index)
{
	int rc;
	for (;;) {
		yaml_event_t k;
		bool end;
		if ((rc = next_key(r, &k, &end)) != IPW_OK || end)
			return rc;
		yaml_event_t v;
		if ((rc = next(r, &v)) == IPW_OK &&
		    (rc = expect_scalar(r, &v, _("a single value"))) == IPW_OK) {
			char *path =
			    xasprintf("%s.%zu.%s", list, index, (const char *)k.data.scalar.value);
			rc = emit(r, &v, path, (const char *)v.data.scalar.value);
			free(path);
		}
		yaml_event_delete(&v);
		yaml_event_delete(&k);
		if (rc != IPW_OK)
			return rc;
	}
}

/* A sequence: of scalars (multichoice, joined by newlines) or of mappings
 * (list items). */
static int read_sequence(struct reader *r, const char *key, const yaml_event_t *start)
{
	struct strbuf joined;
	strbuf_init(&joined);
	size_t items = 0, scalars = 0;
	int rc;
	for (;;) {
		yaml_event_t ev;
		if ((rc = next(r, &ev)) != IPW_OK)
			break;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type == YAML_MAPPING_START_EVENT && !scalars) {
			char count[24];
			snprintf(count, sizeof(count), "%zu", ++items);
			rc = emit(r, &ev, key, count);
			if (rc == IPW_OK)
				rc = read_item(r, key, items);
		} else if (ev.type == YAML_SCALAR_EVENT && !items) {
			if ((rc = expect_scalar(r, &ev, _("a value"))) == IPW_OK) {
				if (scalars++)
					strbuf_addc(&joined, '\n');
				strbuf_add(&joined, (const char *)ev.data.scalar.value);
			}
		} else {
			rc = fail_at(r, &ev,
				     _("A list holds either values (for a multiple choice) or "
				       "items with fields, not both and nothing deeper."));
		}
		yaml_event_delete(&ev);
		if (rc != IPW_OK)
			break;
	}
	if (rc == IPW_OK && !items)
		rc = emit_as(r, start, key, joined.s, true);
	strbuf_free(&joined);
	return rc;
}

struct seen_key {
	char *key;
	int line;
};

static int seen_key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen_key *)a)->key, ((const struct seen_key *)b)->key);
}

static void seen_key_free(void *p)
{
	struct seen_key *s = p;
	free(s->key);
	free(s);
}

/* The same field twice: one of the two answers would be lost unseen. */
static int remember_key(struct reader *r, const yaml_event_t *k, const char *key)
{
	/* A balanced tree (tsearch): a list compared with every earlier key
	 * made a 1 MiB answers file take `fill` twenty seconds. */
	struct seen_key *s = xmalloc(sizeof(*s));
	s->key = xstrdup(key);
	s->line = (int)k->start_mark.line + 1;
	struct seen_key **found = tsearch(s, &r->keys, seen_key_cmp);
	if (!found) {
		seen_key_free(s);
		return fail_at(r, k, strerror(ENOMEM));
	}
	if (*found == s)
		return IPW_OK;
	char *m = xasprintf(_("“%s” is answered twice in this file (first on line "
			      "%d); keep one of the two."),
			    key, (*found)->line);
	seen_key_free(s);
	int rc = fail_at(r, k, m);
	free(m);
	return rc;
}

static int read_top(struct reader *r)
{
	int rc;
	for (;;) {
		yaml_event_t k;
		bool end;
		if ((rc = next_key(r, &k, &end)) != IPW_OK || end)
			return rc;
		char *key = xstrdup((const char *)k.data.scalar.value);
		if ((rc = remember_key(r, &k, key)) != IPW_OK) {
			free(key);
			yaml_event_delete(&k);
			return rc;
		}
		yaml_event_t v;
		if ((rc = next(r, &v)) == IPW_OK) {
			if (v.type == YAML_SEQUENCE_START_EVENT && !v.data.sequence_start.anchor)
				rc = read_sequence(r, key, &v);
			else if ((rc = expect_scalar(r, &v, _("a value or a list"))) == IPW_OK)
				rc = emit(r, &v, key, (const char *)v.data.scalar.value);
			yaml_event_delete(&v);
		}
		free(key);
		yaml_event_delete(&k);
		if (rc != IPW_OK)
			return rc;
	}
}

/* After the answers: the end of the stream, not a second document whose
 * answers would be ignored. */
static int expect_end(struct reader *r)
{
	for (;;) {
		yaml_event_t ev;
		int rc = next(r, &ev);
		if (rc != IPW_OK)
			return rc;
		enum yaml_event_type_e type = ev.type;
		if (type == YAML_DOCUMENT_START_EVENT)
			rc = fail_at(r, &ev,
				     _("An answers file holds one document; the answers after "
				       "this “---” would be ignored. Remove the line, or fill "
				       "the rest from a second file."));
		yaml_event_delete(&ev);
		if (rc != IPW_OK || type == YAML_STREAM_END_EVENT)
			return rc;
	}
}

static int read_document(struct reader *r)
{
	yaml_event_t ev;
	int rc;
	/* stream start, document start, then the top-level mapping */
	for (int i = 0; i < 2; i++) {
		if ((rc = next(r, &ev)) != IPW_OK)
			return rc;
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			return IPW_OK; /* an empty file sets nothing */
	}
	if ((rc = next(r, &ev)) != IPW_OK)
		return rc;
	if (ev.type != YAML_MAPPING_START_EVENT || ev.data.mapping_start.anchor) {
		rc = fail_at(r, &ev, _("An answers file is a list of “field: value” lines."));
		yaml_event_delete(&ev);
		return rc;
	}
	yaml_event_delete(&ev);
	if ((rc = read_top(r)) != IPW_OK)
		return rc;
	return expect_end(r);
}

int answers_file_parse(const char *name, const char *buf, size_t len, answers_file_fn fn, void *ctx,
		       struct ipw_error *err)
{
	size_t bad;
	if (len > ANSWERS_FILE_MAX_BYTES)
		return ipw_error_at(err, IPW_EUSER, name, 0, 0,
				    _("The answers file is larger than 1 MiB; split it into "
				      "several files and fill them one after the other."));
	/* Windows Notepad's "Unicode" is UTF-16: say how to save it instead. */
	if (len >= 2 &&
	    ((buf[0] == '\xff' && buf[1] == '\xfe') || (buf[0] == '\xfe' && buf[1] == '\xff')))
		return ipw_error_at(err, IPW_EUSER, name, 0, 0,
				    _("The answers file is not UTF-8 text; save it as UTF-8."));
	if (memchr(buf, '\0', len))
		return ipw_error_at(err, IPW_EUSER, name, 0, 0,
				    _("The answers file contains a NUL byte; it is not text."));
	if (!utf8_valid(buf, len, &bad))
		return ipw_error_at(err, IPW_EUSER, name, 0, 0,
				    _("The answers file is not valid UTF-8 (byte %zu)."), bad);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f)
			return ipw_error_at(err, IPW_EUSER, name, 0, 0,
					    _("The answers file contains a control character (byte "
					      "%zu); remove it, or write it as an escape such as "
					      "\"\\e\" inside double quotes."),
					    i);
	}
	struct reader r = {.name = name, .buf = buf, .len = len, .fn = fn, .ctx = ctx, .err = err};
	if (!yaml_parser_initialize(&r.parser))
		return ipw_error_set(err, IPW_EENV, _("Out of memory."));
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf, len);
	int rc = read_document(&r);
	yaml_parser_delete(&r.parser);
	tdestroy(r.keys, seen_key_free);
	return rc;
}

int answers_file_read(const char *path, char **buf, size_t *len, struct ipw_error *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return ipw_error_at(err, IPW_EUSER, path, 0, 0, _("Cannot open the file: %s."),
				    strerror(errno));
	struct stat sb;
	int rc = IPW_OK;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		rc = ipw_error_at(err, IPW_EUSER, path, 0, 0, _("This is not a regular file."));
	else if (sb.st_size > ANSWERS_FILE_MAX_BYTES)
		rc = ipw_error_at(err, IPW_EUSER, path, 0, 0,
				  _("The answers file is larger than 1 MiB; split it into several "
				    "files and fill them one after the other."));
	if (rc != IPW_OK) {
		close(fd);
		return rc;
	}
	size_t cap = (size_t)sb.st_size + 1, n = 0;
	char *b = xmalloc(cap);
	ssize_t k;
	while (n < cap - 1 && (k = read(fd, b + n, cap - 1 - n)) > 0)
		n += (size_t)k;
	close(fd);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return IPW_OK;
}
