/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coach.h — two people on one case (a merchant and a coach over SSH): the
 * wizard notices the other's saved changes within a second (PRAGMA
 * data_version, polled while waiting for a key: no busy loop), announces
 * itself so the other side always sees who is there and doing what, and
 * in watch mode follows the other person's step without changing anything. */
#ifndef IPWIZ_UI_COACH_H
#define IPWIZ_UI_COACH_H

#include <stdbool.h>
#include <stdint.h>

#include "case/case.h"

struct ui;

struct coach_state {
	bool watching;		  /* `ipwiz watch`: read-only, follows the other person */
	char *follow_wanted;	  /* `watch --follow USER`, or NULL: the owner, else an editor */
	char *following;	  /* the person followed now, NULL = nobody here to follow */
	int64_t last_poll_ms;	  /* when case_db_changed was last asked */
	int64_t last_presence_ms; /* when the others on the case were last read */
	int64_t last_announce_ms;
	int64_t case_id;     /* the case announced, 0 = none */
	char announced[320]; /* "step/field" last announced: a move is announced at once */
	char *others;	     /* "li — editing, step 3\n…", one a line; NULL = nobody */
	/* The answer being typed when the other side's change arrived. */
	char *edit_path;
	int64_t edit_rev;
};

/* Called before each key is read and while waiting for one (cheap when not
 * due). True when the screen must be drawn again: the other person saved
 * something, or came, went or moved. */
bool coach_tick(struct ui *ui);
/* Read the case again after this wizard's own change made elsewhere (a file
 * recorded by the reading child), saying nothing about someone else. */
void coach_reload_own(struct ui *ui);
/* Leave the case (presence row removed). */
void coach_leave(struct ui *ui);
void coach_clear(struct coach_state *c);

/* True when a key would change the case while watching; the status line
 * then says why nothing happened. */
bool coach_refuses(struct ui *ui, int action);

/* Before saving the answer at path: when somebody else saved it while it
 * was being typed, fill *c with their change and return true, so the
 * wizard asks whose answer to keep instead of overwriting theirs. */
bool coach_changed_under(struct ui *ui, const char *path, const char *value,
			 struct answer_conflict *c);
/* The answer at path was just saved or settled here: its revision is the
 * new starting point, so our own write is never taken for somebody else's. */
void coach_settled(struct ui *ui, const char *path);

#endif
