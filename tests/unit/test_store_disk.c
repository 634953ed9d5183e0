/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store on a file system that fills up or turns read-only: a clear
 * sentence, earlier answers intact, and writes work again once space is
 * back. Needs root to mount a small tmpfs; skipped (77) otherwise. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cmocka.h>

#include "store_fixture.h"

struct disk {
	char dir[64];
	char *db, *filler;
};

static struct disk disk;

static int64_t put(struct store *st, int64_t id, const char *path, const char *value,
		   struct ipw_error *err)
{
	int64_t rev = 0;
	int r = store_answer_put(st, id, path, value, false, 0, &rev, NULL, err);
	return r == IPW_OK ? rev : -r;
}

/* Take every free byte with a file, so the next write cannot grow. */
static void fill_disk(void)
{
	int fd = open(disk.filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	static char block[4096];
	while (write(fd, block, sizeof(block)) > 0)
		;
	assert_int_equal(errno, ENOSPC);
	close(fd);
}

static char *big_value(size_t n, char c)
{
	char *v = xmalloc(n + 1);
	memset(v, c, n);
	v[n] = '\0';
	return v;
}

static void full_disk_says_so_keeps_answers_and_recovers(void **state)
{
	(void)state;
	struct ipw_error err = {0};
	struct store *st = NULL;
	int64_t id;
	assert_int_equal(store_open(disk.db, STORE_CREATE, &st, &err), IPW_OK);
	assert_int_equal(store_case_create(st, "core-test", "h", "Full", "en", &id, &err), IPW_OK);
	char path[32];
	for (int i = 0; i < 20; i++) {
		snprintf(path, sizeof(path), "early.%d", i);
		assert_int_equal(put(st, id, path, "saved before the disk filled", &err), 1);
	}
	fill_disk();
	char *v = big_value(32768, 'x');
	int r = IPW_OK;
	for (int i = 0; i < 200 && r == IPW_OK; i++) {
		snprintf(path, sizeof(path), "late.%d", i);
		int64_t rev;
		r = store_answer_put(st, id, path, v, false, 0, &rev, NULL, &err);
	}
	fprintf(stderr, "full disk: %s\n", err.msg);
	assert_int_equal(r, IPW_EENV);
	assert_non_null(strstr(err.msg, "is full"));
	assert_non_null(strstr(err.msg, "earlier answers are safe"));
	/* a fresh connection sees every early answer and a sound file */
	struct store *again = NULL;
	struct answer_row *a;
	size_t n;
	assert_int_equal(store_open(disk.db, 0, &again, &err), IPW_OK);
	assert_int_equal(store_answers_get(again, id, &a, &n, &err), IPW_OK);
	size_t early = 0;
	for (size_t i = 0; i < n; i++)
		early += strncmp(a[i].path, "early.", 6) == 0;
	assert_int_equal(early, 20);
	answer_rows_free(a, n);
	store_close(again);
	assert_int_equal(fixture_query_int(disk.db, "SELECT integrity_check = 'ok' FROM "
						    "pragma_integrity_check"),
			 1);
	/* space back: the same connection writes again */
	assert_int_equal(unlink(disk.filler), 0);
	assert_int_equal(put(st, id, "after", v, &err), 1);
	free(v);
	store_close(st);
}

static void read_only_file_system_says_so(void **state)
{
	(void)state;
	struct ipw_error err = {0};
	struct store *st = NULL;
	int64_t id;
	assert_int_equal(store_open(disk.db, STORE_CREATE, &st, &err), IPW_OK);
	assert_int_equal(store_case_create(st, "core-test", "h", "RO", "en", &id, &err), IPW_OK);
	store_close(st);
	assert_int_equal(mount(NULL, disk.dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	int r = store_open(disk.db, 0, &st, &err);
	if (r == IPW_OK) {
		assert_int_equal(put(st, id, "name", "Li", &err), -IPW_EENV);
		store_close(st);
	}
	fprintf(stderr, "read-only: %s\n", err.msg);
	assert_int_equal(err.status, IPW_EENV);
	assert_true(strstr(err.msg, "read-only"));
	assert_int_equal(mount(NULL, disk.dir, NULL, MS_REMOUNT, NULL), 0);
}

static int mount_tmpfs(void **state)
{
	(void)state;
	snprintf(disk.dir, sizeof(disk.dir), "/tmp/ipwiz-disk-XXXXXX");
	if (!mkdtemp(disk.dir))
		return -1;
	if (mount("tmpfs", disk.dir, "tmpfs", 0, "size=1m,mode=0700") != 0)
		return -1;
	disk.db = xasprintf("%s/cases.db", disk.dir);
	disk.filler = xasprintf("%s/filler", disk.dir);
	return 0;
}

static int unmount_tmpfs(void **state)
{
	(void)state;
	int r = umount(disk.dir);
	rmdir(disk.dir);
	free(disk.db);
	free(disk.filler);
	return r;
}

int main(void)
{
	/* Try the mount once up front: without the right to mount, skip. */
	char probe[] = "/tmp/ipwiz-probe-XXXXXX";
	if (!mkdtemp(probe))
		return 77;
	int can = mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0;
	int why = errno;
	if (can)
		umount(probe);
	rmdir(probe);
	if (!can) {
		fprintf(stderr, "skipped: cannot mount a tmpfs here (%s)\n", strerror(why));
		return 77;
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(full_disk_says_so_keeps_answers_and_recovers,
					    mount_tmpfs, unmount_tmpfs),
	    cmocka_unit_test_setup_teardown(read_only_file_system_says_so, mount_tmpfs,
					    unmount_tmpfs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
