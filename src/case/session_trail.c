/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_trail.c — what is kept around a case's answers: its audit trail,
 * the coaching notes on it, and who else has it open. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* "18:32" today, "2026-12-02 18:32" before. */
static void when_text(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t, now = (time_t)clock_now();
	struct tm tm, today;
	if (!localtime_r(&tt, &tm) || !localtime_r(&now, &today)) {
		snprintf(buf, size, "?");
		return;
	}
	bool same = tm.tm_year == today.tm_year && tm.tm_yday == today.tm_yday;
	if (!strftime(buf, size, same ? "%H:%M" : "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, size, "?");
}

char *session_reads_by_others(struct session *s)
{
	const char *owner = s->c.owner;
	const char *me = store_actor(s->store);
	if (!owner || !*owner || !me || strcmp(owner, me) != 0)
		return NULL; /* only the owner is told */
	struct audit_row *v = NULL;
	size_t n = 0;
	struct ipw_error err = {0};
	if (store_audit_list(s->store, s->case_id, &v, &n, &err) != IPW_OK)
		return NULL;
	/* The reads since the owner last did anything to the case. */
	size_t from = 0;
	for (size_t i = n; i-- > 0;)
		if (v[i].actor && strcmp(v[i].actor, owner) == 0) {
			from = i + 1;
			break;
		}
	struct strbuf b;
	strbuf_init(&b);
	size_t shown = 0, more = 0;
	for (size_t i = n; i-- > from;) {
		if (!v[i].what || strcmp(v[i].what, "read") != 0 || !v[i].actor)
			continue;
		if (shown == 3) {
			more++;
			continue;
		}
		char when[32];
		when_text(v[i].when, when, sizeof when);
		/* TRANSLATORS: who read the case, when, and with which command
		 * ("li read this case at 18:32 (show)"). */
		char *one = xasprintf(_("%s read this case at %s (%s)"), v[i].actor, when,
				      v[i].new_value ? v[i].new_value : "?");
		strbuf_addf(&b, "%s%s", shown ? "; " : "", one);
		free(one);
		shown++;
	}
	audit_rows_free(v, n);
	if (!shown) {
		strbuf_free(&b);
		return NULL;
	}
	if (more)
		strbuf_addf(&b, ngettext("; and %zu more read", "; and %zu more reads", more),
			    more);
	strbuf_addc(&b, '.');
	return strbuf_detach(&b);
}
