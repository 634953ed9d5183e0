/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_presence.c — who else is on a case: another program's row shows,
 * our own does not, a stale row (a killed program) does not, leaving
 * removes the row, and the header sentence names person, mode and step. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "case/session.h"
#include "store/presence.h"
#include "store_fixture.h"

/* Another program: a child process announcing itself and exiting without
 * leaving, like a wizard killed with -9. */
static void announce_from_child(const char *db, int64_t case_id, enum presence_mode mode)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *st = NULL;
		struct ipw_error err = {0};
		int ok =
		    store_open(db, 0, &st, &err) == IPW_OK &&
		    presence_announce(st, case_id, mode, "listings", "products", &err) == IPW_OK;
		store_close(st);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void others_show_and_we_do_not(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(
	    presence_announce(fx->st, fx->case_id, PRESENCE_EDITING, "context", NULL, &err),
	    IPW_OK);
	struct presence_row *v;
	size_t n;
	assert_int_equal(presence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 0); /* only ourselves so far */
	presence_rows_free(v, n);

	announce_from_child(fx->db, fx->case_id, PRESENCE_WATCHING);
	assert_int_equal(presence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].mode, PRESENCE_WATCHING);
	assert_string_equal(v[0].step, "listings");
	assert_string_equal(v[0].field, "products");
	assert_string_equal(v[0].actor, store_actor(fx->st));
	char *said = session_presence_describe(&v[0], 3);
	char *expect = xasprintf("%s — watching, step 3", store_actor(fx->st));
	assert_string_equal(said, expect);
	free(said);
	free(expect);
	presence_rows_free(v, n);
}

static void stale_rows_are_people_who_left(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	announce_from_child(fx->db, fx->case_id, PRESENCE_EDITING);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE presence SET updated = updated - %d",
				    PRESENCE_STALE_SECONDS + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	struct presence_row *v;
	size_t n;
	assert_int_equal(presence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 0);
	presence_rows_free(v, n);
}

static int rows(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;
	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM presence", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

static void leaving_removes_our_row_only(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	announce_from_child(fx->db, fx->case_id, PRESENCE_EDITING);
	assert_int_equal(
	    presence_announce(fx->st, fx->case_id, PRESENCE_EDITING, "sign", "truth", &err),
	    IPW_OK);
	/* Announcing again updates the one row of this program. */
	assert_int_equal(
	    presence_announce(fx->st, fx->case_id, PRESENCE_EDITING, "context", NULL, &err),
	    IPW_OK);
	assert_int_equal(rows(fx->db), 2);
	assert_int_equal(presence_leave(fx->st, fx->case_id, &err), IPW_OK);
	assert_int_equal(rows(fx->db), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(others_show_and_we_do_not, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(stale_rows_are_people_who_left, fixture_setup,
					    fixture_teardown),
	    cmocka_unit_test_setup_teardown(leaving_removes_our_row_only, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
