/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case database as a file: where it is made, with which modes, which
 * files it refuses (and leaves untouched), how it upgrades, how it fails
 * when busy or read-only, and its backup copy. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "calendar/calendar.h"
#include "store/store_internal.h"
#include "store_fixture.h"

static mode_t mode_of(const char *path)
{
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xmalloc(1 << 20);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void creates_private_file_and_directory_whatever_the_umask(void **state)
{
	struct fixture *fx = *state;
	char *db = xasprintf("%s/ipwiz/cases.db", fx->dir);
	char *dir = xasprintf("%s/ipwiz", fx->dir);
	mode_t old = umask(0);
	struct ipw_error err = {0};
	assert_int_equal(store_open(db, STORE_CREATE, &fx->st, &err), IPW_OK);
	umask(old);
	assert_int_equal(mode_of(dir), 0700);
	assert_int_equal(mode_of(db), 0600);
	char *wal = xasprintf("%s-wal", db);
	assert_int_equal(mode_of(wal) & 077, 0);
	assert_int_equal(fixture_query_int(db, "PRAGMA application_id"), STORE_APPLICATION_ID);
	assert_int_equal(fixture_query_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	free(wal);
	free(dir);
	free(db);
}

static void a_mistyped_path_grows_no_tree_of_directories(void **state)
{
	struct fixture *fx = *state;
	char *db = xasprintf("%s/no/such/cases.db", fx->dir);
	struct ipw_error err = {0};
	assert_int_equal(store_open(db, STORE_CREATE, &fx->st, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "Cannot create the directory"));
	free(db);
}

static void default_path_follows_xdg_then_home(void **state)
{
	(void)state;
	setenv("XDG_DATA_HOME", "/srv/x", 1);
	char *p = store_default_path();
	assert_string_equal(p, "/srv/x/ipwiz/cases.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
	setenv("HOME", "/home/li", 1);
	p = store_default_path();
	assert_string_equal(p, "/home/li/.local/share/ipwiz/cases.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
}

static void default_path_gets_its_whole_directory_chain(void **state)
{
	struct fixture *fx = *state;
	char *home = xasprintf("%s/home", fx->dir);
	setenv("HOME", home, 1);
	unsetenv("XDG_DATA_HOME");
	char *db = store_default_path();
	struct ipw_error err = {0};
	assert_int_equal(store_open(db, STORE_CREATE, &fx->st, &err), IPW_OK);
	char *dir = xasprintf("%s/.local/share/ipwiz", home);
	assert_int_equal(mode_of(dir), 0700);
	free(dir);
	free(db);
	free(home);
}

static void group_shared_database_keeps_its_group_mode(void **state)
{
	struct fixture *fx = *state;
	FILE *f = fopen(fx->db, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(chmod(fx->db, 0660), 0);
	/* The usual umask: the WAL and shared memory must still be made 0660
	 * at once, not 0640 and widened after, or a member opening the case in
	 * between gets it read-only (store.c, team_umask). */
	mode_t was = umask(022);
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	int64_t id;
	assert_int_equal(store_case_create(fx->st, "f", "h", "t", "en", &id, &err), IPW_OK);
	assert_int_equal(mode_of(fx->db), 0660);
	char *wal = xasprintf("%s-wal", fx->db);
	assert_int_equal(mode_of(wal), 0660);
	free(wal);
	mode_t now = umask(was);
	assert_int_equal(now & (S_IRGRP | S_IWGRP), 0);
	assert_int_equal(now & S_IWOTH, S_IWOTH); /* others' restrictions kept */
}

static void world_readable_database_is_refused_with_the_fix(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(chmod(fx->db, 0644), 0);
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_EENV);
	assert_null(fx->st);
	assert_non_null(strstr(err.msg, "every user of this computer"));
	assert_non_null(strstr(err.msg, "chmod 600"));
	assert_int_equal(mode_of(fx->db), 0644); /* refused, not silently changed */
}

static void symbolic_link_is_refused_with_the_fix(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	store_close(fx->st);
	fx->st = NULL;
	char *link = xasprintf("%s/link.db", fx->dir);
	assert_int_equal(symlink(fx->db, link), 0);
	assert_int_equal(store_open(link, STORE_CREATE, &fx->st, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "symbolic link"));
	free(link);
}

static void text_file_is_refused_and_left_as_it_was(void **state)
{
	struct fixture *fx = *state;
	const char text[] = "this is not a database, just text\n";
	FILE *f = fopen(fx->db, "w");
	fputs(text, f);
	fclose(f);
	chmod(fx->db, 0600);
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "is not an ipwiz case database"));
	size_t len;
	char *buf = slurp(fx->db, &len);
	assert_int_equal(len, strlen(text));
	assert_memory_equal(buf, text, len);
	free(buf);
}

static void other_programs_sqlite_database_is_refused(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(fixture_exec(fx->db, "CREATE TABLE photos (id INTEGER)"), SQLITE_OK);
	chmod(fx->db, 0600);
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "another program"));
	assert_int_equal(fixture_query_int(fx->db, "PRAGMA user_version"), 0);
	assert_int_equal(fixture_query_int(fx->db, "PRAGMA application_id"), 0);
}

static void newer_database_is_refused_untouched(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(fixture_exec(fx->db, "PRAGMA user_version = 99; PRAGMA wal_checkpoint"),
			 SQLITE_OK);
	size_t len1, len2;
	char *before = slurp(fx->db, &len1);
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_EENV);
	assert_null(fx->st);
	assert_non_null(strstr(err.msg, "newer ipwiz"));
	assert_non_null(strstr(err.msg, "nothing was changed"));
	char *after = slurp(fx->db, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(before, after, len1);
	free(before);
	free(after);
}

/* Build the database of tests/fixtures/store/vN.sql. */
static void make_fixture_db(const char *db, const char *name)
{
	const char *src = getenv("IPWIZ_SRCDIR");
	char *path = xasprintf("%s/tests/fixtures/store/%s", src ? src : "..", name);
	size_t len;
	char *sql = slurp(path, &len);
	sql[len] = '\0';
	assert_int_equal(fixture_exec(db, sql), SQLITE_OK);
	assert_int_equal(chmod(db, 0600), 0);
	free(sql);
	free(path);
}

static void check_upgraded_v1(struct store *st, const char *db)
{
	struct ipw_error err = {0};
	assert_int_equal(fixture_query_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_query_int(db, "SELECT count(*) FROM migrations"),
			 STORE_SCHEMA_VERSION); /* v1 was recorded, then each step up */
	assert_int_equal(fixture_query_int(db, "SELECT integrity_check = 'ok' FROM "
					       "pragma_integrity_check"),
			 1);
	struct case_row c;
	assert_int_equal(store_case_get(st, 7, &c, &err), IPW_OK);
	assert_string_equal(c.title, "商标申诉 #1");
	assert_string_equal(c.status, "ready");
	assert_null(c.lang);
	case_row_clear(&c);
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_answers_get(st, 7, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 3);
	assert_string_equal(a[0].path, "complaint_number");
	assert_int_equal(a[0].revision, 2);
	assert_false(a[0].draft);
	assert_null(a[2].value); /* the cleared answer keeps its revision */
	assert_int_equal(a[2].revision, 3);
	answer_rows_free(a, n);
	struct evidence_row *e;
	assert_int_equal(store_evidence_list(st, 7, &e, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].path, "/home/li/发票.pdf");
	assert_int_equal(e[0].position, 3);
	evidence_rows_free(e, n);
	struct audit_row *au;
	assert_int_equal(store_audit_list(st, 7, &au, &n, &err), IPW_OK);
	assert_int_equal(n, 2);
	assert_null(au[1].address);
	audit_rows_free(au, n);
}

static void version_1_database_is_upgraded_without_losing_a_row(void **state)
{
	struct fixture *fx = *state;
	make_fixture_db(fx->db, "v1.sql");
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_OK);
	check_upgraded_v1(fx->st, fx->db);
	/* and it takes writes in the new columns */
	int64_t rev;
	assert_int_equal(store_answer_put(fx->st, 7, "complaint_number", "IPP-2026-0043", true, 2,
					  &rev, NULL, &err),
			 IPW_OK);
	assert_int_equal(rev, 3);
}

static void version_1_database_opened_read_only_is_upgraded_aside(void **state)
{
	struct fixture *fx = *state;
	make_fixture_db(fx->db, "v1.sql");
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_READONLY, &fx->st, &err), IPW_OK);
	check_upgraded_v1(fx->st, fx->db);
	assert_int_equal(store_audit_add(fx->st, 7, "x", NULL, NULL, &err), IPW_EENV);
	assert_non_null(strstr(err.msg, "read-only"));
}

/* Schema 4 carries the submissions written as audit text before it into
 * rows: each reply goes to the latest submission before it; a reply that
 * cannot be read leaves its submission unanswered, and nothing is lost. */
static void version_3_submissions_become_rows(void **state)
{
	struct fixture *fx = *state;
	make_fixture_db(fx->db, "v3.sql");
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_OK);
	assert_int_equal(fixture_query_int(fx->db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	struct submission_row *v;
	size_t n;
	assert_int_equal(store_submissions_list(fx->st, 9, &v, &n, &err), IPW_OK);
	assert_int_equal(n, 3);
	long day;
	assert_true(calendar_parse_date("2026-11-20", &day));
	assert_int_equal(v[0].day, day);
	assert_int_equal(v[0].chance, 1);
	assert_string_equal(v[0].outcome, "more-info");
	assert_int_equal(v[0].reply_day, day + 1);
	assert_int_equal(v[1].day, day + 2);
	assert_string_equal(v[1].outcome, "rejected");
	assert_int_equal(v[1].reply_day, day + 3);
	assert_int_equal(v[2].chance, 2);
	assert_string_equal(v[2].actor, "wang");
	assert_null(v[2].outcome); /* "nonsense" is no answer */
	submission_rows_free(v, n);
	struct audit_row *au;
	assert_int_equal(store_audit_list(fx->st, 9, &au, &n, &err), IPW_OK);
	assert_int_equal(n, 7);
	audit_rows_free(au, n);
	/* the next write goes after them, with its status, in one go */
	struct submission_change c = {.reply = true,
				      .day = day + 5,
				      .outcome = "rejected",
				      .status = "draft",
				      .audit_what = "reply",
				      .audit_value = "rejected 2026-11-25",
				      .answer_path = "chance",
				      .answer_value = "third"};
	assert_int_equal(store_submission_write(fx->st, 9, &c, &err), IPW_OK);
	assert_int_equal(fixture_query_int(fx->db,
					   "SELECT count(*) FROM submissions WHERE "
					   "case_id = 9 AND seq = 5 AND outcome = 'rejected'"),
			 1);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM answers WHERE case_id = "
						   "9 AND path = 'chance' AND value = 'third'"),
			 1);
}

/* A reply with no submission to answer changes nothing: not the status,
 * not the answer, not the trail. */
static void reply_without_submission_is_one_refused_transaction(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_CREATE, &fx->st, &err), IPW_OK);
	int64_t id;
	assert_int_equal(store_case_create(fx->st, "f", "", "t", NULL, &id, &err), IPW_OK);
	struct submission_change c = {.reply = true,
				      .day = 20000,
				      .outcome = "rejected",
				      .status = "closed",
				      .audit_what = "reply",
				      .audit_value = "rejected",
				      .answer_path = "chance",
				      .answer_value = "second"};
	assert_int_equal(store_submission_write(fx->st, id, &c, &err), IPW_EUSER);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM answers"), 0);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM cases WHERE status = "
						   "'draft'"),
			 1);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM audit WHERE what = "
						   "'reply'"),
			 0);
}

/* Schema 5 adds what the deep evidence check read (by file hash and
 * reader) and the findings acknowledged; every earlier row stays. */
static void version_4_gains_readings_and_acknowledgements(void **state)
{
	struct fixture *fx = *state;
	make_fixture_db(fx->db, "v4.sql");
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, 0, &fx->st, &err), IPW_OK);
	assert_int_equal(fixture_query_int(fx->db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM evidence WHERE case_id = "
						   "1 AND verdict = 'ok'"),
			 1);
	static const char sha[] =
	    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
	char *found, *text;
	assert_int_equal(store_reading_get(fx->st, sha, "r1", &found, &text, &err), IPW_OK);
	assert_null(found);
	assert_null(text);
	assert_int_equal(store_reading_put(fx->st, sha, "r1", "pages 2", "发票 2026年9月1日", &err),
			 IPW_OK);
	assert_int_equal(store_reading_put(fx->st, sha, "r1", "pages 3", "", &err), IPW_OK);
	assert_int_equal(store_reading_get(fx->st, sha, "r1", &found, &text, &err), IPW_OK);
	assert_string_equal(found, "pages 3");
	assert_string_equal(text, "");
	free(found);
	free(text);
	/* another reader's reading is not this one's */
	assert_int_equal(store_reading_get(fx->st, sha, "r2", &found, &text, &err), IPW_OK);
	assert_null(found);
	/* Old readings of bytes no case holds go with the next put; those of
	 * the attached invoice (sha) stay however old. */
	static const char gone[] =
	    "0000000000000000000000000000000000000000000000000000000000000000";
	assert_int_equal(store_reading_put(fx->st, gone, "r1", "x", "", &err), IPW_OK);
	assert_int_equal(fixture_exec(fx->db, "UPDATE evidence_reads SET at = 0"), 0);
	assert_int_equal(store_reading_put(fx->st, sha, "r2", "z", "", &err), IPW_OK);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM evidence_reads WHERE "
						   "sha256 LIKE '0000%'"),
			 0);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM evidence_reads WHERE "
						   "sha256 LIKE '9f86%'"),
			 2);
	/* an acknowledgement is kept once, with its audit row */
	for (int i = 0; i < 2; i++)
		assert_int_equal(store_ack_add(fx->st, 1, sha, "date-differs", 1,
					       "invoice: date-differs (page 1)", &err),
				 IPW_OK);
	struct ack_row *a;
	size_t n;
	assert_int_equal(store_acks_list(fx->st, 1, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].finding, "date-differs");
	assert_int_equal(a[0].page, 1);
	ack_rows_free(a, n);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM audit WHERE what = "
						   "'acknowledged' AND case_id = 1"),
			 1);
	/* no such case: a usage error, as for every case command */
	assert_int_equal(store_ack_add(fx->st, 99, sha, "date-differs", 1, "x", &err), IPW_EUSAGE);
}

static void read_only_open_of_a_missing_database_says_so(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	assert_int_equal(store_open(fx->db, STORE_READONLY | STORE_CREATE, &fx->st, &err),
			 IPW_EENV);
	assert_non_null(strstr(err.msg, "There is no case database"));
	assert_int_equal(access(fx->db, F_OK), -1);
}

static void connection_uses_wal_full_sync_and_foreign_keys(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(fixture_query_int(fx->db, "SELECT journal_mode = 'wal' FROM "
						   "pragma_journal_mode"),
			 1);
	struct ipw_error err = {0};
	/* deleting a case removes its answers: the foreign keys are on */
	int64_t rev;
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "a", "1", false, 0, &rev, NULL, &err), IPW_OK);
	assert_int_equal(store_case_delete(fx->st, fx->case_id, &err), IPW_OK);
	assert_int_equal(fixture_query_int(fx->db, "SELECT count(*) FROM answers"), 0);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Another program holds the write lock: we wait the busy timeout, then
 * say so, and nothing is written. */
static void locked_database_fails_after_the_timeout(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *other = NULL;
	assert_int_equal(sqlite3_open(fx->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct ipw_error err = {0};
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int64_t rev = 0;
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "a", "1", false, 0, &rev, NULL, &err), IPW_EENV);
	double waited = seconds_since(&t0);
	assert_true(waited >= STORE_BUSY_MS / 1000.0 - 0.2);
	assert_true(waited < STORE_BUSY_MS / 1000.0 + 3);
	assert_non_null(strstr(err.msg, "in use by another program"));
	assert_non_null(strstr(err.msg, "try again in a moment"));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	/* once the other program is done, the same write goes through */
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "a", "1", false, 0, &rev, NULL, &err), IPW_OK);
}

static void backup_is_a_private_openable_copy(void **state)
{
	struct fixture *fx = *state;
	struct ipw_error err = {0};
	int64_t rev;
	assert_int_equal(
	    store_answer_put(fx->st, fx->case_id, "name", "李娜", false, 0, &rev, NULL, &err),
	    IPW_OK);
	char *copy = xasprintf("%s/export.db", fx->dir);
	assert_int_equal(store_backup(fx->st, copy, &err), IPW_OK);
	assert_int_equal(mode_of(copy), 0600);
	char *wal = xasprintf("%s-wal", copy);
	assert_int_equal(access(wal, F_OK), -1);
	struct store *st2 = NULL;
	assert_int_equal(store_open(copy, 0, &st2, &err), IPW_OK);
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_answers_get(st2, fx->case_id, &a, &n, &err), IPW_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].value, "李娜");
	answer_rows_free(a, n);
	store_close(st2);
	/* a second backup replaces the first */
	assert_int_equal(store_backup(fx->st, copy, &err), IPW_OK);
	free(wal);
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define EMPTY(t) cmocka_unit_test_setup_teardown(t, fixture_setup_empty, fixture_teardown)
#define FULL(t)	 cmocka_unit_test_setup_teardown(t, fixture_setup, fixture_teardown)
	    EMPTY(creates_private_file_and_directory_whatever_the_umask),
	    EMPTY(a_mistyped_path_grows_no_tree_of_directories),
	    cmocka_unit_test(default_path_follows_xdg_then_home),
	    EMPTY(default_path_gets_its_whole_directory_chain),
	    EMPTY(group_shared_database_keeps_its_group_mode),
	    EMPTY(world_readable_database_is_refused_with_the_fix),
	    EMPTY(symbolic_link_is_refused_with_the_fix),
	    EMPTY(text_file_is_refused_and_left_as_it_was),
	    EMPTY(other_programs_sqlite_database_is_refused),
	    EMPTY(newer_database_is_refused_untouched),
	    EMPTY(version_1_database_is_upgraded_without_losing_a_row),
	    EMPTY(version_1_database_opened_read_only_is_upgraded_aside),
	    EMPTY(version_3_submissions_become_rows),
	    EMPTY(reply_without_submission_is_one_refused_transaction),
	    EMPTY(version_4_gains_readings_and_acknowledgements),
	    EMPTY(read_only_open_of_a_missing_database_says_so),
	    FULL(connection_uses_wal_full_sync_and_foreign_keys),
	    FULL(locked_database_fails_after_the_timeout),
	    FULL(backup_is_a_private_openable_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
