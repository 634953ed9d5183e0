/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_words.c — what a MIME type is called in a seller's words, its
 * usual file extension, and what to do when the field wants another type. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "evidence_internal.h"

/* What the seller should do with a file of this kind. */
enum kind { K_DOCUMENT, K_IMAGE, K_OFFICE, K_PROGRAM, K_ARCHIVE, K_WEB, K_MEDIA, K_OTHER };

struct mime_word {
	const char *mime;
	const char *desc; /* N_(): "a PDF document" */
	const char *short_name;
	const char *ext;  /* the usual extension, first of exts */
	const char *exts; /* every extension that fits, space separated */
	enum kind kind;
};

#define OOXML "application/vnd.openxmlformats-officedocument."
static const struct mime_word words[] = {
    {"application/pdf", N_("a PDF document"), "PDF", "pdf", "pdf", K_DOCUMENT},
    {"image/jpeg", N_("a JPEG image"), "JPEG", "jpg", "jpg jpeg jpe jfif", K_IMAGE},
    {"image/png", N_("a PNG image"), "PNG", "png", "png", K_IMAGE},
    {"image/gif", N_("a GIF image"), "GIF", "gif", "gif", K_IMAGE},
    {"image/bmp", N_("a BMP image"), "BMP", "bmp", "bmp dib", K_IMAGE},
    {"image/x-ms-bmp", N_("a BMP image"), "BMP", "bmp", "bmp dib", K_IMAGE},
    {"image/webp", N_("a WebP image"), "WebP", "webp", "webp", K_IMAGE},
    {"image/tiff", N_("a TIFF image"), "TIFF", "tif", "tif tiff", K_IMAGE},
    {"image/heic", N_("a HEIC photo (iPhone format)"), "HEIC", "heic", "heic heif", K_IMAGE},
    {"image/heif", N_("a HEIF photo"), "HEIF", "heif", "heif heic", K_IMAGE},
    {"image/svg+xml", N_("an SVG drawing"), "SVG", "svg", "svg", K_IMAGE},
    {"application/msword", N_("a Word document"), "Word (.doc)", "doc", "doc", K_OFFICE},
    {OOXML "wordprocessingml.document", N_("a Word document"), "Word (.docx)", "docx", "docx",
     K_OFFICE},
    {"application/vnd.ms-excel", N_("an Excel spreadsheet"), "Excel (.xls)", "xls", "xls",
     K_OFFICE},
    {OOXML "spreadsheetml.sheet", N_("an Excel spreadsheet"), "Excel (.xlsx)", "xlsx", "xlsx",
     K_OFFICE},
    {"application/vnd.ms-powerpoint", N_("a PowerPoint presentation"), "PowerPoint (.ppt)", "ppt",
     "ppt", K_OFFICE},
    {OOXML "presentationml.presentation", N_("a PowerPoint presentation"), "PowerPoint (.pptx)",
     "pptx", "pptx", K_OFFICE},
    {"application/vnd.oasis.opendocument.text", N_("an OpenDocument text (LibreOffice)"), "ODT",
     "odt", "odt", K_OFFICE},
    {"application/vnd.oasis.opendocument.spreadsheet",
     N_("an OpenDocument spreadsheet (LibreOffice)"), "ODS", "ods", "ods", K_OFFICE},
    {"text/rtf", N_("an RTF text document"), "RTF", "rtf", "rtf", K_OFFICE},
    {"text/plain", N_("a plain text file"), "text", "txt", "txt text", K_OFFICE},
    {"text/csv", N_("a CSV table"), "CSV", "csv", "csv", K_OFFICE},
    {"text/html", N_("a web page (HTML)"), "HTML", "html", "html htm", K_WEB},
    {"application/xhtml+xml", N_("a web page (XHTML)"), "XHTML", "xhtml", "xhtml", K_WEB},
    {"message/rfc822", N_("a saved e-mail"), "e-mail", "eml", "eml", K_WEB},
    {"application/x-executable", N_("a program (executable)"), "program", "", "", K_PROGRAM},
    {"application/x-pie-executable", N_("a program (executable)"), "program", "", "", K_PROGRAM},
    {"application/x-sharedlib", N_("a program library (executable code)"), "library", "", "so",
     K_PROGRAM},
    {"application/x-dosexec", N_("a Windows program (executable)"), "program", "exe", "exe dll",
     K_PROGRAM},
    {"application/x-mach-binary", N_("a macOS program (executable)"), "program", "", "", K_PROGRAM},
    {"text/x-shellscript", N_("a shell script (a program)"), "script", "sh", "sh", K_PROGRAM},
    {"application/javascript", N_("a JavaScript program"), "script", "js", "js", K_PROGRAM},
    {"application/zip", N_("a ZIP archive"), "ZIP", "zip", "zip", K_ARCHIVE},
    {"application/x-rar", N_("a RAR archive"), "RAR", "rar", "rar", K_ARCHIVE},
    {"application/vnd.rar", N_("a RAR archive"), "RAR", "rar", "rar", K_ARCHIVE},
    {"application/x-7z-compressed", N_("a 7-Zip archive"), "7z", "7z", "7z", K_ARCHIVE},
    {"application/gzip", N_("a compressed (gzip) file"), "gzip", "gz", "gz tgz", K_ARCHIVE},
    {"application/x-tar", N_("a TAR archive"), "TAR", "tar", "tar", K_ARCHIVE},
    {"application/octet-stream", N_("binary data of an unknown kind"), "binary data", "", "",
     K_OTHER},
    {"inode/x-empty", N_("an empty file"), "empty", "", "", K_OTHER},
};

static const struct mime_word *lookup(const char *mime)
{
	for (size_t i = 0; mime && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].mime, mime) == 0)
			return &words[i];
	return NULL;
}

const char *evidence_mime_description(const char *mime)
{
	const struct mime_word *w = lookup(mime);
	if (w)
		return _(w->desc);
	if (!mime || !*mime)
		return _("a file of an unknown kind");
	if (strncmp(mime, "video/", 6) == 0)
		return _("a video");
	if (strncmp(mime, "audio/", 6) == 0)
		return _("a sound recording");
	if (strncmp(mime, "image/", 6) == 0)
		return _("an image in a format the platform does not take");
	if (strncmp(mime, "text/", 5) == 0)
		return _("a text file");
	if (strncmp(mime, "font/", 5) == 0)
		return _("a font");
	return _("a file of an unknown kind");
}

const char *evidence_mime_short(const char *mime)
{
	const struct mime_word *w = lookup(mime);
	return w ? w->short_name : mime;
}

const char *evidence_mime_ext(const char *mime)
{
	const struct mime_word *w = lookup(mime);
	return w ? w->ext : "";
}

bool evidence_ext_fits(const char *name, const char *mime)
{
	const struct mime_word *w = lookup(mime);
	if (!w || !*w->exts)
		return true; /* nothing to compare with */
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');
	if (!dot || !dot[1])
		return false;
	size_t len = strlen(dot + 1);
	for (const char *p = w->exts; *p;) {
		size_t k = strcspn(p, " ");
		if (k == len && strncasecmp(p, dot + 1, k) == 0)
			return true;
		p += k;
		p += strspn(p, " ");
	}
	return false;
}

void evidence_format_size(uint64_t bytes, char *buf, size_t size)
{
	const double mb = 1024.0 * 1024.0;
	if (bytes < 1024)
		snprintf(buf, size, ngettext("%llu byte", "%llu bytes", (unsigned long)bytes),
			 (unsigned long long)bytes);
	else if (bytes < 1024 * 1024)
		snprintf(buf, size, _("%.0f KB"), (double)bytes / 1024.0);
	else if (bytes < 1024ull * 1024 * 1024)
		snprintf(buf, size, bytes % (1024 * 1024) ? _("%.1f MB") : _("%.0f MB"),
			 (double)bytes / mb);
	else
		snprintf(buf, size, _("%.1f GB"), (double)bytes / (mb * 1024.0));
}

void evidence_accepted_names(const struct evidence_req *req, char *buf, size_t size)
{
	buf[0] = '\0';
	size_t used = 0;
	for (size_t i = 0; i < req->naccept; i++) {
		const char *sep = i == 0 ? "" : i + 1 == req->naccept ? _(" or ") : ", ";
		int n = snprintf(buf + used, size - used, "%s%s", sep,
				 evidence_mime_short(req->accept[i]));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static bool accepts_kind(const struct evidence_req *req, enum kind k)
{
	for (size_t i = 0; i < req->naccept; i++) {
		const struct mime_word *w = lookup(req->accept[i]);
		if (w && w->kind == k)
			return true;
	}
	return false;
}

const char *evidence_fix_for(const char *mime, const struct evidence_req *req, char *buf,
			     size_t size)
{
	char names[256];
	evidence_accepted_names(req, names, sizeof(names));
	const struct mime_word *w = lookup(mime);
	enum kind k = w ? w->kind : K_OTHER;
	bool pdf = accepts_kind(req, K_DOCUMENT), image = accepts_kind(req, K_IMAGE);
	if (k == K_OFFICE && pdf)
		snprintf(buf, size, "%s",
			 _("Open it in Word, WPS or LibreOffice and save it as PDF (File → Save "
			   "As → PDF), then attach the PDF."));
	else if (k == K_PROGRAM)
		snprintf(buf, size,
			 _("Do not upload programs: get the real document (ask the sender for the "
			   "PDF or scan the paper) and attach that file (%s)."),
			 names);
	else if (k == K_ARCHIVE)
		snprintf(buf, size,
			 _("Unpack the archive and attach the documents inside it one by one "
			   "(%s)."),
			 names);
	else if (k == K_WEB && pdf)
		snprintf(buf, size, "%s",
			 _("This is a saved web page: open it in a browser and print it to PDF "
			   "(Print → Save as PDF), then attach the PDF."));
	else if ((k == K_IMAGE || k == K_WEB) && image)
		snprintf(buf, size,
			 _("Open the picture and save or export it as %s, then attach that "
			   "file."),
			 names);
	else
		snprintf(buf, size, _("Save or export the document as %s and attach that file."),
			 names);
	return buf;
}

/* Cut s (NUL-terminated in a buffer) back to a whole character. */
static void trim_partial_utf8(char *s)
{
	size_t n = strlen(s), bad;
	while (n > 0 && !utf8_valid(s, n, &bad) && bad + 4 >= n)
		s[--n] = '\0';
}

void evidence_set(struct evidence_result *res, enum evidence_verdict v, const char *key,
		  const char *fix, const char *fmt, ...)
{
	res->verdict = v;
	snprintf(res->key, sizeof(res->key), "%s", key);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(res->message, sizeof(res->message), fmt, ap);
	va_end(ap);
	snprintf(res->fix, sizeof(res->fix), "%s", fix ? fix : "");
	trim_partial_utf8(res->message);
	trim_partial_utf8(res->fix);
}

char *evidence_result_describe(const struct evidence_result *res)
{
	char size[32];
	evidence_format_size(res->size, size, sizeof(size));
	struct strbuf b;
	strbuf_init(&b);
	strbuf_addf(&b, "%s · %s", evidence_mime_description(res->mime), size);
	if (res->pages > 1) {
		strbuf_add(&b, " · ");
		strbuf_addf(&b, ngettext("%u page", "%u pages", res->pages), res->pages);
	}
	if (res->width && res->height)
		strbuf_addf(&b, " · %u × %u", res->width, res->height);
	return strbuf_detach(&b);
}

char *evidence_result_reads(const struct evidence_result *res)
{
	if (!res->nread)
		return NULL;
	struct strbuf b;
	strbuf_init(&b);
	for (unsigned i = 0; i < res->nread; i++)
		strbuf_addf(&b, "%s%s %s", i ? " · " : "", res->read_label[i],
			    evidence_read_state_name(res->read_state[i]));
	return strbuf_detach(&b);
}
