/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_report.c — the verdict on a file that was read, in the seller's
 * words: what the decoder found (evidence_decoded), as a viewer would show
 * it, then the warnings of a usable file (its name, its size, its pixels).
 *
 * Damage that loses content follows the flow's `structure` policy (reject
 * or warn); a PDF that needs a password and a picture refused by its size
 * are always rejected (nobody can look at them); damage every viewer
 * repairs and a PDF that only restricts editing are fine, with a note. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "evidence_internal.h"

static const char *fix_damaged(void)
{
	return _("Open the file yourself to see whether it shows; save it again from the program "
		 "that made it, or scan the paper again, and attach the new copy.");
}

static const char *fix_truncated(void)
{
	return _("The download or copy did not finish: get the document again (or save it again "
		 "from the program that made it) and attach the new copy.");
}

void evidence_report_flaw(const struct evidence_req *req, enum evidence_flaw flaw,
			  struct evidence_result *res)
{
	enum evidence_verdict v =
	    req->structure == EVIDENCE_POLICY_REJECT ? EVIDENCE_REJECT : EVIDENCE_WARN;
	const char *what = evidence_mime_description(res->mime);
	switch (flaw) {
	case EVIDENCE_FLAW_NONE:
		return;
	case EVIDENCE_FLAW_TRUNCATED:
		evidence_set(res, v, "truncated", fix_truncated(),
			     _("This file is %s, but its end is missing (it is cut short); "
			       "reviewers may not be able to open it."),
			     what);
		return;
	case EVIDENCE_FLAW_CORRUPT:
		evidence_set(res, v, "corrupt", fix_damaged(),
			     _("This file looks like %s, but its inside is damaged."), what);
		return;
	}
}

static bool report_pixels(const struct evidence_req *req, struct evidence_result *res)
{
	unsigned shortest = res->width < res->height ? res->width : res->height;
	if (!req->min_pixels || !res->width || !res->height || shortest >= req->min_pixels)
		return false;
	evidence_set(res, EVIDENCE_REJECT, "too-small-image",
		     _("Attach the original photo or scan (not a thumbnail, a preview or a "
		       "chat-app copy)."),
		     _("This image is only %u × %u pixels; reviewers need at least %u pixels "
		       "on its shorter side to read it."),
		     res->width, res->height, req->min_pixels);
	return true;
}

/* Why a usable file is fine, and what is worth knowing about it. */
static void report_fine(const char *note_key, const char *note, struct evidence_result *res)
{
	char have[32], what[256];
	evidence_format_size(res->size, have, sizeof(have));
	const char *desc = evidence_mime_description(res->mime);
	if (res->width && res->height)
		snprintf(what, sizeof(what), _("This is %s of %s (%u × %u pixels)."), desc, have,
			 res->width, res->height);
	else if (res->pages > 1)
		snprintf(what, sizeof(what),
			 ngettext("This is %s of %s, %u page.", "This is %s of %s, %u pages.",
				  res->pages),
			 desc, have, res->pages);
	else
		snprintf(what, sizeof(what), _("This is %s of %s."), desc, have);
	if (note)
		evidence_set(res, EVIDENCE_OK, note_key, "", "%s %s", what, note);
	else
		evidence_set(res, EVIDENCE_OK, "ok", "", "%s", what);
}

void evidence_report_usable(const char *path, const struct evidence_req *req, const char *note_key,
			    const char *note, struct evidence_result *res)
{
	char have[32], limit[32];
	if (report_pixels(req, res))
		return;
	evidence_format_size(res->size, have, sizeof(have));
	if (!evidence_ext_fits(path, res->mime)) {
		char fix[256];
		snprintf(fix, sizeof(fix),
			 _("Nothing to do here: the export names it correctly. If you upload it "
			   "yourself, rename it to end in .%s first."),
			 res->ext);
		evidence_set(res, EVIDENCE_WARN, "wrong-extension", fix,
			     _("This file is %s, but its name does not end in .%s; some upload "
			       "pages refuse it for that."),
			     evidence_mime_description(res->mime), res->ext);
	} else if (req->warn_size && res->size > req->warn_size) {
		evidence_format_size(req->warn_size, limit, sizeof(limit));
		evidence_set(res, EVIDENCE_WARN, "large",
			     _("If the upload fails, make it smaller: save the PDF again with a "
			       "smaller size, or resize the photo."),
			     _("This file is %s; upload pages often refuse files over %s."), have,
			     limit);
	} else {
		report_fine(note_key, note, res);
	}
}

/* Damage that loses content: the flow's policy decides reject or warn. */
static void report_lost(const struct evidence_req *req, const struct evidence_decoded *d,
			struct evidence_result *res)
{
	enum evidence_verdict v =
	    req->structure == EVIDENCE_POLICY_REJECT ? EVIDENCE_REJECT : EVIDENCE_WARN;
	bool pdf = strcmp(res->mime, "application/pdf") == 0;
	char fix[512];
	switch (d->damage) {
	case EVIDENCE_DAMAGE_LOST:
		if (pdf && d->bad_page) {
			snprintf(fix, sizeof(fix),
				 _("Open the PDF yourself and look at page %u; save it again from "
				   "the program that made it (or print it to a new PDF), or scan "
				   "the paper again, and attach the new copy."),
				 d->bad_page);
			evidence_set(res, v, "damaged", fix,
				     _("Page %u of this PDF cannot be shown: its content is "
				       "damaged, so viewers show it blank or only in part."),
				     d->bad_page);
		} else if (pdf) {
			evidence_set(res, v, "damaged", fix_damaged(),
				     _("This PDF is damaged throughout: viewers report errors in "
				       "it and may show its pages blank or only in part."));
		} else {
			evidence_set(res, v, "damaged",
				     _("Attach the original photo or scan (not a copy sent "
				       "through a chat app); if this is the only copy, take the "
				       "photo or scan the paper again."),
				     _("Part of this picture is missing or damaged: viewers show "
				       "it cut off, smeared or not at all."));
		}
		return;
	case EVIDENCE_DAMAGE_TRUNCATED:
		evidence_report_flaw(req, EVIDENCE_FLAW_TRUNCATED, res);
		return;
	case EVIDENCE_DAMAGE_UNREADABLE:
		evidence_set(res, v, "corrupt", fix_damaged(),
			     _("This file looks like %s, but viewers cannot open it: its inside "
			       "is damaged."),
			     evidence_mime_description(res->mime));
		return;
	case EVIDENCE_DAMAGE_UNSUPPORTED:
		evidence_set(res, v, "unsupported",
			     _("Open it in an image editor that reads it and save it again as an "
			       "ordinary JPEG or as PNG, then attach that file."),
			     _("This JPEG is stored in a rare form (such as 12-bit or lossless) "
			       "that most viewers and web browsers cannot show."));
		return;
	case EVIDENCE_DAMAGE_NONE:
	case EVIDENCE_DAMAGE_REPAIRED:
	case EVIDENCE_DAMAGE_PASSWORD:
	case EVIDENCE_DAMAGE_TOO_BIG:
	case EVIDENCE_DAMAGE_COUNT:
		return;
	}
}

void evidence_report_decoded(const char *path, const struct evidence_req *req,
			     const struct evidence_decoded *d, struct evidence_result *res)
{
	res->width = d->width;
	res->height = d->height;
	res->pages = d->pages;
	res->nlooks = d->nlooks;
	memcpy(res->looks, d->looks, sizeof(res->looks));
	if (d->key[0])
		snprintf(res->detail, sizeof(res->detail), "%s: %s", d->key, d->detail);
	switch (d->damage) {
	case EVIDENCE_DAMAGE_PASSWORD:
		evidence_set(res, EVIDENCE_REJECT, "encrypted",
			     _("Open it with its password and print it to a new PDF (Print → Save "
			       "as PDF), or save a copy without protection; attach the copy."),
			     _("This PDF opens only with a password; reviewers cannot open it."));
		return;
	case EVIDENCE_DAMAGE_TOO_BIG:
		if (d->width && d->height) {
			evidence_set(res, EVIDENCE_REJECT, "too-many-pixels",
				     _("Resize it (3000 to 5000 pixels on the long side is plenty "
				       "to read a document) and attach the smaller copy."),
				     _("This picture is %u × %u pixels; ipwiz does not open "
				       "pictures of more than %u million pixels, and many viewers "
				       "cannot either."),
				     d->width, d->height, EVIDENCE_MAX_PIXELS / 1000000);
		} else {
			evidence_set(res, EVIDENCE_REJECT, "too-many-pixels",
				     _("Save the PDF again with its pages at an ordinary paper "
				       "size (print it to a new PDF), and attach that copy."),
				     _("Page %u of this PDF is too large for viewers to show."),
				     d->bad_page ? d->bad_page : 1);
		}
		return;
	case EVIDENCE_DAMAGE_LOST:
	case EVIDENCE_DAMAGE_TRUNCATED:
	case EVIDENCE_DAMAGE_UNREADABLE:
	case EVIDENCE_DAMAGE_UNSUPPORTED:
		report_lost(req, d, res);
		return;
	case EVIDENCE_DAMAGE_NONE:
	case EVIDENCE_DAMAGE_REPAIRED:
	case EVIDENCE_DAMAGE_COUNT:
		break;
	}
	if (d->restrictions)
		evidence_report_usable(path, req, "protected",
				       _("It is protected against changes (editing, copying or "
					 "printing may be locked), but it opens without a "
					 "password: reviewers can read it and the platform takes "
					 "it."),
				       res);
	else if (d->damage == EVIDENCE_DAMAGE_REPAIRED)
		evidence_report_usable(path, req, "repaired",
				       _("It has small faults that every viewer repairs by itself; "
					 "nothing to do."),
				       res);
	else
		evidence_report_usable(path, req, NULL, NULL, res);
}

void evidence_report_late(struct evidence_result *res)
{
	char fix[512];
	unsigned n = evidence_check_seconds();
	snprintf(fix, sizeof(fix),
		 ngettext("Open the file yourself and see that every page shows. If it is a large "
			  "scan, save it again smaller (200–300 dpi) and check it again; "
			  "IPWIZ_CHECK_SECONDS gives the check more than %u second.",
			  "Open the file yourself and see that every page shows. If it is a large "
			  "scan, save it again smaller (200–300 dpi) and check it again; "
			  "IPWIZ_CHECK_SECONDS gives the check more than %u seconds.",
			  n),
		 n);
	evidence_set(res, EVIDENCE_WARN, "not-checked-in-time", fix,
		     ngettext("ipwiz could not finish checking this file within %u second, so it "
			      "is not known whether reviewers can open it.",
			      "ipwiz could not finish checking this file within %u seconds, so it "
			      "is not known whether reviewers can open it.",
			      n),
		     n);
}
