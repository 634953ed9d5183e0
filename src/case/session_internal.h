/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_internal.h — the session's insides, shared by session*.c only. */
#ifndef IPWIZ_SESSION_INTERNAL_H
#define IPWIZ_SESSION_INTERNAL_H

#include "answers.h"
#include "case_internal.h"
#include "session.h"

struct session {
	struct store *store;
	const struct flow *flow;
	struct flow *owned_flow; /* opened by case_open: freed with the session */
	int64_t case_id;
	struct case_row c;
	struct answers answers;
	struct evidence_row *evidence;
	size_t nevidence;
	size_t step;
	bool step_saved; /* step is stored as where this person is */
	struct expr_env env;
	int env_depth; /* conditions evaluated inside a lookup (session.c) */
};

const struct flow_field *session_signature_of(const struct session *s, const char *path);

/* session_affirm.c: the fingerprint of the answers decl covers now (NULL
 * when decl is not affirmed), and where it is kept. */
const char *session_fingerprint_value(const struct session *s, const struct flow_field *decl,
				      char buf[65]);
char *session_fingerprint_path(const struct flow_field *decl); /* caller frees */

/* session_seal.c: the seal of decl's affirmation as it stands (the user's
 * key made on the first one), NULL in *value when decl is not affirmed;
 * where it is kept; the key ready before anything is written; its place. */
int session_seal_value(struct session *s, const struct flow_field *decl, char **value,
		       struct ipw_error *err);
char *session_seal_path(const struct flow_field *decl); /* caller frees */
int session_seal_key_ready(struct ipw_error *err);
char *session_seal_key_path(void); /* caller frees; NULL without a home */

#endif
