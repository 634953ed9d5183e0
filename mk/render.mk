# SPDX-License-Identifier: GPL-3.0-or-later
# render area: templates, documents, working-day calendars, deadlines, export

dist_calendars_DATA += data/calendars/cn.yaml data/calendars/us.yaml

check_PROGRAMS += tests/unit/test_calendar
tests_unit_test_calendar_SOURCES = tests/unit/test_calendar.c
tests_unit_test_calendar_CFLAGS = $(unit_cflags)
tests_unit_test_calendar_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_calendar

check_PROGRAMS += tests/unit/test_template
tests_unit_test_template_SOURCES = tests/unit/test_template.c
tests_unit_test_template_CFLAGS = $(unit_cflags)
tests_unit_test_template_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_template

check_PROGRAMS += tests/unit/test_deadline
tests_unit_test_deadline_SOURCES = tests/unit/test_deadline.c
tests_unit_test_deadline_CFLAGS = $(unit_cflags)
tests_unit_test_deadline_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_deadline

check_PROGRAMS += tests/unit/test_export
tests_unit_test_export_SOURCES = tests/unit/test_export.c
tests_unit_test_export_CFLAGS = $(unit_cflags)
tests_unit_test_export_LDADD = $(unit_ldadd)
# Fault injection: the test makes a chosen rename fail.
tests_unit_test_export_LDFLAGS = -Wl,--wrap=rename
TESTS += tests/unit/test_export

TESTS += \
	tests/cli/export_package_verifies_with_sha256sum.sh \
	tests/cli/export_refuses_changed_evidence.sh \
	tests/cli/export_refuses_an_unready_case.sh \
	tests/cli/export_documents_match_golden.sh \
	tests/cli/export_then_submitted_and_reply.sh \
	tests/cli/lifecycle_alibaba_counts_the_chances.sh \
	tests/cli/today_is_the_local_date.sh

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_template
FUZZ_TARGETS += tests/fuzz/fuzz_template
tests_fuzz_fuzz_template_SOURCES = tests/fuzz/fuzz_template.c
tests_fuzz_fuzz_template_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_template_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_template_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/template

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_calendar
FUZZ_TARGETS += tests/fuzz/fuzz_calendar
tests_fuzz_fuzz_calendar_SOURCES = tests/fuzz/fuzz_calendar.c
tests_fuzz_fuzz_calendar_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_calendar_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_calendar_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/calendar
