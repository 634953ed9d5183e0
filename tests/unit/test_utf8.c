/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one width function: columns, wrapping, and making text safe to show. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "base/utf8.h"

static void width_counts_cjk_as_two_columns(void **state)
{
	assert_int_equal(utf8_swidth("商标注册证"), 10);
	assert_int_equal(utf8_swidth("abc"), 3);
	assert_int_equal(utf8_swidth("Tokoku 商标"), 11);
}

static void invalid_bytes_decode_as_replacement(void **state)
{
	uint32_t cp;
	assert_int_equal(utf8_decode("\xff", 1, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xe5\x95", 2, &cp), 1); /* truncated */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 1); /* overlong '/' */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_swidth("a\xffz"), 3);
}

static void valid_reports_offset_of_first_bad_byte(void **state)
{
	size_t bad = 99;
	assert_true(utf8_valid("证据", strlen("证据"), &bad));
	assert_false(utf8_valid("ok\x80", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad)); /* a surrogate */
	assert_int_equal(bad, 0);
}

static void sanitize_makes_controls_visible(void **state)
{
	char *s = utf8_sanitize("evil\x1b[2Jname\nline\ttab");
	assert_string_equal(s, "evil\xef\xbf\xbd[2Jname\\nline\\ttab");
	free(s);
	s = utf8_sanitize("file\xe2\x80\xaegpj.exe"); /* right-to-left override */
	assert_string_equal(s, "file\xef\xbf\xbdgpj.exe");
	free(s);
	s = utf8_sanitize("bad\xff");
	assert_string_equal(s, "bad\xef\xbf\xbd");
	free(s);
}

static void fit_never_splits_a_wide_character(void **state)
{
	size_t w;
	const char *s = "商标注册证";
	assert_int_equal(utf8_fit(s, strlen(s), 5, &w), 6); /* two characters, 4 columns */
	assert_int_equal(w, 4);
	assert_int_equal(utf8_fit("abcdef", 6, 4, &w), 4);
}

static void prev_next_step_over_whole_characters(void **state)
{
	const char *s = "a证b";
	size_t n = strlen(s);
	assert_int_equal(utf8_next(s, n, 0), 1);
	assert_int_equal(utf8_next(s, n, 1), 4);
	assert_int_equal(utf8_prev(s, 4), 1);
	assert_int_equal(utf8_prev(s, 1), 0);
	assert_int_equal(utf8_next(s, n, n), n);
}

static void collect(const char *line, size_t len, void *ctx)
{
	struct strbuf *b = ctx;
	strbuf_addn(b, line, len);
	strbuf_addc(b, '|');
}

static void wrap_breaks_latin_at_spaces(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	size_t n = utf8_wrap("the quick brown fox jumps", 10, collect, &b);
	assert_string_equal(b.s, "the quick|brown fox|jumps|");
	assert_int_equal(n, 3);
	strbuf_free(&b);
}

static void wrap_breaks_cjk_anywhere_by_width(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	utf8_wrap("我们是正品经销商请恢复链接", 8, collect, &b);
	assert_string_equal(b.s, "我们是正|品经销商|请恢复链|接|");
	strbuf_free(&b);
}

/* 禁则: "；" or "）" never starts a line, "（" never ends one; the break
 * moves back to the nearest character that may end a line. */
static void wrap_keeps_punctuation_off_the_start_of_a_line(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	/* 16 columns end right before "；": the quoted word and its opening
	 * mark go to the next line with it. */
	utf8_wrap("未找到品牌“ACME”；未写明品牌", 16, collect, &b);
	assert_string_equal(b.s, "未找到品牌|“ACME”；未写明品|牌|");
	strbuf_reset(&b);
	utf8_wrap("申请人（个人）", 12, collect, &b);
	assert_string_equal(b.s, "申请人（个|人）|");
	strbuf_reset(&b);
	utf8_wrap("声明人（盖章）", 8, collect, &b);
	assert_string_equal(b.s, "声明人|（盖章）|");
	strbuf_free(&b);
}

static void wrap_keeps_explicit_newlines_and_splits_long_words(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	utf8_wrap("a\n\nhttps://example.com/very/long", 10, collect, &b);
	assert_string_equal(b.s, "a||https://ex|ample.com/|very/long|");
	strbuf_free(&b);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(width_counts_cjk_as_two_columns),
	    cmocka_unit_test(invalid_bytes_decode_as_replacement),
	    cmocka_unit_test(valid_reports_offset_of_first_bad_byte),
	    cmocka_unit_test(sanitize_makes_controls_visible),
	    cmocka_unit_test(fit_never_splits_a_wide_character),
	    cmocka_unit_test(prev_next_step_over_whole_characters),
	    cmocka_unit_test(wrap_breaks_latin_at_spaces),
	    cmocka_unit_test(wrap_keeps_punctuation_off_the_start_of_a_line),
	    cmocka_unit_test(wrap_breaks_cjk_anywhere_by_width),
	    cmocka_unit_test(wrap_keeps_explicit_newlines_and_splits_long_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
