/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_save.c — every answer goes through the session the moment it is
 * typed (SESSION_DRAFT: an invalid one is kept, flagged, never lost). When
 * someone else changed the same answer meanwhile, say who and what, and let
 * the user choose. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "plain_internal.h"

void plain_refresh(struct plain *p)
{
	struct session *s = p->cc.session;
	if (!session_changed(s))
		return;
	struct ipw_error err = {0};
	if (session_reload(s, &err) != IPW_OK)
		plain_error(p, &err);
}

/* Show what the other person wrote and ask which answer stays. */
static int resolve_conflict(struct plain *p, const char *path, const char *value,
			    const struct answer_conflict *c)
{
	char when[64];
	plain_format_time((long long)c->when, when, sizeof(when));
	if (c->value)
		plain_printf(
		    p, _("%s changed this answer at %s, while you were on it. Their answer: %s\n"),
		    plain_safe(p, c->actor), when, plain_safe(p, c->value));
	else
		plain_printf(p, _("%s cleared this answer at %s, while you were on it.\n"),
			     plain_safe(p, c->actor), when);
	plain_printf(p, _("  1. Keep their answer\n  2. Keep yours: %s\n"),
		     value && *value ? plain_safe(p, value) : _("(empty)"));
	for (;;) {
		if (!plain_read(p, _("Which one, 1 or 2? "))) {
			/* Nobody is left to ask: theirs is already saved, keep it. */
			break;
		}
		plain_trim(p->line);
		if (strcmp(p->line, "2") == 0) {
			struct ipw_error err = {0};
			int r = session_set_force(p->cc.session, path, value, SESSION_DRAFT, &err);
			if (r == IPW_EUSER)
				plain_printf(p, _("Kept as a draft: %s\n"), plain_safe(p, err.msg));
			else if (r != IPW_OK)
				plain_error(p, &err);
			return r;
		}
		if (strcmp(p->line, "1") == 0)
			break;
		plain_printf(p, "%s\n", _("Type 1 to keep their answer or 2 to keep yours."));
	}
	struct ipw_error err = {0};
	int r = session_reload(p->cc.session, &err);
	if (r != IPW_OK)
		plain_error(p, &err);
	else
		plain_printf(p, "%s\n", _("Their answer is kept."));
	return r;
}

int plain_save(struct plain *p, const char *path, const char *value)
{
	struct answer_conflict c = {0};
	struct ipw_error err = {0};
	int r = session_set(p->cc.session, path, value, SESSION_DRAFT, &c, &err);
	switch (r) {
	case IPW_OK:
		break;
	case IPW_EUSER: {
		/* Refused outright (only the owner signs; a full list) or kept
		 * as a flagged draft: the answer now held tells which. */
		const char *now = session_get(p->cc.session, path);
		bool kept = value && *value && now && strcmp(now, value) == 0;
		plain_printf(p, _("Not accepted: %s\n"), plain_safe(p, err.msg));
		if (kept)
			plain_printf(p, "%s\n",
				     _("It is kept as a draft. Type a new answer, or skip to fix "
				       "it later."));
		break;
	}
	case IPW_ECONFLICT:
		r = resolve_conflict(p, path, value, &c);
		answer_conflict_clear(&c);
		break;
	case IPW_EENV:
		plain_error(p, &err);
		break;
	default:
		plain_printf(p, _("Not accepted: %s\n"), plain_safe(p, err.msg));
		r = IPW_EUSER;
	}
	return r;
}
