/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.h — the ncurses wizard's one entry point. Only ui/tui includes curses. */
#ifndef IPWIZ_TUI_H
#define IPWIZ_TUI_H

#include "case/case.h"

/* Run the wizard on req until the user quits. Returns an exit status; a
 * failure before the first screen fills err (nothing was drawn). The
 * terminal is restored on every path (ui_done is idempotent and also runs
 * atexit and on fatal signals). */
int ui_run(const struct case_options *opt, const struct case_request *req, struct ipw_error *err);
void ui_done(void);

/* True when the terminal can show the full-screen wizard (a known TERM that
 * can address the cursor, stdin and stdout are terminals). */
int ui_terminal_ok(void);

#endif
