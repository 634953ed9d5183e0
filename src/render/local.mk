# SPDX-License-Identifier: GPL-3.0-or-later
# src/render: documents and the export package
libipwiz_a_SOURCES += \
	%reldir%/export.c %reldir%/export.h %reldir%/export_copy.c %reldir%/export_internal.h \
	%reldir%/export_json.c %reldir%/export_manifest.c %reldir%/export_publish.c \
	%reldir%/contact_sheet.c %reldir%/contact_sheet.h %reldir%/contact_sheet_write.c %reldir%/export_zip.c %reldir%/render.c \
	%reldir%/render.h %reldir%/render_document.c
