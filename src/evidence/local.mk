# SPDX-License-Identifier: GPL-3.0-or-later
# src/evidence: one file against one requirement
libipwiz_a_SOURCES += \
	%reldir%/evidence.c %reldir%/evidence.h %reldir%/evidence_dates.c %reldir%/evidence_hash.c \
	%reldir%/evidence_internal.h %reldir%/evidence_look.h %reldir%/evidence_magic.c \
	%reldir%/evidence_ocr.c %reldir%/evidence_ocr.h %reldir%/evidence_open.c \
	%reldir%/evidence_read.c %reldir%/evidence_read.h %reldir%/evidence_shape.c \
	%reldir%/evidence_text.c %reldir%/evidence_thumb.c %reldir%/evidence_words.c \
	%reldir%/evidence_zip.c
