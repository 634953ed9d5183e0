/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_json.c — manifest.json: what manifest.txt says, for programs (a
 * support team's scripts, a browser helper that fills the form). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "export_internal.h"

static void key(struct strbuf *b, const char *k, const char *v)
{
	strbuf_addf(b, "\"%s\":", k);
	escape_json(b, v);
}

static void documents(struct export_job *j, struct strbuf *b)
{
	strbuf_add(b, "\"documents\":[");
	for (size_t i = 0; i < j->ndocs; i++) {
		const struct flow_document *d = j->docs[i].doc;
		strbuf_add(b, i ? ",\n  {" : "\n  {");
		key(b, "id", d->id);
		strbuf_addc(b, ',');
		key(b, "title", flow_tr(d->title));
		strbuf_addc(b, ',');
		key(b, "form_field", d->form_field ? flow_tr(d->form_field) : NULL);
		strbuf_addc(b, ',');
		key(b, "purpose", d->purpose);
		strbuf_addc(b, ',');
		key(b, "lang", j->docs[i].lang);
		strbuf_addc(b, ',');
		key(b, "file", j->docs[i].file);
		strbuf_addc(b, '}');
	}
	strbuf_add(b, "]");
}

static void uploads(struct export_job *j, struct strbuf *b)
{
	strbuf_add(b, "\"uploads\":[");
	size_t shown = 0;
	for (size_t i = 0; i < j->nev; i++) {
		const struct render_evidence *e = &j->ev[i];
		if (j->copy[i] == EXPORT_VANISHED)
			continue;
		strbuf_add(b, shown++ ? ",\n  {" : "\n  {");
		strbuf_addf(b, "\"order\":%zu,", shown);
		key(b, "file", e->name);
		strbuf_addc(b, ',');
		key(b, "field", e->row->field);
		strbuf_addc(b, ',');
		key(b, "package", e->package ? e->package->id : NULL);
		strbuf_addf(b, ",\"number\":%u,", e->number);
		key(b, "label", e->field ? flow_tr(e->field->label) : NULL);
		strbuf_addc(b, ',');
		key(b, "proves",
		    e->field && e->field->evidence.proves ? flow_tr(e->field->evidence.proves)
							  : NULL);
		strbuf_addc(b, ',');
		key(b, "original", e->row->path);
		strbuf_addc(b, ',');
		key(b, "mime", e->row->mime);
		strbuf_addc(b, ',');
		key(b, "verdict", evidence_verdict_name(e->row->verdict));
		strbuf_addf(b, ",\"changed_since_check\":%s}",
			    j->copy[i] == EXPORT_CHANGED ? "true" : "false");
	}
	strbuf_add(b, "]");
}

/* The parts of the upload, where each goes and what the platform takes
 * there (none: the flow declares no packages, every upload is one part). */
static void packages(const struct flow *f, struct strbuf *b)
{
	strbuf_add(b, "\"packages\":[");
	for (size_t i = 0; i < f->npackages; i++) {
		const struct flow_package *p = &f->packages[i];
		strbuf_add(b, i ? ",\n  {" : "\n  {");
		key(b, "id", p->id);
		strbuf_addc(b, ',');
		key(b, "label", flow_tr(p->label));
		strbuf_addc(b, ',');
		key(b, "where", flow_tr(p->where));
		strbuf_addf(b, ",\"max_files\":%u,\"max_size\":%llu}", p->max_files,
			    (unsigned long long)p->max_size);
	}
	strbuf_add(b, "]");
}

static void deadlines(struct export_job *j, struct strbuf *b)
{
	strbuf_add(b, "\"deadlines\":[");
	size_t shown = 0;
	for (size_t i = 0; i < j->ndl; i++) {
		const struct deadline_due *d = &j->dl[i];
		if (d->state == DEADLINE_OFF)
			continue;
		strbuf_add(b, shown++ ? ",\n  {" : "\n  {");
		key(b, "id", d->def->id);
		strbuf_addc(b, ',');
		key(b, "label", flow_tr(d->def->label));
		strbuf_addc(b, ',');
		char due[11];
		if (d->state == DEADLINE_DUE) {
			deadline_format(d, due);
			key(b, "due", due);
			strbuf_addf(b, ",\"days_left\":%ld,\"uncertain\":%s,", d->days_left,
				    d->uncertain ? "true" : "false");
		} else {
			strbuf_add(b, "\"due\":null,\"days_left\":null,\"uncertain\":true,");
		}
		key(b, "note", d->def->note ? flow_tr(d->def->note) : NULL);
		strbuf_addc(b, '}');
	}
	strbuf_add(b, "]");
}

int export_write_json(struct export_job *j, struct ipw_error *err)
{
	char *lang = export_document_begin(j);
	const struct flow *f = session_flow(j->s);
	const struct case_row *c = session_case(j->s);
	char today[11];
	calendar_format_date(j->today, today);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_addf(&b, "{\"case\":{\"id\":%lld,", (long long)session_case_id(j->s));
	key(&b, "title", c ? c->title : NULL);
	strbuf_addc(&b, ',');
	key(&b, "lang", c ? c->lang : NULL);
	strbuf_add(&b, "},\n\"flow\":{");
	key(&b, "id", f->id);
	strbuf_addc(&b, ',');
	key(&b, "version", f->version);
	strbuf_addc(&b, ',');
	key(&b, "platform", f->platform);
	strbuf_addc(&b, ',');
	key(&b, "checked", f->checked);
	strbuf_addc(&b, ',');
	key(&b, "hash", f->hash);
	strbuf_add(&b, "},\n");
	key(&b, "exported", today);
	strbuf_add(&b, ",\n");
	documents(j, &b);
	strbuf_add(&b, ",\n");
	packages(f, &b);
	strbuf_add(&b, ",\n");
	uploads(j, &b);
	strbuf_add(&b, ",\n");
	deadlines(j, &b);
	strbuf_add(&b, ",\n\"forced\":[");
	for (size_t i = 0; i < j->ndoc_forced; i++) {
		if (i)
			strbuf_addc(&b, ',');
		escape_json(&b, j->doc_forced[i]);
	}
	strbuf_add(&b, "]}\n");
	i18n_document_end(lang);
	int rc = export_write_file(j, "manifest.json", b.s, b.len, err);
	strbuf_free(&b);
	return rc;
}
