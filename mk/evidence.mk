# SPDX-License-Identifier: GPL-3.0-or-later
# evidence area: one file against one requirement (src/evidence*.c), the
# attach and check commands, and their tests

check_PROGRAMS += tests/unit/test_evidence
tests_unit_test_evidence_SOURCES = tests/unit/test_evidence.c
tests_unit_test_evidence_CFLAGS = $(unit_cflags)
tests_unit_test_evidence_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_evidence

# reading a document's text against the answers (evidence_read.h)
check_PROGRAMS += tests/unit/test_read
tests_unit_test_read_SOURCES = tests/unit/test_read.c
tests_unit_test_read_CFLAGS = $(unit_cflags)
tests_unit_test_read_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_read

# whole-program tests of attach and check (they generate their own samples)
TESTS += \
	tests/cli/attach_rejects_a_program_named_pdf.sh \
	tests/cli/attach_rechecks_and_flags_duplicates.sh \
	tests/cli/attach_never_blocks_on_odd_files.sh \
	tests/cli/check_case_reports_missing_and_changed.sh \
	tests/cli/check_loose_files_against_a_field.sh \
	tests/cli/check_reads_many_files_at_once.sh \
	tests/cli/check_shows_progress_on_a_terminal.sh \
	tests/cli/check_follows_conditions_and_limits.sh

# the legibility set, drawn with cairo at test time (nothing of it in git)
check_PROGRAMS += tests/fixtures/evidence/make-legible
tests_fixtures_evidence_make_legible_SOURCES = tests/fixtures/evidence/make-legible.c
tests_fixtures_evidence_make_legible_CFLAGS = $(AM_CFLAGS) $(POPPLER_CFLAGS)
tests_fixtures_evidence_make_legible_LDADD = $(POPPLER_LIBS) -lm

# every decoder on every sample and corpus file (also in the ASan build), and
# the accuracy on the public corpus when it is on the machine
TESTS += \
	tests/evidence/decoders_survive_every_file.sh \
	tests/evidence/legibility_is_judged.sh \
	tests/evidence/findings_are_acknowledged_from_the_command_line.sh \
	tests/evidence/verdicts_speak_the_readers_language.sh \
	tests/evidence/check_report_is_a_contact_sheet.sh \
	tests/evidence/public_corpus_accuracy.sh
EXTRA_DIST += tests/evidence

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_evidence
FUZZ_TARGETS += tests/fuzz/fuzz_evidence
tests_fuzz_fuzz_evidence_SOURCES = tests/fuzz/fuzz_evidence.c
tests_fuzz_fuzz_evidence_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_evidence_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_evidence_LDADD = libipwiz.a $(DEP_LIBS)
endif
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_worker_reply
FUZZ_TARGETS += tests/fuzz/fuzz_worker_reply
tests_fuzz_fuzz_worker_reply_SOURCES = tests/fuzz/fuzz_worker_reply.c
tests_fuzz_fuzz_worker_reply_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_worker_reply_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_worker_reply_LDADD = libipwiz.a $(DEP_LIBS)
endif
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_read
FUZZ_TARGETS += tests/fuzz/fuzz_read
tests_fuzz_fuzz_read_SOURCES = tests/fuzz/fuzz_read.c
tests_fuzz_fuzz_read_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS)
tests_fuzz_fuzz_read_LDFLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_read_LDADD = libipwiz.a $(DEP_LIBS)
endif
EXTRA_DIST += tests/fuzz/evidence tests/fuzz/worker_reply tests/fuzz/read
