/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_findings.c — what a careful reviewer notices about a file that
 * opens: its pages (legibility, evidence_legible_judge.c) and its text read
 * against the answers (evidence_read.c), with the field's expectations
 * taken from the flow and the answers. A finding never rejects a file: it
 * makes an "ok" file a warning whose first finding is its message, and the
 * seller can look and acknowledge it (the case layer records that). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence.h"
#include "evidence_read.h"
#include "expr/expr.h"

static const char *answer(const struct expr_env *env, const char *path)
{
	return env && env->lookup && path ? env->lookup(env->ctx, path) : NULL;
}

void evidence_findings_judge(const struct evidence_req *req, const struct expr_env *env,
			     const struct evidence_cache *mem, const char *text,
			     struct evidence_result *res)
{
	res->nfindings = 0;
	if (!evidence_verdict_usable(res->verdict))
		return;
	struct evidence_legible_req lr;
	evidence_legible_req_of(req, env, &lr);
	bool pdf = strcmp(res->mime, "application/pdf") == 0;
	unsigned short_side = pdf ? 0 : (res->width < res->height ? res->width : res->height);
	size_t n = evidence_legible_judge(res->looks, res->nlooks, &lr, short_side, res->findings,
					  EVIDENCE_FINDINGS_MAX);
	if (n > EVIDENCE_FINDINGS_MAX)
		n = EVIDENCE_FINDINGS_MAX;
	/* Reading needs the answers: `ipwiz check --flow` without a case only
	 * looks at the pages. */
	if (env && req->nreads) {
		struct evidence_read_expect *ex = xcalloc(req->nreads, sizeof(*ex));
		enum evidence_read_state *st = xcalloc(req->nreads, sizeof(*st));
		for (size_t i = 0; i < req->nreads; i++) {
			const struct flow_read *r = &req->reads[i];
			ex[i] = (struct evidence_read_expect){.read = r,
							      .value = answer(env, r->field),
							      .before = answer(env, r->before),
							      .on = answer(env, r->on)};
		}
		size_t k = evidence_read_judge(text ? text : "", ex, req->nreads, res->findings + n,
					       EVIDENCE_FINDINGS_MAX - n, st);
		n += k < EVIDENCE_FINDINGS_MAX - n ? k : EVIDENCE_FINDINGS_MAX - n;
		res->nread = req->nreads < EVIDENCE_FINDINGS_MAX ? (unsigned)req->nreads
								 : EVIDENCE_FINDINGS_MAX;
		for (unsigned i = 0; i < res->nread; i++) {
			res->read_label[i] = evidence_read_label(&req->reads[i]);
			res->read_state[i] = st[i];
		}
		free(ex);
		free(st);
	}
	res->nfindings = (unsigned)n;
	/* What a person has looked at and accepted stays listed, marked, but
	 * no longer makes the file a warning. */
	size_t open = 0, first = n;
	for (size_t i = 0; i < n; i++) {
		struct evidence_finding *f = &res->findings[i];
		f->acknowledged = mem && mem->acknowledged && res->sha256[0] &&
				  mem->acknowledged(mem->ctx, res->sha256, f->key, f->page);
		if (!f->acknowledged && open++ == 0)
			first = i;
	}
	if (open == 0 || res->verdict != EVIDENCE_OK)
		return;
	/* The file's one line: its first open finding, and how many more. */
	const struct evidence_finding *f = &res->findings[first];
	res->verdict = EVIDENCE_WARN;
	snprintf(res->key, sizeof(res->key), "%.31s", f->key);
	if (open == 1)
		snprintf(res->message, sizeof(res->message), "%s", f->message);
	else
		snprintf(
		    res->message, sizeof(res->message),
		    ngettext("%s (and %zu more finding)", "%s (and %zu more findings)", open - 1),
		    f->message, open - 1);
	snprintf(res->fix, sizeof(res->fix), "%s", f->fix);
}

int evidence_lead_finding(const struct evidence_finding *f, unsigned n, const char *key)
{
	for (unsigned i = 0; i < n && key; i++)
		if (!f[i].acknowledged && strcmp(f[i].key, key) == 0)
			return (int)i;
	return -1;
}
