# SPDX-License-Identifier: GPL-3.0-or-later
# ui/cmd: the non-interactive commands
libipwizui_a_SOURCES += \
	%reldir%/cli.c %reldir%/cli.h %reldir%/cli_args.c %reldir%/cli_answers.c %reldir%/cli_attach.c \
	%reldir%/cli_case.c %reldir%/cli_check.c %reldir%/cli_coach.c %reldir%/cli_export.c \
	%reldir%/cli_flows.c %reldir%/cli_history.c %reldir%/cli_lint.c %reldir%/cli_progress.c %reldir%/cli_reply.c \
	%reldir%/cli_show.c %reldir%/cli_submitted.c %reldir%/cli_watch.c %reldir%/cmd.h
