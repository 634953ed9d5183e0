/* deadline_note.c — the case's next deadline in one line, for the step
 * list, the review and the case list: "Submit the counter-notice:
 * 2026-11-25 (1 day left)". */
#include "config.h"

#include <stdlib.h>

#include "deadline.h"
#include "strbuf.h"
#include "ui_internal.h"
#include "xalloc.h"

char *ui_deadline_note(const struct session *s, bool with_label)
{
	struct deadline_due *v = NULL;
	size_t n = deadline_list(s, &v);
	const struct deadline_due *d = deadline_next(v, n);
	char *note = NULL;
	if (d) {
		struct strbuf b;
		strbuf_init(&b);
		if (with_label && d->def->label)
			strbuf_addf(&b, "%s: ", flow_tr(d->def->label));
		deadline_describe(d, &b);
		note = strbuf_detach(&b);
	}
	free(v);
	return note;
}
