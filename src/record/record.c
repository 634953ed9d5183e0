/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.c — freeing the rows of record.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "record.h"

const char *evidence_verdict_name(enum evidence_verdict v)
{
	switch (v) {
	case EVIDENCE_OK:
		return "ok";
	case EVIDENCE_WARN:
		return "warn";
	case EVIDENCE_REJECT:
		return "reject";
	case EVIDENCE_ERROR:
		break;
	}
	return "error";
}

enum evidence_verdict evidence_verdict_parse(const char *name)
{
	for (int v = EVIDENCE_OK; v <= EVIDENCE_REJECT; v++)
		if (name && strcmp(name, evidence_verdict_name((enum evidence_verdict)v)) == 0)
			return (enum evidence_verdict)v;
	return EVIDENCE_ERROR;
}

const char *evidence_verdict_word(enum evidence_verdict v)
{
	switch (v) {
	case EVIDENCE_OK:
		return _("ok");
	case EVIDENCE_WARN:
		return _("warning");
	case EVIDENCE_REJECT:
		return _("rejected");
	case EVIDENCE_ERROR:
		break;
	}
	return _("not checked");
}

bool evidence_verdict_usable(enum evidence_verdict v)
{
	return v == EVIDENCE_OK || v == EVIDENCE_WARN;
}

void case_row_clear(struct case_row *c)
{
	if (!c)
		return;
	free(c->flow_id);
	free(c->flow_hash);
	free(c->title);
	free(c->status);
	free(c->current_step);
	free(c->owner);
	free(c->lang);
	memset(c, 0, sizeof(*c));
}

void case_rows_free(struct case_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		case_row_clear(&v[i]);
	free(v);
}

void answer_rows_free(struct answer_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].value);
		free(v[i].actor);
	}
	free(v);
}

void answer_conflict_clear(struct answer_conflict *c)
{
	if (!c)
		return;
	free(c->actor);
	free(c->value);
	memset(c, 0, sizeof(*c));
}

void evidence_rows_free(struct evidence_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].field);
		free(v[i].path);
		free(v[i].sha256);
		free(v[i].mime);
		free(v[i].message_key);
		free(v[i].message);
		free(v[i].fix);
		free(v[i].ext);
		evidence_said_free(v[i].said, v[i].nsaid);
	}
	free(v);
}

static const struct evidence_said *said_now(const struct evidence_row *e)
{
	const char *lang = i18n_language();
	for (size_t i = 0; i < e->nsaid; i++)
		if (strcmp(e->said[i].lang, lang) == 0)
			return &e->said[i];
	return NULL;
}

const char *evidence_row_message(const struct evidence_row *e)
{
	const struct evidence_said *s = said_now(e);
	return s && s->message ? s->message : e->message;
}

const char *evidence_row_fix(const struct evidence_row *e)
{
	const struct evidence_said *s = said_now(e);
	return s && s->fix ? s->fix : e->fix;
}

/* One line a language: "LANG<TAB>MESSAGE<TAB>FIX", with backslash, tab and
 * newline inside the texts written \\, \t and \n. */
static void put_escaped(struct strbuf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '\\':
			strbuf_add(b, "\\\\");
			break;
		case '\t':
			strbuf_add(b, "\\t");
			break;
		case '\n':
			strbuf_add(b, "\\n");
			break;
		default:
			strbuf_addc(b, *s);
		}
}

char *evidence_said_encode(const struct evidence_said *v, size_t n)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&b, "%s\t", v[i].lang);
		put_escaped(&b, v[i].message);
		strbuf_add(&b, "\t");
		put_escaped(&b, v[i].fix);
		strbuf_add(&b, "\n");
	}
	return strbuf_detach(&b);
}

/* s[0..n) unescaped, or NULL when it holds a bad escape. */
static char *unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			*o++ = s[i];
			continue;
		}
		char c = ++i < n ? s[i] : '\0';
		if (c != '\\' && c != 't' && c != 'n') {
			free(out);
			return NULL;
		}
		*o++ = c == 't' ? '\t' : c == 'n' ? '\n' : '\\';
	}
	*o = '\0';
	return out;
}

void evidence_said_decode(const char *s, struct evidence_said **v, size_t *n)
{
	*v = NULL;
	*n = 0;
	for (const char *line = s; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *t1 = memchr(line, '\t', len);
		const char *t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - line)) : NULL;
		size_t langlen = t1 ? (size_t)(t1 - line) : 0;
		if (t2 && langlen > 0 && langlen < sizeof((*v)->lang)) {
			char *message = unescape(t1 + 1, (size_t)(t2 - t1 - 1));
			char *fix = unescape(t2 + 1, len - (size_t)(t2 + 1 - line));
			if (message && fix) {
				*v = xrealloc(*v, (*n + 1) * sizeof(**v));
				struct evidence_said *one = &(*v)[(*n)++];
				memcpy(one->lang, line, langlen);
				one->lang[langlen] = '\0';
				one->message = message;
				one->fix = fix;
			} else {
				free(message);
				free(fix);
			}
		}
		line = end ? end + 1 : NULL;
	}
}

void evidence_said_free(struct evidence_said *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].message);
		free(v[i].fix);
	}
	free(v);
}

void audit_rows_free(struct audit_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].actor);
		free(v[i].address);
		free(v[i].what);
		free(v[i].old_value);
		free(v[i].new_value);
	}
	free(v);
}

void submission_rows_free(struct submission_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].outcome);
		free(v[i].actor);
	}
	free(v);
}

void note_rows_free(struct note_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].field);
		free(v[i].author);
		free(v[i].text);
	}
	free(v);
}

void presence_rows_free(struct presence_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].actor);
		free(v[i].address);
		free(v[i].step);
		free(v[i].field);
	}
	free(v);
}

void ack_rows_free(struct ack_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].sha256);
		free(v[i].finding);
		free(v[i].actor);
	}
	free(v);
}

void shared_setup_clear(struct shared_setup *s)
{
	free(s->db_path);
	free(s->old_group);
	memset(s, 0, sizeof *s);
}
