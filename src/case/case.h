/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case.h — a case in progress and the cases of a database: THE door every
 * front end goes through (the session: answers, lists, evidence, notes,
 * presence, submissions), the listing of many cases, and deadlines. */
#ifndef IPWIZ_CASE_H
#define IPWIZ_CASE_H

#include "audit_words.h"
#include "case_walk.h"
#include "deadline.h"
#include "case_db.h"
#include "deadline_submission.h"
#include "evidence_case.h"
#include "session.h"

#endif
