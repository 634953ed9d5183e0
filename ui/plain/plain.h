/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain.h — the plain line mode: the same wizard as one question per prompt,
 * for screen readers, TERM=dumb, serial consoles and scripts. No colours, no
 * cursor movement; nothing but text a speech synthesiser reads well. Uses
 * only the core (no curses). */
#ifndef IPWIZ_PLAIN_H
#define IPWIZ_PLAIN_H

#include <stdio.h>

#include "case/case.h"

/* Run the wizard on in/out (stdin/stdout in the program). Returns an exit
 * status: 0 when the user finished or quit, 3 on a database error. */
int plain_run(const struct case_options *opt, const struct case_request *req, FILE *in, FILE *out);

#endif
