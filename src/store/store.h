/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h — SQLite persistence: cases, answers, evidence, audit, notes.
 * Every write is one short BEGIN IMMEDIATE transaction with a busy timeout;
 * no transaction is ever held open while a person is typing. All SQL uses
 * prepared statements with bound values. */
#ifndef IPWIZ_STORE_H
#define IPWIZ_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "record/record.h"

struct store;

enum store_open_flags {
	STORE_CREATE = 1,   /* create the database (and its 0700 directory) if missing */
	STORE_READONLY = 2, /* `ipwiz watch`, `show`, `list` may open read-only */
};

/* Open (and migrate) the database at path. Refuses files that are not an
 * ipwiz database, databases from a newer version, and world-accessible
 * files, with a sentence saying how to fix it (err->status IPW_EENV). */
int store_open(const char *path, unsigned flags, struct store **out, struct ipw_error *err);
void store_close(struct store *st);
const char *store_path(const struct store *st);

/* A database a team shares (`ipwiz init-shared`): DIR made by mkdir, or an
 * existing empty folder, opened without following a link, given to group
 * (setgid 2770), and DIR/cases.db (0660) in it. A folder holding a
 * database or any file, a link and a file are refused before anything is
 * touched; on a failure half-way what was done is put back. *out says what
 * changed (shared_setup_clear). */
int store_init_shared(const char *dir, const char *group, struct shared_setup *out,
		      struct ipw_error *err);

/* The default database: $XDG_DATA_HOME/ipwiz/cases.db (or ~/.local/share/...). */
char *store_default_path(void);

/* Who is acting: the Unix user name, plus the SSH client address when
 * present. Filled at open time; recorded in audit rows. */
const char *store_actor(const struct store *st);
const char *store_actor_address(const struct store *st);

/* Changes by other connections since the last call (PRAGMA data_version). */
bool store_changed(struct store *st);

int store_case_create(struct store *st, const char *flow_id, const char *flow_hash,
		      const char *title, const char *lang, int64_t *id, struct ipw_error *err);
int store_case_get(struct store *st, int64_t id, struct case_row *out, struct ipw_error *err);
/* Up to limit cases (0: all) with an id above after_id, in id order. */
int store_case_page(struct store *st, int64_t after_id, size_t limit, struct case_row **v,
		    size_t *n, struct ipw_error *err);
/* Where this connection's actor now is in case id. Everyone's own step is
 * kept (store_case_position); the case's current_step, which listings show
 * and `open` falls back to, follows the owner only. */
int store_case_set_step(struct store *st, int64_t id, const char *step, struct ipw_error *err);
/* The step this actor was last at in case id (*step NULL: never here). */
int store_case_position(struct store *st, int64_t id, char **step, struct ipw_error *err);
int store_case_set_status(struct store *st, int64_t id, const char *status, struct ipw_error *err);
int store_case_set_title(struct store *st, int64_t id, const char *title, struct ipw_error *err);
int store_case_delete(struct store *st, int64_t id, struct ipw_error *err);
int store_case_duplicate(struct store *st, int64_t id, const char *title, int64_t *new_id,
			 struct ipw_error *err);

/* A submission on the platform, or the platform's answer to the latest
 * one, in one transaction with what follows from it: the case's status,
 * the audit row (what, value) and, when answer_path is set, one answer
 * the lifecycle changes (which chance this is). */
struct submission_change {
	bool reply;	     /* false: a new submission on day, chance */
	long day;	     /* the submission's or the answer's day */
	int chance;	     /* a submission: 1.., or 0 */
	const char *outcome; /* a reply: the flow's outcome id */
	const char *status;  /* the case's status afterwards */
	const char *audit_what, *audit_value;
	const char *answer_path, *answer_value;
};
int store_submission_write(struct store *st, int64_t case_id, const struct submission_change *c,
			   struct ipw_error *err);
/* Every submission of the case, oldest first. */
int store_submissions_list(struct store *st, int64_t case_id, struct submission_row **v, size_t *n,
			   struct ipw_error *err);

int store_answers_get(struct store *st, int64_t case_id, struct answer_row **v, size_t *n,
		      struct ipw_error *err);

/* Compare-and-set: write value (NULL clears) at path when its current
 * revision is expected_rev (0 = must not exist yet). On a mismatch returns
 * IPW_ECONFLICT with *conflict filled and writes nothing. On success
 * *new_rev gets the new revision. Writes the audit row in the same
 * transaction. */
int store_answer_put(struct store *st, int64_t case_id, const char *path, const char *value,
		     bool draft, int64_t expected_rev, int64_t *new_rev,
		     struct answer_conflict *conflict, struct ipw_error *err);
/* Several compare-and-set writes as one: either all of them land, with
 * their audit rows, or none (a conflict on any path → IPW_ECONFLICT with
 * *conflict for that path; an I/O error → rolled back). Used for list edits,
 * where writing item by item could leave answers swapped between items.
 * new_revs[i] (when not NULL) gets each path's new revision. */
struct answer_write {
	const char *path;
	const char *value; /* NULL clears */
	bool draft;
	int64_t expected; /* the revision the writer saw (0: none) */
};
int store_answers_put_all(struct store *st, int64_t case_id, const struct answer_write *w, size_t n,
			  int64_t *new_revs, struct answer_conflict *conflict,
			  struct ipw_error *err);
/* Move every answer under prefix `from` to prefix `to` (NULL clears them),
 * for list edits: one transaction, with audit rows. */
int store_answers_rename_prefix(struct store *st, int64_t case_id, const char *from, const char *to,
				struct ipw_error *err);

int store_evidence_add(struct store *st, int64_t case_id, const struct evidence_row *e, int64_t *id,
		       struct ipw_error *err);
int store_evidence_update(struct store *st, int64_t case_id, const struct evidence_row *e,
			  struct ipw_error *err);
int store_evidence_list(struct store *st, int64_t case_id, struct evidence_row **v, size_t *n,
			struct ipw_error *err);
int store_evidence_remove(struct store *st, int64_t case_id, int64_t id, struct ipw_error *err);

int store_audit_list(struct store *st, int64_t case_id, struct audit_row **v, size_t *n,
		     struct ipw_error *err);
int store_audit_add(struct store *st, int64_t case_id, const char *what, const char *old_value,
		    const char *new_value, struct ipw_error *err);

int store_note_add(struct store *st, int64_t case_id, const char *field, const char *text,
		   struct ipw_error *err);
int store_notes_list(struct store *st, int64_t case_id, struct note_row **v, size_t *n,
		     struct ipw_error *err);

/* What the deep evidence check read from the file with this SHA-256, by
 * this reader (decoder and model versions): *found and *text are copies,
 * both NULL when it was never read. The values are the evidence module's
 * own encoding, stored and returned as they are. */
int store_reading_get(struct store *st, const char *sha256, const char *reader, char **found,
		      char **text, struct ipw_error *err);
int store_reading_put(struct store *st, const char *sha256, const char *reader, const char *found,
		      const char *text, struct ipw_error *err);
/* Readings of bytes that no case holds are dropped by a put once they are
 * this old. */
enum { STORE_READING_KEEP_DAYS = 90 };

/* Record that this connection's actor acknowledged a finding about a file
 * (once: a second acknowledgement changes nothing), with the audit row
 * ("acknowledged", audit_value) in the same transaction. */
int store_ack_add(struct store *st, int64_t case_id, const char *sha256, const char *finding,
		  unsigned page, const char *audit_value, struct ipw_error *err);
int store_acks_list(struct store *st, int64_t case_id, struct ack_row **v, size_t *n,
		    struct ipw_error *err);

/* A consistent copy of the database (backup API), e.g. into an export. */
int store_backup(struct store *st, const char *dest, struct ipw_error *err);

/* The rest of the public store: listings read in one pass, presence rows. */
#include "presence.h"
#include "store_read.h"

#endif
