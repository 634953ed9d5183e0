/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_thumb.c — small pictures of a file's pages for previews and
 * contact sheets. The page is decoded and scaled in the worker (hostile
 * bytes never reach a decoder in the wizard); only the small RGB picture
 * comes back. */
#include "config.h"

#include <stdlib.h>

#include "evidence_internal.h"

void evidence_thumb_free(struct evidence_thumb *t)
{
	free(t->rgb);
	t->rgb = NULL;
}
