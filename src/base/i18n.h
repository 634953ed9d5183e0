/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h — gettext set-up and the _() / N_() macros. */
#ifndef IPWIZ_I18N_H
#define IPWIZ_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s)  i18n_gettext(s)
#define N_(s) (s)

/* gettext(msgid), remembered: the wizard asks for the same labels, hints
 * and flow texts again every frame, and a catalogue lookup (the string
 * hashed, the environment read) was a tenth of what a keystroke cost. The
 * same answers as gettext; forgotten when the language changes. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* Bind the catalog and pick the language: lang (from --lang or the case),
 * else LANGUAGE / LC_ALL / LC_MESSAGES / LANG as gettext does. */
void i18n_init(const char *lang);
/* Switch the language for the rest of the run (--lang); a document's
 * language is scoped, below. */
void i18n_set_language(const char *lang);
/* True when lang names a language ipwiz has (en, zh_CN, id, or a locale
 * name such as zh_CN.UTF-8 or id_ID). */
bool i18n_known_language(const char *lang);

/* The languages ipwiz speaks, as flow language codes: "en", "zh_CN", "id";
 * *n is set to how many. */
const char *const *i18n_spoken(size_t *n);

/* The language in effect as a flow language code: "en", "zh_CN", "id". */
const char *i18n_language(void);

/* Messages speak the user's language (LANGUAGE, LC_MESSAGES, --lang);
 * documents speak their case's. The one switch between them: whatever
 * writes a document (a template, the labels inside it, a file of the
 * export package) runs between i18n_document_begin(lang), which returns
 * the language to go back to, and i18n_document_end(that). Scopes nest;
 * a NULL or empty lang keeps the language in effect. */
char *i18n_document_begin(const char *lang);
void i18n_document_end(char *saved);

#endif
