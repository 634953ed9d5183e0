/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "install_dirs.h"
#include "i18n.h"
#include "xalloc.h"

static char current[16] = "en";

/* What i18n_gettext remembers: a few hundred entries, placed by the
 * msgid's address and checked by its text, so a flow string freed and
 * another allocated at the same address is never answered for the old. */
#define TR_SLOTS 512
static struct {
	const char *key; /* the msgid's address */
	char *text;	 /* a copy of the msgid */
	const char *tr;	 /* gettext's answer, when it is not the msgid */
	unsigned gen;
} tr_cache[TR_SLOTS];
static unsigned tr_gen = 1; /* bumped by every change of language */

const char *i18n_gettext(const char *msgid)
{
	if (!msgid || !*msgid)
		return gettext(msgid ? msgid : "");
	size_t slot = ((uintptr_t)msgid >> 3) % TR_SLOTS;
	if (tr_cache[slot].key == msgid && tr_cache[slot].gen == tr_gen &&
	    strcmp(tr_cache[slot].text, msgid) == 0)
		return tr_cache[slot].tr ? tr_cache[slot].tr : msgid;
	const char *tr = gettext(msgid);
	free(tr_cache[slot].text);
	tr_cache[slot].key = msgid;
	tr_cache[slot].text = xstrdup(msgid);
	/* An untranslated msgid is answered by itself: the address asked,
	 * never a stored one that may have been freed since. */
	tr_cache[slot].tr = tr == msgid ? NULL : tr;
	tr_cache[slot].gen = tr_gen;
	return tr;
}

/* Map a locale or LANGUAGE value ("zh_CN.UTF-8", "id_ID", "zh") to a
 * catalog name. */
static void normalise(const char *in, char out[16])
{
	if (!in || !*in || strcmp(in, "C") == 0 || strcmp(in, "POSIX") == 0 ||
	    strncmp(in, "C.", 2) == 0) {
		strcpy(out, "en");
		return;
	}
	if (strncmp(in, "zh", 2) == 0)
		strcpy(out, "zh_CN");
	else if (strncmp(in, "id", 2) == 0 || strncmp(in, "in", 2) == 0)
		strcpy(out, "id");
	else
		strcpy(out, "en");
}

static const char *env_language(void)
{
	const char *vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

void i18n_set_language(const char *lang)
{
	normalise(lang, current);
	/* LANGUAGE wins over the locale in GNU gettext, and works under
	 * C.UTF-8 too, so a seller's language does not need an installed
	 * zh_CN locale. */
	setenv("LANGUAGE", strcmp(current, "en") == 0 ? "en" : current, 1);
	/* Make gettext notice the change. */
	extern int _nl_msg_cat_cntr;
	++_nl_msg_cat_cntr;
	tr_gen++;
}

void i18n_init(const char *lang)
{
	/* A seller's LANG=zh_CN.UTF-8 on a host without that locale installed
	 * (common on servers) must still get Chinese: fall back to C.UTF-8,
	 * which keeps wide characters working, and ask for the language
	 * through LANGUAGE below. */
	bool missing = setlocale(LC_ALL, "") == NULL;
	if (missing)
		setlocale(LC_ALL, "C.UTF-8");
	/* From the build tree, the catalogs made by `make` (no install needed). */
	bindtextdomain(PACKAGE, install_locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	if (lang && *lang)
		i18n_set_language(lang);
	else if (missing && env_language())
		i18n_set_language(env_language());
	else
		normalise(env_language(), current);
}

const char *const *i18n_spoken(size_t *n)
{
	/* What normalise() maps every locale to: one catalogue each. */
	static const char *const spoken[] = {"en", "zh_CN", "id"};
	*n = sizeof(spoken) / sizeof(spoken[0]);
	return spoken;
}

const char *i18n_language(void)
{
	return current;
}

char *i18n_document_begin(const char *lang)
{
	char *saved = xstrdup(current);
	if (lang && *lang) {
		char want[16];
		normalise(lang, want);
		if (strcmp(want, current) != 0)
			i18n_set_language(want);
	}
	return saved;
}

void i18n_document_end(char *saved)
{
	if (strcmp(saved, current) != 0)
		i18n_set_language(saved);
	free(saved);
}

bool i18n_known_language(const char *lang)
{
	static const char *const known[] = {"en", "zh", "id", "in", "C", "POSIX"};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		size_t n = strlen(known[i]);
		if (strncmp(lang, known[i], n) == 0 && strchr("_.@", lang[n]))
			return true;
	}
	return false;
}
