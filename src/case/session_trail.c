/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_trail.c — what is kept around a case's answers: its audit trail,
 * the coaching notes on it, and who else has it open. */
#include "config.h"

#include "base/base.h"
#include "store/store.h"
#include "session_internal.h"

bool session_changed(struct session *s)
{
	return store_changed(s->store);
}

const char *session_actor(const struct session *s)
{
	return store_actor(s->store);
}

int session_audit(struct session *s, struct audit_row **v, size_t *n, struct ipw_error *err)
{
	return store_audit_list(s->store, s->case_id, v, n, err);
}

int session_audit_add(struct session *s, const char *what, const char *old_value,
		      const char *new_value, struct ipw_error *err)
{
	return store_audit_add(s->store, s->case_id, what, old_value, new_value, err);
}

int session_note_add(struct session *s, const char *field, const char *text, struct ipw_error *err)
{
	return store_note_add(s->store, s->case_id, field, text, err);
}

int session_notes(struct session *s, struct note_row **v, size_t *n, struct ipw_error *err)
{
	return store_notes_list(s->store, s->case_id, v, n, err);
}

int session_presence_announce(struct session *s, enum presence_mode mode, const char *step,
			      const char *field, struct ipw_error *err)
{
	return presence_announce(s->store, s->case_id, mode, step, field, err);
}

int session_watch_announce(struct session *s, const char *step, const char *field,
			   struct ipw_error *err)
{
	struct ipw_error why = {0};
	if (presence_announce(s->store, s->case_id, PRESENCE_WATCHING, step, field, &why) == IPW_OK)
		return IPW_OK;
	return ipw_error_set(err, IPW_EENV,
			     _("You cannot watch case #%lld unseen, and ipwiz could not show the "
			       "people on it that you are watching: %s"),
			     (long long)s->case_id, why.msg);
}

int session_presence_leave(struct session *s, struct ipw_error *err)
{
	return presence_leave(s->store, s->case_id, err);
}

int session_presence_list(struct session *s, struct presence_row **v, size_t *n,
			  struct ipw_error *err)
{
	return presence_list(s->store, s->case_id, v, n, err);
}

char *session_presence_describe(const struct presence_row *p, int step_number)
{
	const char *what = p->mode == PRESENCE_WATCHING ? _("watching") : _("editing");
	if (step_number > 0)
		return xasprintf(_("%s — %s, step %d"), p->actor ? p->actor : "?", what,
				 step_number);
	return xasprintf(_("%s — %s"), p->actor ? p->actor : "?", what);
}
