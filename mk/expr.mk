# SPDX-License-Identifier: GPL-3.0-or-later
# expr area: the condition language of `when:`, `required:` and date limits

check_PROGRAMS += tests/unit/test_expr
tests_unit_test_expr_SOURCES = tests/unit/test_expr.c
tests_unit_test_expr_CFLAGS = $(unit_cflags)
tests_unit_test_expr_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_expr

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_expr
FUZZ_TARGETS += tests/fuzz/fuzz_expr
tests_fuzz_fuzz_expr_SOURCES = tests/fuzz/fuzz_expr.c
tests_fuzz_fuzz_expr_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_expr_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_expr_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/expr
