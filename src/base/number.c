/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number.c — locale-independent number parsing (number.h). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "xalloc.h"

double number_strtod(const char *s, char **end)
{
	static locale_t c_locale;
	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!c_locale) /* cannot happen with glibc: "C" always exists */
		return strtod(s, end);
	return strtod_l(s, end, c_locale);
}

/* The length of the space at s (" ", a tab, U+3000), or 0. */
static size_t space_at(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

char *number_digits(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;
	while ((n = space_at(p)))
		p += n;
	char *out = xmalloc(strlen(s) + 1);
	size_t o = 0;
	for (;;) {
		if (*p >= '0' && *p <= '9') {
			out[o++] = (char)*p++;
		} else if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
			out[o++] = (char)('0' + (p[2] - 0x90)); /* ０ is EF BC 90 */
			p += 3;
		} else {
			break;
		}
	}
	while ((n = space_at(p)))
		p += n;
	if (o == 0 || *p) {
		free(out);
		return NULL;
	}
	out[o] = '\0';
	return out;
}
