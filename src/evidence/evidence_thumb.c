/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_thumb.c — small pictures of a file's pages for previews and
 * contact sheets. The page is decoded and scaled in the worker (hostile
 * bytes never reach a decoder in the wizard); only the small RGB picture
 * comes back, checked (evidence_wire_parse_thumb). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evidence_internal.h"

void evidence_thumb_free(struct evidence_thumb *t)
{
	free(t->rgb);
	free(t->png);
	t->rgb = t->png = NULL;
	t->png_len = 0;
}

int evidence_thumb_page(const char *path, unsigned page, bool png, struct evidence_thumb *out,
			struct ipw_error *err)
{
	memset(out, 0, sizeof(*out));
	struct evidence_result *res = xcalloc(1, sizeof(*res));
	struct stat st;
	int fd = evidence_open(path, &st, res);
	if (fd < 0) {
		int r = ipw_error_set(err, IPW_EUSER, "%s", res->message);
		free(res);
		return r;
	}
	free(res);
	enum evidence_format format;
	enum evidence_worker_outcome o = evidence_format_of(fd, (uint64_t)st.st_size, &format, err);
	if (o == EVIDENCE_WORKER_DONE && format != EVIDENCE_FORMAT_NONE)
		o = evidence_worker_thumb(fd, format, page ? page : 1, png, out, err);
	close(fd);
	if (o == EVIDENCE_WORKER_BROKEN)
		return IPW_EENV;
	if (o != EVIDENCE_WORKER_DONE || !out->rgb) {
		evidence_thumb_free(out);
		return ipw_error_set(err, IPW_EUSER, "%s",
				     format == EVIDENCE_FORMAT_NONE
					 ? _("Only PDF, JPEG and PNG files can be shown here.")
					 : _("This page cannot be shown."));
	}
	return IPW_OK;
}
