/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term_charset.h — the one boundary between ipwiz's UTF-8 and a terminal in
 * another charset (GB18030, GBK, …). Inside, every string is UTF-8; what
 * the commands and the line mode write on stdout/stderr is converted to the
 * locale's charset (nl_langinfo(CODESET)) on its way out, and the line
 * mode's typed input from it on its way in. A character the charset lacks
 * becomes "?". In a UTF-8 locale, and in the C locale's ASCII (a host
 * without locales, usually on a UTF-8 terminal), nothing changes. The wizard does not use
 * this: ncursesw encodes the wide characters it is given (ui/tui/draw.c). */
#ifndef IPWIZ_TERM_CHARSET_H
#define IPWIZ_TERM_CHARSET_H

#include <stdbool.h>
#include <stdio.h>

/* True when the locale's charset is neither UTF-8 nor the C locale's
 * ASCII (after setlocale). */
bool term_charset_converts(void);

/* Replace stderr (unbuffered, as before) with a stream that converts to
 * the locale's charset. Once; nothing happens in a UTF-8 locale. */
void term_charset_stderr(void);

/* The same for stdout. Not for output that is UTF-8 by its format (JSON,
 * a POT file): leave stdout as it is for those. */
void term_charset_stdout(void);

/* stdin read through a conversion from the locale's charset to UTF-8 (bytes
 * that are not in the charset become U+FFFD). For the line mode. */
void term_charset_stdin(void);

/* stdout back to the stream it replaced (flushed first), for the wizard,
 * which writes to the terminal through ncurses and its own conversion. */
void term_charset_restore(void);

/* The file descriptor under f, also when f is one of the converting
 * streams (whose fileno() is -1). */
int term_charset_fileno(FILE *f);

#endif
