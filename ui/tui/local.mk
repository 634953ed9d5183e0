# SPDX-License-Identifier: GPL-3.0-or-later
# ui/tui: the ncurses wizard
libipwizui_a_SOURCES += \
	%reldir%/app.c %reldir%/attach_job.c %reldir%/attach_job.h %reldir%/coach.c %reldir%/coach.h %reldir%/draw.c %reldir%/editor.c \
	%reldir%/evidence_row.c %reldir%/file_picker.c %reldir%/file_view.c %reldir%/form.c %reldir%/help.c \
	%reldir%/home.c %reldir%/keys.c %reldir%/layout.c %reldir%/pick.c %reldir%/picture.c %reldir%/review.c \
	%reldir%/step.c %reldir%/submit.c %reldir%/terminal.c %reldir%/textfield.c \
	%reldir%/textfield.h %reldir%/theme.c %reldir%/tui.h %reldir%/ui_internal.h \
	%reldir%/ui_layout.h %reldir%/widget_keys.c %reldir%/widgets.c
