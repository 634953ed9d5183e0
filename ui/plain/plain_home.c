/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_home.c — where a run without a case starts: the cases there are,
 * then the flows a new case can follow, as one numbered menu (the flow
 * picker alone when there is no case yet). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "plain_internal.h"

struct home {
	struct case_row *cases;
	size_t ncases;
	struct catalog_entry *flows;
	size_t nflows;
};

static const char *flow_title(const struct home *h, const char *id)
{
	for (size_t i = 0; i < h->nflows; i++)
		if (strcmp(h->flows[i].id, id) == 0)
			return flow_tr(h->flows[i].title);
	return id;
}

static void print_menu(struct plain *p, const struct home *h)
{
	size_t k = 0;
	if (h->ncases)
		plain_printf(p, "%s\n", _("Your cases:"));
	for (size_t i = 0; i < h->ncases; i++) {
		const struct case_row *c = &h->cases[i];
		plain_printf(p, _("  %zu. Open case %lld: %s (%s, %s)\n"), ++k, (long long)c->id,
			     plain_safe(p, c->title), plain_safe(p, flow_title(h, c->flow_id)),
			     case_status_name(c->status));
	}
	plain_printf(p, "%s\n", _("Start a new case:"));
	for (size_t i = 0; i < h->nflows; i++) {
		const struct catalog_entry *e = &h->flows[i];
		plain_printf(p, "  %zu. %s", ++k, plain_safe(p, flow_tr(e->title)));
		if (e->description)
			plain_printf(p, " — %s", plain_safe(p, flow_tr(e->description)));
		plain_printf(p, "\n");
	}
	if (!h->nflows)
		plain_printf(p, "  %s\n", _("(no flow is installed)"));
}

static int load(struct plain *p, struct home *h)
{
	struct ipw_error err = {0};
	int r = case_db_list(p->db, 0, 0, &h->cases, &h->ncases, &err);
	if (r == IPW_OK)
		r = catalog_list(&h->flows, &h->nflows, &err);
	if (r != IPW_OK)
		plain_error(p, &err);
	return r;
}

static int start_flow(struct plain *p, const struct catalog_entry *e)
{
	plain_printf(p, _("A title for this case, so you find it again (Enter: “%s”):\n"),
		     plain_safe(p, flow_tr(e->title)));
	char *title = NULL;
	if (plain_read(p, "> "))
		title = plain_trim(xstrdup(p->line));
	char *id = xstrdup(e->id);
	int r = plain_new_case(p, id, title && *title ? title : NULL);
	free(id);
	free(title);
	return r;
}

static int choose(struct plain *p, const struct home *h)
{
	size_t total = h->ncases + h->nflows;
	if (total == 0) {
		print_menu(p, h);
		return IPW_ECONFLICT;
	}
	for (;;) {
		print_menu(p, h);
		plain_printf(p, _("Type a number from 1 to %zu, or quit.\n"), total);
		if (!plain_read(p, "> "))
			return IPW_ECONFLICT;
		size_t arg;
		enum plain_cmd cmd = plain_command(p->line, &arg);
		if (cmd == PLAIN_CMD_QUIT)
			return IPW_ECONFLICT;
		if (cmd == PLAIN_CMD_HELP) {
			plain_printf(
			    p, "%s\n",
			    _("Open a case to go on with it, or start a new one from a flow: "
			      "the questions of one kind of complaint or answer."));
			continue;
		}
		char *end;
		unsigned long k = strtoul(plain_trim(p->line), &end, 10);
		if (end == p->line || *end != '\0' || k < 1 || k > total) {
			plain_printf(p, _("There is no choice “%s”.\n"), plain_safe(p, p->line));
			continue;
		}
		if (k <= h->ncases)
			return plain_open_case(p, h->cases[k - 1].id);
		return start_flow(p, &h->flows[k - 1 - h->ncases]);
	}
}

int plain_home(struct plain *p)
{
	struct home h = {0};
	int r = load(p, &h);
	if (r == IPW_OK) {
		plain_greet(p);
		r = choose(p, &h);
	}
	case_rows_free(h.cases, h.ncases);
	catalog_entries_free(h.flows, h.nflows);
	return r;
}
