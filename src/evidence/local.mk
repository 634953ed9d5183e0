# SPDX-License-Identifier: GPL-3.0-or-later
# src/evidence: one file against one requirement
libipwiz_a_SOURCES += \
	%reldir%/evidence.c %reldir%/evidence.h %reldir%/evidence_decode.c \
	%reldir%/evidence_decode.h %reldir%/evidence_decode_jpeg.c %reldir%/evidence_decode_pdf.c \
	%reldir%/evidence_decode_png.c %reldir%/evidence_hash.c %reldir%/evidence_internal.h \
	%reldir%/evidence_look.h %reldir%/evidence_magic.c %reldir%/evidence_open.c \
	%reldir%/evidence_report.c %reldir%/evidence_sandbox.c %reldir%/evidence_shape.c \
	%reldir%/evidence_wire.c %reldir%/evidence_wire.h %reldir%/evidence_words.c \
	%reldir%/evidence_worker.c %reldir%/evidence_worker.h %reldir%/evidence_zip.c
