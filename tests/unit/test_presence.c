/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_presence.c — who else is on a case: another program's row shows,
 * our own does not, a stale row (a killed program) does not, leaving
 * removes the row, and the header sentence names person, mode and step. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "case/session.h"
#include "store/presence.h"
#include "store_fixture.h"

/* Another program on this host: a child process that announces itself
 * and then stays (until other_leaves) or dies without leaving, like a
 * wizard killed with -9. */
struct other {
	pid_t pid;
	int hold; /* closing it lets the child end */
};

static struct other announce_from_child(const char *db, int64_t case_id, enum presence_mode mode,
					bool stay)
{
	int ready[2], hold[2];
	assert_int_equal(pipe(ready), 0);
	assert_int_equal(pipe(hold), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(ready[0]);
		close(hold[1]);
		struct store *st = NULL;
		struct ipw_error err = {0};
		char ok =
		    store_open(db, 0, &st, &err) == IPW_OK &&
		    presence_announce(st, case_id, mode, "listings", "products", &err) == IPW_OK;
		store_close(st);
		(void)!write(ready[1], &ok, 1);
		char c;
		if (stay)
			(void)!read(hold[0], &c, 1); /* until the parent closes it */
		_exit(ok ? 0 : 1);
	}
	close(ready[1]);
	close(hold[0]);
	char ok = 0;
	assert_int_equal(read(ready[0], &ok, 1), 1);
	assert_true(ok);
	close(ready[0]);
	struct other o = {pid, hold[1]};
	if (!stay) {
		close(o.hold);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		o.hold = -1;
	}
	return o;
}

static void other_leaves(struct other *o)
{
	if (o->hold >= 0)
		close(o->hold);
	int status;
	waitpid(o->pid, &status, 0);
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

	struct other o = announce_from_child(fx->db, fx->case_id, PRESENCE_WATCHING, true);
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
	other_leaves(&o);
}

/* Somebody on another host (or whose process this host cannot see) who
 * stopped renewing the row has left. */
static void stale_rows_are_people_who_left(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	struct other o = announce_from_child(fx->db, fx->case_id, PRESENCE_EDITING, true);
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
	other_leaves(&o);
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
	struct other o = announce_from_child(fx->db, fx->case_id, PRESENCE_EDITING, true);
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
	other_leaves(&o);
}

/* A program killed without leaving (kill -9, a dropped ssh session whose
 * wizard died) is gone from the others' list at once, not after the stale
 * time, and its row is purged by the next announcement; so is a row from
 * another host nobody renewed for two heartbeats (and a little), not kept
 * for minutes or forever. */
static void a_killed_program_is_purged(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	announce_from_child(fx->db, fx->case_id, PRESENCE_EDITING, false);
	assert_int_equal(rows(fx->db), 1);
	struct presence_row *v;
	size_t n;
	assert_int_equal(presence_list(fx->st, fx->case_id, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 0);
	presence_rows_free(v, n);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf(
	    "INSERT INTO presence (case_id, host, pid, actor, mode, updated) "
	    "VALUES (%lld, 'elsewhere', 1, 'wu', 'editing', %lld)",
	    (long long)fx->case_id, (long long)(time(NULL) - PRESENCE_STALE_SECONDS - 1));
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	assert_int_equal(rows(fx->db), 2);
	assert_int_equal(
	    presence_announce(fx->st, fx->case_id, PRESENCE_EDITING, "sign", "truth", &err),
	    IPW_OK);
	assert_int_equal(rows(fx->db), 1); /* ours only */
	/* The stale time is about two heartbeats: a crash leaves the header soon. */
	assert_true(PRESENCE_STALE_SECONDS <= 3 * PRESENCE_HEARTBEAT_SECONDS);
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
	    cmocka_unit_test_setup_teardown(a_killed_program_is_purged, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
