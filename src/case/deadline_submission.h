/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deadline_submission.h — the case after export, in one place: when it was
 * submitted on the platform, which chance that was, what the platform
 * answered, which chance is next and what is left. The outcomes, their
 * texts and the chances are the flow's (its `lifecycle:`), so a rights
 * holder and a seller each read their own; submissions are rows of their
 * own table, written with the case status, the audit row and the chance
 * answer in one transaction. */
#ifndef IPWIZ_DEADLINE_SUBMISSION_H
#define IPWIZ_DEADLINE_SUBMISSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "record/record.h"
#include "session.h"

struct submission_state {
	struct submission_row *rows; /* oldest first */
	size_t nrows;
	const struct submission_row *latest; /* NULL: never submitted */
	const struct flow_outcome *outcome;  /* the answer to latest, NULL: none yet */
	size_t chances; /* how many the platform gives; 0: no numbered chances */
	/* The chance a submission now would be (1..chances), or chances + 1
	 * when every chance is used up: rejected, or its last day passed
	 * without a submission (a missed chance is used up too). */
	size_t next;
	size_t missed; /* of the used ones, how many were missed */
};

/* The case's submissions and where its chances stand (today: session_env). */
int submission_state_get(struct session *s, struct submission_state *out, struct ipw_error *err);
void submission_state_clear(struct submission_state *st);

/* The seller submitted on day. chance is 1..3 as said, or 0 for the next
 * one. Refused (IPW_EUSER, with what to do) when the flow gives no
 * chances and one is named, when no chance is left, when the chance named
 * is used up, or comes before the one in front of it is used up. On
 * success the flow's chance answer says the chance too; *chance_out gets it. */
int submission_record(struct session *s, long day, int chance, int *chance_out,
		      struct ipw_error *err);

/* The platform answered the latest submission on day with the flow's
 * outcome id. An outcome that uses the chance moves the chance answer to
 * the next one (when there is one). Refused when the case was not
 * submitted, the outcome is not the flow's, or day is before the submission. */
int submission_reply(struct session *s, const char *outcome, long day, struct ipw_error *err);

/* "accepted, rejected or more-info": the flow's outcomes for a usage line
 * (the caller frees it). */
char *submission_outcome_list(const struct flow *f);

#endif
