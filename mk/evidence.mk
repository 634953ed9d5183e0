# evidence area: one file against one requirement (src/evidence*.c), the
# attach and check commands, and their tests
libipwiz_a_SOURCES += \
	src/evidence.c src/evidence_open.c src/evidence_magic.c src/evidence_hash.c \
	src/evidence_shape.c src/evidence_zip.c src/evidence_words.c \
	src/evidence_internal.h \
	src/cli_attach.c src/cli_check.c

check_PROGRAMS += tests/unit/test_evidence
tests_unit_test_evidence_SOURCES = tests/unit/test_evidence.c
tests_unit_test_evidence_CFLAGS = $(unit_cflags)
tests_unit_test_evidence_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_evidence

# whole-program tests of attach and check (they generate their own samples)
TESTS += \
	tests/cli/attach_rejects_a_program_named_pdf.sh \
	tests/cli/attach_rechecks_and_flags_duplicates.sh \
	tests/cli/attach_never_blocks_on_odd_files.sh \
	tests/cli/check_case_reports_missing_and_changed.sh \
	tests/cli/check_loose_files_against_a_field.sh
