/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session.h — one case being worked on: the only door to answers.
 * Front ends (ncurses, plain line mode) and the CLI set answers through it;
 * it validates against the flow, persists each answer in one transaction
 * (with its audit row), and answers "what is visible, what is missing". */
#ifndef IPWIZ_SESSION_H
#define IPWIZ_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "expr/expr.h"
#include "flow/flow.h"
#include "record/record.h"
#include "case_db.h"

struct session;

void session_free(struct session *s);

const struct flow *session_flow(const struct session *s);
int64_t session_case_id(const struct session *s);
const struct case_row *session_case(const struct session *s);
/* The answers with a value, in path order: start with *i = 0. */
bool session_answer_next(const struct session *s, size_t *i, const char **path, const char **value);

/* Re-read answers written by other sessions (after session_changed()). */
int session_reload(struct session *s, struct ipw_error *err);
/* A digest of what the case holds for a reader: title, status, every answer
 * (value, revision, draft flag) and every evidence row. Equal stamps before
 * and after a reload mean nobody changed anything a person would see — the
 * database also changes when someone merely opens the case or moves. */
uint64_t session_stamp(const struct session *s);

/* The current answer text at path, or NULL. */
const char *session_get(const struct session *s, const char *path);
int64_t session_revision(const struct session *s, const char *path);
bool session_is_draft(const struct session *s, const char *path);

enum session_set_mode {
	SESSION_STRICT, /* invalid values are refused (ipwiz set / fill) */
	SESSION_DRAFT,	/* invalid values are kept as a flagged draft (the wizard) */
};

/* Validate value for the field at path and save it (NULL or "" clears).
 * Returns IPW_OK, IPW_EUSER (invalid: err->msg says why; in DRAFT mode the
 * value was still saved, flagged), IPW_ECONFLICT (someone else changed it
 * since this session read it: *conflict filled, nothing written), or
 * IPW_EENV. */
int session_set(struct session *s, const char *path, const char *value, enum session_set_mode mode,
		struct answer_conflict *conflict, struct ipw_error *err);
/* Overwrite regardless of the other session's change (the user chose "keep mine"). */
int session_set_force(struct session *s, const char *path, const char *value,
		      enum session_set_mode mode, struct ipw_error *err);

/* Keep value at path as a draft over whatever is stored now (the wizard
 * was hung up while it was typed, or while it asked whose answer to keep):
 * flagged, never an answer — not counted, not exported — until the user
 * saves it again. Only the owner keeps a draft of a signature. */
int session_keep_draft(struct session *s, const char *path, const char *value,
		       struct ipw_error *err);
/* Is the answer at path a draft? Then err says why: its validation
 * message, or that nobody confirmed it. */
bool session_draft_why(const struct session *s, const char *path, struct ipw_error *err);

/* Validation only (nothing saved): IPW_OK or IPW_EUSER with the reason. */
int session_validate(const struct session *s, const char *path, const char *value,
		     struct ipw_error *err);

/* What a seller calls the answer at path: its field's label (translated),
 * "your full name, typed as signature" for a declaration's signature, or
 * the path itself when the flow has no such field. */
const char *session_path_label(const struct session *s, const char *path);

/* Visibility and requirement under the current answers. */
bool session_step_visible(const struct session *s, size_t step);
bool session_field_visible(const struct session *s, const char *path);
bool session_field_required(const struct session *s, const char *path);

/* Lists: number of items, add/remove/move an item (answers renumbered).
 * A list without max_items still stops at SESSION_LIST_LIMIT items, so a
 * typo in an answers file cannot make millions. */
#define SESSION_LIST_LIMIT 1000
unsigned session_list_limit(const struct flow_field *list);
size_t session_list_count(const struct session *s, const char *list_path);
int session_list_add(struct session *s, const char *list_path, size_t *index_out,
		     struct ipw_error *err);
int session_list_remove(struct session *s, const char *list_path, size_t index,
			struct ipw_error *err);
int session_list_move(struct session *s, const char *list_path, size_t from, size_t to,
		      struct ipw_error *err);

/* Whether the affirmation of the declaration at path is its owner's and
 * unchanged (session_seal.c). Only the signer holds the key that checks
 * it; *signer (when not NULL) gets who sealed it (the caller frees). */
enum affirmation_state {
	AFFIRMATION_NONE,	  /* not affirmed */
	AFFIRMATION_SIGNED,	  /* sealed by you, the owner, and unchanged */
	AFFIRMATION_STALE,	  /* sealed by you; answers it covers changed since (in ipwiz) */
	AFFIRMATION_CHANGED,	  /* sealed by you, and changed since outside ipwiz */
	AFFIRMATION_NOT_YOURS,	  /* sealed by somebody else: only they can check it */
	AFFIRMATION_NO_KEY,	  /* sealed by you, but your key is missing or unusable */
	AFFIRMATION_UNSEALED,	  /* affirmed without a seal: as good as not affirmed */
	AFFIRMATION_WRONG_SIGNER, /* sealed by somebody who is not the case's owner */
};
enum affirmation_state session_affirmation(const struct session *s, const char *path,
					   char **signer);
/* That state as the end of a sentence ("signed by li and unchanged."), in
 * the user's language; NULL when not affirmed. The caller frees. */
char *session_affirmation_note(const struct session *s, const char *path);
/* The first declaration whose affirmation was changed outside ipwiz (or
 * sealed by somebody who is not the owner), with its note in *note; NULL
 * when none. Such a case is not exported, not even with --force. */
const struct flow_field *session_affirmation_tampered(const struct session *s, char **note);

/* Only the case's owner affirms, signs or withdraws a declaration (and its
 * typed signature): IPW_EUSER with the sentence that says so when the
 * person acting is somebody else and path is one; else IPW_OK. session_set
 * refuses such a change itself; front ends ask first to say why a key did
 * nothing. */
int session_owner_only(const struct session *s, const char *path, struct ipw_error *err);

/* Why the affirmation of the declaration at path no longer counts, as the
 * end of "void: …" ("the answers it covers changed"), in the user's
 * language; NULL when it is not affirmed or still holds (also when only its
 * signer could tell: see AFFIRMATION_NOT_YOURS). Affirming again (setting
 * it to "yes" once more) makes it hold. The caller frees. */
char *session_affirmation_void(const struct session *s, const char *path);

/* True when the declaration at path was affirmed and an answer it covers
 * changed since: the affirmation is void until made again (session_check
 * reports it, export refuses). */
bool session_affirmation_stale(const struct session *s, const char *path);

enum step_state { STEP_NOT_STARTED, STEP_DONE, STEP_ATTENTION };
enum step_state session_step_state(const struct session *s, size_t step);

/* One problem found by session_check(): what is missing or invalid. */
struct session_issue {
	size_t step;
	char *path;
	char *message;
};
/* Every missing required answer and invalid answer, in flow order. */
size_t session_check(const struct session *s, struct session_issue **out);
void session_issues_free(struct session_issue *v, size_t n);

/* A visible choice answered with a `stop:` choice: ipwiz cannot write this
 * case's documents. Its text (why, and what to do instead), translated,
 * with *path the field; NULL when there is none. */
const char *session_stop(const struct session *s, const char **path);

/* Progress: answered required fields / required fields (visible ones). */
void session_progress(const struct session *s, size_t *answered, size_t *required);

/* The place of step among the visible steps, as the person sees it
 * numbered (1-based: the visible steps up to it; a hidden step counts as
 * the last visible one before it), and how many are visible in *total
 * (when not NULL). */
size_t session_step_number(const struct session *s, size_t step, size_t *total);
/* The same from which steps are shown (shown[0..nsteps)), for a front end
 * that keeps that while the case is unchanged. */
size_t step_number_among(const bool *shown, size_t nsteps, size_t step, size_t *total);

/* Where the user is. */
size_t session_current_step(const struct session *s);
int session_goto_step(struct session *s, size_t step, struct ipw_error *err);
/* Next/previous visible step from `from`; returns from when none. */
size_t session_next_step(const struct session *s, size_t from);
size_t session_prev_step(const struct session *s, size_t from);

/* The environment expressions evaluate in (answers of this case). */
const struct expr_env *session_env(const struct session *s);

/* When the answer at path was last written (unix seconds; 0 = never). */
int64_t session_updated(const struct session *s, const char *path);

/* Evidence rows of the case (as of the last reload), and how many files of
 * one evidence field are usable (verdict ok or warn). Reload after attaching. */
const struct evidence_row *session_evidence(const struct session *s, size_t *n);
size_t session_evidence_usable(const struct session *s, const char *field);
/* The usable files of package p's visible fields (*last, when not NULL: the
 * last of those fields, in flow order, that has one), and the sentence
 * saying they are more than the platform takes there (its max_files), or
 * NULL. The one rule of a package's limit: session_check, `ipwiz check`. */
size_t session_package_usable(const struct session *s, const struct flow_package *p,
			      const struct flow_field **last);
char *session_package_excess(const struct session *s, const struct flow_package *p);
int session_reload_evidence(struct session *s, struct ipw_error *err);

/* Did anybody write to the database since the last call (then reload)? */
bool session_changed(struct session *s);
/* Who is acting here (the Unix user), as the audit trail records it. */
const char *session_actor(const struct session *s);

/* session_trail.c: the case's audit trail, coaching notes and presence. */
int session_audit(struct session *s, struct audit_row **v, size_t *n, struct ipw_error *err);
int session_audit_add(struct session *s, const char *what, const char *old_value,
		      const char *new_value, struct ipw_error *err);
/* A coaching note on field ("-" for the whole case); never exported. */
int session_note_add(struct session *s, const char *field, const char *text, struct ipw_error *err);
int session_notes(struct session *s, struct note_row **v, size_t *n, struct ipw_error *err);
/* Say (again) that this program is on the case, in mode, at step/field. */
int session_presence_announce(struct session *s, enum presence_mode mode, const char *step,
			      const char *field, struct ipw_error *err);
int session_presence_leave(struct session *s, struct ipw_error *err);
/* Watching (`ipwiz watch`) is only ever seen: announce this program as
 * watching, at step/field (NULL allowed). When the announcement cannot be
 * written (read-only access, a lock) nobody would see the watcher, so the
 * front end stops: err says why, with the store's own sentence. */
int session_watch_announce(struct session *s, const char *step, const char *field,
			   struct ipw_error *err);
/* Everybody else on the case who announced lately. */
int session_presence_list(struct session *s, struct presence_row **v, size_t *n,
			  struct ipw_error *err);
/* "li — watching, step 3" in the user's language, for headers. */
char *session_presence_describe(const struct presence_row *p, int step_number);
/* For the case's owner: who else read the case since the owner last did
 * anything in it ("li read this case at 18:32 (show)."), newest first, or
 * NULL (nobody, or the person acting is not the owner). Holds stored
 * values: show it sanitised. */
char *session_reads_by_others(struct session *s);

#endif
