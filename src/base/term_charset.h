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

/* A stream that takes UTF-8 and writes it to under in the locale's
 * charset (closing it closes under), or NULL when there is nothing to
 * convert (or iconv cannot). src/main.c puts it in place of stdout and
 * stderr — not of stdout for output UTF-8 by its format (JSON, a POT
 * file), nor for the wizard, which writes through ncursesw. */
FILE *term_charset_output(FILE *under);

/* A stream that reads fd in the locale's charset and gives UTF-8 (bytes
 * not in the charset become U+FFFD), or NULL as above. For the line mode. */
FILE *term_charset_input(int fd);

/* Text typed as a command-line argument (an answer, a title, a note), from
 * the locale's charset to UTF-8: a new string, the same bytes when nothing
 * converts. Bytes not in the charset become U+FFFD. Never for a file's
 * path: a name on disk is the bytes the system gave it. */
char *term_charset_text_in(const char *s);

/* UTF-8 text in the locale's charset, for a program that reads it there
 * (the user's $EDITOR): a new string — s itself copied when nothing
 * converts — or NULL when a character of s is not in the charset (GBK has
 * no emoji, say), so a round trip through that program would lose it. */
char *term_charset_text_out(const char *s);

/* The file descriptor under f, also when f is one of these streams (whose
 * fileno() is -1). */
int term_charset_fileno(FILE *f);

#endif
