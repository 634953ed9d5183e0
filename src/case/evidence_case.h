/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_case.h — a file judged for one evidence field of a case, the same
 * way by `ipwiz attach`, the wizard and the line mode: evidence_check plus
 * what only the case knows (the same bytes already attached), and the
 * verdict recorded in the store. */
#ifndef IPWIZ_EVIDENCE_CASE_H
#define IPWIZ_EVIDENCE_CASE_H

#include "base/base.h"
#include "evidence/evidence.h"
#include "session.h"

/* evidence_check(path) against the field's requirement; a usable file whose
 * content is already attached to this field under another name becomes a
 * "duplicate" warning. Returns what evidence_check returns. */
int evidence_case_check(const struct session *s, const char *field, const char *path,
			struct evidence_result *res, struct ipw_error *err);

/* Record res for path in the field: a new row, or the row of the same path
 * updated in place (attaching a path again re-checks it). Reloads the
 * session's evidence. */
int evidence_case_record(struct session *s, const char *field, const char *path,
			 const struct evidence_result *res, struct ipw_error *err);

/* A person has looked at finding f of the file of row e and accepts it:
 * recorded once, with who and when in the audit trail ("acknowledged"),
 * and the file's recorded verdict judged again (a file whose findings are
 * all acknowledged is ok). The row pointer is not valid afterwards (the
 * session's evidence is reloaded). */
int evidence_case_acknowledge(struct session *s, const struct evidence_row *e,
			      const struct evidence_finding *f, struct ipw_error *err);

/* The row of the field recorded for path (as of the last reload), or NULL. */
const struct evidence_row *evidence_case_find(const struct session *s, const char *field,
					      const char *path);

/* Is an attached file still what was checked, and does it still pass? The
 * one re-verification, used by `ipwiz check`, the wizard's submission
 * screen and export, so all three block the same files for the same
 * reasons. Usable files only (a rejected one blocks anyway, and may be far
 * too large to read): the file is hashed again and, when its bytes are the
 * same, judged again under the flow as it is now. */
enum evidence_recheck {
	RECHECK_NOT_USABLE, /* it was rejected or not checked: not read again */
	RECHECK_SAME,	    /* same bytes, same verdict */
	RECHECK_JUDGED,	    /* same bytes, a new finding: see res (verdict, key, message, fix) */
	RECHECK_CHANGED,    /* other bytes than were checked */
	RECHECK_GONE,	    /* cannot be read any more: res->message says why */
};
enum evidence_recheck evidence_case_recheck(const struct session *s, const struct evidence_row *e,
					    struct evidence_result *res);
/* True when the recheck result keeps the file from being uploaded. */
bool evidence_recheck_blocks(enum evidence_recheck r, const struct evidence_result *res);

/* Take the file of row id off the case (the file itself is left alone),
 * with its audit row; reloads the session's evidence. */
int evidence_case_remove(struct session *s, int64_t id, struct ipw_error *err);

#endif
