/* ui.h — the ncurses front end's one entry point. Only ui/ includes curses. */
#ifndef IPWIZ_UI_H
#define IPWIZ_UI_H

#include <stdint.h>

#include "cmd/cmd.h"

enum ui_start {
	UI_START_HOME,	/* case list, or the flow picker when there is no case */
	UI_START_NEW,	/* a new case of flow_id (title may be NULL) */
	UI_START_OPEN,	/* resume case_id at its current step */
	UI_START_WATCH, /* follow case_id read-only where the other person works */
};

struct ui_request {
	enum ui_start start;
	const char *flow_id;
	const char *title;
	int64_t case_id;
};

/* Run the wizard until the user quits. Returns an exit status. The terminal
 * is restored on every path (ui_done is idempotent and also runs atexit and
 * on fatal signals). */
int ui_run(struct cli *cli, const struct ui_request *req);
void ui_done(void);

/* True when the terminal can show the full-screen wizard (a known TERM that
 * can address the cursor, stdin and stdout are terminals). */
int ui_terminal_ok(void);

#endif
