/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard's text editing and layout, without a terminal: "商标注册证"
 * moves two columns a character, the field scrolls by display width, and a
 * textarea wraps CJK anywhere and Latin at spaces. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/utf8.h"
#include "tui/textfield.h"
#include "tui/ui_layout.h"

static void type(struct textfield *tf, const char *s)
{
	textfield_insert(tf, s, strlen(s));
}

static void insert_puts_cjk_at_the_cursor(void **state)
{
	struct textfield tf;
	textfield_init(&tf, false);
	type(&tf, "商标证");
	textfield_op(&tf, TF_LEFT);
	assert_int_equal(tf.cur, strlen("商标"));
	type(&tf, "注册");
	assert_string_equal(tf.s, "商标注册证");
	assert_int_equal(tf.cur, strlen("商标注册"));
	assert_true(tf.changed);
	textfield_free(&tf);
}

static void backspace_and_delete_remove_whole_characters(void **state)
{
	struct textfield tf;
	textfield_init(&tf, false);
	textfield_set(&tf, "a证b");
	textfield_op(&tf, TF_LEFT);
	textfield_op(&tf, TF_BACKSPACE);
	assert_string_equal(tf.s, "ab");
	textfield_op(&tf, TF_HOME);
	textfield_op(&tf, TF_DELETE);
	assert_string_equal(tf.s, "b");
	assert_int_equal(tf.cur, 0);
	textfield_op(&tf, TF_BACKSPACE); /* nothing before the cursor */
	assert_string_equal(tf.s, "b");
	textfield_free(&tf);
}

static void kill_keys_cut_like_readline(void **state)
{
	struct textfield tf;
	textfield_init(&tf, false);
	textfield_set(&tf, "Li Wei 李伟");
	textfield_op(&tf, TF_KILL_WORD);
	assert_string_equal(tf.s, "Li Wei ");
	textfield_op(&tf, TF_KILL_WORD);
	assert_string_equal(tf.s, "Li ");
	textfield_op(&tf, TF_HOME);
	textfield_op(&tf, TF_RIGHT);
	textfield_op(&tf, TF_KILL_END);
	assert_string_equal(tf.s, "L");
	textfield_op(&tf, TF_KILL_START);
	assert_string_equal(tf.s, "");
	textfield_free(&tf);
}

static void control_characters_are_not_stored(void **state)
{
	struct textfield tf;
	textfield_init(&tf, false);
	type(&tf, "a\x1b[2Jb\nc");
	assert_string_equal(tf.s, "a[2Jbc");
	textfield_free(&tf);
	textfield_init(&tf, true);
	type(&tf, "a\nb");
	assert_string_equal(tf.s, "a\nb"); /* a textarea keeps its lines */
	textfield_free(&tf);
}

static void scroll_follows_the_cursor_by_display_width(void **state)
{
	struct textfield tf;
	textfield_init(&tf, false);
	type(&tf, "商标注册证号码"); /* 14 columns */
	size_t col = textfield_scroll_to_cursor(&tf, 8);
	/* The shown part ends at the cursor with a column left for it. */
	assert_true(col < 8);
	assert_true(utf8_width(tf.s + tf.scroll, tf.cur - tf.scroll) < 8);
	assert_int_equal(tf.scroll % 3, 0); /* never inside a character */
	textfield_op(&tf, TF_HOME);
	assert_int_equal(textfield_scroll_to_cursor(&tf, 8), 0);
	assert_int_equal(tf.scroll, 0);
	textfield_free(&tf);
}

static void textarea_moves_between_wrapped_lines_by_column(void **state)
{
	struct textfield tf;
	textfield_init(&tf, true);
	/* 9 columns wide (8 used): "我们是正" | "品经销商" | "请恢复" */
	type(&tf, "我们是正品经销商请恢复");
	struct textfield_line *v;
	size_t n = textfield_wrap(&tf, 9, &v);
	assert_int_equal(n, 3);
	size_t col;
	assert_int_equal(textfield_cursor_line(&tf, v, n, &col), 2);
	assert_int_equal(col, 6);
	free(v);
	assert_true(textfield_move_line(&tf, 9, -1));
	assert_int_equal(tf.cur, strlen("我们是正品经销"));
	assert_true(textfield_move_line(&tf, 9, -1));
	assert_true(!textfield_move_line(&tf, 9, -1)); /* already on the first line */
	assert_int_equal(tf.cur, strlen("我们是"));
	textfield_free(&tf);
}

static void layout_folds_the_step_list_when_narrow(void **state)
{
	struct ui_layout l;
	ui_layout_compute(24, 80, true, &l);
	assert_false(l.too_small);
	assert_true(l.side_w >= 16);
	assert_int_equal(l.main_x + l.main_w, 79);
	assert_int_equal(l.hints_y, 23);
	assert_int_equal(l.body_y + l.body_h, l.status_y);
	ui_layout_compute(24, 59, true, &l);
	assert_int_equal(l.side_w, 0);
	assert_int_equal(l.main_x, 1);
	ui_layout_compute(12, 40, true, &l);
	assert_false(l.too_small);
	ui_layout_compute(11, 80, true, &l);
	assert_true(l.too_small);
	ui_layout_compute(24, 39, true, &l);
	assert_true(l.too_small);
	ui_layout_compute(1, 1, true, &l); /* a window dragged to nothing */
	assert_true(l.body_h >= 0 && l.main_w >= 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(insert_puts_cjk_at_the_cursor),
	    cmocka_unit_test(backspace_and_delete_remove_whole_characters),
	    cmocka_unit_test(kill_keys_cut_like_readline),
	    cmocka_unit_test(control_characters_are_not_stored),
	    cmocka_unit_test(scroll_follows_the_cursor_by_display_width),
	    cmocka_unit_test(textarea_moves_between_wrapped_lines_by_column),
	    cmocka_unit_test(layout_folds_the_step_list_when_narrow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
