/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The line mode's reading of typed lines, with no terminal and no database:
 * commands and their escape, choices by number, value or label, several
 * choices with any separator a keyboard types, yes/no, and answers read
 * back as words. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/xalloc.h"
#include "plain/plain_internal.h"

static struct flow_choice grounds_choices[] = {
    {"genuine", "Genuine goods", NULL, NULL},
    {"authorised", "Authorised", "A letter from the owner", NULL},
    {"prior", "Sold before", NULL, NULL},
};

static const struct flow_field grounds = {
    .id = "grounds",
    .path = "grounds",
    .type = FIELD_MULTICHOICE,
    .label = "Grounds",
    .choices = grounds_choices,
    .nchoices = 3,
};

static const struct flow_field ip_type = {
    .id = "ip_type",
    .path = "ip_type",
    .type = FIELD_CHOICE,
    .label = "Which right?",
    .choices = grounds_choices,
    .nchoices = 3,
};

struct fixture {
	struct plain p;
	char *buf;
	size_t len;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	fx->p.out = open_memstream(&fx->buf, &fx->len);
	assert_non_null(fx->p.out);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	fclose(fx->p.out);
	free(fx->buf);
	for (unsigned i = 0; i < PLAIN_SAFE_SLOTS; i++)
		free(fx->p.safe[i]);
	free(fx);
	return 0;
}

/* What the line mode printed so far. */
static const char *printed(struct fixture *fx)
{
	fflush(fx->p.out);
	return fx->buf ? fx->buf : "";
}

static enum plain_cmd command(const char *typed, size_t *arg, char *out_line)
{
	char line[64];
	snprintf(line, sizeof(line), "%s", typed);
	enum plain_cmd c = plain_command(line, arg);
	if (out_line)
		strcpy(out_line, line);
	return c;
}

static void commands_are_words_symbols_and_any_case(void **state)
{
	size_t arg;
	assert_int_equal(command("back", &arg, NULL), PLAIN_CMD_BACK);
	assert_int_equal(command("  BACK ", &arg, NULL), PLAIN_CMD_BACK);
	assert_int_equal(command("<", &arg, NULL), PLAIN_CMD_BACK);
	assert_int_equal(command(">", &arg, NULL), PLAIN_CMD_NEXT);
	assert_int_equal(command("?", &arg, NULL), PLAIN_CMD_HELP);
	assert_int_equal(command("!", &arg, NULL), PLAIN_CMD_CLEAR);
	assert_int_equal(command("skip", &arg, NULL), PLAIN_CMD_SKIP);
	assert_int_equal(command("review", &arg, NULL), PLAIN_CMD_REVIEW);
	assert_int_equal(command("quit", &arg, NULL), PLAIN_CMD_QUIT);
	assert_int_equal(command("backyard", &arg, NULL), PLAIN_CMD_NONE);
	assert_int_equal(command("back to it", &arg, NULL), PLAIN_CMD_NONE);
	assert_int_equal(command("", &arg, NULL), PLAIN_CMD_NONE);
}

static void goto_takes_a_step_number(void **state)
{
	size_t arg = 99;
	assert_int_equal(command("goto 3", &arg, NULL), PLAIN_CMD_GOTO);
	assert_int_equal(arg, 3);
	assert_int_equal(command("goto12", &arg, NULL), PLAIN_CMD_GOTO);
	assert_int_equal(arg, 12);
	assert_int_equal(command("goto", &arg, NULL), PLAIN_CMD_GOTO);
	assert_int_equal(arg, 0);
	assert_int_equal(command("goto x", &arg, NULL), PLAIN_CMD_NONE);
	assert_int_equal(command("back 2", &arg, NULL), PLAIN_CMD_NONE);
}

static void backslash_makes_a_command_word_an_answer(void **state)
{
	size_t arg;
	char line[64];
	assert_int_equal(command("\\back", &arg, line), PLAIN_CMD_NONE);
	assert_string_equal(line, "back");
	assert_int_equal(command("\\\\x", &arg, line), PLAIN_CMD_NONE);
	assert_string_equal(line, "\\x");
}

static void parse_ok(struct fixture *fx, const struct flow_field *f, const char *typed,
		     const char *want)
{
	char *v = plain_value_parse(&fx->p, f, typed);
	assert_non_null(v);
	assert_string_equal(v, want);
	free(v);
}

static void choice_by_number_value_or_label(void **state)
{
	struct fixture *fx = *state;
	parse_ok(fx, &ip_type, "2", "authorised");
	parse_ok(fx, &ip_type, " 3 ", "prior");
	parse_ok(fx, &ip_type, "genuine", "genuine");
	parse_ok(fx, &ip_type, "sold BEFORE", "prior");
	assert_string_equal(printed(fx), "");
}

static void choice_out_of_range_says_which_numbers(void **state)
{
	struct fixture *fx = *state;
	assert_null(plain_value_parse(&fx->p, &ip_type, "4"));
	assert_null(plain_value_parse(&fx->p, &ip_type, "0"));
	assert_string_equal(printed(fx),
			    "“4” is not one of the choices: type a number from 1 to 3.\n"
			    "“0” is not one of the choices: type a number from 1 to 3.\n");
}

static void multichoice_keeps_flow_order_whatever_the_separator(void **state)
{
	struct fixture *fx = *state;
	parse_ok(fx, &grounds, "3 1", "genuine\nprior");
	parse_ok(fx, &grounds, "1,2", "genuine\nauthorised");
	parse_ok(fx, &grounds, "2，1", "genuine\nauthorised");	  /* fullwidth comma */
	parse_ok(fx, &grounds, "3、2", "authorised\nprior");	  /* enumeration comma */
	parse_ok(fx, &grounds, "1, 1 ;2", "genuine\nauthorised"); /* repeats count once */
	parse_ok(fx, &grounds, "prior genuine", "genuine\nprior");
	assert_string_equal(printed(fx), "");
}

static void multichoice_names_the_bad_token(void **state)
{
	struct fixture *fx = *state;
	assert_null(plain_value_parse(&fx->p, &grounds, "1 7 2"));
	assert_string_equal(printed(fx),
			    "“7” is not one of the choices: type a number from 1 to 3.\n");
}

static void yesno_in_short_and_long_form(void **state)
{
	struct fixture *fx = *state;
	struct flow_field yn = {.id = "x", .path = "x", .type = FIELD_YESNO};
	parse_ok(fx, &yn, "Y", "yes");
	parse_ok(fx, &yn, "yes", "yes");
	parse_ok(fx, &yn, " no ", "no");
	parse_ok(fx, &yn, "n", "no");
	assert_null(plain_value_parse(&fx->p, &yn, "maybe"));
	assert_string_equal(printed(fx), "Answer yes or no.\n");
}

static void declaration_not_affirmed_is_left_empty(void **state)
{
	struct fixture *fx = *state;
	struct flow_field d = {.id = "truth", .path = "truth", .type = FIELD_DECLARATION};
	parse_ok(fx, &d, "yes", "yes");
	parse_ok(fx, &d, "no", "");
}

static void text_is_trimmed_but_textarea_is_kept(void **state)
{
	struct fixture *fx = *state;
	struct flow_field t = {.id = "t", .path = "t", .type = FIELD_TEXT};
	struct flow_field ta = {.id = "a", .path = "a", .type = FIELD_TEXTAREA};
	parse_ok(fx, &t, "  商标 12  ", "商标 12");
	parse_ok(fx, &ta, "  indented\n  lines", "  indented\n  lines");
}

static void answers_are_read_back_as_words(void **state)
{
	struct flow_field yn = {.id = "x", .path = "x", .type = FIELD_YESNO};
	char *v = flow_answer_text(&grounds, "genuine\nprior", ANSWER_ON_SCREEN);
	assert_string_equal(v, "Genuine goods, Sold before");
	free(v);
	v = flow_answer_text(&ip_type, "authorised", ANSWER_ON_SCREEN);
	assert_string_equal(v, "Authorised");
	free(v);
	v = flow_answer_text(&ip_type, "unknown", ANSWER_ON_SCREEN);
	assert_string_equal(v, "unknown");
	free(v);
	v = flow_answer_text(&yn, "no", ANSWER_ON_SCREEN);
	assert_string_equal(v, "No");
	free(v);
	assert_null(flow_answer_text(&yn, NULL, ANSWER_ON_SCREEN));
}

static void choices_are_numbered_with_their_help(void **state)
{
	struct fixture *fx = *state;
	plain_value_hint(&fx->p, &ip_type);
	assert_string_equal(printed(fx), "  1. Genuine goods\n"
					 "  2. Authorised — A letter from the owner\n"
					 "  3. Sold before\n"
					 "Type the number of your choice.\n");
}

static void printed_text_is_made_safe(void **state)
{
	struct fixture *fx = *state;
	plain_lines(&fx->p, "> ", "one\x1b[31m\ntwo\xff");
	assert_string_equal(printed(fx), "> one\xEF\xBF\xBD[31m\n> two\xEF\xBF\xBD\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(commands_are_words_symbols_and_any_case),
	    cmocka_unit_test(goto_takes_a_step_number),
	    cmocka_unit_test(backslash_makes_a_command_word_an_answer),
	    cmocka_unit_test_setup_teardown(choice_by_number_value_or_label, setup, teardown),
	    cmocka_unit_test_setup_teardown(choice_out_of_range_says_which_numbers, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(multichoice_keeps_flow_order_whatever_the_separator,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(multichoice_names_the_bad_token, setup, teardown),
	    cmocka_unit_test_setup_teardown(yesno_in_short_and_long_form, setup, teardown),
	    cmocka_unit_test_setup_teardown(declaration_not_affirmed_is_left_empty, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(text_is_trimmed_but_textarea_is_kept, setup, teardown),
	    cmocka_unit_test(answers_are_read_back_as_words),
	    cmocka_unit_test_setup_teardown(choices_are_numbered_with_their_help, setup, teardown),
	    cmocka_unit_test_setup_teardown(printed_text_is_made_safe, setup, teardown),
	};
	/* Messages in English whatever the host's language. */
	setenv("LANGUAGE", "en", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
