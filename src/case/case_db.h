/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case_db.h — the cases of a database, as every front end opens them. A
 * front end never sees the store: it opens a case_db with what the person
 * asked for (--db, --lang), lists, deletes and opens cases through it, and
 * works on one case through its session (session.h). */
#ifndef IPWIZ_CASE_DB_H
#define IPWIZ_CASE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "record/record.h"

/* What the person asked for on the command line, for every front end. */
struct case_options {
	const char *db_path; /* --db, or NULL: $IPWIZ_DB, else the default database */
	const char *lang;    /* --lang, or NULL: the language of a case this run starts */
};

/* What an interactive start should show (main hands it to a front end). */
enum case_start {
	CASE_START_HOME,  /* case list, or the flow picker when there is no case */
	CASE_START_NEW,	  /* a new case of flow_id (title may be NULL) */
	CASE_START_OPEN,  /* resume case_id at its current step */
	CASE_START_WATCH, /* follow case_id read-only where the other person works */
};

struct case_request {
	enum case_start start;
	const char *flow_id;
	const char *title;
	int64_t case_id;
	const char *follow; /* watch: the person to follow (NULL: the owner, else an editor) */
};

enum case_db_flags {
	CASE_DB_CREATE = 1,   /* create the database (and its 0700 directory) if missing */
	CASE_DB_READONLY = 2, /* reading only (history) */
};

struct case_db;
struct session;

/* Open the database o names (see case_options). err says how to fix it. */
int case_db_open(const struct case_options *o, unsigned flags, struct case_db **out,
		 struct ipw_error *err);
void case_db_close(struct case_db *db);
/* Make the database a support team shares in dir, for group; *out says
 * what really changed (see store_init_shared; shared_setup_clear). */
int case_db_init_shared(const char *dir, const char *group, struct shared_setup *out,
			struct ipw_error *err);
const char *case_db_path(const struct case_db *db);
/* The Unix user acting, as the audit trail records it. */
const char *case_db_actor(const struct case_db *db);
/* Did another program write to the database since the last call? */
bool case_db_changed(struct case_db *db);

/* Up to limit cases (0: all) with an id above after_id, in id order. */
int case_db_list(struct case_db *db, int64_t after_id, size_t limit, struct case_row **v, size_t *n,
		 struct ipw_error *err);
int case_db_get(struct case_db *db, int64_t id, struct case_row *out, struct ipw_error *err);
/* Before deleting case id: IPW_OK with *question (the caller frees it), the
 * sentence to confirm, which names the case and whoever else is in it now;
 * IPW_EUSER with a sentence naming the owner when the person acting is not
 * the case's owner. The text holds stored values: show it sanitised. */
int case_db_delete_question(struct case_db *db, int64_t id, char **question, struct ipw_error *err);
/* Delete case id and everything in it: only its owner may (IPW_EUSER). */
int case_db_delete(struct case_db *db, int64_t id, struct ipw_error *err);
/* The audit trail of a case, whether or not its flow is installed. */
int case_db_audit(struct case_db *db, int64_t id, struct audit_row **v, size_t *n,
		  struct ipw_error *err);

/* Somebody other than its owner reads case id (`show`, `export`, `check`,
 * `notes`, `history`): the audit trail keeps it ("read", how), so the
 * owner sees who read the case. Nothing is written for the owner.
 * IPW_EENV with a sentence when the read cannot be recorded (a read-only
 * database): the reader is told that the owner will not see it. */
int case_db_record_read(struct case_db *db, int64_t id, const char *how, struct ipw_error *err);

/* "12" or "#12"; IPW_EUSAGE with a sentence when it is not a case number. */
int case_parse_id(const char *arg, int64_t *id, struct ipw_error *err);
/* Open case id with its installed flow, in its language unless --lang said
 * another. The session owns the flow; session_free frees both. */
int case_open(struct case_db *db, int64_t id, struct session **out, struct ipw_error *err);
/* Start a case of the installed flow flow_id (title NULL: the flow's). */
int case_create(struct case_db *db, const char *flow_id, const char *title, struct session **out,
		struct ipw_error *err);

/* A case status ("draft") in the user's language. */
const char *case_status_name(const char *status);

#endif
