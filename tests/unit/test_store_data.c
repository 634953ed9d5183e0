/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the case database holds: cases, answers written with compare-and-set,
 * evidence, notes, and an audit row for every change. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/store_read.h"
#include "store_fixture.h"

static int64_t put(struct store *st, int64_t id, const char *path, const char *value,
		   int64_t expected)
{
	struct ipw_error err = {0};
	int64_t rev = -1;
	int r = store_answer_put(st, id, path, value, false, expected, &rev, NULL, &err);
	if (r != IPW_OK)
		fail_msg("put %s: %s", path, err.msg);
	return rev;
}

static const struct answer_row *find(const struct answer_row *v, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].path, path) == 0)
			return &v[i];
	return NULL;
}

static void case_lifecycle_create_change_copy_delete(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct case_row c;
	assert_int_equal(store_case_get(fx->st, fx->case_id, &c, &err), IPW_OK);
	assert_string_equal(c.flow_id, "core-test");
	assert_string_equal(c.status, "draft");
	assert_string_equal(c.owner, store_actor(fx->st));
	assert_string_equal(c.lang, "en");
	assert_true(c.created > 0 && c.updated >= c.created);
	case_row_clear(&c);
	assert_int_equal(store_case_set_step(fx->st, fx->case_id, "evidence", &err), IPW_OK);
	assert_int_equal(store_case_set_status(fx->st, fx->case_id, "ready", &err), IPW_OK);
	assert_int_equal(store_case_set_title(fx->st, fx->case_id, "Shop #2", &err), IPW_OK);
	assert_int_equal(store_case_set_status(fx->st, fx->case_id, "lost", &err), IPW_EUSAGE);
	put(fx->st, fx->case_id, "name", "Li", 0);
	int64_t copy;
	assert_int_equal(store_case_duplicate(fx->st, fx->case_id, "Copy", &copy, &err), IPW_OK);
	assert_int_equal(store_case_get(fx->st, copy, &c, &err), IPW_OK);
	assert_string_equal(c.title, "Copy");
	assert_string_equal(c.status, "draft");
	assert_string_equal(c.current_step, "evidence");
	case_row_clear(&c);
	struct case_row *v;
	size_t n;
	assert_int_equal(store_case_page(fx->st, 0, 0, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].title, "Shop #2");
	assert_string_equal(v[0].current_step, "evidence");
	case_rows_free(v, n);
	assert_int_equal(store_case_delete(fx->st, fx->case_id, &err), IPW_OK);
	assert_int_equal(store_case_get(fx->st, fx->case_id, &c, &err), IPW_EUSAGE);
	assert_non_null(strstr(err.msg, "There is no case #1"));
	/* the copy kept its own answers */
	struct answer_row *a;
	assert_int_equal(store_answers_get(fx->st, copy, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].value, "Li");
	assert_int_equal(a[0].revision, 1);
	answer_rows_free(a, n);
}

static void answer_revisions_count_every_write_and_clear(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(put(fx->st, fx->case_id, "email", "li@shop.cn", 0), 1);
	assert_int_equal(put(fx->st, fx->case_id, "email", "li@shop.com", 1), 2);
	assert_int_equal(put(fx->st, fx->case_id, "email", NULL, 2), 3);
	int64_t rev;
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "pieces", "12", true, 0, &rev, NULL, &err),
	    IPW_OK);
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_answers_get(fx->st, fx->case_id, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 2);
	const struct answer_row *email = find(a, n, "email");
	assert_null(email->value); /* cleared, but its revision is what writers compare */
	assert_int_equal(email->revision, 3);
	assert_true(find(a, n, "pieces")->draft);
	assert_string_equal(find(a, n, "pieces")->actor, store_actor(fx->st));
	answer_rows_free(a, n);
	assert_int_equal(store_answer_put(fx->st, 999, "email", "x", false, 0, &rev, NULL, &err),
			 IPW_EUSAGE);
}

static void stale_write_gets_the_other_value_and_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct store *other = NULL;
	assert_int_equal(store_open(fx->db, 0, &other, &err), IPW_OK);
	assert_int_equal(put(other, fx->case_id, "complaint_number", "THEIRS-1", 0), 1);
	struct answer_conflict c = {0};
	int64_t rev = -1;
	assert_int_equal(store_answer_put(fx->st, fx->case_id, "complaint_number", "MINE-2", false,
					  0, &rev, &c, &err),
			 IPW_ECONFLICT);
	assert_int_equal(err.status, IPW_ECONFLICT);
	assert_non_null(strstr(err.msg, "nothing was overwritten"));
	assert_string_equal(c.value, "THEIRS-1");
	assert_string_equal(c.actor, store_actor(other));
	assert_int_equal(c.revision, 1);
	assert_true(c.when > 0);
	assert_int_equal(rev, -1);
	answer_conflict_clear(&c);
	/* they clear it: the conflict says so with no value */
	assert_int_equal(put(other, fx->case_id, "complaint_number", NULL, 1), 2);
	assert_int_equal(store_answer_put(fx->st, fx->case_id, "complaint_number", "MINE-2", false,
					  1, &rev, &c, &err),
			 IPW_ECONFLICT);
	assert_null(c.value);
	assert_int_equal(c.revision, 2);
	answer_conflict_clear(&c);
	/* having seen it, the write with their revision goes through */
	assert_int_equal(put(fx->st, fx->case_id, "complaint_number", "MINE-2", 2), 3);
	struct audit_row *au;
	size_t n;
	assert_int_equal(store_audit_list(fx->st, fx->case_id, &au, &n, &err), IPW_OK);
	size_t writes = 0;
	for (size_t i = 0; i < n; i++)
		writes += strcmp(au[i].what, "answer complaint_number") == 0;
	assert_int_equal(writes, 3); /* the refused writes left no trace */
	audit_rows_free(au, n);
	store_close(other);
}

static void unicode_and_control_characters_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	const char *values[] = {"商标注册证 第 12345678 号", "Toko Maju Jaya — “asli”",
				"emoji 🙂 and combining é", "two\nlines\twith tab",
				"' OR 1=1; DROP TABLE answers; --"};
	char path[48];
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		snprintf(path, sizeof(path), "products.%zu.url", i + 1);
		put(fx->st, fx->case_id, path, values[i], 0);
	}
	assert_int_equal(store_case_set_title(fx->st, fx->case_id, "申诉 — Ünïcödé", &err), IPW_OK);
	assert_int_equal(store_note_add(fx->st, fx->case_id, "-", "发票必须双方盖章", &err),
			 IPW_OK);
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_answers_get(fx->st, fx->case_id, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "products.%zu.url", i + 1);
		assert_string_equal(find(a, n, path)->value, values[i]);
	}
	answer_rows_free(a, n);
	struct case_row c;
	assert_int_equal(store_case_get(fx->st, fx->case_id, &c, &err), IPW_OK);
	assert_string_equal(c.title, "申诉 — Ünïcödé");
	case_row_clear(&c);
	struct note_row *nv;
	assert_int_equal(store_notes_list(fx->st, fx->case_id, &nv, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_string_equal(nv[0].text, "发票必须双方盖章");
	assert_string_equal(nv[0].field, "-");
	assert_string_equal(nv[0].author, store_actor(fx->st));
	note_rows_free(nv, n);
}

static void every_change_leaves_an_audit_row_with_who_and_where(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	setenv("SSH_CLIENT", "203.0.113.7 52044 22", 1);
	struct store *remote = NULL;
	assert_int_equal(store_open(fx->db, 0, &remote, &err), IPW_OK);
	unsetenv("SSH_CLIENT");
	assert_string_equal(store_actor_address(remote), "203.0.113.7");
	assert_null(store_actor_address(fx->st));
	put(remote, fx->case_id, "name", "Li", 0);
	put(remote, fx->case_id, "name", "Li Na", 1);
	assert_int_equal(store_case_set_status(remote, fx->case_id, "ready", &err), IPW_OK);
	assert_int_equal(store_case_set_status(remote, fx->case_id, "ready", &err), IPW_OK);
	assert_int_equal(
	    store_audit_add(remote, fx->case_id, "export --force", NULL, "/tmp/out", &err), IPW_OK);
	struct audit_row *au;
	size_t n;
	assert_int_equal(store_audit_list(fx->st, fx->case_id, &au, &n, &err), IPW_OK);
	assert_int_equal(
	    n, 5); /* created, two answers, one status (the same again is no change), export */
	assert_string_equal(au[0].what, "case created");
	assert_null(au[0].address);
	assert_string_equal(au[2].what, "answer name");
	assert_string_equal(au[2].old_value, "Li");
	assert_string_equal(au[2].new_value, "Li Na");
	assert_string_equal(au[2].address, "203.0.113.7");
	assert_string_equal(au[3].what, "status");
	assert_string_equal(au[3].old_value, "draft");
	assert_string_equal(au[4].what, "export --force");
	assert_true(au[4].when > 0);
	audit_rows_free(au, n);
	/* the trail outlives the case */
	assert_int_equal(store_case_delete(fx->st, fx->case_id, &err), IPW_OK);
	assert_int_equal(store_audit_list(fx->st, fx->case_id, &au, &n, &err), IPW_OK);
	assert_int_equal(n, 6);
	assert_string_equal(au[5].what, "case deleted");
	audit_rows_free(au, n);
	store_close(remote);
}

static void evidence_keeps_upload_order_and_verdicts(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct evidence_row e = {.field = "invoice",
				 .path = "/srv/发票.pdf",
				 .size = 4096,
				 .mtime = 1764000000,
				 .sha256 = "ab",
				 .mime = "application/pdf",
				 .verdict = EVIDENCE_OK,
				 .message = "fine",
				 .ext = "pdf"};
	int64_t id1, id2;
	assert_int_equal(store_evidence_add(fx->st, fx->case_id, &e, &id1, &err), IPW_OK);
	e.path = "/srv/b.png";
	e.verdict = EVIDENCE_WARN;
	assert_int_equal(store_evidence_add(fx->st, fx->case_id, &e, &id2, &err), IPW_OK);
	struct evidence_row *v;
	size_t n;
	assert_int_equal(store_evidence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].position, 1);
	assert_int_equal(v[1].position, 2);
	assert_string_equal(v[0].path, "/srv/发票.pdf");
	assert_string_equal(v[0].ext, "pdf");
	struct evidence_row upd = v[1];
	upd.verdict = EVIDENCE_REJECT;
	upd.message_key = "too-small";
	upd.position = 0;
	assert_int_equal(store_evidence_update(fx->st, fx->case_id, &upd, &err), IPW_OK);
	evidence_rows_free(v, n);
	assert_int_equal(store_evidence_remove(fx->st, fx->case_id, id1, &err), IPW_OK);
	assert_int_equal(store_evidence_remove(fx->st, fx->case_id, id1, &err), IPW_EUSAGE);
	assert_int_equal(store_evidence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, id2);
	assert_int_equal(v[0].verdict, EVIDENCE_REJECT);
	assert_string_equal(v[0].message_key, "too-small");
	assert_int_equal(v[0].position, 2);
	evidence_rows_free(v, n);
	struct audit_row *au;
	assert_int_equal(store_audit_list(fx->st, fx->case_id, &au, &n, &err), IPW_OK);
	assert_int_equal(n, 5);
	assert_string_equal(au[3].what, "evidence invoice");
	assert_string_equal(au[3].old_value, "/srv/b.png: warn");
	assert_string_equal(au[3].new_value, "/srv/b.png: reject");
	audit_rows_free(au, n);
}

/* A verdict's words in each language survive the database whole, tabs,
 * newlines and backslashes included, and follow the language in effect. */
static void evidence_words_round_trip_per_language(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct evidence_said said[] = {
	    {.lang = "en", .message = "Grey\tcopy\\ \\n\nnext", .fix = "Scan it in colour."},
	    {.lang = "zh_CN", .message = "黑白复印件", .fix = ""},
	};
	struct evidence_row e = {.field = "invoice",
				 .path = "/srv/a.png",
				 .verdict = EVIDENCE_WARN,
				 .message = "recorded",
				 .fix = "recorded fix",
				 .said = said,
				 .nsaid = 2};
	assert_int_equal(store_evidence_add(fx->st, fx->case_id, &e, NULL, &err), IPW_OK);
	struct evidence_row *v;
	size_t n;
	assert_int_equal(store_evidence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].nsaid, 2);
	assert_string_equal(v[0].said[0].message, said[0].message);
	assert_string_equal(v[0].said[1].lang, "zh_CN");
	i18n_set_language("zh_CN");
	assert_string_equal(evidence_row_message(&v[0]), "黑白复印件");
	assert_string_equal(evidence_row_fix(&v[0]), "");
	i18n_set_language("id"); /* not said in Indonesian: as recorded */
	assert_string_equal(evidence_row_message(&v[0]), "recorded");
	assert_string_equal(evidence_row_fix(&v[0]), "recorded fix");
	i18n_set_language("en");
	assert_string_equal(evidence_row_message(&v[0]), said[0].message);
	evidence_rows_free(v, n);

	/* Damaged values: what is well formed is kept, the rest skipped. */
	struct evidence_said *d;
	size_t nd;
	evidence_said_decode("en\tok\tfix\nid\tbad\\q\tx\nnotabs\n\tnolang\tx\n"
			     "toolonglanguage\tm\tf\nzh_CN\tlast\tno newline",
			     &d, &nd);
	assert_int_equal(nd, 2);
	assert_string_equal(d[0].message, "ok");
	assert_string_equal(d[1].lang, "zh_CN");
	assert_string_equal(d[1].fix, "no newline");
	evidence_said_free(d, nd);
	evidence_said_decode(NULL, &d, &nd);
	assert_int_equal(nd, 0);
}

static void list_item_answers_move_with_their_prefix(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	put(fx->st, fx->case_id, "products.2.url", "https://b", 0);
	put(fx->st, fx->case_id, "products.2.note", "old", 0);
	put(fx->st, fx->case_id, "products.3.url", "https://c", 0);
	put(fx->st, fx->case_id, "products.30.url", "https://z", 0);
	assert_int_equal(
	    store_answers_rename_prefix(fx->st, fx->case_id, "products.3.", "products.2.", &err),
	    IPW_OK);
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_answers_get(fx->st, fx->case_id, &a, &n, &err), IPW_OK);
	assert_string_equal(find(a, n, "products.2.url")->value, "https://c");
	assert_int_equal(find(a, n, "products.2.url")->revision, 2);
	assert_null(find(a, n, "products.2.note")->value);
	assert_null(find(a, n, "products.3.url")->value);
	assert_string_equal(find(a, n, "products.30.url")->value, "https://z");
	answer_rows_free(a, n);
	assert_int_equal(
	    store_answers_rename_prefix(fx->st, fx->case_id, "products.30.", NULL, &err), IPW_OK);
	assert_int_equal(
	    store_answers_rename_prefix(fx->st, fx->case_id, "products.", "products.1.", &err),
	    IPW_EUSAGE);
	assert_int_equal(store_answers_get(fx->st, fx->case_id, &a, &n, &err), IPW_OK);
	assert_null(find(a, n, "products.30.url")->value);
	answer_rows_free(a, n);
}

static void changes_by_another_connection_are_noticed(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct store *other = NULL;
	assert_int_equal(store_open(fx->db, STORE_READONLY, &other, &err), IPW_OK);
	assert_false(store_changed(fx->st));
	put(fx->st, fx->case_id, "name", "Li", 0);
	assert_false(store_changed(fx->st)); /* our own write is no news */
	assert_true(store_changed(other));
	assert_false(store_changed(other));
	store_close(other);
}

static size_t count_answers(struct store *st, int64_t id)
{
	struct answer_row *a;
	size_t n;
	struct ipw_error err = {0};
	assert_int_equal(store_answers_get(st, id, &a, &n, &err), IPW_OK);
	answer_rows_free(a, n);
	return n;
}

static void a_read_snapshot_is_stable_and_a_write_ends_it(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct store *other = NULL;
	assert_int_equal(store_open(fx->db, 0, &other, &err), IPW_OK);
	assert_int_equal(store_read_begin(fx->st, &err), IPW_OK);
	assert_int_equal(count_answers(fx->st, fx->case_id), 0);
	put(other, fx->case_id, "name", "Li", 0);
	assert_int_equal(count_answers(fx->st, fx->case_id), 0); /* the snapshot */
	store_read_end(fx->st);
	assert_int_equal(count_answers(fx->st, fx->case_id), 1);
	assert_int_equal(store_read_begin(fx->st, &err), IPW_OK);
	put(fx->st, fx->case_id, "email", "li@shop.cn", 0); /* ends the snapshot */
	put(other, fx->case_id, "pieces", "30", 0);
	assert_int_equal(count_answers(fx->st, fx->case_id), 3);
	store_read_end(fx->st);
	store_close(other);
}

static void same_answers(const struct answer_row *a, size_t na, const struct answer_row *b,
			 size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(a[i].path, b[i].path);
		if (a[i].value || b[i].value)
			assert_string_equal(a[i].value, b[i].value);
		assert_int_equal(a[i].revision, b[i].revision);
		assert_int_equal(a[i].draft, b[i].draft);
	}
}

static void same_evidence(const struct evidence_row *a, size_t na, const struct evidence_row *b,
			  size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(a[i].id, b[i].id);
		assert_string_equal(a[i].field, b[i].field);
		assert_string_equal(a[i].path, b[i].path);
		assert_int_equal(a[i].verdict, b[i].verdict);
		assert_int_equal(a[i].position, b[i].position);
	}
}

/* store_scan (the listing's one pass over each table) hands every case the
 * rows the per-case reads give it: cases without rows, rows of a case the
 * caller skips, evidence added out of case order, a deleted case between. */
static void a_scan_gives_each_case_its_own_rows(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	int64_t id[6] = {fx->case_id};
	for (int i = 1; i < 6; i++)
		assert_int_equal(
		    store_case_create(fx->st, "core-test", "sha256:1", "T", "en", &id[i], &err),
		    IPW_OK);
	put(fx->st, id[0], "name", "Li", 0);
	put(fx->st, id[0], "email", "li@shop.cn", 0);
	put(fx->st, id[2], "products.1.url", "https://a.example/1", 0);
	put(fx->st, id[2], "name", "王", 0);
	put(fx->st, id[3], "skipped", "by the caller", 0);
	put(fx->st, id[5], "name", NULL, put(fx->st, id[5], "name", "cleared", 0));
	struct evidence_row e = {.field = "invoice", .path = "/srv/a.pdf", .verdict = EVIDENCE_OK};
	int64_t eid;
	const int64_t order[] = {5, 0, 2, 0, 3};
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++)
		assert_int_equal(store_evidence_add(fx->st, id[order[i]], &e, &eid, &err), IPW_OK);
	e.field = "design";
	assert_int_equal(store_evidence_add(fx->st, id[0], &e, &eid, &err), IPW_OK);
	assert_int_equal(store_case_delete(fx->st, id[4], &err), IPW_OK);

	assert_int_equal(store_read_begin(fx->st, &err), IPW_OK);
	struct store_scan *sc = NULL;
	assert_int_equal(store_scan_begin(fx->st, 0, &sc, &err), IPW_OK);
	size_t total_answers = 0, total_evidence = 0;
	for (int i = 0; i < 6; i++) {
		if (i == 3 || i == 4) /* skipped by the caller; deleted */
			continue;
		struct answer_row *sa, *ga;
		struct evidence_row *se, *ge;
		size_t nsa, nse, nga, nge;
		assert_int_equal(store_scan_case(sc, id[i], &sa, &nsa, &se, &nse, &err), IPW_OK);
		assert_int_equal(store_answers_get(fx->st, id[i], &ga, &nga, &err), IPW_OK);
		assert_int_equal(store_evidence_list(fx->st, id[i], &ge, &nge, &err), IPW_OK);
		same_answers(sa, nsa, ga, nga);
		same_evidence(se, nse, ge, nge);
		total_answers += nsa;
		total_evidence += nse;
		answer_rows_free(sa, nsa);
		answer_rows_free(ga, nga);
		evidence_rows_free(se, nse);
		evidence_rows_free(ge, nge);
	}
	store_scan_end(sc);
	store_read_end(fx->st);
	/* the first case: two answers, three files in two fields; the third: two
	 * answers, one file; the sixth: a cleared answer, one file */
	assert_int_equal(total_answers, 5);
	assert_int_equal(total_evidence, 5);

	/* A page that starts after the second case reads from the third: the
	 * first case's rows are not in the scan at all. */
	assert_int_equal(store_read_begin(fx->st, &err), IPW_OK);
	assert_int_equal(store_scan_begin(fx->st, id[1], &sc, &err), IPW_OK);
	struct answer_row *pa;
	struct evidence_row *pe;
	size_t npa, npe;
	assert_int_equal(store_scan_case(sc, id[0], &pa, &npa, &pe, &npe, &err), IPW_OK);
	assert_int_equal(npa, 0);
	assert_int_equal(npe, 0);
	assert_int_equal(store_scan_case(sc, id[2], &pa, &npa, &pe, &npe, &err), IPW_OK);
	assert_int_equal(npa, 2);
	assert_int_equal(npe, 1);
	answer_rows_free(pa, npa);
	evidence_rows_free(pe, npe);
	store_scan_end(sc);
	store_read_end(fx->st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(t) cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)
	    T(case_lifecycle_create_change_copy_delete),
	    T(answer_revisions_count_every_write_and_clear),
	    T(stale_write_gets_the_other_value_and_writes_nothing),
	    T(unicode_and_control_characters_round_trip),
	    T(every_change_leaves_an_audit_row_with_who_and_where),
	    T(evidence_keeps_upload_order_and_verdicts),
	    T(evidence_words_round_trip_per_language),
	    T(list_item_answers_move_with_their_prefix),
	    T(changes_by_another_connection_are_noticed),
	    T(a_read_snapshot_is_stable_and_a_write_ends_it),
	    T(a_scan_gives_each_case_its_own_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
