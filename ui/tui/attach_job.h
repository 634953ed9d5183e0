/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attach_job.h — files read while the wizard goes on. Reading a scan takes
 * seconds (decoding, legibility, OCR); twenty of them a minute. The wizard
 * queues the files and a child process reads and records them one by one
 * through its own connection to the database (the same evidence_case_check
 * and evidence_case_record as `ipwiz attach`), telling the wizard over a
 * pipe which file it is reading and each verdict. Each file is recorded in
 * one transaction: stopping the reading (or the wizard) between or in the
 * middle of files leaves the files read so far attached and nothing half
 * recorded. */
#ifndef IPWIZ_UI_ATTACH_JOB_H
#define IPWIZ_UI_ATTACH_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct ui;

struct attach_item {
	char *field; /* the evidence field's path */
	char *path;  /* the file, absolute */
};

struct attach_jobs {
	struct attach_item *v; /* queued and being read, in order */
	size_t n, cap;
	size_t batch_done;  /* read since the queue was last empty */
	size_t batch_total; /* queued since then */
	pid_t pid;	    /* the reading child, or 0 */
	int fd;		    /* its messages (read end, non-blocking), or -1 */
	size_t taken;	    /* v[0..taken) are the running child's */
	size_t current;	    /* the one it is reading, < taken */
	bool reading;	    /* it said which */
	bool writing;	    /* it is recording one: a change in the database is ours */
	bool finishing;	    /* the case is being closed: Esc stops (attach_job_finish) */
	char *stopped;	    /* what was not attached when the reading stopped, or NULL */
	char line[2048];    /* a message not yet complete */
	size_t len;
};

/* Queue path for field; false (and a status) when it is already queued. */
bool attach_job_add(struct ui *ui, const char *field, const char *path);
/* Read what the child said, start the next child; true when the screen must
 * be drawn again. Called from the key loop, also between keys. */
bool attach_job_tick(struct ui *ui);
/* Files queued or being read, for field (NULL: all). */
size_t attach_job_pending(const struct ui *ui, const char *field);
/* The state of the queue's i-th file of field: "being read (2 of 5)" or
 * "waiting to be read", for the field's file list; NULL past the end. */
const struct attach_item *attach_job_item(const struct ui *ui, const char *field, size_t i,
					  bool *being_read);
/* A change in the database just now may be the child's own recording. */
bool attach_job_writing(const struct ui *ui);
/* Before the case is closed: wait for the files with the progress on screen
 * (a key stops the reading, keeping what was read), or, when stop, stop at
 * once (a signal). Nothing is left running afterwards. */
void attach_job_finish(struct ui *ui, bool stop);

#endif
