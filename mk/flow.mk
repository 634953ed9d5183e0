# SPDX-License-Identifier: GPL-3.0-or-later
# flow area: the YAML loader, the flow model, lint and the flow commands

check_PROGRAMS += tests/unit/test_flow
tests_unit_test_flow_SOURCES = tests/unit/test_flow.c
tests_unit_test_flow_CFLAGS = $(unit_cflags)
tests_unit_test_flow_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_flow

check_PROGRAMS += tests/unit/test_validate
tests_unit_test_validate_SOURCES = tests/unit/test_validate.c
tests_unit_test_validate_CFLAGS = $(unit_cflags)
tests_unit_test_validate_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_validate

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_flow
FUZZ_TARGETS += tests/fuzz/fuzz_flow
tests_fuzz_fuzz_flow_SOURCES = tests/fuzz/fuzz_flow.c
tests_fuzz_fuzz_flow_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_flow_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_flow_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/flow
