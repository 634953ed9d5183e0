/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session.c — a case in progress: answers in memory mirrored from the store,
 * validation, visibility, and where the user is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "answers.h"
#include "session.h"
#include "session_internal.h"

/* A hidden field's answer is null to every condition (expr.h): an answer
 * given before the seller changed their mind must not steer the flow.
 * Visibility evaluates other conditions in turn; the loader refuses
 * cycles, and the depth guard keeps a long chain cheap. */
static const char *env_lookup(void *ctx, const char *path)
{
	struct session *s = ctx;
	const char *v = session_get(s, path);
	if (!v || s->env_depth >= 8 || !flow_find_field(s->flow, path))
		return v;
	s->env_depth++;
	bool visible = session_field_visible(s, path);
	s->env_depth--;
	return visible ? v : NULL;
}

/* count(x): items of a list, usable files of an evidence field. */
static size_t env_count(void *ctx, const char *path)
{
	struct session *s = ctx;
	const struct flow_field *f = flow_find_field(s->flow, path);
	if (f && f->type == FIELD_EVIDENCE)
		return session_evidence_usable(s, path);
	return session_list_count(s, path);
}

static enum value_type env_answer_type(void *ctx, const char *path)
{
	struct session *s = ctx;
	const struct flow_field *f = flow_find_field(s->flow, path);
	return f ? flow_field_value_type(f->type) : VALUE_STRING;
}

struct session *session_new(struct store *st, const struct flow *flow, int64_t case_id)
{
	struct session *s = xcalloc(1, sizeof(*s));
	s->store = st;
	s->flow = flow;
	s->case_id = case_id;
	s->env.lookup = env_lookup;
	s->env.count = env_count;
	s->env.answer_type = env_answer_type;
	s->env.ctx = s;
	s->env.today = expr_today();
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	answers_clear(&s->answers);
	case_row_clear(&s->c);
	evidence_rows_free(s->evidence, s->nevidence);
	flow_free(s->owned_flow);
	free(s);
}

/* Rows read from the store become the session's: answer strings are moved
 * into its answers, the evidence array is kept as it is. */
static void adopt_rows(struct session *s, struct answer_row *v, size_t n, struct evidence_row *e,
		       size_t ne)
{
	answers_clear(&s->answers);
	for (size_t i = 0; i < n; i++) {
		answers_adopt(&s->answers, v[i].path, v[i].value, v[i].revision, v[i].updated,
			      v[i].draft);
		v[i].path = v[i].value = NULL;
	}
	answer_rows_free(v, n);
	evidence_rows_free(s->evidence, s->nevidence);
	s->evidence = e;
	s->nevidence = ne;
}

/* The answers and evidence rows of the case, into the session. */
static int load_answers(struct session *s, struct ipw_error *err)
{
	struct answer_row *v = NULL;
	struct evidence_row *e = NULL;
	size_t n = 0, ne = 0;
	if (store_answers_get(s->store, s->case_id, &v, &n, err) != IPW_OK)
		return err ? err->status : IPW_EENV;
	if (store_evidence_list(s->store, s->case_id, &e, &ne, err) != IPW_OK) {
		answer_rows_free(v, n);
		return err ? err->status : IPW_EENV;
	}
	adopt_rows(s, v, n, e, ne);
	return IPW_OK;
}

int session_reload(struct session *s, struct ipw_error *err)
{
	struct case_row c = {0};
	if (store_case_get(s->store, s->case_id, &c, err) != IPW_OK)
		return err ? err->status : IPW_EENV;
	case_row_clear(&s->c);
	s->c = c;
	return load_answers(s, err);
}

/* FNV-1a, with a terminator so that ("ab","c") and ("a","bc") differ. */
static uint64_t mix(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static uint64_t mix_text(uint64_t h, const char *t)
{
	return t ? mix(h, t, strlen(t)) : mix(h, "", 0) * 31;
}

static uint64_t mix_int(uint64_t h, int64_t v)
{
	return mix(h, &v, sizeof v);
}

uint64_t session_stamp(const struct session *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = mix_text(h, s->c.title);
	h = mix_text(h, s->c.status);
	for (size_t i = 0; i < s->answers.n; i++) {
		const struct answer *a = &s->answers.v[i];
		h = mix_text(h, a->path);
		h = mix_text(h, a->value);
		h = mix_int(h, a->revision);
		h = mix_int(h, a->draft);
	}
	for (size_t i = 0; i < s->nevidence; i++) {
		const struct evidence_row *e = &s->evidence[i];
		h = mix_int(h, e->id);
		h = mix_text(h, e->field);
		h = mix_text(h, e->path);
		h = mix_text(h, e->sha256);
		h = mix_text(h, evidence_verdict_name(e->verdict));
		h = mix_int(h, e->checked_at);
		h = mix_int(h, e->position);
	}
	return h;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct session *session_from_rows(struct store *st, const struct flow *flow,
				  const struct case_row *c, struct answer_row *a, size_t na,
				  struct evidence_row *e, size_t ne)
{
	struct session *s = session_new(st, flow, c->id);
	s->c = *c;
	s->c.flow_id = dup_or_null(c->flow_id);
	s->c.flow_hash = dup_or_null(c->flow_hash);
	s->c.title = dup_or_null(c->title);
	s->c.status = dup_or_null(c->status);
	s->c.current_step = dup_or_null(c->current_step);
	s->c.owner = dup_or_null(c->owner);
	s->c.lang = dup_or_null(c->lang);
	adopt_rows(s, a, na, e, ne);
	int i = flow_step_index(flow, s->c.current_step);
	s->step = i >= 0 ? (size_t)i : 0;
	return s;
}

int session_reload_evidence(struct session *s, struct ipw_error *err)
{
	evidence_rows_free(s->evidence, s->nevidence);
	s->evidence = NULL;
	s->nevidence = 0;
	return store_evidence_list(s->store, s->case_id, &s->evidence, &s->nevidence, err);
}

int session_open(struct store *st, const struct flow *flow, int64_t case_id, struct session **out,
		 struct ipw_error *err)
{
	struct session *s = session_new(st, flow, case_id);
	int r = session_reload(s, err);
	if (r != IPW_OK) {
		session_free(s);
		return r;
	}
	/* Each person resumes where they were; someone new where the owner is. */
	s->step = 0;
	char *mine = NULL;
	struct ipw_error ignored = {0};
	store_case_position(st, case_id, &mine, &ignored);
	int i = flow_step_index(flow, mine ? mine : s->c.current_step);
	if (i >= 0)
		s->step = (size_t)i;
	free(mine);
	*out = s;
	return IPW_OK;
}

int session_create(struct store *st, const struct flow *flow, const char *title, const char *lang,
		   struct session **out, struct ipw_error *err)
{
	int64_t id;
	char *deftitle = NULL;
	if (!title || !*title)
		title = deftitle = xasprintf("%s", flow_tr(flow->title));
	int r = store_case_create(st, flow->id, flow->hash, title, lang ? lang : i18n_language(),
				  &id, err);
	free(deftitle);
	if (r != IPW_OK)
		return r;
	if (flow->nsteps && (r = store_case_set_step(st, id, flow->steps[0].id, err)) != IPW_OK)
		return r;
	return session_open(st, flow, id, out, err);
}

void session_own_flow(struct session *s, struct flow *flow)
{
	s->owned_flow = flow;
}

bool session_answer_next(const struct session *s, size_t *i, const char **path, const char **value)
{
	while (*i < s->answers.n) {
		const struct answer *a = &s->answers.v[(*i)++];
		if (a->value) {
			*path = a->path;
			*value = a->value;
			return true;
		}
	}
	return false;
}

const struct flow *session_flow(const struct session *s)
{
	return s->flow;
}

struct store *session_store(const struct session *s)
{
	return s->store;
}

int64_t session_case_id(const struct session *s)
{
	return s->case_id;
}

const struct case_row *session_case(const struct session *s)
{
	return &s->c;
}

const struct expr_env *session_env(const struct session *s)
{
	return &s->env;
}

const char *session_get(const struct session *s, const char *path)
{
	const struct answer *a = answers_find(&s->answers, path);
	return a && a->value && *a->value ? a->value : NULL;
}

int64_t session_revision(const struct session *s, const char *path)
{
	const struct answer *a = answers_find(&s->answers, path);
	return a ? a->revision : 0;
}

int64_t session_updated(const struct session *s, const char *path)
{
	const struct answer *a = answers_find(&s->answers, path);
	return a ? a->updated : 0;
}

bool session_is_draft(const struct session *s, const char *path)
{
	const struct answer *a = answers_find(&s->answers, path);
	return a && a->draft && a->value && *a->value;
}

bool session_draft_why(const struct session *s, const char *path, struct ipw_error *err)
{
	if (!session_is_draft(s, path))
		return false;
	if (session_validate(s, path, session_get(s, path), err) == IPW_OK)
		ipw_error_set(err, IPW_EUSER,
			      _("A draft nobody confirmed (ipwiz was stopped while it was being "
				"typed); open the case and leave the field to keep it."));
	return true;
}

/* Signature of a declaration: "truth.name" when truth is a declaration with
 * `signature: true`. */
const struct flow_field *session_signature_of(const struct session *s, const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strcmp(dot, ".name") != 0)
		return NULL;
	char *base = xstrndup(path, (size_t)(dot - path));
	const struct flow_field *f = flow_find_field(s->flow, base);
	free(base);
	return f && f->type == FIELD_DECLARATION && f->signature ? f : NULL;
}

/* s with runs of white space as one space, no space at either end, and
 * ASCII letters in lower case: "  budi  SANTOSO" is "budi santoso". */
static char *name_key(const char *s)
{
	struct strbuf b;
	strbuf_init(&b);
	bool space = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_addc(&b, ' ');
		space = false;
		strbuf_addc(&b, (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
	}
	return strbuf_detach(&b);
}

/* A signature is the name the document prints, or the document is signed
 * by somebody it does not name. Nothing to compare while that is unanswered. */
static int signature_check(const struct session *s, const struct flow_field *decl,
			   const char *value, struct ipw_error *err)
{
	const char *want = decl->signature_matches ? session_get(s, decl->signature_matches) : NULL;
	if (!want)
		return IPW_OK;
	char *a = name_key(value), *b = name_key(want);
	bool same = strcmp(a, b) == 0;
	free(a);
	free(b);
	if (same)
		return IPW_OK;
	const struct flow_field *f = flow_find_field(s->flow, decl->signature_matches);
	char *safe = utf8_sanitize(want);
	int rc = ipw_error_set(err, IPW_EUSER,
			       _("Type the signature as the name you gave for “%s”: %s."),
			       f && f->label ? flow_tr(f->label) : decl->signature_matches, safe);
	free(safe);
	return rc;
}

/* The answers as a refusal of field f sees them: f's own name is the
 * answer being given (at path), everything else the case's. */
struct refusal_env {
	const struct session *s;
	const struct flow_field *f;
	const char *value;
};

static const char *refusal_lookup(void *ctx, const char *ref)
{
	struct refusal_env *r = ctx;
	if (flow_refusal_names_owner(r->f->path, ref))
		return r->value;
	return r->s->env.lookup(r->s->env.ctx, ref);
}

static size_t refusal_count(void *ctx, const char *ref)
{
	struct refusal_env *r = ctx;
	return r->s->env.count(r->s->env.ctx, ref);
}

static enum value_type refusal_answer_type(void *ctx, const char *ref)
{
	struct refusal_env *r = ctx;
	if (flow_refusal_names_owner(r->f->path, ref))
		return flow_field_value_type(r->f->type);
	return r->s->env.answer_type(r->s->env.ctx, ref);
}

/* The field's `refuse:` entries: the first whose condition holds refuses. */
static int refusal_check(const struct session *s, const struct flow_field *f, const char *value,
			 struct ipw_error *err)
{
	struct refusal_env r = {s, f, value};
	struct expr_env env = {refusal_lookup, refusal_count, refusal_answer_type, &r,
			       s->env.today};
	for (size_t i = 0; i < f->nrefusals; i++)
		if (expr_true(f->refusals[i].when, &env))
			return ipw_error_set(err, IPW_EUSER, "%s", flow_tr(f->refusals[i].message));
	return IPW_OK;
}

int session_validate(const struct session *s, const char *path, const char *value,
		     struct ipw_error *err)
{
	if (!value || !*value)
		return IPW_OK;
	const struct flow_field *decl = session_signature_of(s, path);
	if (decl)
		return signature_check(s, decl, value, err);
	const struct flow_field *f = flow_find_field(s->flow, path);
	if (!f)
		return ipw_error_set(err, IPW_EUSAGE, _("This flow has no field “%s”."), path);
	int rc = validate_value(f, value, &s->env, err);
	return rc == IPW_OK ? refusal_check(s, f, value, err) : rc;
}
