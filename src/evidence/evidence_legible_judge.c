/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_legible_judge.c — the measures of evidence_legible.c turned into
 * what a reviewer would say about a file's pages, against what its field
 * asks (`legible:` in the flow). Every finding is a warning: a measure can be
 * wrong about a page, the seller can look and acknowledge it; only a file
 * that cannot be opened is rejected (evidence_report.c).
 *
 * The limits below were set on the generated legibility set
 * (tests/fixtures/evidence/make-legible.c, measured values in
 * tests/evidence/legibility_is_judged.sh): a good scan measures sharpness
 * 0.8 and contrast 0.8, an out-of-focus one 0.3 and 0.4, pale toner 0.7 and
 * 0.25. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "evidence_look.h"
#include "expr/expr.h"
#include "flow/flow.h"

#define SHARP_MIN    0.50 /* below: out of focus or shaken */
#define CONTRAST_MIN 0.35 /* below: ink too pale against the paper */
#define A4_SHORT_IN  8.27 /* inches: a page without a resolution is taken as A4 */

void evidence_legible_req_of(const struct evidence_req *r, const struct expr_env *env,
			     struct evidence_legible_req *out)
{
	const struct evidence_legibility *l = &r->legible;
	/* Without answers every answer is missing: `seal: true` still holds, a
	 * condition on the answers does not. */
	const struct expr_env none = {0};
	*out = (struct evidence_legible_req){
	    .check = l->set,
	    .min_dpi = l->min_dpi,
	    .colour = l->colour,
	    .seal = l->set && l->seal && expr_true(l->seal, env ? env : &none),
	};
}

/* The page's resolution: the one it carries, else its short side over an
 * A4 page's width (a photo of a document is given the benefit of the doubt:
 * the document rarely fills the frame, so it is at most this). */
static double page_dpi(const struct evidence_look *l, unsigned short_side)
{
	if (l->dpi > 0)
		return l->dpi;
	return short_side ? short_side / A4_SHORT_IN : 0;
}

static void add(struct evidence_finding *out, size_t max, size_t *n, const char *key, unsigned page,
		const char *message, const char *fix)
{
	if (*n < max) {
		struct evidence_finding *f = &out[*n];
		memset(f, 0, sizeof(*f));
		snprintf(f->key, sizeof(f->key), "%s", key);
		f->verdict = EVIDENCE_WARN;
		f->page = page;
		snprintf(f->message, sizeof(f->message), "%s", message);
		snprintf(f->fix, sizeof(f->fix), "%s", fix);
	}
	(*n)++;
}

size_t evidence_legible_judge(const struct evidence_look *looks, size_t npages,
			      const struct evidence_legible_req *req, unsigned short_side,
			      struct evidence_finding *out, size_t max)
{
	size_t n = 0;
	if (!req->check)
		return 0;
	bool any_colour = false, any_seal = false, content = false;
	char msg[384];
	for (size_t i = 0; i < npages; i++) {
		const struct evidence_look *l = &looks[i];
		unsigned page = (unsigned)i + 1;
		if (!l->measured)
			continue;
		any_colour |= l->colour;
		any_seal |= l->red_seal;
		if (l->blank) {
			snprintf(msg, sizeof(msg), _("Page %u is blank: nothing is on it."), page);
			add(out, max, &n, "blank-page", page, msg,
			    _("Scan the page again with the document face down, or remove the "
			      "empty page."));
			continue;
		}
		content = true;
		double dpi = page_dpi(l, short_side);
		if (req->min_dpi && dpi > 0 && dpi + 0.5 < req->min_dpi) {
			snprintf(msg, sizeof(msg),
				 _("Page %u is about %.0f dpi: small print will not be readable "
				   "(a reviewer needs %u dpi)."),
				 page, dpi, req->min_dpi);
			char fix[384];
			snprintf(fix, sizeof(fix),
				 _("Scan it again at %u dpi or more, or take the photo closer so "
				   "the document fills the picture."),
				 req->min_dpi);
			add(out, max, &n, "low-resolution", page, msg, fix);
		}
		if (l->sharpness < SHARP_MIN) {
			snprintf(msg, sizeof(msg), _("Page %u is blurred: the text is not sharp."),
				 page);
			add(out, max, &n, "blurred", page, msg,
			    _("Scan it again, or take the photo again holding still, in good "
			      "light, with the text in focus."));
		} else if (l->contrast < CONTRAST_MIN) {
			snprintf(msg, sizeof(msg),
				 _("Page %u is faint: the text is too pale against the paper."),
				 page);
			add(out, max, &n, "faint", page, msg,
			    _("Scan the original again with more contrast, or ask for a better "
			      "printed copy."));
		}
		if (l->rotation == 90 || l->rotation == 180 || l->rotation == 270 || l->sideways) {
			if (l->rotation == 180)
				snprintf(msg, sizeof(msg), _("Page %u is upside down."), page);
			else
				snprintf(msg, sizeof(msg), _("Page %u is on its side."), page);
			add(out, max, &n, "rotated", page, msg,
			    _("Turn the page upright before you upload it: reviewers do not turn "
			      "pages."));
		}
	}
	if (!content) /* nothing to judge a copy or a seal by */
		return n;
	if (req->colour && !any_colour)
		add(out, max, &n, "grey-copy", 0,
		    _("This looks like a black-and-white or grey copy; the platform wants colour "
		      "copies of the originals."),
		    _("Scan or photograph the original in colour."));
	if (req->seal && !any_seal)
		add(out, max, &n, "no-seal", 0,
		    _("No red company seal (红色公章) was found on this document."),
		    _("Upload the copy that carries the red seal; if it is there, check that it is "
		      "in colour and not cut off."));
	return n;
}
