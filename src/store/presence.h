/* SPDX-License-Identifier: GPL-3.0-or-later */
/* presence.h — who else has a case open, and doing what. A coach and a
 * merchant on one shared database see each other in the wizard's header
 * ("li — watching, step 3"): nobody is ever observed without it showing.
 * Each running wizard announces itself every few seconds; a row not renewed
 * for PRESENCE_STALE_SECONDS is somebody who left (or was killed). */
#ifndef IPWIZ_PRESENCE_H
#define IPWIZ_PRESENCE_H

#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "store.h"

/* Say (again) that this program is on case_id, in mode, at step/field. */
int presence_announce(struct store *st, int64_t case_id, enum presence_mode mode, const char *step,
		      const char *field, struct ipw_error *err);
/* Remove this program's row (on quit). */
int presence_leave(struct store *st, int64_t case_id, struct ipw_error *err);
/* Everybody else on case_id who announced in the last PRESENCE_STALE_SECONDS. */
int presence_list(struct store *st, int64_t case_id, struct presence_row **v, size_t *n,
		  struct ipw_error *err);

#endif
