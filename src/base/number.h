/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number.h — numbers as written in flows and answers: always with a dot,
 * whatever the user's locale says (Indonesian writes 3,5 and would make
 * strtod read "3.5" as 3). */
#ifndef IPWIZ_NUMBER_H
#define IPWIZ_NUMBER_H

/* strtod in the C locale. */
double number_strtod(const char *s, char **end);

/* s as a whole number written with digits only — ASCII 0-9 or the
 * full-width ０-９ an input method types (U+FF10..U+FF19) — with spaces,
 * tabs or ideographic spaces (U+3000) around it: its ASCII digits in a new
 * string. NULL for anything else (a sign, a point, an exponent, 0x, a
 * space inside, nothing at all). */
char *number_digits(const char *s);

#endif
