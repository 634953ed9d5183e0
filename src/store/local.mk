# SPDX-License-Identifier: GPL-3.0-or-later
# src/store: SQLite: schema, migrations, cases, answers, evidence, audit, notes, presence rows
libipwiz_a_SOURCES += \
	%reldir%/presence.c %reldir%/presence.h %reldir%/store.c %reldir%/store.h \
	%reldir%/store_access.c %reldir%/store_answer.c %reldir%/store_audit.c \
	%reldir%/store_case.c %reldir%/store_copy.c %reldir%/store_evidence.c \
	%reldir%/store_internal.h %reldir%/store_place.c %reldir%/store_read.h \
	%reldir%/store_reads.c %reldir%/store_scan.c \
	%reldir%/store_schema.c %reldir%/store_shared.c %reldir%/store_sql.c \
	%reldir%/store_submission.c
