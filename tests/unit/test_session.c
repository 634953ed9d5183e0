/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session: the one door to answers. Validation, drafts, conflicts,
 * visibility, lists, step states and resuming. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "base/xalloc.h"
#include "case/case_internal.h"
#include "case/session.h"
#include "flow/flow.h"
#include "store/presence.h"
#include "store/store.h"
#include "store/store_internal.h"

struct fixture {
	char dir[64];
	char *db;
	struct flow *flow;
	struct store *st;
	struct session *s;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ipwiz-session-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	fx->db = xasprintf("%s/cases.db", fx->dir);
	/* Affirmations are sealed with a key in the user's config folder:
	 * this test's own, never the real one. */
	char *config = xasprintf("%s/config", fx->dir);
	setenv("XDG_CONFIG_HOME", config, 1);
	free(config);
	const char *src = getenv("IPWIZ_SRCDIR");
	char *path = xasprintf("%s/tests/fixtures/flows/core-test.yaml", src ? src : "..");
	struct ipw_diags d = {0};
	fx->flow = flow_load_file(path, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].column,
			d.v[i].msg);
	ipw_diags_free(&d);
	free(path);
	assert_non_null(fx->flow);
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	assert_int_equal(session_create(fx->st, fx->flow, "Test", "en", &fx->s, &err), IPW_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	session_free(fx->s);
	store_close(fx->st);
	flow_free(fx->flow);
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(fx->db);
	free(fx);
	return 0;
}

static void strict_set_refuses_invalid_and_saves_nothing(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "pieces", "12", SESSION_STRICT, NULL, &err), IPW_EUSER);
	assert_string_equal(err.msg, "The invoice must show more than 20 pieces.");
	assert_null(session_get(fx->s, "pieces"));
	assert_int_equal(session_revision(fx->s, "pieces"), 0);
}

/* A `refuse:` condition sees the answer being given under the field's own
 * name, beside the case's other answers, and says its own message. */
static void refusal_judges_the_answer_with_the_others(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	const char *away = "https://elsewhere.example/1";
	assert_int_equal(session_set(fx->s, "products.1.url", away, SESSION_STRICT, NULL, &err),
			 IPW_OK); /* no right chosen yet: nothing to refuse */
	assert_int_equal(session_set(fx->s, "ip_type", "patent", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_set(fx->s, "products.2.url", away, SESSION_STRICT, NULL, &err),
			 IPW_EUSER);
	assert_string_equal(err.msg,
			    "A patent complaint here names listings of shop.example only.");
	ipw_error_clear(&err);
	assert_int_equal(session_validate(fx->s, "products.1.url", away, &err), IPW_EUSER);
	ipw_error_clear(&err);
	assert_int_equal(session_set(fx->s, "products.2.url", "https://www.shop.example/2",
				     SESSION_STRICT, NULL, &err),
			 IPW_OK);
}

static void draft_set_keeps_invalid_value_flagged(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "email", "li@", SESSION_DRAFT, NULL, &err), IPW_EUSER);
	assert_string_equal(session_get(fx->s, "email"), "li@");
	assert_true(session_is_draft(fx->s, "email"));
	/* and it survives a reopen */
	struct session *again = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &again, &err),
			 IPW_OK);
	assert_string_equal(session_get(again, "email"), "li@");
	assert_true(session_is_draft(again, "email"));
	session_free(again);
	assert_int_equal(session_set(fx->s, "email", "li@shop.cn", SESSION_DRAFT, NULL, &err),
			 IPW_OK);
	assert_false(session_is_draft(fx->s, "email"));
}

/* A number field takes what its message says, digits only: no hex, no
 * exponent, no sign, no point. Full-width digits (an input method's ２５)
 * and spaces around are written as the digits they are, and that is what
 * is stored, checked and exported. */
static void number_fields_take_digits_only(void **state)
{
	struct fixture *fx = *state;
	static const char *const refused[] = {"0x1A", "1e308", "+25",	"-25",
					      ".5e2", "25.0",  "2 5",	"25abc",
					      "inf",  "nan",   "２５x", "1234567890123456"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		struct ipw_error err = {0};
		assert_int_equal(
		    session_set(fx->s, "pieces", refused[i], SESSION_STRICT, NULL, &err),
		    IPW_EUSER);
		if (i + 1 < sizeof refused / sizeof *refused)
			assert_string_equal(err.msg, "Write a number, using digits only.");
		else
			assert_string_equal(err.msg, "Write a number of at most 15 digits.");
		assert_null(session_get(fx->s, "pieces"));
	}
	static const char *const taken[][2] = {{"25", "25"},
					       {"２５", "25"},
					       {" 25 ", "25"},
					       {"\t25\t", "25"},
					       {"\u3000２５\u3000", "25"},
					       {"０２１", "021"}};
	for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
		struct ipw_error err = {0};
		assert_int_equal(
		    session_set(fx->s, "pieces", taken[i][0], SESSION_STRICT, NULL, &err), IPW_OK);
		assert_string_equal(session_get(fx->s, "pieces"), taken[i][1]);
		assert_false(session_is_draft(fx->s, "pieces"));
	}
	/* A draft keeps what was typed, as typed. */
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "pieces", "0x1A", SESSION_DRAFT, NULL, &err),
			 IPW_EUSER);
	assert_string_equal(session_get(fx->s, "pieces"), "0x1A");
	assert_true(session_is_draft(fx->s, "pieces"));
	/* The limit is still the flow's: full-width 12 is 12. */
	assert_int_equal(session_set(fx->s, "pieces", "１２", SESSION_STRICT, NULL, &err),
			 IPW_EUSER);
	assert_string_equal(err.msg, "The invoice must show more than 20 pieces.");
}

/* A second connection with its own session on the fixture's case: the
 * other person. */
static struct session *open_other(struct fixture *fx, struct store **st2)
{
	struct ipw_error err = {0};
	struct session *other = NULL;
	assert_int_equal(store_open(fx->db, 0, st2, &err), IPW_OK);
	assert_int_equal(session_open(*st2, fx->flow, session_case_id(fx->s), &other, &err),
			 IPW_OK);
	return other;
}

static void stale_session_gets_a_conflict_not_an_overwrite(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct store *st2 = NULL;
	struct session *other = open_other(fx, &st2);
	assert_int_equal(
	    session_set(other, "complaint_number", "THEIRS-1", SESSION_STRICT, NULL, &err), IPW_OK);
	struct answer_conflict c = {0};
	assert_int_equal(session_set(fx->s, "complaint_number", "MINE-2", SESSION_STRICT, &c, &err),
			 IPW_ECONFLICT);
	assert_string_equal(c.value, "THEIRS-1");
	assert_non_null(c.actor);
	assert_true(c.when > 0);
	answer_conflict_clear(&c);
	assert_int_equal(session_reload(fx->s, &err), IPW_OK);
	assert_string_equal(session_get(fx->s, "complaint_number"), "THEIRS-1");
	/* the user saw both values and keeps theirs */
	assert_int_equal(
	    session_set_force(other, "complaint_number", "THEIRS-1", SESSION_STRICT, &err), IPW_OK);
	assert_int_equal(
	    session_set_force(fx->s, "complaint_number", "MINE-2", SESSION_STRICT, &err), IPW_OK);
	assert_int_equal(session_reload(other, &err), IPW_OK);
	assert_string_equal(session_get(other, "complaint_number"), "MINE-2");
	session_free(other);
	store_close(st2);
}

static void hidden_field_is_neither_visible_nor_required(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_false(session_field_visible(fx->s, "patent_number"));
	assert_false(session_field_required(fx->s, "patent_number"));
	assert_int_equal(session_set(fx->s, "ip_type", "patent", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_true(session_field_visible(fx->s, "patent_number"));
	assert_true(session_field_required(fx->s, "patent_number"));
}

static void evidence_is_required_only_for_its_ground(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_false(session_field_required(fx->s, "invoice"));
	assert_int_equal(
	    session_set(fx->s, "grounds", "authorised\ngenuine", SESSION_STRICT, NULL, &err),
	    IPW_OK);
	assert_true(session_field_required(fx->s, "invoice"));
}

static void list_items_renumber_after_remove_and_move(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	const char *urls[] = {"https://a.example/1", "https://a.example/2", "https://a.example/3"};
	for (size_t i = 0; i < 3; i++) {
		size_t idx;
		assert_int_equal(session_list_add(fx->s, "products", &idx, &err), IPW_OK);
		assert_int_equal(idx, i + 1);
		char path[64];
		snprintf(path, sizeof(path), "products.%zu.url", idx);
		assert_int_equal(session_set(fx->s, path, urls[i], SESSION_STRICT, NULL, &err),
				 IPW_OK);
	}
	assert_int_equal(session_list_add(fx->s, "products", NULL, &err), IPW_EUSER);
	assert_string_equal(err.msg, "This list takes at most 3 items.");
	assert_int_equal(session_list_move(fx->s, "products", 3, 1, &err), IPW_OK);
	assert_string_equal(session_get(fx->s, "products.1.url"), urls[2]);
	assert_string_equal(session_get(fx->s, "products.2.url"), urls[0]);
	assert_string_equal(session_get(fx->s, "products.3.url"), urls[1]);
	assert_int_equal(session_list_remove(fx->s, "products", 1, &err), IPW_OK);
	assert_int_equal(session_list_count(fx->s, "products"), 2);
	assert_string_equal(session_get(fx->s, "products.1.url"), urls[0]);
	assert_string_equal(session_get(fx->s, "products.2.url"), urls[1]);
	assert_null(session_get(fx->s, "products.3.url"));
}

/* Three items, each a URL and a note that belong together. */
static void fill_three_items(struct fixture *fx)
{
	struct ipw_error err = {0};
	for (size_t i = 1; i <= 3; i++) {
		assert_int_equal(session_list_add(fx->s, "products", NULL, &err), IPW_OK);
		char path[64], value[64];
		snprintf(path, sizeof(path), "products.%zu.url", i);
		snprintf(value, sizeof(value), "https://a.example/%zu", i);
		assert_int_equal(session_set(fx->s, path, value, SESSION_STRICT, NULL, &err),
				 IPW_OK);
		snprintf(path, sizeof(path), "products.%zu.note", i);
		snprintf(value, sizeof(value), "note %zu", i);
		assert_int_equal(session_set(fx->s, path, value, SESSION_STRICT, NULL, &err),
				 IPW_OK);
	}
}

/* What the database holds, read by a fresh session: item i's URL and
 * note must still be item i's, in the order given (1-based numbers). */
static void assert_items_in_db(struct fixture *fx, const char *const *notes, size_t n)
{
	struct ipw_error err = {0};
	struct session *fresh = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &fresh, &err),
			 IPW_OK);
	assert_int_equal(session_list_count(fresh, "products"), n);
	for (size_t i = 1; i <= n; i++) {
		char path[64], url[64];
		snprintf(path, sizeof(path), "products.%zu.note", i);
		assert_string_equal(session_get(fresh, path), notes[i - 1]);
		/* the URL travelled with its note */
		snprintf(path, sizeof(path), "products.%zu.url", i);
		snprintf(url, sizeof(url), "https://a.example/%c", notes[i - 1][5]);
		assert_string_equal(session_get(fresh, path), url);
	}
	char path[64];
	snprintf(path, sizeof(path), "products.%zu.url", n + 1);
	assert_null(session_get(fresh, path)); /* no item in an unseen slot */
	session_free(fresh);
}

static void list_move_after_a_concurrent_change_moves_nothing(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	fill_three_items(fx);
	struct store *st2 = NULL;
	struct session *other = open_other(fx, &st2);
	/* The other person edits item 2 while this session still shows the old note. */
	assert_int_equal(
	    session_set(other, "products.2.note", "note 2 (theirs)", SESSION_STRICT, NULL, &err),
	    IPW_OK);
	session_free(other);
	store_close(st2);
	assert_int_equal(session_list_move(fx->s, "products", 1, 3, &err), IPW_ECONFLICT);
	const char *const untouched[] = {"note 1", "note 2 (theirs)", "note 3"};
	assert_items_in_db(fx, untouched, 3);
	/* The same for a remove. */
	assert_int_equal(session_list_remove(fx->s, "products", 1, &err), IPW_ECONFLICT);
	assert_items_in_db(fx, untouched, 3);
}

/* A write that fails half-way through the edit (a full disk, an I/O
 * error): a trigger refuses the third item's URL. */
static void fail_writes_to(struct fixture *fx, const char *path)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("CREATE TRIGGER fail_mid BEFORE UPDATE ON answers "
				    "WHEN NEW.path = %Q BEGIN SELECT RAISE(ABORT, 'disk I/O "
				    "error'); END;",
				    path);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
}

static void list_move_hit_by_an_io_error_moves_nothing(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	fill_three_items(fx);
	fail_writes_to(fx, "products.3.url");
	/* 1 → 3 writes slot 1, then slot 2, then fails on slot 3. */
	assert_int_not_equal(session_list_move(fx->s, "products", 1, 3, &err), IPW_OK);
	const char *const untouched[] = {"note 1", "note 2", "note 3"};
	assert_items_in_db(fx, untouched, 3);
	/* The session in memory shows what the database holds. */
	assert_string_equal(session_get(fx->s, "products.1.note"), "note 1");
	assert_string_equal(session_get(fx->s, "products.3.note"), "note 3");
	assert_int_not_equal(session_list_remove(fx->s, "products", 2, &err), IPW_OK);
	assert_items_in_db(fx, untouched, 3);
	assert_int_equal(session_list_count(fx->s, "products"), 3);
}

static void step_states_follow_the_answers(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_step_state(fx->s, 0), STEP_NOT_STARTED);
	assert_int_equal(session_set(fx->s, "complaint_number", "AB-1", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_step_state(fx->s, 0), STEP_ATTENTION);
	assert_int_equal(
	    session_set(fx->s, "notice_date", "2026-11-20", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_int_equal(session_set(fx->s, "ip_type", "trademark", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_step_state(fx->s, 0), STEP_DONE);
	size_t answered, required;
	session_progress(fx->s, &answered, &required);
	assert_int_equal(answered, 3);
	assert_int_equal(required, 6); /* 3 + grounds + products + truth */
}

static void issues_name_missing_and_invalid_answers_in_flow_order(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "email", "nope", SESSION_DRAFT, NULL, &err), IPW_EUSER);
	struct session_issue *v;
	size_t n = session_check(fx->s, &v);
	assert_true(n >= 5);
	assert_string_equal(v[0].path, "complaint_number");
	assert_string_equal(v[0].message, "This answer is required.");
	assert_string_equal(v[3].path, "email");
	assert_string_equal(v[3].message, "Write an e-mail address such as name@example.com.");
	assert_int_equal(v[3].step, 0);
	session_issues_free(v, n);
}

static void reopened_case_resumes_at_its_step(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_goto_step(fx->s, 2, &err), IPW_OK);
	struct session *again = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &again, &err),
			 IPW_OK);
	assert_int_equal(session_current_step(again), 2);
	session_free(again);
	assert_int_equal(session_next_step(fx->s, 0), 1);
	assert_int_equal(session_prev_step(fx->s, 0), 0);
}

static void db_exec(struct fixture *fx, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A coach moving around the owner's case resumes where the coach was; the
 * owner's own place (what `open` resumes at and listings show) stays. */
static void each_person_resumes_where_they_were(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_goto_step(fx->s, 1, &err), IPW_OK); /* the owner, at step 2 */
	db_exec(fx, "UPDATE cases SET owner = 'someone-else'");	     /* now we are the coach */
	struct session *coach = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &coach, &err),
			 IPW_OK);
	assert_int_equal(session_current_step(coach), 1); /* we were at step 2 too */
	assert_int_equal(session_goto_step(coach, 2, &err), IPW_OK);
	session_free(coach);
	struct case_row c = {0};
	assert_int_equal(store_case_get(fx->st, session_case_id(fx->s), &c, &err), IPW_OK);
	assert_string_equal(c.current_step, fx->flow->steps[1].id); /* the owner's place */
	case_row_clear(&c);
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &coach, &err),
			 IPW_OK);
	assert_int_equal(session_current_step(coach), 2); /* ours */
	session_free(coach);
	/* Somebody who was never in the case starts where the owner is. */
	db_exec(fx, "DELETE FROM positions");
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &coach, &err),
			 IPW_OK);
	assert_int_equal(session_current_step(coach), 1);
	session_free(coach);
}

/* Only the case's owner affirms or withdraws: anybody else's change of the
 * declaration or its signature is refused, clearing it included, and
 * nothing is written. */
static void only_the_owner_affirms_or_withdraws(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_int_equal(session_set(fx->s, "truth.name", "李伟", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_owner_only(fx->s, "truth", &err), IPW_OK);
	db_exec(fx, "UPDATE cases SET owner = 'someone-else'"); /* now we are the coach */
	struct session *coach = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &coach, &err),
			 IPW_OK);
	assert_int_equal(session_owner_only(coach, "truth", &err), IPW_EUSER);
	assert_string_equal(err.msg, "Only the case's owner (someone-else) can affirm or "
				     "withdraw this statement.");
	assert_int_equal(session_owner_only(coach, "complaint_number", &err), IPW_OK);
	int64_t rev = session_revision(coach, "truth");
	assert_int_equal(session_set(coach, "truth", NULL, SESSION_DRAFT, NULL, &err), IPW_EUSER);
	assert_int_equal(session_set(coach, "truth", "", SESSION_STRICT, NULL, &err), IPW_EUSER);
	assert_int_equal(session_set(coach, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_EUSER);
	assert_int_equal(session_set_force(coach, "truth", NULL, SESSION_DRAFT, &err), IPW_EUSER);
	assert_int_equal(session_set(coach, "truth.name", NULL, SESSION_DRAFT, NULL, &err),
			 IPW_EUSER);
	assert_int_equal(session_reload(coach, &err), IPW_OK);
	assert_string_equal(session_get(coach, "truth"), "yes");
	assert_int_equal(session_revision(coach, "truth"), rev);
	assert_string_equal(session_get(coach, "truth.name"), "李伟");
	session_free(coach);
}

/* A step is numbered as it is shown: its place among the visible steps. */
static void steps_are_numbered_as_shown(void **state)
{
	struct fixture *fx = *state;
	size_t total = 0;
	assert_int_equal(session_step_number(fx->s, 0, &total), 1);
	assert_int_equal(total, fx->flow->nsteps);
	assert_int_equal(session_step_number(fx->s, fx->flow->nsteps - 1, NULL), fx->flow->nsteps);
}

static void signature_is_a_text_answer_of_its_declaration(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "truth", "no", SESSION_STRICT, NULL, &err), IPW_EUSER);
	assert_string_equal(err.msg, "Affirm the statement by answering yes.");
	assert_int_equal(session_set(fx->s, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_int_equal(session_set(fx->s, "truth.name", "李伟", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_true(session_field_required(fx->s, "truth.name"));
}

static void affirmation_is_void_after_a_covered_answer_changes(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(session_set(fx->s, "complaint_number", "A-1", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_set(fx->s, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_false(session_affirmation_stale(fx->s, "truth"));
	/* The typed name is part of the declaration, not something it covers. */
	assert_int_equal(session_set(fx->s, "truth.name", "李伟", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_false(session_affirmation_stale(fx->s, "truth"));
	assert_int_equal(session_set(fx->s, "complaint_number", "A-2", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_true(session_affirmation_stale(fx->s, "truth"));
	char *why = session_affirmation_void(fx->s, "truth");
	assert_non_null(why);
	assert_string_equal(why, "the answers it covers changed");
	free(why);
	struct session_issue *v;
	size_t n = session_check(fx->s, &v);
	bool reported = false;
	for (size_t i = 0; i < n; i++)
		reported |= strcmp(v[i].path, "truth") == 0 && strstr(v[i].message, "affirm it");
	session_issues_free(v, n);
	assert_true(reported);
	/* Affirming again over the new answers makes it valid, and survives a reopen. */
	assert_int_equal(session_set(fx->s, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_false(session_affirmation_stale(fx->s, "truth"));
	assert_null(session_affirmation_void(fx->s, "truth"));
	struct session *again = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, session_case_id(fx->s), &again, &err),
			 IPW_OK);
	assert_false(session_affirmation_stale(again, "truth"));
	session_free(again);
	/* The fingerprint cannot be written from outside. */
	assert_int_equal(session_set(fx->s, "truth.fingerprint", "0", SESSION_STRICT, NULL, &err),
			 IPW_EUSAGE);
}

/* sql on the fixture's database, behind the session (a team member with
 * sqlite3). */
static void behind(struct fixture *fx, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static enum affirmation_state reopened_state(struct fixture *fx, int64_t id, struct store *st)
{
	struct session *again = NULL;
	struct ipw_error err = {0};
	assert_int_equal(session_open(st ? st : fx->st, fx->flow, id, &again, &err), IPW_OK);
	enum affirmation_state a = session_affirmation(again, "truth", NULL);
	session_free(again);
	return a;
}

/* The affirmation carries a seal only its owner's key makes: changed
 * behind ipwiz it is evident to the owner, anybody else is told they
 * cannot check it, a removed seal is no affirmation, and a copy of the
 * case is not affirmed. */
static void affirmation_seal_shows_tampering(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	int64_t id = session_case_id(fx->s);
	assert_int_equal(session_affirmation(fx->s, "truth", NULL), AFFIRMATION_NONE);
	assert_int_equal(session_set(fx->s, "complaint_number", "A-1", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_set(fx->s, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_OK);
	assert_int_equal(session_set(fx->s, "truth.name", "Li Wei", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_affirmation(fx->s, "truth", NULL), AFFIRMATION_SIGNED);
	char *key = xasprintf("%s/config/ipwiz/affirm.key", fx->dir);
	struct stat sb;
	assert_int_equal(stat(key, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char *dir = xasprintf("%s/config/ipwiz", fx->dir);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(dir);
	assert_int_equal(reopened_state(fx, id, NULL), AFFIRMATION_SIGNED);
	/* The seal cannot be written through the session. */
	assert_int_equal(session_set(fx->s, "truth.seal", "1 x 0 00", SESSION_STRICT, NULL, &err),
			 IPW_EUSAGE);

	/* Somebody else reading it cannot check it. */
	struct store *other = NULL;
	assert_int_equal(store_open(fx->db, 0, &other, &err), IPW_OK);
	free(other->actor);
	other->actor = xstrdup("someone-else");
	assert_int_equal(reopened_state(fx, id, other), AFFIRMATION_NOT_YOURS);

	/* A copy of the case is not affirmed (its seal stays with the original). */
	int64_t copy = 0;
	assert_int_equal(store_case_duplicate(fx->st, id, "copy", &copy, &err), IPW_OK);
	assert_int_equal(reopened_state(fx, copy, NULL), AFFIRMATION_UNSEALED);

	/* The typed signature changed with sqlite3 (no fingerprint covers it). */
	behind(fx,
	       "UPDATE answers SET value = 'Somebody' WHERE path = 'truth.name' AND case_id = 1");
	assert_int_equal(reopened_state(fx, id, NULL), AFFIRMATION_CHANGED);
	assert_int_equal(reopened_state(fx, id, other), AFFIRMATION_NOT_YOURS);
	behind(fx, "UPDATE answers SET value = 'Li Wei' WHERE path = 'truth.name' AND case_id = 1");
	assert_int_equal(reopened_state(fx, id, NULL), AFFIRMATION_SIGNED);
	/* The owner changed to somebody else. */
	behind(fx, "UPDATE cases SET owner = 'someone-else' WHERE id = 1");
	assert_int_equal(reopened_state(fx, id, other), AFFIRMATION_WRONG_SIGNER);
	behind(fx, "UPDATE cases SET owner = (SELECT actor FROM answers WHERE path = 'truth') "
		   "WHERE id = 1");
	/* The seal removed: as good as not affirmed, and said so. */
	behind(fx, "DELETE FROM answers WHERE path = 'truth.seal' AND case_id = 1");
	assert_int_equal(reopened_state(fx, id, NULL), AFFIRMATION_UNSEALED);
	store_close(other);

	/* A key others may read is not used to affirm. */
	assert_int_equal(chmod(key, 0644), 0);
	struct session *again = NULL;
	assert_int_equal(session_open(fx->st, fx->flow, id, &again, &err), IPW_OK);
	assert_int_equal(session_set(again, "truth", "yes", SESSION_STRICT, NULL, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "can be read by other users"));
	session_free(again);
	free(key);
}

/* The wizard tells a person "someone else saved a change" only when the
 * stamp moved: opening the case or moving to another step must not, a saved
 * answer, a draft or an attached file must. */
static void stamp_moves_only_with_what_a_reader_sees(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct store *st2 = NULL;
	struct session *other = open_other(fx, &st2);
	uint64_t before = session_stamp(fx->s);

	assert_int_equal(session_goto_step(other, 1, &err), IPW_OK);
	assert_int_equal(presence_announce(st2, session_case_id(fx->s), PRESENCE_EDITING,
					   "listings", NULL, &err),
			 IPW_OK);
	assert_true(store_changed(fx->st));
	assert_int_equal(session_reload(fx->s, &err), IPW_OK);
	assert_int_equal(session_reload_evidence(fx->s, &err), IPW_OK);
	assert_true(session_stamp(fx->s) == before);

	assert_int_equal(session_set(other, "complaint_number", "AB-1", SESSION_STRICT, NULL, &err),
			 IPW_OK);
	assert_int_equal(session_reload(fx->s, &err), IPW_OK);
	uint64_t answered = session_stamp(fx->s);
	assert_true(answered != before);

	assert_int_equal(session_set(other, "notice_date", "soon", SESSION_DRAFT, NULL, &err),
			 IPW_EUSER);
	assert_int_equal(session_reload(fx->s, &err), IPW_OK);
	uint64_t drafted = session_stamp(fx->s);
	assert_true(drafted != answered);

	struct evidence_row e = {.field = "invoice",
				 .path = "/srv/发票.pdf",
				 .size = 4096,
				 .sha256 = "ab",
				 .mime = "application/pdf",
				 .verdict = EVIDENCE_OK,
				 .ext = "pdf"};
	int64_t id;
	assert_int_equal(store_evidence_add(st2, session_case_id(fx->s), &e, &id, &err), IPW_OK);
	assert_int_equal(session_reload_evidence(fx->s, &err), IPW_OK);
	assert_true(session_stamp(fx->s) != drafted);
	session_free(other);
	store_close(st2);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("IPWIZ_TODAY", "2026-11-24", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(strict_set_refuses_invalid_and_saves_nothing, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(refusal_judges_the_answer_with_the_others, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(draft_set_keeps_invalid_value_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(number_fields_take_digits_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(stale_session_gets_a_conflict_not_an_overwrite, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(hidden_field_is_neither_visible_nor_required, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(evidence_is_required_only_for_its_ground, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(list_items_renumber_after_remove_and_move, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(step_states_follow_the_answers, setup, teardown),
	    cmocka_unit_test_setup_teardown(issues_name_missing_and_invalid_answers_in_flow_order,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(reopened_case_resumes_at_its_step, setup, teardown),
	    cmocka_unit_test_setup_teardown(each_person_resumes_where_they_were, setup, teardown),
	    cmocka_unit_test_setup_teardown(list_move_after_a_concurrent_change_moves_nothing,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(list_move_hit_by_an_io_error_moves_nothing, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(only_the_owner_affirms_or_withdraws, setup, teardown),
	    cmocka_unit_test_setup_teardown(steps_are_numbered_as_shown, setup, teardown),
	    cmocka_unit_test_setup_teardown(signature_is_a_text_answer_of_its_declaration, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(affirmation_is_void_after_a_covered_answer_changes,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(affirmation_seal_shows_tampering, setup, teardown),
	    cmocka_unit_test_setup_teardown(stamp_moves_only_with_what_a_reader_sees, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
