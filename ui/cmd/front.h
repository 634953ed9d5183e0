/* front.h — choose the front end for an interactive start: the ncurses
 * wizard on a capable terminal, the plain line mode otherwise (--plain,
 * TERM=dumb or unknown, stdin/stdout not a terminal). */
#ifndef IPWIZ_FRONT_H
#define IPWIZ_FRONT_H

#include "tui/tui.h"
#include "cli.h"

int front_run(struct cli *cli, const struct ui_request *req);

#endif
