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
