# SPDX-License-Identifier: GPL-3.0-or-later
# ui/plain: the line mode (no curses)
libipwizui_a_SOURCES += \
	%reldir%/plain.c %reldir%/plain.h %reldir%/plain_deadlines.c %reldir%/plain_declare.c \
	%reldir%/plain_evidence.c %reldir%/plain_field.c %reldir%/plain_home.c \
	%reldir%/plain_internal.h %reldir%/plain_io.c %reldir%/plain_list.c %reldir%/plain_nav.c \
	%reldir%/plain_paths.c %reldir%/plain_review.c %reldir%/plain_save.c \
	%reldir%/plain_texts.c %reldir%/plain_value.c %reldir%/plain_watch.c
