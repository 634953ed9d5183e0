# SPDX-License-Identifier: GPL-3.0-or-later
# src/base: errors, allocation, strings, UTF-8 width and sanitising, messages, numbers, the YAML tree
libipwiz_a_SOURCES += \
	%reldir%/base.h %reldir%/clock.c %reldir%/clock.h %reldir%/error.c %reldir%/escape.c %reldir%/escape.h %reldir%/error.h %reldir%/i18n.c %reldir%/i18n.h %reldir%/install_dirs.c %reldir%/install_dirs.h \
	%reldir%/number.c %reldir%/number.h %reldir%/strbuf.c %reldir%/strbuf.h %reldir%/term_charset.c %reldir%/term_charset.h %reldir%/utf8.c \
	%reldir%/utf8.h %reldir%/xalloc.c %reldir%/xalloc.h %reldir%/yaml_tree.c \
	%reldir%/yaml_tree.h
