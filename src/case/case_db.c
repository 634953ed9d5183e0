/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case_db.c — the cases of a database for a front end: open the database a
 * person asked for, list and delete cases, open one with its flow. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "store/store.h"
#include "case_db.h"
#include "case_internal.h"
#include "session.h"

struct case_db {
	struct store *st;
	char *lang;		  /* --lang, or NULL */
	struct flow_cache *flows; /* case_walk's, or NULL */
};

int case_db_open(const struct case_options *o, unsigned flags, struct case_db **out,
		 struct ipw_error *err)
{
	*out = NULL;
	const char *path = o ? o->db_path : NULL;
	char *def = NULL;
	if (!path || !*path)
		path = getenv("IPWIZ_DB");
	if (!path || !*path) {
		path = def = store_default_path();
		if (!path)
			return ipw_error_set(err, IPW_EENV,
					     _("Cannot find a place for the database: set HOME or "
					       "XDG_DATA_HOME, or use --db PATH."));
	}
	unsigned sf = (flags & CASE_DB_CREATE ? STORE_CREATE : 0) |
		      (flags & CASE_DB_READONLY ? STORE_READONLY : 0);
	struct store *st = NULL;
	int r = store_open(path, sf, &st, err);
	free(def);
	if (r != IPW_OK)
		return r;
	struct case_db *db = xcalloc(1, sizeof(*db));
	db->st = st;
	db->lang = o && o->lang ? xstrdup(o->lang) : NULL;
	*out = db;
	return IPW_OK;
}

void case_db_close(struct case_db *db)
{
	if (!db)
		return;
	store_close(db->st);
	flow_cache_free(db->flows);
	free(db->lang);
	free(db);
}

int case_db_init_shared(const char *dir, const char *group, struct shared_setup *out,
			struct ipw_error *err)
{
	return store_init_shared(dir, group, out, err);
}

struct flow_cache **case_db_flows(struct case_db *db)
{
	return &db->flows;
}

struct store *case_db_store(const struct case_db *db)
{
	return db->st;
}

const char *case_db_path(const struct case_db *db)
{
	return store_path(db->st);
}

const char *case_db_actor(const struct case_db *db)
{
	return store_actor(db->st);
}

bool case_db_changed(struct case_db *db)
{
	return store_changed(db->st);
}

int case_db_list(struct case_db *db, int64_t after_id, size_t limit, struct case_row **v, size_t *n,
		 struct ipw_error *err)
{
	return store_case_page(db->st, after_id, limit, v, n, err);
}

int case_db_get(struct case_db *db, int64_t id, struct case_row *out, struct ipw_error *err)
{
	return store_case_get(db->st, id, out, err);
}

/* A case holds one seller's answers and signature: only its owner deletes
 * it, however many people share the database. A case with no recorded
 * owner has nobody to ask, so anyone who may write the database may. */
static int may_delete(struct case_db *db, int64_t id, struct case_row *c, struct ipw_error *err)
{
	int r = store_case_get(db->st, id, c, err);
	if (r != IPW_OK)
		return r;
	const char *me = store_actor(db->st);
	if (c->owner && *c->owner && me && strcmp(c->owner, me) != 0)
		return ipw_error_set(
		    err, IPW_EUSER,
		    _("Only the case owner (%s) can delete case #%lld; you are %s."), c->owner,
		    (long long)id, me);
	return IPW_OK;
}

/* "mei (editing), li (watching)": everybody else in case id now. */
static char *who_is_in(struct case_db *db, int64_t id)
{
	struct presence_row *v = NULL;
	size_t n = 0;
	struct ipw_error ignored = {0};
	if (presence_list(db->st, id, &v, &n, &ignored) != IPW_OK || n == 0)
		return NULL;
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const char *who = v[i].actor ? v[i].actor : "?";
		if (i)
			strbuf_add(&b, ", ");
		strbuf_addf(&b,
			    v[i].mode == PRESENCE_WATCHING ? _("%s (watching)") : _("%s (editing)"),
			    who);
	}
	presence_rows_free(v, n);
	return strbuf_detach(&b);
}

int case_db_delete_question(struct case_db *db, int64_t id, char **question, struct ipw_error *err)
{
	*question = NULL;
	struct case_row c = {0};
	int r = may_delete(db, id, &c, err);
	if (r == IPW_OK) {
		const char *title = c.title ? c.title : "";
		char *who = who_is_in(db, id);
		/* Who is in it comes first: a confirmation line may be cut. */
		*question = who ? xasprintf(_("Now in case #%lld “%s”: %s. Delete it with "
					      "everything typed in it? This cannot be undone."),
					    (long long)id, title, who)
				: xasprintf(_("Delete case #%lld “%s” with all its answers and "
					      "records? This cannot be undone."),
					    (long long)id, title);
		free(who);
	}
	case_row_clear(&c);
	return r;
}

int case_db_delete(struct case_db *db, int64_t id, struct ipw_error *err)
{
	struct case_row c = {0};
	int r = may_delete(db, id, &c, err);
	case_row_clear(&c);
	return r == IPW_OK ? store_case_delete(db->st, id, err) : r;
}

int case_db_audit(struct case_db *db, int64_t id, struct audit_row **v, size_t *n,
		  struct ipw_error *err)
{
	return store_audit_list(db->st, id, v, n, err);
}

int case_db_record_read(struct case_db *db, int64_t id, const char *how, struct ipw_error *err)
{
	struct case_row c = {0};
	int r = store_case_get(db->st, id, &c, err);
	if (r != IPW_OK)
		return r;
	const char *me = store_actor(db->st);
	bool mine = !c.owner || !*c.owner || (me && strcmp(c.owner, me) == 0);
	char *owner = xstrdup(c.owner ? c.owner : "");
	case_row_clear(&c);
	struct ipw_error why = {0};
	if (!mine && store_audit_add(db->st, id, "read", NULL, how, &why) != IPW_OK) {
		r = ipw_error_set(err, IPW_EENV,
				  _("Case #%lld is %s's. ipwiz records when someone else reads a "
				    "case so its owner knows, but this read could not be recorded "
				    "(%s), so %s will not see it."),
				  (long long)id, owner, why.msg, owner);
	}
	free(owner);
	return r;
}

int case_parse_id(const char *arg, int64_t *id, struct ipw_error *err)
{
	const char *p = arg[0] == '#' ? arg + 1 : arg;
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (!*p || *end || v <= 0 || errno == ERANGE)
		return ipw_error_set(err, IPW_EUSAGE,
				     _("“%s” is not a case number; `ipwiz list` shows them."), arg);
	*id = (int64_t)v;
	return IPW_OK;
}

/* The flow a stored case was made with. The seller typed nothing wrong when
 * it is gone (removed, or another data directory): the answers are safe,
 * and the sentence says how to reach them. */
static struct flow *case_flow(const struct case_row *c, struct ipw_error *err)
{
	struct flow *flow = catalog_load_installed(c->flow_id, err);
	if (!flow && err && err->status == IPW_EUSAGE)
		ipw_error_set(err, IPW_EENV,
			      _("Case #%lld was made with the flow “%s”, which is not installed "
				"in %s/flows. Reinstall ipwiz (or set IPWIZ_DATADIR to where the "
				"flow is) to work on it; its answers are kept, and `ipwiz history "
				"%lld` lists them."),
			      (long long)c->id, c->flow_id, install_data_dir(), (long long)c->id);
	return flow;
}

int case_open(struct case_db *db, int64_t id, struct session **out, struct ipw_error *err)
{
	*out = NULL;
	struct case_row c = {0};
	int r = store_case_get(db->st, id, &c, err);
	if (r != IPW_OK)
		return r;
	struct flow *flow = case_flow(&c, err);
	/* The messages stay in the user's language: only the case's documents
	 * speak its own (i18n_document_begin, in the renderer and export). */
	case_row_clear(&c);
	if (!flow)
		return err && err->status ? (int)err->status : IPW_EENV;
	r = session_open(db->st, flow, id, out, err);
	if (r != IPW_OK) {
		flow_free(flow);
		return r;
	}
	session_own_flow(*out, flow);
	return IPW_OK;
}

int case_create(struct case_db *db, const char *flow_id, const char *title, struct session **out,
		struct ipw_error *err)
{
	*out = NULL;
	struct flow *flow = catalog_load(flow_id, err);
	if (!flow)
		return err && err->status ? (int)err->status : IPW_EUSER;
	/* A case stores its flow's id, and a stored id is only ever looked up
	 * among the installed flows: a case made from a file elsewhere could
	 * never be opened, shown or exported again. The installed file itself
	 * (the same bytes) is fine. */
	if (strcmp(flow_id, flow->id) != 0) {
		struct ipw_error ierr = {0};
		struct flow *installed = catalog_load_installed(flow->id, &ierr);
		bool same = installed && strcmp(installed->hash, flow->hash) == 0;
		flow_free(installed);
		if (!same) {
			char *file = utf8_sanitize(flow_id), *id = utf8_sanitize(flow->id);
			int rc = ipw_error_set(
			    err, IPW_EUSER,
			    _("%s is a flow file, not an installed flow: a case made from it could "
			      "not be opened again. Copy it to %s/flows/%s.yaml and run `ipwiz new "
			      "%s`, or check it with `ipwiz lint %s`."),
			    file, install_data_dir(), id, id, file);
			free(file);
			free(id);
			flow_free(flow);
			return rc;
		}
	}
	int r = session_create(db->st, flow, title, db->lang, out, err);
	if (r != IPW_OK) {
		flow_free(flow);
		return r;
	}
	session_own_flow(*out, flow);
	return IPW_OK;
}

/* Statuses are stored in English and shown translated. */
static const char *const status_names[] = {N_("draft"), N_("ready"), N_("submitted"), N_("closed"),
					   N_("archived")};

const char *case_status_name(const char *status)
{
	for (size_t i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
		if (status && strcmp(status, status_names[i]) == 0)
			return _(status_names[i]);
	return status ? status : "";
}
