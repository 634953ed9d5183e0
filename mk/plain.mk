# SPDX-License-Identifier: GPL-3.0-or-later
# plain area: the line-mode front end (no curses in these files)

# whole-program tests: `ipwiz --plain` driven by here-documents and a pipe
TESTS += \
	tests/cli/plain_walks_a_flow_line_by_line.sh \
	tests/cli/plain_reasks_invalid_answers.sh \
	tests/cli/plain_resumes_where_it_was_left.sh \
	tests/cli/plain_takes_chinese_answers.sh \
	tests/cli/plain_home_lists_cases_and_flows.sh \
	tests/cli/plain_explains_a_conflict.sh \
	tests/cli/plain_reads_text_defaults_and_notes.sh \
	tests/cli/plain_speaks_chinese.sh \
	tests/cli/plain_edits_list_items.sh \
	tests/cli/plain_and_the_wizard_share_a_case.sh \
	tests/cli/plain_guides_file_names.sh \
	tests/cli/gb18030_terminal_reads_and_writes_its_charset.sh

# unit tests of how typed lines are read (no terminal, no database)
check_PROGRAMS += tests/unit/test_plain
tests_unit_test_plain_SOURCES = tests/unit/test_plain.c
tests_unit_test_plain_CFLAGS = $(unit_cflags)
tests_unit_test_plain_LDADD = libipwizui.a $(CHAFA_LIBS) $(unit_ldadd)
TESTS += tests/unit/test_plain
