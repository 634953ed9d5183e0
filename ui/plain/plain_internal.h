/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_internal.h — the line mode's insides, shared by ui/plain*.c only.
 * One struct plain per run: where lines come from and go to, the case being
 * worked on, and the last line read. */
#ifndef IPWIZ_PLAIN_INTERNAL_H
#define IPWIZ_PLAIN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "case/case.h"

#define PLAIN_SAFE_SLOTS 8

/* The case the line mode works on. */
struct plain_case {
	struct session *session;
	const struct flow *flow; /* the session's */
	int64_t id;
};

struct plain {
	const struct case_options *opt;
	struct case_db *db; /* opened once for the whole run */
	FILE *in, *out;
	/* Input that is not a terminal is not echoed by anyone: repeat each
	 * line after its prompt so a transcript reads as a dialogue. */
	bool echo;
	bool eof;
	struct plain_case cc; /* the open case (session NULL: none yet) */
	char *line;	      /* the last line read, without its newline */
	size_t cap;
	size_t goto_step; /* flow step index chosen by `goto N` */
	int status;	  /* exit status once something failed (3: database) */
	bool greeted;	  /* the opening line was said */
	char *safe[PLAIN_SAFE_SLOTS];
	unsigned nsafe;
};

/* What a prompt asks the wizard to do next. */
enum plain_action {
	PLAIN_NEXT,	 /* the next question */
	PLAIN_BACK,	 /* the previous question */
	PLAIN_NEXT_STEP, /* leave this step */
	PLAIN_GOTO,	 /* the step in p->goto_step */
	PLAIN_REVIEW,	 /* every answer and what is missing */
	PLAIN_QUIT,	 /* quit or end of input: everything is already saved */
	PLAIN_FAIL,	 /* the database failed; p->status says how */
};

/* Words the user may type at any prompt. */
enum plain_cmd {
	PLAIN_CMD_NONE,
	PLAIN_CMD_HELP,
	PLAIN_CMD_BACK,
	PLAIN_CMD_NEXT,
	PLAIN_CMD_SKIP,
	PLAIN_CMD_CLEAR,
	PLAIN_CMD_GOTO,
	PLAIN_CMD_REVIEW,
	PLAIN_CMD_QUIT,
};

/* ---- plain_io.c: lines in, lines out ---- */

/* printf to the output. Arguments that come from a flow, the database or
 * the user must go through plain_safe first. */
void plain_printf(struct plain *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A terminal-safe copy of s (NULL gives ""). Owned by p and valid until
 * PLAIN_SAFE_SLOTS more calls, so it can be used inline in one printf. */
const char *plain_safe(struct plain *p, const char *s);
/* Print text that may span lines, each line made safe, each prefixed. */
void plain_lines(struct plain *p, const char *prefix, const char *text);
/* Show prompt, read one line into p->line (newline removed). False at end
 * of input (p->eof is set). */
bool plain_read(struct plain *p, const char *prompt);
/* What command the line is, if any; *arg gets the number of `goto N`
 * (0 when missing). A line starting with a backslash is never a command:
 * the backslash is removed and the rest is an answer. */
enum plain_cmd plain_command(char *line, size_t *arg);
/* Leading and trailing blanks removed in place. */
char *plain_trim(char *s);
/* The commands, for `?`. */
void plain_command_help(struct plain *p);
/* The opening line (once per run): what this mode is and how to get help. */
void plain_greet(struct plain *p);
/* Report a core error: the database ones end the run (p->status = 3). */
void plain_error(struct plain *p, const struct ipw_error *err);
/* "2026-11-24 10:05 UTC" (or local time) for unix seconds. */
void plain_format_time(long long when, char *buf, size_t size);

/* ---- plain_save.c: answers go through the session ---- */

/* Save value at path (SESSION_DRAFT; NULL or "" clears). IPW_OK when saved
 * as valid (or the user kept another person's newer answer), IPW_EUSER when
 * kept as a draft (the reason was printed), IPW_EENV on a database error
 * (printed). Conflicts are explained and the user chooses. */
int plain_save(struct plain *p, const char *path, const char *value);
/* Pick up answers written by other sessions since the last look. */
void plain_refresh(struct plain *p);

/* ---- plain_field.c: one question ---- */

/* Ask the field f at path (a list item's sub-field has its own path) until
 * the user answers, moves or quits. label overrides f->label when set. */
enum plain_action plain_field(struct plain *p, const struct flow_field *f, const char *path,
			      const char *label);
/* Map a command that moves (back, next, skip, goto, review, quit) to its
 * action; false (after saying why, for a bad goto) when it is none. */
bool plain_command_action(struct plain *p, enum plain_cmd cmd, size_t arg, enum plain_action *act);

/* What came of one prompt. */
enum plain_got {
	PLAIN_GOT_LINE,	  /* p->line holds an answer, or "" for Enter alone */
	PLAIN_GOT_CLEAR,  /* the user asked to erase the answer */
	PLAIN_GOT_AGAIN,  /* help was shown (or a bad command explained): ask again */
	PLAIN_GOT_ACTION, /* *act says where to go (end of input is PLAIN_QUIT) */
};
/* Read one line at "> " and deal with what every prompt understands: help
 * (printed by help(p, f)) and the commands that move. */
enum plain_got plain_prompt(struct plain *p, const struct flow_field *f,
			    void (*help)(struct plain *p, const struct flow_field *f),
			    enum plain_action *act);
/* "Label (required)" or "Label", for the field at path. */
void plain_label(struct plain *p, const char *label, const char *path);

/* ---- plain_value.c: what a typed line means for each field type ---- */

/* Turn the typed line into the value to store (caller frees). NULL with a
 * reason printed when the line cannot be understood. */
char *plain_value_parse(struct plain *p, const struct flow_field *f, const char *line);
/* Type-specific lines printed before the prompt (numbered choices, the
 * date form, how to end a text). */
void plain_value_hint(struct plain *p, const struct flow_field *f);

/* ---- plain_list.c, plain_evidence.c, plain_declare.c: the special fields ---- */

enum plain_action plain_list(struct plain *p, const struct flow_field *f);
enum plain_action plain_evidence(struct plain *p, const struct flow_field *f);
/* A stored verdict ("ok", "warn" …) as words: "accepted", "rejected" … */
const char *plain_verdict_words(enum evidence_verdict verdict);
enum plain_action plain_declaration(struct plain *p, const struct flow_field *f);

/* ---- plain_paths.c: file names typed at an evidence prompt ---- */

/* A path as people paste it: surrounding quotes, "\ " for a space (what a
 * file manager's drag and drop types), and ~/ for the home directory. */
char *plain_path_clean(const char *typed);
/* Where the file is for good: its resolved name, or the typed one made
 * absolute when it cannot be resolved (the verdict then says why). */
char *plain_path_absolute(const char *path);
/* When path is a folder, list it; when it does not exist, say so with the
 * names that begin like it. True when it did either (nothing to check). */
bool plain_path_guide(struct plain *p, const char *path);

/* ---- plain_nav.c: steps in order ---- */

/* Visible-step numbering: "Step k of m". k is 0 when the step is hidden. */
void plain_step_number(const struct session *s, size_t step, size_t *k, size_t *m);
/* Flow index of visible step number k (1-based); false when there is none. */
bool plain_step_index(const struct session *s, size_t k, size_t *step);
/* Walk the steps from start until the user finishes or quits; exit status. */
int plain_wizard(struct plain *p, size_t start);

/* ---- plain_review.c ---- */

/* Print every answer by step and the checklist of what is missing, then
 * ask where to go. PLAIN_QUIT means finished. */
enum plain_action plain_review(struct plain *p);

/* ---- plain.c ---- */

/* Start a case of flow_id / open case id into p->cc; errors are printed
 * and their status returned. */
int plain_new_case(struct plain *p, const char *flow_id, const char *title);
int plain_open_case(struct plain *p, int64_t id);

/* ---- plain_texts.c ---- */

/* The documents to paste, rendered from the answers, each with the box of
 * the platform's form it goes into. */
void plain_texts(struct plain *p);

/* ---- plain_deadlines.c ---- */

/* Every deadline of the case that has a date, with the days left. */
void plain_deadlines(struct plain *p);

/* ---- plain_home.c ---- */

/* The case list and the flow picker: opens or creates a case into p->cc.
 * IPW_OK with a case open, IPW_ECONFLICT when the user left without one,
 * or an error status (printed). */
int plain_home(struct plain *p);

/* ---- plain_watch.c ---- */

/* Print every saved change of the open case as a line until Ctrl-C. */
int plain_watch(struct plain *p);

#endif
