/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number.h — numbers as written in flows and answers: always with a dot,
 * whatever the user's locale says (Indonesian writes 3,5 and would make
 * strtod read "3.5" as 3). */
#ifndef IPWIZ_NUMBER_H
#define IPWIZ_NUMBER_H

/* strtod in the C locale. */
double number_strtod(const char *s, char **end);

#endif
