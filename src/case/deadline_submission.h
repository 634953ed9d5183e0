/* deadline_submission.h — after the seller pressed "submit" on the platform:
 * when, which chance (1st, 2nd, 3rd), and what the platform answered, with
 * what to do next for each answer. Kept as audit rows of the case (who and
 * when come with them) plus the case status, so nothing new is stored. */
#ifndef IPWIZ_DEADLINE_SUBMISSION_H
#define IPWIZ_DEADLINE_SUBMISSION_H

#include <stdbool.h>
#include <stdint.h>

#include "base/base.h"
#include "session.h"

enum submission_outcome {
	OUTCOME_NONE, /* no answer from the platform yet */
	OUTCOME_ACCEPTED,
	OUTCOME_REJECTED,
	OUTCOME_MORE_INFO,
	OUTCOME_COMPLAINANT_REPLIED,
	OUTCOME_WITHDRAWN,
};

struct submission {
	bool submitted;
	long day;   /* days since 1970-01-01 */
	int chance; /* 1..3, 0 when not said */
	enum submission_outcome outcome;
	long reply_day;
};

/* "accepted", "rejected", "more-info", "complainant-replied", "withdrawn". */
const char *submission_outcome_name(enum submission_outcome o);
bool submission_outcome_parse(const char *s, enum submission_outcome *o);
/* What to do now, in the user's language. */
const char *submission_guidance(enum submission_outcome o);

/* Mark the case submitted on day (chance 0..3) and record it. */
int submission_record(struct session *s, long day, int chance, struct ipw_error *err);
/* Record the platform's answer; the case is closed when accepted or
 * withdrawn, back to draft when rejected or more is asked. */
int submission_reply(struct session *s, enum submission_outcome o, long day, struct ipw_error *err);
/* The latest submission and the answer to it. */
int submission_get(struct session *s, struct submission *out, struct ipw_error *err);

#endif
