/* plain.h — the plain line mode: the same wizard as one question per prompt,
 * for screen readers, TERM=dumb, serial consoles and scripts. No colours, no
 * cursor movement; nothing but text a speech synthesiser reads well. Uses
 * only the core (no curses). */
#ifndef IPWIZ_PLAIN_H
#define IPWIZ_PLAIN_H

#include <stdio.h>

#include "cmd/cmd.h"
#include "tui/tui.h"

/* Run the wizard on in/out (stdin/stdout in the program). Returns an exit
 * status: 0 when the user finished or quit, 3 on a database error. */
int plain_run(struct cli *cli, const struct ui_request *req, FILE *in, FILE *out);

#endif
