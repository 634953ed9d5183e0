# evidence area: one file against one requirement (src/evidence*.c), the
# attach and check commands, and their tests
libipwiz_a_SOURCES += \
	src/evidence.c src/evidence_open.c src/evidence_magic.c src/evidence_hash.c \
	src/evidence_shape.c src/evidence_zip.c src/evidence_words.c \
	src/evidence_internal.h

check_PROGRAMS += tests/unit/test_evidence
tests_unit_test_evidence_SOURCES = tests/unit/test_evidence.c
tests_unit_test_evidence_CFLAGS = $(unit_cflags)
tests_unit_test_evidence_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_evidence
