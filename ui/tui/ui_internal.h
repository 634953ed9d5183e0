/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_internal.h — what the screens of the ncurses front end share. Only ui/
 * includes curses; the core is reached through the case (case_db, session)
 * and the read-only flow. */
#ifndef IPWIZ_UI_INTERNAL_H
#define IPWIZ_UI_INTERNAL_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "case/case.h"
#include "evidence/evidence.h"
#include "flow/flow.h"
#include "attach_job.h"
#include "coach.h"
#include "textfield.h"
#include "tui.h"
#include "ui_layout.h"

/* ---- theme.c: attributes that carry meaning without colour ---- */
struct ui_theme {
	attr_t bar;   /* title and key-hint bars */
	attr_t key;   /* a key name inside the hint bar */
	attr_t title; /* screen and step titles */
	attr_t label; /* field labels */
	attr_t help;  /* help and secondary text */
	attr_t focus; /* the focused field's input and selected list lines */
	attr_t input; /* an input area that is not focused */
	attr_t error; /* validation messages (always with a "!" marker too) */
	attr_t good;  /* "done" markers and accepted files (with a "✓" too) */
	/* Markers readable without colour; ASCII when the locale is not UTF-8. */
	const char *done, *attention, *not_started, *current, *on, *off, *radio_on, *radio_off;
	const char *bullet, *ellipsis, *more_up, *more_down, *more_left;
	bool utf8;   /* the locale's character set is UTF-8 */
	bool colour; /* the terminal has colour and NO_COLOR is unset */
	/* Lines and corners: drawn as text so they read the same in any dump. */
	const char *vline, *hline, *ul, *ur, *ll, *lr;
};
extern struct ui_theme ui_theme;
void theme_init(void);

/* ---- draw.c: text by display width ---- */
/* Draw s (made safe with utf8_sanitize) at y,x cut to width columns; pads
 * with spaces to width when pad is set. Returns the columns drawn. */
int draw_text(int y, int x, int width, attr_t a, const char *s, bool pad);
/* The same, ending in an ellipsis when s is cut. */
int draw_text_cut(int y, int x, int width, attr_t a, const char *s, bool pad);
void draw_fill(int y, int x, int width, attr_t a);
/* A text right-aligned so it ends at column x_end. */
void draw_right(int y, int x_end, int width, attr_t a, const char *s);
/* A framed box (an overlay) with a title; returns its inner area. */
void draw_box(int y, int x, int h, int w, const char *title, int *iy, int *ix, int *ih, int *iw);

/* Virtual lines of a scrolled pane: a measuring pass (draw false) gives
 * each part its height, the drawing pass shows lines [top, top+height). */
struct canvas {
	bool draw;
	int top;   /* first virtual line shown */
	int y;	   /* next virtual line */
	int scr_y; /* screen row of line `top` */
	int height;
	int x, width;
};
/* The screen row of the next virtual line, or -1 when it is not shown. */
int canvas_row(const struct canvas *c);
void canvas_text(struct canvas *c, int indent, attr_t a, const char *s);
void canvas_wrap(struct canvas *c, int indent, attr_t a, const char *s);
void canvas_blank(struct canvas *c);

/* A key hint for the bottom bar: "Tab" "next field". */
struct ui_hint {
	const char *key;
	const char *what;
};
void draw_hints(int y, int cols, const struct ui_hint *h, size_t n);
void draw_title_bar(int cols, const char *left, const char *right);
/* The columns draw_title_bar leaves the left text beside right. */
int title_bar_left_width(int cols, const char *right);
/* Move *top so that line sel of a list shows in a window of rows lines. */
void scroll_into_view(size_t sel, size_t *top, int rows);

/* ---- terminal.c ---- */
/* Take the terminal: signal flags, atexit(ui_done), curses modes, theme. */
void ui_start(void);

/* ---- keys.c: what a key means ---- */
enum ui_action {
	ACT_NONE,
	ACT_CHAR, /* a character typed (key.ch) */
	ACT_EDIT, /* a text-editing operation (key.op) */
	ACT_NEXT, /* Tab */
	ACT_PREV, /* Shift-Tab */
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_CONFIRM,   /* Enter */
	ACT_NEWLINE,   /* Enter in a textarea */
	ACT_TOGGLE,    /* Space outside text */
	ACT_CANCEL,    /* Esc */
	ACT_NEXT_STEP, /* PgDn, Ctrl-N */
	ACT_PREV_STEP, /* PgUp, Ctrl-P */
	ACT_HELP,      /* F1, ? outside text */
	ACT_REVIEW,    /* F2 */
	ACT_SUBMIT,    /* F5: the submission screen */
	ACT_CASES,     /* F3: back to the case list */
	ACT_QUIT,      /* F10, q outside text */
	ACT_REMOVE,    /* Ctrl-D: remove a list item or a file */
	ACT_BROWSE,    /* F4, Ctrl-O: browse for files */
	ACT_FILES,     /* F7, Ctrl-T: look at the attached files, their findings */
	ACT_EDITOR,    /* Ctrl-E in a textarea: edit it in $EDITOR */
	ACT_PASTE,     /* a bracketed paste arrived (key.text) */
	ACT_RESIZE,
	ACT_REFRESH, /* the other person on the case saved something, or came or went */
	ACT_SIGNAL,  /* SIGINT/SIGTERM/SIGHUP arrived: save and leave */
};

struct ui_key {
	enum ui_action act;
	unsigned ch;	      /* ACT_CHAR */
	enum textfield_op op; /* ACT_EDIT */
	const char *text;     /* ACT_PASTE: valid until the next key */
	size_t pasted_bytes;  /* ACT_PASTE: how long the paste was (more than text when cut) */
};

struct ui;
/* Wait for a key. typing: the focus is in a text input, so printable keys
 * are text and editing keys edit. multiline: Enter is a newline. */
void ui_read_key(struct ui *ui, struct ui_key *k, bool typing, bool multiline);
/* The most of one bracketed paste the wizard takes (a longer text goes
 * through Ctrl-E, the editor). */
#define UI_PASTE_MAX (64 * 1024)
/* The quit key that works while typing: "F10", or "^X" without an F10. */
const char *ui_quit_key(void);
/* True once SIGINT, SIGTERM or SIGHUP arrived; which one (the exit status
 * is 128 + it, as a shell reports a process killed by it). */
bool ui_signalled(void);
int ui_signal_number(void);

/* ---- form.c: the focusable parts of one step ---- */
enum row_kind {
	ROW_TEXT, /* one-line input: text, email, url, phone, number, date, signature */
	ROW_TEXTAREA,
	ROW_CHOICE,
	ROW_MULTI,
	ROW_YESNO,
	ROW_AFFIRM,   /* a declaration's statement and its checkbox */
	ROW_LIST,     /* a list's heading: not focusable */
	ROW_ADD,      /* "add an item" of a list */
	ROW_EVIDENCE, /* the files of an evidence field, and a path to attach */
	ROW_INFO,     /* read-only text: not focusable */
};

struct form_row {
	enum row_kind kind;
	const struct flow_field *field; /* the model (a list's sub-field for items) */
	const struct flow_field *list;	/* the list of an item, heading or add row */
	size_t item;			/* 1-based list item, 0 otherwise */
	char *path;			/* where the answer is stored */
	char *label;			/* shown, already translated */
	int y, h;			/* virtual lines in the pane */
	/* Why its saved answer is not valid (NULL: it is), as of the case's
	 * session_stamp problem_stamp: read again only when the case changed. */
	char *problem;
	uint64_t problem_stamp;
	bool problem_read;
};

struct form {
	size_t step;
	struct form_row *rows;
	size_t nrows;
	size_t focus;	     /* a focusable row, or nrows when there is none */
	struct textfield tf; /* the focused text input */
	char *orig;	     /* its saved value when the focus arrived (Esc) */
	int scroll;	     /* first virtual line shown */
	int total;	     /* the pane's virtual lines at the last full frame */
	int cur_y, cur_x;    /* where the terminal cursor goes, -1 when hidden */
};

bool row_focusable(const struct form_row *r);
bool row_typing(const struct form_row *r);
/* Rows of a step under the current answers (fresh strings, caller frees). */
void form_rows_build(const struct session *s, size_t step, struct form_row **rows, size_t *n);
void form_rows_free(struct form_row *rows, size_t n);
/* Read r->problem again when the case changed since (stamp). */
void widget_problem_refresh(struct ui *ui, struct form_row *r, uint64_t stamp);
/* Rebuild the rows of the current step, keeping the focus on focus_path when
 * it is still there. */
void form_rebuild(struct ui *ui, const char *focus_path);
/* Move the focus to row i, saving the field being left. */
void form_focus(struct ui *ui, size_t i);
/* Save the focused text input (leaving the field). */
bool form_commit(struct ui *ui);
/* A signal (the terminal hung up): keep what the focused text input holds
 * as a draft, never as an answer nobody confirmed. */
void form_keep_draft(struct ui *ui);
/* Save one answer in draft mode, settling a conflict with another session
 * by asking; reports on the status line. */
bool form_save(struct ui *ui, const char *path, const char *value);
void form_clear(struct form *f);

/* ---- widgets.c: drawing and keys of each kind of row ---- */
void widget_draw(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c);
/* Handle a key on the focused row; true when it was used. */
bool widget_key(struct ui *ui, struct form_row *r, const struct ui_key *k);
/* A one-line summary of an answer for the review screen (caller frees). */
char *widget_summary(const struct session *s, const struct form_row *r);
/* A choice's label for its stored value. */
const char *widget_choice_label(const struct flow_field *f, const char *value);

/* ---- evidence_row.c: attaching files to an evidence field (queued for
 * reading, attach_job.h) ---- */
void evidence_row_draw(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c);
void evidence_row_attach(struct ui *ui, const struct form_row *r, const char *typed);
void evidence_row_remove_last(struct ui *ui, const struct form_row *r);
/* The status line's sentence for a file just judged ("✓ invoice.pdf: …"),
 * *bad when it was rejected. */
char *evidence_row_verdict_line(const char *path, const struct evidence_result *res, bool *bad);
size_t evidence_row_count(const struct session *s, const char *field);
/* "8.0 MB" (the caller frees). */
char *ui_human_size(uint64_t n);

/* ---- editor.c: a long answer in the user's own editor ---- */
/* Hand the terminal to $VISUAL or $EDITOR (vi) on a private temporary copy
 * of tf's text and take the edited text back; false (with the reason on the
 * status line) when the editor could not run or failed. */
bool editor_edit(struct ui *ui, struct textfield *tf);

/* ---- file_picker.c: browsing for evidence files ---- */
/* Browse from the working directory; Enter attaches the marked files (or
 * the highlighted one) to the evidence field of row r. */
void file_picker_run(struct ui *ui, const struct form_row *r);
/* file_view.c: an attached file's pages, verdict, what was read and its
 * findings, which the seller can acknowledge. */
void file_view_run(struct ui *ui, const struct form_row *r);

/* ---- pick.c: overlays that pick from a list ---- */
/* Choose one of n labels (Enter), or -1 (Esc). */
int pick_one(struct ui *ui, const char *title, const char *const *labels, size_t n, size_t sel);
/* Toggle several (Space), confirm with Enter (true) or cancel with Esc. */
bool pick_many(struct ui *ui, const char *title, const char *const *labels, bool *on, size_t n);
/* Ask a yes/no question on the status line. */
bool ui_confirm(struct ui *ui, const char *question);
/* The same, telling a signal apart: 1 yes, 0 no, -1 a signal came (the
 * question was never answered). */
int ui_ask(struct ui *ui, const char *question);

/* ---- the screens ---- */
enum ui_next {
	NEXT_HOME,
	NEXT_HOME_RELOAD,
	NEXT_PICKER,
	NEXT_STEP,
	NEXT_REVIEW,
	NEXT_SUBMIT,
	NEXT_QUIT
};

/* The step list's marks (done, needs attention) of the open case. Each
 * costs a check of the step's answers (a declaration hashes what it
 * covers), so they are kept while the case's session_stamp stays the same:
 * a key that changes nothing saved costs nothing there (step.c). */
struct step_marks {
	const struct session *session; /* they belong to */
	uint64_t frame;		       /* the case's stamp as the frame being drawn began */
	uint64_t stamp;		       /* the stamp the marks were read at */
	enum step_state *v;
	bool *shown; /* each step shown (its when: holds) */
	size_t n;
	char *deadline; /* the next deadline's note, or NULL */
};

struct ui {
	const struct case_options *opt;
	struct case_db *db;
	const struct flow *flow; /* of the open case (the session's) */
	struct session *session; /* the open case, or NULL */
	struct ui_layout lay;
	char status[1024];	   /* the message line */
	bool status_bad;	   /* it reports a problem ("!" marker) */
	bool saved;		   /* the last answer left was stored */
	struct attach_jobs attach; /* files being read meanwhile (attach_job.h) */
	int exit_status;
	struct form form;
	bool from_review; /* the step screen was entered from review */
	char *jump_path;  /* review → step: focus this answer */
	/* Redraws the screen under an overlay (after a resize inside it). */
	void (*redraw)(struct ui *ui, void *state);
	void *redraw_state;	  /* the screen on show owns it; overlays pass it back */
	struct coach_state coach; /* others on the same case (coach.h) */
	struct step_marks marks;
	/* Why the wizard must stop at once (watching that could no longer be
	 * announced); shown after the terminal is given back. */
	struct ipw_error fatal;
};

void ui_status(struct ui *ui, bool bad, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_draw_status(struct ui *ui);
/* The title bar of a screen of the open case: "ipwiz · #3 Title", right. */
void ui_draw_case_title(struct ui *ui, const char *right);
/* The title bar's left text beside right when others are on the case:
 * "ipwiz · #7 · also here: li — editing, step 3; … +2 more", as many of
 * them as fit and always how many more do not; NULL when nobody else is. */
char *ui_case_title_others(struct ui *ui, const char *right);
/* The others on the case, one a line, for the help (NULL = nobody). */
const char *ui_case_others(const struct ui *ui);
/* Relayout after a resize (or at start). */
void ui_relayout(struct ui *ui);
/* The "please enlarge" screen; true when it was shown. */
bool ui_too_small(struct ui *ui);
/* Open a case / create one, replacing the open case. */
int ui_open_case(struct ui *ui, int64_t id, struct ipw_error *err);
int ui_new_case(struct ui *ui, const char *flow_id, const char *title, struct ipw_error *err);
void ui_close_case(struct ui *ui);

/* The loop of a list screen (cases, flows, review, submit): draw, wait for
 * a key, let key() act on state, until it returns something else than
 * stay. The loop itself lays the screen out again on a resize and quits on
 * the quit key or a signal. typing (may be NULL) says when printable keys
 * are text. */
enum ui_next ui_screen_loop(struct ui *ui, enum ui_next stay,
			    void (*draw)(struct ui *ui, void *state),
			    enum ui_next (*key)(struct ui *ui, void *state, const struct ui_key *k),
			    void *state, const bool *typing);

enum ui_next home_run(struct ui *ui);
enum ui_next picker_run(struct ui *ui);
enum ui_next step_run(struct ui *ui);
/* The step screen is the one on show (not an overlay, not another screen). */
bool step_screen_shown(const struct ui *ui);
enum ui_next review_run(struct ui *ui);
/* submit.c: pre-flight checklist, texts to paste (OSC 52), files to upload. */
enum ui_next submit_run(struct ui *ui);
/* The help overlay: the focused field's help (or NULL) and the key map. */
void help_show(struct ui *ui, const char *title, const char *text);

/* ---- picture.c: a page drawn as character cells (libchafa) ---- */
/* False when the wizard cannot draw pictures (built without chafa, or a
 * locale without the block symbols): describe the page instead. */
bool picture_available(void);
/* Draw t inside rows×cols at y,x, in proportion; returns the rows used. */
int picture_draw(int y, int x, int rows, int cols, const struct evidence_thumb *t);

#endif
