# SPDX-License-Identifier: GPL-3.0-or-later
# src/case: a case in progress and the cases of a database: the door front ends use
libipwiz_a_SOURCES += \
	%reldir%/answers.c %reldir%/answers.h %reldir%/audit_words.c %reldir%/audit_words.h %reldir%/case.h %reldir%/case_walk.c \
	%reldir%/case_walk.h %reldir%/case_db.c %reldir%/case_db.h %reldir%/case_internal.h %reldir%/session_trail.c %reldir%/deadline.c %reldir%/deadline.h \
	%reldir%/deadline_submission.c %reldir%/deadline_submission.h %reldir%/evidence_case.c \
	%reldir%/evidence_case.h %reldir%/session.c %reldir%/session.h %reldir%/session_affirm.c \
	%reldir%/session_seal.c %reldir%/session_edit.c %reldir%/session_internal.h %reldir%/session_state.c
