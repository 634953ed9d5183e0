/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.h — the rows a case is made of, as plain data: the case itself, its
 * answers, evidence files, audit trail, coaching notes and who is on it.
 * The store fills them, the case layer hands them to front ends; neither
 * side needs the other's header to read them. Strings are owned by the row
 * (free with the matching *_free / *_clear). */
#ifndef IPWIZ_RECORD_H
#define IPWIZ_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct case_row {
	int64_t id;
	char *flow_id;
	char *flow_hash;
	char *title;
	char *status; /* draft, ready, submitted, closed, archived */
	char *current_step;
	char *owner;
	char *lang;
	int64_t created, updated; /* unix seconds */
};

struct answer_row {
	char *path;
	char *value;
	int64_t revision; /* 1 on first write, +1 each change */
	char *actor;
	int64_t updated;
	bool draft; /* saved but failed validation: kept, flagged, never lost */
};

/* What another session wrote meanwhile. */
struct answer_conflict {
	char *actor;
	int64_t when;
	char *value; /* NULL when they cleared it */
	int64_t revision;
};

/* A file's verdict. Only ok and warn may be uploaded: evidence_verdict_usable
 * is the one place that says so. */
enum evidence_verdict { EVIDENCE_OK, EVIDENCE_WARN, EVIDENCE_REJECT, EVIDENCE_ERROR };
bool evidence_verdict_usable(enum evidence_verdict v);
const char *evidence_verdict_name(enum evidence_verdict v); /* "ok", "warn", "reject", "error" */
/* The verdict in one word of the language in effect: "ok", "warning",
 * "rejected", "not checked" — what `check`, the manifest and `history` say. */
const char *evidence_verdict_word(enum evidence_verdict v);
/* The verdict a stored name stands for; NULL or an unknown name (a row
 * written by a newer version, or by hand) is EVIDENCE_ERROR, never usable. */
enum evidence_verdict evidence_verdict_parse(const char *name);

/* What a verdict says in one language: the sentence and what to do. */
struct evidence_said {
	char lang[8]; /* "en", "zh_CN", "id" */
	char *message;
	char *fix;
};

struct evidence_row {
	int64_t id;
	char *field; /* evidence field path */
	char *path;  /* absolute path of the file */
	int64_t size, mtime;
	char *sha256;
	char *mime;
	enum evidence_verdict verdict;
	char *message_key;
	char *message;
	char *fix;
	char *ext; /* the right extension for the content */
	int64_t checked_at;
	int position; /* upload order within the field */
	/* message and fix in every language ipwiz speaks, as judged when the
	 * file was recorded (evidence_case_record): a coach reading in English
	 * and the case's Chinese manifest each get their own words, whoever
	 * attached the file. None for rows recorded before (message stands). */
	struct evidence_said *said;
	size_t nsaid;
};

/* The verdict's sentence and what to do, in the language in effect
 * (i18n_language()), else as recorded. Not yet made safe for a terminal. */
const char *evidence_row_message(const struct evidence_row *e);
const char *evidence_row_fix(const struct evidence_row *e);
/* The said texts as one stored value, and back. Decoding takes what is
 * well formed and skips the rest: the value may come from a hostile hand. */
char *evidence_said_encode(const struct evidence_said *v, size_t n);
void evidence_said_decode(const char *s, struct evidence_said **v, size_t *n);
void evidence_said_free(struct evidence_said *v, size_t n);

struct audit_row {
	int64_t id;
	int64_t when;
	char *actor;
	char *address;
	char *what; /* "answer products.2.url", "status", "evidence invoice", "export --force" */
	char *old_value;
	char *new_value;
};

/* One submission on the platform and the platform's answer to it. */
struct submission_row {
	int64_t seq;	/* order within the case */
	long day;	/* submitted on (days since 1970-01-01) */
	int chance;	/* 1.., 0 when the flow has no chances */
	char *outcome;	/* the flow's outcome id, NULL while unanswered */
	long reply_day; /* when the answer came (with outcome) */
	char *actor;
	int64_t when; /* recorded at (unix seconds) */
};

/* A finding of the deep evidence check that someone acknowledged ("I have
 * looked: the date is right, the OCR misread it"), per file and page. */
struct ack_row {
	char *sha256;  /* of the file the finding was about */
	char *finding; /* the finding's key, e.g. "date-differs" */
	unsigned page; /* 1-based, 0 = the whole file */
	char *actor;
	int64_t when;
};

struct note_row {
	int64_t id;
	char *field;
	char *author;
	char *text;
	int64_t when;
};

/* Each running wizard announces itself every PRESENCE_HEARTBEAT_SECONDS; a
 * row not renewed for PRESENCE_STALE_SECONDS (two heartbeats missed, and a
 * little time for a busy host) is somebody who left or crashed: it is not
 * listed, and the next announcement on the case deletes it. */
#define PRESENCE_HEARTBEAT_SECONDS 5
#define PRESENCE_STALE_SECONDS	   (2 * PRESENCE_HEARTBEAT_SECONDS + 2)

enum presence_mode { PRESENCE_EDITING, PRESENCE_WATCHING };

struct presence_row {
	char *actor;
	char *address; /* SSH client address, or NULL */
	enum presence_mode mode;
	char *step;  /* step id the person is on */
	char *field; /* field being edited, or NULL */
	int64_t updated;
};

/* What `init-shared` did, each part only when it really happened. */
struct shared_setup {
	char *db_path;	    /* DIR/cases.db, made */
	bool made_dir;	    /* DIR was made by mkdir */
	bool group_changed; /* an existing DIR was given to the group... */
	char *old_group;    /* ...from this one (a name, or a number) */
	bool mode_changed;  /* an existing DIR was set to 2770... */
	unsigned old_mode;  /* ...from this mode */
};

void case_row_clear(struct case_row *c);
void case_rows_free(struct case_row *v, size_t n);
void answer_rows_free(struct answer_row *v, size_t n);
void answer_conflict_clear(struct answer_conflict *c);
void evidence_rows_free(struct evidence_row *v, size_t n);
void audit_rows_free(struct audit_row *v, size_t n);
void note_rows_free(struct note_row *v, size_t n);
void submission_rows_free(struct submission_row *v, size_t n);
void presence_rows_free(struct presence_row *v, size_t n);
void ack_rows_free(struct ack_row *v, size_t n);
void shared_setup_clear(struct shared_setup *s);

#endif
