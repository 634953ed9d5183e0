# SPDX-License-Identifier: GPL-3.0-or-later
# src/evidence: one file against one requirement
libipwiz_a_SOURCES += \
	%reldir%/evidence.c %reldir%/evidence.h %reldir%/evidence_dates.c %reldir%/evidence_findings.c \
	%reldir%/evidence_hash.c 	%reldir%/evidence_internal.h %reldir%/evidence_legible.c %reldir%/evidence_legible_colour.c \
	%reldir%/evidence_legible_judge.c %reldir%/evidence_legible_work.h \
	%reldir%/evidence_many.c \
	%reldir%/evidence_ocr_models.c %reldir%/evidence_reading.c \
	%reldir%/evidence_look.h %reldir%/evidence_open.c %reldir%/evidence_read.c \
	%reldir%/evidence_read.h %reldir%/evidence_report.c %reldir%/evidence_shape.c \
	%reldir%/evidence_text.c %reldir%/evidence_thumb.c %reldir%/evidence_wire.c \
	%reldir%/evidence_wire.h %reldir%/evidence_words.c %reldir%/evidence_worker.c \
	%reldir%/evidence_zip.c

# The worker program: libmagic, the decoders and OCR, in a sandbox (run by
# evidence_worker.c, never by a user).
pkglibexec_PROGRAMS += ipwiz-worker
ipwiz_worker_SOURCES = \
	%reldir%/evidence_decode.c %reldir%/evidence_decode.h %reldir%/evidence_decode_jpeg.c \
	%reldir%/evidence_decode_pdf.c %reldir%/evidence_decode_png.c %reldir%/evidence_magic.c \
	%reldir%/evidence_ocr.c %reldir%/evidence_ocr.h %reldir%/evidence_ocr_plugin.h \
	%reldir%/evidence_sandbox.c \
	%reldir%/evidence_serve.c %reldir%/evidence_worker.h
ipwiz_worker_CFLAGS = $(AM_CFLAGS) $(DEP_CFLAGS) $(WORKER_CFLAGS)
ipwiz_worker_LDADD = libipwiz.a $(WORKER_LIBS) $(DEP_LIBS)

# The OCR module (evidence_ocr_plugin.h): tesseract and leptonica, loaded
# by a worker that reads scans (evidence_ocr.c), next to the worker.
if HAVE_TESSERACT
pkglibexec_PROGRAMS += ipwiz-ocr.so
ipwiz_ocr_so_SOURCES = %reldir%/evidence_ocr_tess.c %reldir%/evidence_ocr_plugin.h
ipwiz_ocr_so_CFLAGS = $(AM_CFLAGS) -fPIC $(TESSERACT_CFLAGS)
ipwiz_ocr_so_LDFLAGS = -shared
ipwiz_ocr_so_LDADD = $(TESSERACT_LIBS)
endif
