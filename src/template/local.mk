# SPDX-License-Identifier: GPL-3.0-or-later
# src/template: document templates over the answers
libipwiz_a_SOURCES += \
	%reldir%/template.c %reldir%/template.h
