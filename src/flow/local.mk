# SPDX-License-Identifier: GPL-3.0-or-later
# src/flow: the flow model, its strict YAML loader, lint, validation, installed flows, answers files
libipwiz_a_SOURCES += \
	%reldir%/answers_file.c %reldir%/answers_file.h %reldir%/catalog.c %reldir%/catalog.h \
	%reldir%/flow.c %reldir%/flow.h %reldir%/flow_answer.c %reldir%/flow_builder.c %reldir%/flow_check.c \
	%reldir%/flow_field.c %reldir%/flow_internal.h %reldir%/flow_lifecycle.c %reldir%/flow_lint.c %reldir%/flow_load.c \
	%reldir%/flow_strings.c %reldir%/validate.c %reldir%/validate.h
