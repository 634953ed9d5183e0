/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store under abuse: a writer killed with SIGKILL at random moments
 * loses nothing it reported saved, and four processes incrementing one
 * answer with compare-and-set lose no update. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "store_fixture.h"

#define CRASH_ROUNDS 200
#define WRITERS	     4
#define INCREMENTS   500

/* SQLite connections must not cross fork(): children open their own. */
static void close_before_fork(struct fixture *fx)
{
	store_close(fx->st);
	fx->st = NULL;
}

/* The child: write answers "r<round>.<n>" until killed, reporting each
 * number on fd once store_answer_put has returned success. */
_Noreturn static void write_until_killed(const char *db, int64_t case_id, int round, int fd)
{
	struct store *st = NULL;
	struct ipw_error err = {0};
	if (store_open(db, 0, &st, &err) != IPW_OK)
		_exit(2);
	for (uint32_t n = 0;; n++) {
		char path[32], value[32];
		snprintf(path, sizeof(path), "r%d.%u", round, n);
		snprintf(value, sizeof(value), "value %u", n);
		int64_t rev;
		if (store_answer_put(st, case_id, path, value, false, 0, &rev, NULL, &err) !=
		    IPW_OK)
			_exit(3);
		if (write(fd, &n, sizeof(n)) != sizeof(n))
			_exit(4);
	}
}

/* Every number the child reported must be in the database; returns how
 * many it reported. */
static uint32_t check_round(const char *db, int round, int fd)
{
	uint32_t n, acked = 0;
	ssize_t got;
	while ((got = read(fd, &n, sizeof(n))) == sizeof(n))
		acked = n + 1;
	assert_int_equal(fixture_query_int(db, "SELECT integrity_check = 'ok' FROM "
					       "pragma_integrity_check"),
			 1);
	char *sql = xasprintf("SELECT count(*) FROM answers WHERE path LIKE 'r%d.%%' AND "
			      "CAST(substr(path, instr(path, '.') + 1) AS INTEGER) < %u",
			      round, acked);
	long long present = fixture_query_int(db, sql);
	free(sql);
	if (present != (long long)acked)
		fail_msg("round %d: %u answers reported saved, %lld present", round, acked,
			 present);
	return acked;
}

static void killed_writer_loses_nothing_it_reported_saved(void **state)
{
	struct fixture *fx = *state;
	close_before_fork(fx);
	unsigned seed = (unsigned)time(NULL);
	fprintf(stderr, "crash test seed %u\n", seed);
	srand(seed);
	unsigned long saved = 0, rounds_with_writes = 0;
	for (int round = 0; round < CRASH_ROUNDS; round++) {
		int p[2];
		assert_int_equal(pipe(p), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(p[0]);
			write_until_killed(fx->db, fx->case_id, round, p[1]);
		}
		close(p[1]);
		/* 2 to 40 ms: sometimes inside open, mostly mid-transaction */
		struct timespec ts = {0, (2 + rand() % 39) * 1000000L};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status))
			fail_msg("round %d: the writer stopped by itself (status %d)", round,
				 WEXITSTATUS(status));
		uint32_t acked = check_round(fx->db, round, p[0]);
		saved += acked;
		rounds_with_writes += acked > 0;
		close(p[0]);
	}
	fprintf(stderr, "%lu answers saved before a kill, in %lu of %d rounds\n", saved,
		rounds_with_writes, CRASH_ROUNDS);
	/* kills that always land before the first write would prove nothing */
	assert_true(rounds_with_writes > CRASH_ROUNDS / 2);
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_OK);
	int64_t rev;
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "after", "ok", false, 0, &rev, NULL, &err),
	    IPW_OK);
}

/* One writer process: INCREMENTS read-modify-write updates of "counter".
 * Exit status 0 only when every one landed and nothing but conflicts
 * went wrong. */
_Noreturn static void increment(const char *db, int64_t case_id)
{
	struct store *st = NULL;
	struct ipw_error err = {0};
	if (store_open(db, 0, &st, &err) != IPW_OK)
		_exit(10);
	for (int i = 0; i < INCREMENTS; i++) {
		struct answer_row *a;
		size_t n;
		if (store_answers_get(st, case_id, &a, &n, &err) != IPW_OK)
			_exit(11);
		long value = n ? strtol(a[0].value, NULL, 10) : 0;
		int64_t rev = n ? a[0].revision : 0;
		answer_rows_free(a, n);
		for (;;) {
			char buf[32];
			snprintf(buf, sizeof(buf), "%ld", value + 1);
			struct answer_conflict c = {0};
			int64_t new_rev;
			int r = store_answer_put(st, case_id, "counter", buf, false, rev, &new_rev,
						 &c, &err);
			if (r == IPW_OK)
				break;
			if (r != IPW_ECONFLICT) {
				fprintf(stderr, "writer %d: %s\n", (int)getpid(), err.msg);
				_exit(12);
			}
			/* someone got there first: build on their value */
			value = strtol(c.value, NULL, 10);
			rev = c.revision;
			answer_conflict_clear(&c);
		}
	}
	store_close(st);
	_exit(0);
}

static void concurrent_increments_lose_no_update(void **state)
{
	struct fixture *fx = *state;
	close_before_fork(fx);
	pid_t pids[WRITERS];
	for (int i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0)
			increment(fx->db, fx->case_id);
	}
	for (int i = 0; i < WRITERS; i++) {
		int status;
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	struct answer_row *a;
	size_t n;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_OK);
	assert_int_equal(store_answers_get(fx->st, fx->case_id, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_int_equal(strtol(a[0].value, NULL, 10), WRITERS * INCREMENTS);
	assert_int_equal(a[0].revision, WRITERS * INCREMENTS);
	answer_rows_free(a, n);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM audit WHERE what = "
						   "'answer counter'"),
			 WRITERS * INCREMENTS);
}

int main(void)
{
	/* SIGKILL is the point; a dead reader's pipe must not stop us */
	signal(SIGPIPE, SIG_IGN);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(killed_writer_loses_nothing_it_reported_saved,
					    fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(concurrent_increments_lose_no_update, fixture_setup,
					    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
