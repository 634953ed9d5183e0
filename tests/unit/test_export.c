/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents rendered from a real case and the export package: golden text in
 * both languages, evidence copies re-verified against their recorded hash,
 * private modes, SHA256SUMS that sha256sum accepts, the zip, --force. */
#include "config.h"

#include <unzip.h>
#include <nettle/sha2.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "case/case_internal.h"
#include "case/session.h"
#include "render/export.h"
#include "render/render.h"
#include "store/store.h"

static const char flow_yaml[] =
    "id: export-test\n"
    "version: 1\n"
    "title: Export test flow\n"
    "description: Documents, deadlines and evidence for the export tests\n"
    "platform: Example.com\n"
    "checked: 2026-11\n"
    "languages: [en, zh_CN]\n"
    "review_language: en\n"
    "steps:\n"
    "  - id: context\n"
    "    title: The complaint\n"
    "    fields:\n"
    "      - {id: complaint_number, type: text, label: Complaint number, help: From the "
    "notice., required: true}\n"
    "      - {id: notice_date, type: date, label: Date received, help: From the notice., "
    "required: true}\n"
    "      - id: ip_type\n"
    "        type: choice\n"
    "        label: Right claimed\n"
    "        help: The complaint names it.\n"
    "        required: true\n"
    "        choices:\n"
    "          - {value: trademark, label: Trademark}\n"
    "          - {value: patent, label: Patent}\n"
    "      - {id: explanation, type: textarea, label: Explanation, help: Point by point., "
    "required: true}\n"
    "      - {id: seller, type: text, label: Your name, help: As on the account.}\n"
    "      - id: products\n"
    "        type: list\n"
    "        label: Listings\n"
    "        help: One per listing.\n"
    "        fields:\n"
    "          - {id: url, type: url, label: Listing URL, help: The address., required: "
    "true}\n"
    "      - id: invoice\n"
    "        type: evidence\n"
    "        label: Purchase invoice\n"
    "        help: Signed by both sides.\n"
    "        proves: You bought genuine goods\n"
    "        accept: [application/pdf]\n"
    "        max_size: 8MB\n"
    "      - id: photo\n"
    "        type: evidence\n"
    "        label: Product photos\n"
    "        help: Front and back.\n"
    "        proves: The listing shows the genuine product\n"
    "        accept: [image/png]\n"
    "        max_size: 8MB\n"
    "documents:\n"
    "  - id: statement\n"
    "    title: Counter-notice statement\n"
    "    form_field: Reason for appeal\n"
    "    purpose: paste\n"
    "    templates:\n"
    "      en: |\n"
    "        Complaint {{complaint_number}} of {{notice_date}} ({{ip_type}}, "
    "{{ip_type.value}}).\n"
    "        {{explanation}}\n"
    "        {{#each products}}{{index}}. {{url}}\n"
    "        {{/each}}Evidence:\n"
    "        {{#each evidence}}{{number}}. {{file}}: {{proves}}\n"
    "        {{/each}}Respond by {{deadline.first}}. {{seller}}\n"
    "      zh_CN: |\n"
    "        投诉 {{complaint_number}}（{{ip_type}}）。\n"
    "        {{explanation}}\n"
    "  - id: summary\n"
    "    title: Summary for you\n"
    "    purpose: keep\n"
    "    templates:\n"
    "      en: |\n"
    "        Case {{case.id}}: {{case.title}} on {{flow.title}}, today {{today}}.\n"
    "deadlines:\n"
    "  - id: first\n"
    "    label: Submit the counter-notice\n"
    "    from: notice_date\n"
    "    working_days: 3\n"
    "    calendar: cn\n"
    "    note: The countdown on the platform's page wins if it differs.\n"
    "  - id: restore\n"
    "    label: Listing restored at the latest\n"
    "    from: notice_date\n"
    "    calendar_days: 14\n";

/* Fault injection (linked with -Wl,--wrap=rename): the rename_fail_at-th
 * rename from now fails with EIO; 0 never. */
static int rename_fail_at;
int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to)
{
	if (rename_fail_at > 0 && --rename_fail_at == 0) {
		errno = EIO;
		return -1;
	}
	return __real_rename(from, to);
}

/* A tmpfs mounted for a test, unmounted by teardown even when it fails. */
static char mounted[128];

struct world {
	char dir[64];
	struct flow *flow;
	struct store *st;
	struct session *s;
	char invoice[128], photo[128];
};

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot read %s", path);
	char *buf = xcalloc(1, 1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Real sample files (tests/fixtures/evidence/make-samples.sh), made once:
 * export judges every file again, so a fake PNG would be refused. */
static char samples[64];

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot read %s", path);
	char *buf = xcalloc(1, 16 << 20);
	*len = fread(buf, 1, (16 << 20) - 1, f);
	fclose(f);
	return buf;
}

/* Put a copy of the sample `name` at path; its bytes in *len. */
static char *copy_sample(const char *name, const char *path, size_t *len)
{
	char *from = xasprintf("%s/%s", samples, name);
	char *bytes = read_file(from, len);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, *len, f), *len);
	fclose(f);
	free(from);
	return bytes;
}

static void sha256_of(const char *bytes, size_t len, char hex[65])
{
	struct sha256_ctx c;
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, len, (const uint8_t *)bytes);
	sha256_digest(&c, sizeof(d), d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* Record the sample `name`, copied to path, as checked and ok. */
static void attach(struct world *w, const char *field, const char *path, const char *name,
		   const char *ext, const char *mime)
{
	size_t len;
	char *bytes = copy_sample(name, path, &len);
	char hex[65];
	sha256_of(bytes, len, hex);
	free(bytes);
	struct evidence_row e = {0};
	e.field = (char *)field;
	e.path = (char *)path;
	e.size = (int64_t)len;
	e.sha256 = hex;
	e.mime = (char *)mime;
	e.verdict = EVIDENCE_OK;
	e.message_key = "ok";
	e.ext = (char *)ext;
	e.checked_at = 1795478400; /* 2026-11-24 */
	int64_t id;
	struct ipw_error err;
	assert_int_equal(store_evidence_add(w->st, session_case_id(w->s), &e, &id, &err), IPW_OK);
}

static void set(struct world *w, const char *path, const char *value)
{
	struct ipw_error err;
	struct answer_conflict c = {0};
	int r = session_set(w->s, path, value, SESSION_STRICT, &c, &err);
	if (r != IPW_OK)
		fail_msg("set %s: %s", path, err.msg);
}

static int setup(void **state)
{
	struct world *w = xcalloc(1, sizeof(*w));
	strcpy(w->dir, "/tmp/ipwiz-export.XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	struct ipw_diags diags = {0};
	w->flow = flow_load_buffer("export-test.yaml", flow_yaml, strlen(flow_yaml), &diags);
	if (!w->flow)
		fail_msg("flow: %d:%d: %s", diags.n ? diags.v[0].line : 0,
			 diags.n ? diags.v[0].column : 0, diags.n ? diags.v[0].msg : "?");
	ipw_diags_free(&diags);
	char *db = xasprintf("%s/cases.db", w->dir);
	struct ipw_error err;
	assert_int_equal(store_open(db, STORE_CREATE, &w->st, &err), IPW_OK);
	free(db);
	assert_int_equal(session_create(w->st, w->flow, "Shop \x1b[2Jone", "zh_CN", &w->s, &err),
			 IPW_OK);
	set(w, "complaint_number", "IPP-7");
	set(w, "notice_date", "2026-11-20");
	set(w, "ip_type", "patent");
	set(w, "explanation", "We bought them.\nFrom the owner.\x07");
	size_t idx;
	assert_int_equal(session_list_add(w->s, "products", &idx, &err), IPW_OK);
	set(w, "products.1.url", "https://shop.example/1");
	assert_int_equal(session_list_add(w->s, "products", &idx, &err), IPW_OK);
	set(w, "products.2.url", "https://shop.example/2");
	snprintf(w->invoice, sizeof(w->invoice), "%s/invoice scan.pdf", w->dir);
	snprintf(w->photo, sizeof(w->photo), "%s/front.png", w->dir);
	attach(w, "photo", w->photo, "scan.png", "png", "image/png");
	attach(w, "invoice", w->invoice, "invoice.pdf", "pdf", "application/pdf");
	assert_int_equal(session_reload_evidence(w->s, &err), IPW_OK);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	session_free(w->s);
	store_close(w->st);
	flow_free(w->flow);
	rename_fail_at = 0;
	if (mounted[0]) {
		umount2(mounted, MNT_DETACH);
		mounted[0] = '\0';
	}
	char *cmd = xasprintf("rm -rf '%s'", w->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(w);
	return 0;
}

static void documents_render_in_each_language(void **state)
{
	struct world *w = *state;
	struct ipw_error err;
	char *text;
	assert_int_equal(render_document(w->s, &w->flow->documents[0], "en", DOC_TEXT, &text, &err),
			 IPW_OK);
	assert_string_equal(text, "Complaint IPP-7 of 2026-11-20 (Patent, patent).\n"
				  "We bought them.\nFrom the owner.\n"
				  "1. https://shop.example/1\n2. https://shop.example/2\n"
				  "Evidence:\n"
				  "1. 01-you-bought-genuine-goods.pdf: You bought genuine goods\n"
				  "2. 02-the-listing-shows-the-genuine-product.png: The listing "
				  "shows the genuine product\n"
				  "Respond by 2026-11-25. \n");
	free(text);
	assert_int_equal(
	    render_document(w->s, &w->flow->documents[0], "zh_CN", DOC_TEXT, &text, &err), IPW_OK);
	assert_string_equal(text, "投诉 IPP-7（专利）。\nWe bought them.\nFrom the owner.\n");
	free(text);
	/* Indonesian has no template here: English is used. */
	assert_int_equal(render_document(w->s, &w->flow->documents[1], "id", DOC_TEXT, &text, &err),
			 IPW_OK);
	char expected[128];
	snprintf(expected, sizeof(expected),
		 "Case %lld: Shop [2Jone on Export test flow, today 2026-11-24.\n",
		 (long long)session_case_id(w->s));
	assert_string_equal(text, expected);
	free(text);
	const char *langs[2];
	/* The reviewers read English: their copy, the one to paste, comes first. */
	assert_int_equal(render_languages(w->s, langs), 2);
	assert_string_equal(langs[0], "en");
	assert_string_equal(langs[1], "zh_CN");
}

static void mode_of(const char *path, mode_t expected)
{
	struct stat st;
	if (stat(path, &st) != 0)
		fail_msg("missing: %s", path);
	if ((st.st_mode & 07777) != expected)
		fail_msg("%s: mode %o, expected %o", path, st.st_mode & 07777, expected);
}

static void package_has_everything_private(void **state)
{
	struct world *w = *state;
	char *out = xasprintf("%s/package", w->dir);
	struct export_options opt = {.out_dir = out, .zip = true};
	struct export_result res;
	struct ipw_error err;
	int r = export_case(w->s, &opt, &res, &err);
	if (r != IPW_OK)
		fail_msg("export: %s", err.msg);
	assert_int_equal(res.nevidence, 2);
	assert_int_equal(res.ndocuments, 3); /* statement zh_CN + en, summary en */
	assert_int_equal(res.nforced, 0);
	mode_of(out, 0700);
	static const char *const files[] = {
	    "01-you-bought-genuine-goods.pdf",
	    "02-the-listing-shows-the-genuine-product.png",
	    "statement.zh_CN.txt",
	    "statement.en.txt",
	    "statement.en.html",
	    "summary.en.txt",
	    "manifest.txt",
	    "manifest.json",
	    "deadlines.ics",
	    "SHA256SUMS",
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *p = xasprintf("%s/%s", out, files[i]);
		mode_of(p, 0600);
		free(p);
	}
	mode_of(res.zip, 0600);
	char *p = xasprintf("%s/01-you-bought-genuine-goods.pdf", out);
	size_t nc, ns;
	char *copy = read_file(p, &nc);
	char *orig = read_file(w->invoice, &ns);
	assert_int_equal(nc, ns);
	assert_memory_equal(copy, orig, ns);
	free(copy);
	free(orig);
	free(p);
	/* sha256sum itself accepts the sums. */
	char *cmd = xasprintf("cd '%s' && sha256sum --quiet -c SHA256SUMS", out);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	/* The manifest: what to paste where, uploads in order, deadlines. */
	p = xasprintf("%s/manifest.txt", out);
	char *m = read_text(p);
	free(p);
	const char *want[] = {"“Reason for appeal”", "statement.zh_CN.txt", "statement.en.txt",
			      " 1. 01-you-bought-genuine-goods.pdf",
			      " 2. 02-the-listing-shows-the-genuine-product.png",
			      "invoice scan.pdf",
			      /* the package of a zh_CN case speaks Chinese (the
			       * build tree's catalogues), with full-width brackets */
			      "2026-11-25（还剩 1 天）", "2026-12-04（还剩 10 天）",
			      "2026-11-20 之后 3 个工作日", "倒计时", "sha256sum -c"};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!strstr(m, want[i]))
			fail_msg("manifest lacks %s:\n%s", want[i], m);
	assert_null(strchr(m, '\x1b'));
	free(m);
	p = xasprintf("%s/deadlines.ics", out);
	char *ics = read_text(p);
	free(p);
	assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20261125\r\n"));
	assert_non_null(strstr(ics, "SUMMARY:Submit the counter-notice\r\n"));
	assert_non_null(strstr(ics, "page wins if it differs."));
	free(ics);
	/* The zip holds the same files under the folder's name, each whole
	 * (its CRC checked as it is read), with a UTF-8 name and mode 0600. */
	unzFile z = unzOpen64(res.zip);
	assert_non_null(z);
	size_t entries = 0;
	bool saw_sums = false;
	for (int at = unzGoToFirstFile(z); at == UNZ_OK; at = unzGoToNextFile(z)) {
		char name[256];
		unz_file_info64 info;
		assert_int_equal(
		    unzGetCurrentFileInfo64(z, &info, name, sizeof(name), NULL, 0, NULL, 0),
		    UNZ_OK);
		entries++;
		assert_int_equal(strncmp(name, "package/", 8), 0);
		assert_true(info.flag & 0x800);
		assert_int_equal((info.external_fa >> 16) & 0777, 0600);
		saw_sums = saw_sums || strcmp(name, "package/SHA256SUMS") == 0;
		assert_int_equal(unzOpenCurrentFile(z), UNZ_OK);
		char buf[4096];
		while (unzReadCurrentFile(z, buf, sizeof(buf)) > 0)
			;
		assert_int_equal(unzCloseCurrentFile(z), UNZ_OK);
	}
	unzClose(z);
	assert_int_equal(entries, 12);
	assert_true(saw_sums);
	/* Exporting again into the same place needs --force. */
	struct export_result again;
	assert_int_equal(export_case(w->s, &opt, &again, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "--force"));
	export_result_clear(&res);
	free(out);
}

static bool stage_left_behind(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | grep -q '^.ipwiz-export'", dir);
	bool found = system(cmd) == 0;
	free(cmd);
	return found;
}

static void changed_evidence_is_refused_unless_forced(void **state)
{
	struct world *w = *state;
	FILE *ed = fopen(w->invoice, "ab");
	assert_non_null(ed);
	fputs("% edited\n", ed);
	fclose(ed);
	char *out = xasprintf("%s/refused", w->dir);
	struct export_options opt = {.out_dir = out};
	struct export_result res;
	struct ipw_error err;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "invoice scan.pdf"));
	assert_non_null(strstr(err.msg, "changed since it was checked"));
	struct stat st;
	assert_int_not_equal(stat(out, &st), 0);
	assert_false(stage_left_behind(w->dir));
	/* Gone altogether. */
	unlink(w->photo);
	size_t len;
	free(copy_sample("invoice.pdf", w->invoice, &len));
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "front.png"));
	assert_false(stage_left_behind(w->dir));
	/* --force exports without it, and says so in the manifest and the audit. */
	opt.force = true;
	int r = export_case(w->s, &opt, &res, &err);
	if (r != IPW_OK)
		fail_msg("forced export: %s", err.msg);
	assert_int_equal(res.nevidence, 1);
	assert_int_equal(res.nforced, 1);
	char *p = xasprintf("%s/manifest.txt", out);
	char *m = read_text(p);
	assert_non_null(strstr(m, "--force"));
	assert_non_null(strstr(m, "front.png"));
	free(m);
	free(p);
	p = xasprintf("%s/02-the-listing-shows-the-genuine-product.png", out);
	assert_int_not_equal(stat(p, &st), 0);
	free(p);
	struct audit_row *au;
	size_t n;
	assert_int_equal(store_audit_list(w->st, session_case_id(w->s), &au, &n, &err), IPW_OK);
	bool forced = false;
	for (size_t i = 0; i < n; i++)
		forced = forced || (strcmp(au[i].what, "export --force") == 0 &&
				    strstr(au[i].new_value, "front.png"));
	assert_true(forced);
	audit_rows_free(au, n);
	export_result_clear(&res);
	free(out);
}

static void missing_answers_stop_the_export(void **state)
{
	struct world *w = *state;
	set(w, "explanation", NULL);
	char *out = xasprintf("%s/early", w->dir);
	struct export_options opt = {.out_dir = out};
	struct export_result res;
	struct ipw_error err;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "Explanation"));
	assert_non_null(strstr(err.msg, "--force"));
	free(out);
}

static void passed_deadlines_stop_the_export(void **state)
{
	struct world *w = *state;
	/* 3 working days and 14 days after 1 October have both passed by 24 November. */
	set(w, "notice_date", "2026-10-01");
	char *out = xasprintf("%s/late", w->dir);
	struct export_options opt = {.out_dir = out};
	struct export_result res;
	struct ipw_error err;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "deadline has passed"));
	assert_non_null(strstr(err.msg, "Listing restored at the latest, 2026-10-15 (passed"));
	opt.force = true;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_OK);
	assert_int_equal(res.nforced, 1);
	assert_non_null(strstr(res.forced[0], "Deadline passed"));
	export_result_clear(&res);
	/* One deadline still open is enough. */
	set(w, "notice_date", "2026-11-13");
	opt.force = false;
	free(out);
	out = xasprintf("%s/in-time", w->dir);
	opt.out_dir = out;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_OK);
	export_result_clear(&res);
	free(out);
}

static const char names_yaml[] =
    "id: names-test\n"
    "version: 1\n"
    "title: File names\n"
    "description: What the copies of evidence are called\n"
    "platform: Example.com\n"
    "checked: 2026-11\n"
    "languages: [en]\n"
    "steps:\n"
    "  - id: files\n"
    "    title: Files\n"
    "    fields:\n"
    "      - {id: licence, type: evidence, label: Licence, help: Signed., accept: "
    "[application/pdf], proves: \"The supplier's authorisation from the owner or an agent of "
    "the brand\"}\n"
    "      - {id: design_doc, type: evidence, label: Design, help: Drawings., accept: "
    "[application/pdf], proves: \"设计图纸\"}\n"
    "      - {id: shot, type: evidence, label: Screenshot, help: The page., accept: "
    "[image/png], proves: \"Listing (front/back) as shown\"}\n"
    "      - {id: bought, type: evidence, label: Invoice, help: Signed., accept: "
    "[application/pdf], proves: \"Genuine goods bought from the owner or an authorised "
    "distributor\", file_name: purchase-invoice}\n"
    "      - {id: orders, type: textarea, label: Orders, help: One a line.}\n"
    "documents:\n"
    "  - id: list\n"
    "    title: Lists\n"
    "    templates:\n"
    "      en: |\n"
    "        - Orders: {{orders}}\n"
    "        - Orders, one a line:\n"
    "          {{orders}}\n"
    "        12. {{orders}}\n"
    "        Orders: {{orders}}\n"
    "        {{orders}}\n"
    "        End.\n";

/* Copies are called NN-NAME.ext, a name short and exact: the flow's
 * file_name; else what the evidence proves, in the flow's words, ASCII,
 * when it fits whole in 40 characters; else the field id (never a cut
 * sentence, whose end may have said the opposite). */
static void copies_are_named_short_and_exact(void **state)
{
	struct world *w = *state;
	struct ipw_diags diags = {0};
	struct flow *f =
	    flow_load_buffer("names-test.yaml", names_yaml, strlen(names_yaml), &diags);
	if (!f)
		fail_msg("flow: %d:%d: %s", diags.n ? diags.v[0].line : 0,
			 diags.n ? diags.v[0].column : 0, diags.n ? diags.v[0].msg : "?");
	ipw_diags_free(&diags);
	struct ipw_error err;
	struct session *s = NULL;
	assert_int_equal(session_create(w->st, f, "Names", "en", &s, &err), IPW_OK);
	session_free(w->s);
	w->s = s;
	char *p1 = xasprintf("%s/l.pdf", w->dir), *p2 = xasprintf("%s/d.pdf", w->dir),
	     *p3 = xasprintf("%s/s.png", w->dir), *p4 = xasprintf("%s/b.pdf", w->dir);
	attach(w, "licence", p1, "invoice.pdf", "pdf", "application/pdf");
	attach(w, "design_doc", p2, "invoice.pdf", "pdf", "application/pdf");
	attach(w, "shot", p3, "scan.png", "png", "image/png");
	attach(w, "bought", p4, "invoice.pdf", "pdf", "application/pdf");
	assert_int_equal(session_reload_evidence(s, &err), IPW_OK);
	size_t n;
	struct render_evidence *v = render_evidence_list(s, &n);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].name, "01-licence.pdf");
	assert_string_equal(v[1].name, "02-design-doc.pdf");
	assert_string_equal(v[2].name, "03-listing-front-back-as-shown.png");
	assert_string_equal(v[3].name, "04-purchase-invoice.pdf");
	render_evidence_free(v, n);
	free(p1);
	free(p2);
	free(p3);
	free(p4);
	session_free(w->s);
	w->s = NULL;
	flow_free(f);
}

/* A file_name that is not short, lower-case ASCII is refused at load. */
static void a_bad_file_name_is_refused(void **state)
{
	(void)state;
	const char *bad[] = {"Invoice",	 "-invoice",
			     "invoice-", "in voice",
			     "发票",	 "a-name-that-is-far-too-long-for-an-upload-form"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *y = xasprintf("id: bad-name\nversion: 1\ntitle: Bad\nsteps:\n"
				    "  - id: s\n    title: S\n    fields:\n"
				    "      - {id: e, type: evidence, label: E, help: H., accept: "
				    "[application/pdf], proves: P, file_name: \"%s\"}\n",
				    bad[i]);
		struct ipw_diags diags = {0};
		struct flow *f = flow_load_buffer("bad.yaml", y, strlen(y), &diags);
		if (f)
			fail_msg("file_name “%s” was accepted", bad[i]);
		assert_true(diags.n >= 1);
		assert_non_null(strstr(diags.v[0].msg, "file_name"));
		ipw_diags_free(&diags);
		free(y);
	}
}

/* A multi-line answer stays in the item it starts in: its further lines
 * take the indentation of the line's text, its trailing breaks go. */
static void multi_line_answers_stay_in_their_item(void **state)
{
	struct world *w = *state;
	struct ipw_diags diags = {0};
	struct flow *f =
	    flow_load_buffer("names-test.yaml", names_yaml, strlen(names_yaml), &diags);
	assert_non_null(f);
	ipw_diags_free(&diags);
	struct ipw_error err;
	struct session *s = NULL;
	assert_int_equal(session_create(w->st, f, "Lists", "en", &s, &err), IPW_OK);
	session_free(w->s);
	w->s = s;
	set(w, "orders", "1001\n1002\n\n1003\n\n");
	char *text;
	assert_int_equal(render_document(s, &f->documents[0], "en", DOC_TEXT, &text, &err), IPW_OK);
	assert_string_equal(text, "- Orders: 1001\n  1002\n\n  1003\n"
				  "- Orders, one a line:\n  1001\n  1002\n\n  1003\n"
				  "12. 1001\n    1002\n\n    1003\n"
				  "Orders: 1001\n1002\n\n1003\n"
				  "1001\n1002\n\n1003\n"
				  "End.\n");
	free(text);
	session_free(w->s);
	w->s = NULL;
	flow_free(f);
}

/* One re-verification for check, the submission screen and export: a
 * file recorded as fine that the flow's rules refuse now (here a PNG in a
 * PDF-only field) is judged again and never exported, not even forced. */
static void a_file_the_rules_refuse_now_is_not_exported(void **state)
{
	struct world *w = *state;
	char *png = xasprintf("%s/not-an-invoice.png", w->dir);
	attach(w, "invoice", png, "scan.png", "png", "image/png");
	struct ipw_error err;
	assert_int_equal(session_reload_evidence(w->s, &err), IPW_OK);
	const struct evidence_row *row = evidence_case_find(w->s, "invoice", png);
	assert_non_null(row);
	struct evidence_result now;
	enum evidence_recheck r = evidence_case_recheck(w->s, row, &now);
	assert_int_equal(r, RECHECK_JUDGED);
	assert_true(evidence_recheck_blocks(r, &now));
	char *out = xasprintf("%s/refused-now", w->dir);
	struct export_options opt = {.out_dir = out, .force = true};
	struct export_result res;
	assert_int_equal(export_case(w->s, &opt, &res, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "no longer passes the check"));
	assert_non_null(strstr(err.msg, "not-an-invoice.png"));
	struct stat st;
	assert_int_not_equal(stat(out, &st), 0);
	/* The untouched files pass the same routine. */
	row = evidence_case_find(w->s, "invoice", w->invoice);
	assert_int_equal(evidence_case_recheck(w->s, row, &now), RECHECK_SAME);
	free(out);
	free(png);
}

/* Every file of dir (hidden ones too) with its hash, and every folder. */
static char *snapshot(const char *dir)
{
	char *cmd = xasprintf("cd '%s' && find . | LC_ALL=C sort | while read -r f; do "
			      "if [ -f \"$f\" ]; then sha256sum \"$f\"; else echo \"$f\"; fi; done",
			      dir);
	FILE *p = popen(cmd, "r");
	free(cmd);
	assert_non_null(p);
	char *buf = xcalloc(1, 1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, p);
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	return buf;
}

static void export_forced(struct world *w, const char *out)
{
	struct export_options opt = {.out_dir = out, .force = true};
	struct export_result res;
	struct ipw_error err;
	if (export_case(w->s, &opt, &res, &err) != IPW_OK)
		fail_msg("export --force into %s: %s", out, err.msg);
	export_result_clear(&res);
	char *cmd = xasprintf("cd '%s' && sha256sum --quiet -c SHA256SUMS", out);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* A USB stick is a mount point: the package is staged inside it, for a
 * rename never crosses file systems. Needs root to mount a tmpfs. */
static void force_onto_a_mount_point(void **state)
{
	struct world *w = *state;
	snprintf(mounted, sizeof(mounted), "%s/usb", w->dir);
	assert_int_equal(mkdir(mounted, 0700), 0);
	if (mount("tmpfs", mounted, "tmpfs", 0, "size=4m,mode=0700") != 0) {
		mounted[0] = '\0';
		skip();
	}
	export_forced(w, mounted);
	set(w, "seller", "Li Wei");
	export_forced(w, mounted);
	char *p = xasprintf("%s/statement.en.txt", mounted);
	char *text = read_text(p);
	assert_non_null(strstr(text, "Li Wei"));
	free(text);
	free(p);
}

/* Over an earlier package, a rename failing at any point leaves the earlier
 * package exactly as it was, says what failed (not "free space"), and
 * leaves no staging folder behind. */
static void failed_rename_puts_the_earlier_package_back(void **state)
{
	struct world *w = *state;
	char *out = xasprintf("%s/package", w->dir);
	export_forced(w, out);
	set(w, "seller", "Li Wei");
	char *before = snapshot(out);
	struct export_options opt = {.out_dir = out, .force = true};
	struct export_result res;
	struct ipw_error err;
	int r = IPW_EENV, n;
	for (n = 1; r != IPW_OK && n < 100; n++) {
		rename_fail_at = n;
		r = export_case(w->s, &opt, &res, &err);
		if (r == IPW_OK)
			break;
		assert_int_equal(r, IPW_EENV);
		if (!strstr(err.msg, strerror(EIO)) || strstr(err.msg, "free space"))
			fail_msg("rename %d failed: %s", n, err.msg);
		char *after = snapshot(out);
		if (strcmp(before, after) != 0)
			fail_msg("rename %d failed and the package changed:\n%s\nwas:\n%s", n,
				 after, before);
		free(after);
	}
	assert_int_equal(r, IPW_OK);
	assert_true(n > 10); /* every file was moved aside, then each new one in */
	rename_fail_at = 0;
	export_result_clear(&res);
	char *after = snapshot(out);
	assert_string_not_equal(before, after);
	assert_null(strstr(after, ".ipwiz-export"));
	assert_null(strstr(after, ".ipwiz-previous"));
	free(after);
	free(before);
	free(out);
}

int main(void)
{
	setenv("IPWIZ_TODAY", "2026-11-24", 1);
	setenv("IPWIZ_DATADIR", SRCDATADIR, 1);
	snprintf(samples, sizeof(samples), "/tmp/ipwiz-samples.XXXXXX");
	if (!mkdtemp(samples))
		return 99;
	char *make =
	    xasprintf("sh '%s/tests/fixtures/evidence/make-samples.sh' '%s' >/dev/null 2>&1",
		      getenv("IPWIZ_SRCDIR") ? getenv("IPWIZ_SRCDIR") : "..", samples);
	if (system(make) != 0) {
		fprintf(stderr, "cannot make the sample files: %s\n", make);
		return 99;
	}
	free(make);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent", 1);
	i18n_init("en");
	/* The build tree's catalogues (made by `make`), never the installed
	 * ones: this program is not in the build tree's top folder, so it would
	 * read $(localedir), and what it renders would depend on whether an
	 * ipwiz is installed under the same prefix (a package build with the
	 * package installed). */
	bindtextdomain(PACKAGE, BUILDDIR "/locale");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(documents_render_in_each_language, setup, teardown),
	    cmocka_unit_test_setup_teardown(package_has_everything_private, setup, teardown),
	    cmocka_unit_test_setup_teardown(changed_evidence_is_refused_unless_forced, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(missing_answers_stop_the_export, setup, teardown),
	    cmocka_unit_test_setup_teardown(passed_deadlines_stop_the_export, setup, teardown),
	    cmocka_unit_test_setup_teardown(copies_are_named_short_and_exact, setup, teardown),
	    cmocka_unit_test(a_bad_file_name_is_refused),
	    cmocka_unit_test_setup_teardown(multi_line_answers_stay_in_their_item, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_file_the_rules_refuse_now_is_not_exported, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(force_onto_a_mount_point, setup, teardown),
	    cmocka_unit_test_setup_teardown(failed_rename_puts_the_earlier_package_back, setup,
					    teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	char *rm = xasprintf("rm -rf '%s'", samples);
	if (system(rm) != 0)
		fprintf(stderr, "could not remove %s\n", samples);
	free(rm);
	return failed;
}
