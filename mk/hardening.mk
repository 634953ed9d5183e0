# SPDX-License-Identifier: GPL-3.0-or-later
# Hardening (issue 10): the bad-input catalogue, crash loops, the terminal
# matrix and valgrind. Plain sh scripts run in AM_TESTS_ENVIRONMENT; a script
# that cannot run here (no tmux, no valgrind, no sqlite3) exits 77 and
# counts as skipped.

# One runner per kind of input; tests/bad-input/lib/verdict.sh judges a case.
TESTS += \
	tests/bad-input/arguments.sh \
	tests/bad-input/flow_files.sh \
	tests/bad-input/answers_files.sh \
	tests/bad-input/calendar_files.sh \
	tests/bad-input/evidence_files.sh \
	tests/bad-input/database_files.sh \
	tests/bad-input/database_values.sh \
	tests/bad-input/export.sh \
	tests/bad-input/environment.sh \
	tests/bad-input/line_input.sh \
	tests/bad-input/wizard.sh

# kill -9 at random points: integrity and every acknowledged answer kept.
TESTS += \
	tests/crash/fill_survives_kill.sh \
	tests/crash/tui_survives_kill.sh

# Seven TERMs by the installed locales: the wizard or the line mode.
TESTS += tests/terminal/matrix.sh

# valgrind memcheck: no error and no definite or indirect leak.
TESTS += \
	tests/valgrind/cli_walkthrough.sh \
	tests/valgrind/tui_walkthrough.sh

EXTRA_DIST += tests/bad-input tests/crash tests/terminal tests/valgrind
