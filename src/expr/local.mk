# SPDX-License-Identifier: GPL-3.0-or-later
# src/expr: the condition language of when:, required: and date limits
libipwiz_a_SOURCES += \
	%reldir%/expr.c %reldir%/expr.h %reldir%/expr_date.c %reldir%/expr_eval.c \
	%reldir%/expr_internal.h %reldir%/expr_lex.c %reldir%/expr_parse.c
