# SPDX-License-Identifier: GPL-3.0-or-later
# store area: the SQLite case database, and `ipwiz history`

check_PROGRAMS += tests/unit/test_store
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/unit/store_fixture.h
tests_unit_test_store_CFLAGS = $(unit_cflags)
tests_unit_test_store_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_store

check_PROGRAMS += tests/unit/test_store_data
tests_unit_test_store_data_SOURCES = tests/unit/test_store_data.c tests/unit/store_fixture.h
tests_unit_test_store_data_CFLAGS = $(unit_cflags)
tests_unit_test_store_data_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_store_data

check_PROGRAMS += tests/unit/test_store_stress
tests_unit_test_store_stress_SOURCES = tests/unit/test_store_stress.c tests/unit/store_fixture.h
tests_unit_test_store_stress_CFLAGS = $(unit_cflags)
tests_unit_test_store_stress_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_store_stress

check_PROGRAMS += tests/unit/test_store_disk
tests_unit_test_store_disk_SOURCES = tests/unit/test_store_disk.c tests/unit/store_fixture.h
tests_unit_test_store_disk_CFLAGS = $(unit_cflags)
tests_unit_test_store_disk_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_store_disk

TESTS += \
	tests/cli/list_counts_each_cases_progress.sh \
	tests/cli/list_shows_the_next_deadline.sh \
	tests/cli/store_history_shows_who_what_when.sh \
	tests/cli/store_refusals_exit_3.sh \
	tests/cli/store_set_survives_kill_9.sh
