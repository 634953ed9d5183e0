# SPDX-License-Identifier: GPL-3.0-or-later
# tests of the core pieces owned by no other area, and whole-program checks
check_PROGRAMS += tests/unit/test_utf8 tests/unit/test_answers_file
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c
tests_unit_test_utf8_CFLAGS = $(unit_cflags)
tests_unit_test_utf8_LDADD = $(unit_ldadd)
tests_unit_test_answers_file_SOURCES = tests/unit/test_answers_file.c
tests_unit_test_answers_file_CFLAGS = $(unit_cflags)
tests_unit_test_answers_file_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_utf8 tests/unit/test_answers_file

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_answers
FUZZ_TARGETS += tests/fuzz/fuzz_answers
tests_fuzz_fuzz_answers_SOURCES = tests/fuzz/fuzz_answers.c
tests_fuzz_fuzz_answers_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_answers_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_answers_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/answers

# whole-program tests of the command line
TESTS += \
	tests/cli/usage_and_exit_codes.sh \
	tests/cli/messages_follow_the_user_documents_the_case.sh \
	tests/cli/show_reads_choices_by_their_labels.sh \
	tests/cli/counts_read_in_singular_and_plural.sh \
	tests/cli/set_validates_like_the_wizard.sh \
	tests/cli/fill_reports_every_bad_answer.sh \
	tests/cli/fill_applies_declarations_last.sh \
	tests/cli/shipped_flows_lint_clean.sh \
	tests/cli/lint_reports_every_error.sh \
	tests/cli/lint_checks_evidence_packages.sh \
	tests/cli/json_stays_valid_for_hostile_text.sh \
	tests/cli/every_command_has_help.sh \
	tests/cli/make_test_runs_the_suite.sh
EXTRA_DIST += tests/cli

# the layering of HACKING.md: no module cycle, the store behind the door,
# the core free of front-end symbols (needs both libraries built)
TESTS += tests/arch/layers.sh
EXTRA_DIST += tests/arch
tests/arch/layers.log: libipwiz.a libipwizui.a

# every visible message translated in every language
TESTS += tests/i18n/translations_complete.sh
EXTRA_DIST += tests/i18n

check_PROGRAMS += tests/unit/test_session
tests_unit_test_session_SOURCES = tests/unit/test_session.c
tests_unit_test_session_CFLAGS = $(unit_cflags)
tests_unit_test_session_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_session

# `make test` is `make check`: Debian's dh_auto_test tries `test` first,
# and without this rule make's built-in one copies test.sh to a file
# called test and runs no test at all.
.PHONY: test
test: check

# Each fuzzer runs on a scratch copy of its seeds, so the committed corpus
# only changes when someone decides to add a finding to it.
FUZZ_SECONDS = 30
.PHONY: fuzz-smoke
fuzz-smoke: $(FUZZ_TARGETS)
if ENABLE_FUZZING
	@set -e; for t in $(FUZZ_TARGETS); do \
	  name=$$(basename $$t); seeds=$(srcdir)/tests/fuzz/$${name#fuzz_}; \
	  work=$$(mktemp -d); \
	  if [ -d "$$seeds" ]; then cp -R "$$seeds"/. "$$work"/; fi; \
	  echo "fuzz $$name: $(FUZZ_SECONDS)s"; \
	  if ! ./$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	      -rss_limit_mb=2048 -print_final_stats=1 "$$work" >$$t.log 2>&1; then \
	    sed -n '/ERROR\|==[0-9]*==/,$$p' $$t.log | head -n 60; \
	    echo "fuzz-smoke: $$name failed; the input is the crash-* file in $$(pwd)"; \
	    rm -rf "$$work"; exit 1; \
	  fi; \
	  grep -E '^stat::number_of_executed_units' $$t.log || true; \
	  rm -rf "$$work"; \
	done
else
	@echo "fuzz-smoke: configure with CC=clang --enable-fuzzing" >&2; exit 1
endif

# Test directories are distributed whole; automake copies the build tree's
# copy too, so drop what a test run leaves there (a .log in the tarball
# makes distcheck think the test already ran).
dist-hook:
	find $(distdir)/tests $(distdir)/bench -type f \( -name '*.log' -o -name '*.trs' \
	  -o -name '*.o' -o -name '.dirstamp' -o -name 'crash-*' \) -exec rm -f {} +
	find $(distdir)/tests -depth -type d -name .deps -exec rm -rf {} +

# coaching over SSH: real Unix users on one shared database (needs root)
TESTS += tests/coach/a_killed_wizard_leaves_no_ghost.sh \
	tests/coach/affirmation_tampering_is_evident.sh \
	tests/coach/init_shared_changes_only_what_it_says.sh \
	tests/coach/only_the_owner_affirms_or_withdraws.sh \
	tests/coach/presence_counts_everybody.sh \
	tests/coach/reads_are_shown_to_the_owner.sh \
	tests/coach/shared_database_keeps_roles_apart.sh \
	tests/coach/two_wizards_see_each_other.sh \
	tests/coach/void_affirmation_is_shown_void.sh \
	tests/coach/watch_follows_the_owner.sh
EXTRA_DIST += tests/coach
