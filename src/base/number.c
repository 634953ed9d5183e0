/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number.c — locale-independent number parsing (number.h). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "number.h"

double number_strtod(const char *s, char **end)
{
	static locale_t c_locale;
	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c_locale) /* cannot happen with glibc: "C" always exists */
		return strtod(s, end);
	return strtod_l(s, end, c_locale);
}
