/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_texts.c — the submission part of the review: each document the
 * answers call for, rendered as plain text, with the platform's box it
 * goes into, so a seller can paste it from the terminal (or hear it read).
 * Files to upload are made by `ipwiz export`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/render.h"
#include "plain_internal.h"

static const char *language_name(const char *lang)
{
	if (strcmp(lang, "zh_CN") == 0)
		return _("Chinese");
	if (strcmp(lang, "id") == 0)
		return _("Indonesian");
	return _("English");
}

static void print_document(struct plain *p, const struct flow_document *d, const char *lang,
			   bool several)
{
	struct ipw_error err = {0};
	char *text = NULL;
	plain_printf(p, "\n");
	if (several)
		plain_printf(p, "%s (%s)\n", plain_safe(p, flow_tr(d->title)), language_name(lang));
	else
		plain_printf(p, "%s\n", plain_safe(p, flow_tr(d->title)));
	if (d->form_field)
		plain_printf(p, _("Paste it into: %s\n"), plain_safe(p, flow_tr(d->form_field)));
	if (render_document(p->cc.session, d, lang, DOC_TEXT, &text, &err) != IPW_OK) {
		plain_printf(p, _("This text cannot be written: %s\n"), plain_safe(p, err.msg));
		return;
	}
	plain_printf(p, "%s\n", _("--- text begins ---"));
	plain_lines(p, "", text);
	plain_printf(p, "%s\n", _("--- text ends ---"));
	free(text);
}

void plain_texts(struct plain *p)
{
	const struct session *s = p->cc.session;
	const struct flow *flow = session_flow(s);
	const char *langs[2];
	size_t nlang = render_languages(s, langs);
	size_t shown = 0;
	for (size_t i = 0; i < flow->ndocuments; i++) {
		const struct flow_document *d = &flow->documents[i];
		if (!render_document_applies(s, d) ||
		    (d->purpose && strcmp(d->purpose, "paste") != 0))
			continue;
		if (!shown++)
			plain_printf(p, "\n%s\n", _("Texts to paste into the platform's form:"));
		for (size_t l = 0; l < nlang; l++)
			print_document(p, d, langs[l], nlang > 1);
	}
	if (!shown)
		plain_printf(p, "%s\n", _("This flow has no text to paste."));
}
