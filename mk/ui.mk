# SPDX-License-Identifier: GPL-3.0-or-later
# ui: the ncurses front end

# The editing state and layout are curses-free, so they are tested directly.
check_PROGRAMS += tests/unit/test_textfield
tests_unit_test_textfield_SOURCES = tests/unit/test_textfield.c ui/tui/textfield.c ui/tui/layout.c
tests_unit_test_textfield_CFLAGS = $(unit_cflags)
tests_unit_test_textfield_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_textfield

# The wizard end to end in tmux (tests/tui/libtest.sh); each test is named
# after what it proves.
TESTS += \
	tests/tui/chinese_answer_survives_reopen.sh \
	tests/tui/gb18030_terminal_shows_and_takes_chinese.sh \
	tests/tui/each_screen_at_80x24.sh \
	tests/tui/narrow_terminals_fold_the_step_list.sh \
	tests/tui/resize_keeps_text_and_cursor.sh \
	tests/tui/findings_are_shown_and_acknowledged.sh \
	tests/tui/reading_scans_shows_progress.sh \
	tests/tui/wizard_goes_on_while_files_are_read.sh \
	tests/tui/ipp_identity_says_what_comes_first.sh \
	tests/tui/monochrome_vt100_is_readable.sh \
	tests/tui/kill_9_keeps_every_left_field.sh \
	tests/tui/signal_saves_the_field_being_edited.sh \
	tests/tui/hangup_keeps_typing_as_a_draft.sh \
	tests/tui/evidence_typed_path_shows_the_verdict.sh \
	tests/tui/list_items_add_and_remove.sh \
	tests/tui/review_jumps_to_the_field_and_back.sh \
	tests/tui/textarea_wraps_cjk_and_keeps_lines.sh \
	tests/tui/ascii_markers_outside_utf8.sh \
	tests/tui/conflict_asks_whose_answer_to_keep.sh \
	tests/tui/paste_makes_one_item_per_line.sh \
	tests/tui/deadline_shows_days_left.sh \
	tests/tui/case_list_measures_cjk_titles.sh \
	tests/tui/case_list_reads_progress_as_rows_show.sh \
	tests/tui/delete_is_the_owners_and_names_who_is_in.sh \
	tests/tui/file_picker_attaches_and_shows_verdicts.sh \
	tests/tui/editor_takes_a_long_answer.sh \
	tests/tui/submission_checks_then_copies_each_box.sh \
	tests/tui/submission_lists_each_package_apart.sh \
	tests/tui/alibaba_completed_in_chinese.sh \
	tests/tui/indonesian_ui_speaks_indonesian.sh \
	tests/tui/back_keeps_answers_and_drafts.sh
EXTRA_DIST += tests/tui
