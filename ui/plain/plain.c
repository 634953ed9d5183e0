/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain.c — the plain line mode's entry: open or start the case the
 * request names (or let the user pick one), then walk its steps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "flow/flow.h"
#include "plain.h"
#include "plain_internal.h"

int plain_new_case(struct plain *p, const char *flow_id, const char *title)
{
	struct ipw_error err = {0};
	struct plain_case *cc = &p->cc;
	int r = case_create(p->db, flow_id, title, &cc->session, &err);
	if (r != IPW_OK) {
		plain_error(p, &err);
		return r;
	}
	cc->flow = session_flow(cc->session);
	cc->id = session_case_id(cc->session);
	plain_greet(p);
	plain_printf(p, _("Case %lld started: %s\n"), (long long)cc->id,
		     plain_safe(p, session_case(cc->session)->title));
	return IPW_OK;
}

int plain_open_case(struct plain *p, int64_t id)
{
	struct ipw_error err = {0};
	int r = case_open(p->db, id, &p->cc.session, &err);
	if (r != IPW_OK) {
		plain_error(p, &err);
		return r;
	}
	p->cc.flow = session_flow(p->cc.session);
	p->cc.id = id;
	const struct case_row *c = session_case(p->cc.session);
	size_t answered, required;
	session_progress(p->cc.session, &answered, &required);
	plain_greet(p);
	plain_printf(p,
		     ngettext("Case %lld: %s (%zu of %zu required answer given)\n",
			      "Case %lld: %s (%zu of %zu required answers given)\n", required),
		     (long long)id, plain_safe(p, c->title), answered, required);
	char *reads = session_reads_by_others(p->cc.session);
	if (reads)
		plain_printf(p, "%s\n", plain_safe(p, reads));
	free(reads);
	plain_deadlines(p);
	return IPW_OK;
}

static int open_requested(struct plain *p, const struct case_request *req)
{
	switch (req->start) {
	case CASE_START_NEW:
		return plain_new_case(p, req->flow_id, req->title);
	case CASE_START_OPEN:
	case CASE_START_WATCH:
		return plain_open_case(p, req->case_id);
	case CASE_START_HOME:
		break;
	}
	return plain_home(p);
}

static void say_goodbye(struct plain *p)
{
	plain_printf(p, _("Your answers are saved. Go on later with: ipwiz open %lld\n"),
		     (long long)p->cc.id);
}

int plain_run(const struct case_options *opt, const struct case_request *req, FILE *in, FILE *out)
{
	struct plain p = {.opt = opt, .in = in, .out = out};
	p.echo = !isatty(term_charset_fileno(in));
	struct ipw_error err = {0};
	int r = case_db_open(opt, CASE_DB_CREATE, &p.db, &err);
	if (r != IPW_OK)
		plain_error(&p, &err);
	else
		r = open_requested(&p, req);
	if (r == IPW_ECONFLICT) /* left the menu without a case */
		r = IPW_OK;
	else if (r == IPW_OK && req->start == CASE_START_WATCH)
		r = plain_watch(&p);
	else if (r == IPW_OK) {
		size_t start =
		    req->start == CASE_START_NEW ? 0 : session_current_step(p.cc.session);
		r = plain_wizard(&p, start);
		if (r != IPW_EENV)
			say_goodbye(&p);
	}
	fflush(out);
	session_free(p.cc.session);
	case_db_close(p.db);
	free(p.line);
	for (unsigned i = 0; i < PLAIN_SAFE_SLOTS; i++)
		free(p.safe[i]);
	return r;
}
