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
	struct cli_case *cc = &p->cc;
	cc->flow = catalog_load(flow_id, &err);
	int r = cc->flow ? IPW_OK : (err.status ? (int)err.status : IPW_EUSER);
	if (r == IPW_OK)
		r = cli_store_open(p->cli, STORE_CREATE, &cc->store, &err);
	if (r == IPW_OK)
		r = session_create(cc->store, cc->flow, title, p->cli->lang, &cc->session, &err);
	if (r != IPW_OK) {
		plain_error(p, &err);
		cli_case_close(cc);
		return r;
	}
	cc->id = session_case_id(cc->session);
	plain_greet(p);
	plain_printf(p, _("Case %lld started: %s\n"), (long long)cc->id,
		     plain_safe(p, session_case(cc->session)->title));
	return IPW_OK;
}

int plain_open_case(struct plain *p, int64_t id)
{
	struct ipw_error err = {0};
	char arg[32];
	snprintf(arg, sizeof(arg), "%lld", (long long)id);
	int r = cli_case_open(p->cli, arg, STORE_CREATE, &p->cc, &err);
	if (r != IPW_OK) {
		plain_error(p, &err);
		return r;
	}
	const struct case_row *c = session_case(p->cc.session);
	size_t answered, required;
	session_progress(p->cc.session, &answered, &required);
	plain_greet(p);
	plain_printf(p, _("Case %lld: %s (%zu of %zu required answers given)\n"), (long long)id,
		     plain_safe(p, c->title), answered, required);
	plain_deadlines(p);
	return IPW_OK;
}

static int open_requested(struct plain *p, const struct ui_request *req)
{
	switch (req->start) {
	case UI_START_NEW:
		return plain_new_case(p, req->flow_id, req->title);
	case UI_START_OPEN:
		return plain_open_case(p, req->case_id);
	default:
		return plain_home(p);
	}
}

static void say_goodbye(struct plain *p)
{
	plain_printf(p, _("Your answers are saved. Go on later with: ipwiz open %lld\n"),
		     (long long)p->cc.id);
}

int plain_run(struct cli *cli, const struct ui_request *req, FILE *in, FILE *out)
{
	struct plain p = {.cli = cli, .in = in, .out = out};
	p.echo = !isatty(fileno(in));
	int r = open_requested(&p, req);
	if (r == IPW_ECONFLICT) /* left the menu without a case */
		r = IPW_OK;
	else if (r == IPW_OK) {
		size_t start = req->start == UI_START_NEW ? 0 : session_current_step(p.cc.session);
		r = plain_wizard(&p, start);
		if (r != IPW_EENV)
			say_goodbye(&p);
	}
	fflush(out);
	cli_case_close(&p.cc);
	free(p.line);
	for (unsigned i = 0; i < PLAIN_SAFE_SLOTS; i++)
		free(p.safe[i]);
	return r;
}
