/* deadline_submission.c — submissions and the platform's answers, as audit
 * rows "submitted" ("2026-11-24 chance 1") and "reply" ("rejected
 * 2026-11-30") of the case. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "store/store.h"
#include "case_internal.h"
#include "deadline_submission.h"

static const char *const outcome_names[] = {
    [OUTCOME_NONE] = "none",
    [OUTCOME_ACCEPTED] = "accepted",
    [OUTCOME_REJECTED] = "rejected",
    [OUTCOME_MORE_INFO] = "more-info",
    [OUTCOME_COMPLAINANT_REPLIED] = "complainant-replied",
    [OUTCOME_WITHDRAWN] = "withdrawn",
};

#define NOUTCOMES (sizeof(outcome_names) / sizeof(outcome_names[0]))

const char *submission_outcome_name(enum submission_outcome o)
{
	return (size_t)o < NOUTCOMES ? outcome_names[o] : "none";
}

bool submission_outcome_parse(const char *s, enum submission_outcome *o)
{
	for (size_t i = 1; s && i < NOUTCOMES; i++)
		if (strcmp(s, outcome_names[i]) == 0) {
			*o = (enum submission_outcome)i;
			return true;
		}
	return false;
}

const char *submission_guidance(enum submission_outcome o)
{
	switch (o) {
	case OUTCOME_ACCEPTED:
		return _("The platform accepted your counter-notice: the listings stay or come "
			 "back. Keep the exported package and the platform's message; the case "
			 "is closed.");
	case OUTCOME_REJECTED:
		return _("The platform rejected this submission. Most rejections come from the "
			 "evidence: a document for another product or model, out of date, not "
			 "signed or sealed, a black-and-white copy, or names that differ from "
			 "the account holder's. Check each file (ipwiz check), fix the evidence "
			 "in the wizard, export again and use the next chance before its "
			 "deadline.");
	case OUTCOME_MORE_INFO:
		return _("The platform asks for more information. Read exactly what it asks, "
			 "add or replace the evidence in the wizard, export again and answer "
			 "before the platform's deadline.");
	case OUTCOME_COMPLAINANT_REPLIED:
		return _("The complainant answered your counter-notice. Read the reply on the "
			 "platform; the platform decides next. Prepare any further evidence now "
			 "in case you are asked for it.");
	case OUTCOME_WITHDRAWN:
		return _("The complainant withdrew the complaint: the listings should come "
			 "back. Keep the platform's message; the case is closed.");
	case OUTCOME_NONE:
		break;
	}
	return _("No answer from the platform yet: watch the complaint's page.");
}

int submission_record(struct session *s, long day, int chance, struct ipw_error *err)
{
	struct store *st = session_store(s);
	int64_t case_id = session_case_id(s);
	char date[11], value[48];
	calendar_format_date(day, date);
	if (chance > 0)
		snprintf(value, sizeof(value), "%s chance %d", date, chance);
	else
		snprintf(value, sizeof(value), "%s", date);
	int rc = store_case_set_status(st, case_id, "submitted", err);
	return rc != IPW_OK ? rc : store_audit_add(st, case_id, "submitted", NULL, value, err);
}

int submission_reply(struct session *s, enum submission_outcome o, long day, struct ipw_error *err)
{
	struct store *st = session_store(s);
	int64_t case_id = session_case_id(s);
	char date[11], value[48];
	calendar_format_date(day, date);
	snprintf(value, sizeof(value), "%s %s", submission_outcome_name(o), date);
	const char *status = o == OUTCOME_ACCEPTED || o == OUTCOME_WITHDRAWN ? "closed"
			     : o == OUTCOME_COMPLAINANT_REPLIED		     ? "submitted"
									     : "draft";
	int rc = store_case_set_status(st, case_id, status, err);
	return rc != IPW_OK ? rc : store_audit_add(st, case_id, "reply", NULL, value, err);
}

/* "2026-11-24 chance 1" or "2026-11-24". */
static void parse_submitted(const char *v, struct submission *out)
{
	char date[11] = "";
	int chance = 0;
	if (!v || sscanf(v, "%10s chance %d", date, &chance) < 1 ||
	    !calendar_parse_date(date, &out->day))
		return;
	out->submitted = true;
	out->chance = chance >= 1 && chance <= 3 ? chance : 0;
	out->outcome = OUTCOME_NONE;
}

/* "rejected 2026-11-30". */
static void parse_reply(const char *v, struct submission *out)
{
	char name[32] = "", date[11] = "";
	enum submission_outcome o;
	long day;
	if (!v || sscanf(v, "%31s %10s", name, date) != 2 || !submission_outcome_parse(name, &o) ||
	    !calendar_parse_date(date, &day))
		return;
	out->outcome = o;
	out->reply_day = day;
}

int submission_get(struct session *s, struct submission *out, struct ipw_error *err)
{
	memset(out, 0, sizeof(*out));
	struct audit_row *v;
	size_t n;
	int rc = session_audit(s, &v, &n, err);
	if (rc != IPW_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (!v[i].what)
			continue;
		if (strcmp(v[i].what, "submitted") == 0)
			parse_submitted(v[i].new_value, out);
		else if (strcmp(v[i].what, "reply") == 0 && out->submitted)
			parse_reply(v[i].new_value, out);
	}
	audit_rows_free(v, n);
	return IPW_OK;
}
