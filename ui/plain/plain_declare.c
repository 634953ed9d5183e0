/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_declare.c — a declaration: the statement read out in full, the user
 * affirms it with yes, then types their full name as the signature (when the
 * flow asks for one). Only the case's owner may do either; the session says
 * so when someone else tries. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "plain_internal.h"

static enum plain_action ask_signature(struct plain *p, const struct flow_field *f)
{
	/* The signature is a plain line of text stored at "<id>.name". */
	struct flow_field sig = {0};
	char *path = xasprintf("%s.name", f->path);
	sig.id = "name";
	sig.path = path;
	sig.type = FIELD_TEXT;
	sig.help = f->help;
	enum plain_action act =
	    plain_field(p, &sig, path, _("Type your full name as your signature"));
	free(path);
	return act;
}

enum plain_action plain_declaration(struct plain *p, const struct flow_field *f)
{
	plain_label(p, flow_tr(f->label), f->path);
	if (f->statement) {
		plain_printf(p, "%s\n", _("The statement:"));
		plain_lines(p, "  ", flow_tr(f->statement));
	}
	if (session_affirmation_stale(p->cc.session, f->path))
		plain_printf(
		    p, "%s\n",
		    _("Answers this statement covers changed after you affirmed it: read it "
		      "again and answer yes to affirm it anew."));
	bool on_signature = false;
	for (;;) {
		enum plain_action act;
		if (on_signature)
			act = ask_signature(p, f);
		else
			act = plain_field(p, f, f->path, _("Do you affirm this statement?"));
		if (act == PLAIN_BACK && on_signature) {
			on_signature = false;
			continue;
		}
		if (act != PLAIN_NEXT || on_signature || !f->signature ||
		    !session_get(p->cc.session, f->path))
			return act; /* no signature under a statement not affirmed */
		on_signature = true;
	}
}
