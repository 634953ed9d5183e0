/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_flow.c — the flow loader: a valid flow becomes the model, and every
 * kind of mistake is refused with its exact sentence at its line:column. */
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
#include "flow/flow.h"

/* The smallest valid flow; cases below change one thing in it. */
#define HEAD	"id: t\nversion: 1\ntitle: T\n"
#define STEP	"steps:\n  - id: s\n    title: S\n    fields:\n"
#define FIELD_A "      - {id: a, type: text, label: A, help: H}\n"

/* Fields a `reads:` entry may name, and an evidence field to hang it on. */
#define READS_FIELDS                                                                               \
	"      - {id: a, type: text, label: A, help: H}\n"                                         \
	"      - {id: d, type: date, label: D, help: H}\n"                                         \
	"      - {id: n, type: number, label: N, help: H}\n"
#define EV "      - {id: e, type: evidence, label: E, help: H, proves: P, accept: [image/png], "

struct bad_case {
	const char *name;
	const char *yaml;
	const char *expect; /* "line:column: message" of the first error */
};

static const struct bad_case bad_cases[] = {
    {"unknown top-level key, with a suggestion", HEAD "titel: x\n" STEP FIELD_A,
     "4:1: unknown key “titel” in the flow; did you mean “title”?"},
    {"duplicate key", HEAD "title: again\n" STEP FIELD_A,
     "4:1: the key “title” appears twice in this mapping"},
    {"missing flow id", "version: 1\ntitle: T\n" STEP FIELD_A, "1:1: “id” is missing here"},
    {"flow id with spaces", "id: My Flow\nversion: 1\ntitle: T\n" STEP FIELD_A,
     "1:5: “My Flow” must use lower-case letters, digits and dashes, such as “my-flow”"},
    {"unknown field type", HEAD STEP "      - {id: a, type: txt, label: A, help: H}\n",
     "8:23: unknown field type “txt”; use one of text, textarea, choice, multichoice, yesno, "
     "date, email, url, phone, number, list, evidence, declaration, info"},
    {"misspelt field key", HEAD STEP "      - {id: a, type: text, lable: A, help: H}\n",
     "8:29: unknown key “lable” in a field; did you mean “label”?"},
    {"key of another type",
     HEAD STEP "      - {id: a, type: yesno, label: A, help: H, pattern: x}\n",
     "8:58: “pattern” does not apply to a yesno field"},
    {"choice without choices", HEAD STEP "      - {id: a, type: choice, label: A, help: H}\n",
     "8:9: a choice field needs “choices”"},
    {"duplicate choice value",
     HEAD STEP
     "      - id: a\n        type: choice\n        label: A\n        help: H\n"
     "        choices:\n          - {value: x, label: X}\n          - {value: x, label: Y}\n",
     "14:21: the choice value “x” appears twice"},
    {"choices not a list",
     HEAD STEP "      - {id: a, type: choice, label: A, help: H, choices: x}\n",
     "8:59: “choices” must be a list of {value, label} items"},
    {"duplicate field id", HEAD STEP FIELD_A "  - id: s2\n    title: S2\n    fields:\n" FIELD_A,
     "12:9: a second field is called “a”; field names are unique in a flow"},
    {"duplicate step id",
     HEAD STEP FIELD_A "  - id: s\n    title: S2\n    fields:\n"
		       "      - {id: b, type: text, label: B, help: H}\n",
     "9:5: a second step is called “s”"},
    {"condition names an unknown field",
     HEAD STEP FIELD_A "      - {id: b, type: text, label: B, help: H, when: c == \"x\"}\n",
     "9:54: “c” is not a field of this flow"},
    {"condition names an unknown field inside a longer expression",
     HEAD STEP FIELD_A
     "      - {id: b, type: text, label: B, help: H, when: 'a == \"x\" and zz'}\n",
     "9:68: “zz” is not a field of this flow"},
    {"condition on its own answer",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, when: answered(a)}\n",
     "8:63: the condition of “a” depends on its own answer"},
    {"conditions in a cycle",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, when: answered(b)}\n"
	       "      - {id: b, type: text, label: B, help: H, when: answered(a)}\n",
     "8:54: the condition of “a” depends, through other conditions, on its own answer; no "
     "order of answers can show it"},
    {"step condition names an unknown field",
     HEAD STEP FIELD_A "  - id: s2\n    title: S2\n    when: nope\n    fields:\n"
		       "      - {id: b, type: text, label: B, help: H}\n",
     "11:11: “nope” is not a field of this flow"},
    {"document without an en template",
     HEAD STEP FIELD_A
     "documents:\n  - id: d\n    title: D\n    templates:\n      zh_CN: \"{{a}}\"\n",
     "13:7: a document needs an “en” template (the fallback language)"},
    {"document purpose",
     HEAD STEP FIELD_A
     "documents:\n  - id: d\n    title: D\n    purpose: print\n    templates:\n      en: x\n",
     "12:14: “purpose” must be paste, upload or keep, not “print”"},
    {"template names an unknown field",
     HEAD STEP FIELD_A
     "documents:\n  - id: d\n    title: D\n    templates:\n      en: |\n        Hello\n"
     "        {{a}} and {{b}}\n",
     "15:21: “b” in the template is not a field of this flow"},
    {"deadline with two kinds of days",
     HEAD STEP "      - {id: a, type: date, label: A, help: H}\n"
	       "deadlines:\n  - {id: d, label: D, from: a, working_days: 3, calendar_days: 5, "
	       "calendar: cn}\n",
     "10:5: a deadline needs either “working_days” or “calendar_days”"},
    {"deadline from a field that is not a date",
     HEAD STEP FIELD_A "deadlines:\n  - {id: d, label: D, from: a, calendar_days: 5}\n",
     "10:5: “from: a” must name a date field"},
    {"calendar on calendar days",
     HEAD STEP "      - {id: a, type: date, label: A, help: H}\n"
	       "deadlines:\n  - {id: d, label: D, from: a, calendar_days: 5, calendar: cn}\n",
     "10:60: “calendar” only applies to “working_days”"},
    {"evidence without accepted types",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, proves: P, required: true}\n",
     "8:9: an evidence field needs “accept”: the file types it takes"},
    {"evidence type that is not a MIME type",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [pdf]}\n",
     "8:71: “pdf” is not a file type such as application/pdf or image/jpeg"},
    {"warn size above max size",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [image/png], "
	       "max_size: 2MB, warn_size: 3MB}\n",
     "8:110: “warn_size” must be below “max_size”"},
    {"size in words",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [image/png], "
	       "max_size: 8 megabytes}\n",
     "8:94: “max_size” must be a size such as 500KB, 8MB or 1GB, not “8 megabytes”"},
    {"evidence for a ground no choice offers",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, proves: P, accept: [image/png], "
	       "grounds: [genuine]}\n",
     "8:9: the ground “genuine” is not the value of any choice in this flow"},
    {"evidence date field that is not a date",
     HEAD STEP FIELD_A
     "      - {id: e, type: evidence, label: E, help: H, proves: P, accept: [image/png], "
     "date_field: a}\n",
     "9:9: “date_field: a” must name a date field"},
    {"reads that is not a list", HEAD STEP READS_FIELDS EV "reads: a}\n",
     "11:91: “reads” must be a list of what the document shows, such as “- mention: "
     "account_name”"},
    {"read entry without a kind", HEAD STEP READS_FIELDS EV "reads: [{as: buyer}]}\n",
     "11:92: an entry of “reads” needs one of mention, date, quantity, valid_until or "
     "language"},
    {"read entry of two kinds", HEAD STEP READS_FIELDS EV "reads: [{mention: a, date: d}]}\n",
     "11:111: an entry of “reads” checks one thing: “mention” and “date” cannot both be in "
     "it"},
    {"read key of another kind", HEAD STEP READS_FIELDS EV "reads: [{mention: a, at_least: 3}]}\n",
     "11:115: “at_least” does not apply to a “mention” entry of “reads”"},
    {"misspelt read key", HEAD STEP READS_FIELDS EV "reads: [{mention: a, ass: buyer}]}\n",
     "11:105: unknown key “ass” in an entry of “reads”; did you mean “as”?"},
    {"mention as an unknown role",
     HEAD STEP READS_FIELDS EV "reads: [{mention: a, as: customer}]}\n",
     "11:109: “as” must be one of buyer, seller, holder, licensee, brand, number, model or "
     "name, not “customer”"},
    {"mention of an unknown field", HEAD STEP READS_FIELDS EV "reads: [{mention: x}]}\n",
     "11:102: “mention: x” is not a field of this flow"},
    {"mention of a date field", HEAD STEP READS_FIELDS EV "reads: [{mention: d}]}\n",
     "11:102: “mention: d” must name a text field, but “d” is a date field"},
    {"date read of a text field", HEAD STEP READS_FIELDS EV "reads: [{date: a}]}\n",
     "11:99: “date: a” must name a date field, but “a” is a text field"},
    {"quantity read of a date field", HEAD STEP READS_FIELDS EV "reads: [{quantity: d}]}\n",
     "11:103: “quantity: d” must name a number field, but “d” is a date field"},
    {"date window before a text field",
     HEAD STEP READS_FIELDS EV "reads: [{date: d, within_months_before: a, months: 6}]}\n",
     "11:124: “within_months_before: a” must name a date field, but “a” is a text field"},
    {"date window without months",
     HEAD STEP READS_FIELDS EV "reads: [{date: d, within_months_before: d}]}\n",
     "11:124: “within_months_before” needs “months”: how many months before that date the "
     "document may be"},
    {"months without a date window", HEAD STEP READS_FIELDS EV "reads: [{date: d, months: 6}]}\n",
     "11:110: “months” needs “within_months_before”: the date field the months count back "
     "from"},
    {"months out of range",
     HEAD STEP READS_FIELDS EV "reads: [{date: d, within_months_before: d, months: 0}]}\n",
     "11:135: “months” must be from 1 to 120, not 0"},
    {"validity without the date it covers",
     HEAD STEP READS_FIELDS EV "reads: [{valid_until: d}]}\n",
     "11:92: a “valid_until” entry needs “on”: the date field the validity must cover, such "
     "as the complaint date"},
    {"validity on a number field", HEAD STEP READS_FIELDS EV "reads: [{valid_until: d, on: n}]}\n",
     "11:113: “on: n” must name a date field, but “n” is a number field"},
    {"read language ipwiz cannot recognise",
     HEAD STEP READS_FIELDS EV "reads: [{language: [en, de]}]}\n",
     "11:103: “de” is not a language ipwiz recognises in a document; use en, id, zh_CN, ja, "
     "ko, vi, th, ru or ar"},
    {"read language list empty", HEAD STEP READS_FIELDS EV "reads: [{language: []}]}\n",
     "11:103: “language” needs at least one language code"},
    {"read of a field id with capitals", HEAD STEP READS_FIELDS EV "reads: [{mention: A}]}\n",
     "11:102: “A” must start with a lower-case letter and use only lower-case letters, "
     "digits and underscores, such as “notice_date”"},
    {"reads on a field that is not evidence",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, reads: [{mention: a}]}\n",
     "8:55: “reads” does not apply to a text field"},
    {"evidence without what it proves",
     HEAD STEP "      - {id: a, type: evidence, label: A, help: H, accept: [image/png]}\n",
     "8:9: “proves” is missing here"},
    {"declaration without a statement",
     HEAD STEP "      - {id: a, type: declaration, label: A, help: H}\n",
     "8:9: “statement” is missing here"},
    {"declaration covering an unknown field",
     HEAD STEP "      - {id: a, type: declaration, label: A, help: H, statement: S, covers: [x]}\n",
     "8:9: “covers” names “x”, which is not a field of this flow"},
    {"signature not a boolean",
     HEAD STEP
     "      - {id: a, type: declaration, label: A, help: H, statement: S, signature: yes}\n",
     "8:80: “signature” must be true or false, not “yes”"},
    {"list without item fields", HEAD STEP "      - {id: a, type: list, label: A, help: H}\n",
     "8:9: a list field needs “fields”: the questions asked for each item"},
    {"list inside a list",
     HEAD STEP
     "      - id: a\n        type: list\n        label: A\n        help: H\n        fields:\n"
     "          - id: b\n            type: list\n            label: B\n            help: H\n"
     "            fields: [{id: c, type: text, label: C, help: H}]\n",
     "14:19: a list item cannot hold a list field"},
    {"min_items above max_items",
     HEAD STEP "      - {id: a, type: list, label: A, help: H, min_items: 5, max_items: 2, fields: "
	       "[{id: b, type: text, label: B, help: H}]}\n",
     "8:59: “min_items” is larger than “max_items”"},
    {"min above max",
     HEAD STEP "      - {id: a, type: number, label: A, help: H, min: 9, max: 1}\n",
     "8:55: “min” is larger than “max”"},
    {"pattern that is not a regular expression",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, pattern: '(x'}\n",
     "8:57: the pattern is not a valid regular expression: Unmatched ( or \\("},
    {"length not a number",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, max_length: many}\n",
     "8:60: “max_length” must be a whole number from 0 to 1000000, not “many”"},
    {"reserved field name", HEAD STEP "      - {id: today, type: text, label: A, help: H}\n",
     "8:9: “today” is a reserved word; give the field another name"},
    {"field id with capitals", HEAD STEP "      - {id: Name, type: text, label: A, help: H}\n",
     "8:14: “Name” must start with a lower-case letter and use only lower-case letters, "
     "digits and underscores, such as “notice_date”"},
    {"language code", HEAD "languages: [en, chinese]\n" STEP FIELD_A,
     "4:12: “chinese” is not a language code such as en, zh_CN or id"},
    {"no steps", HEAD, "1:1: the flow needs “steps”: the screens the wizard shows, in order"},
    {"steps empty", HEAD "steps: []\n",
     "4:8: “steps” needs at least one step: the screens the wizard shows, in order"},
    {"step without fields", HEAD "steps:\n  - id: s\n    title: S\n",
     "5:5: a step needs “fields”: a list of questions"},
    {"field that is not a mapping", HEAD STEP "      - just text\n",
     "8:9: a field must be a mapping of keys and values, not text"},
    {"label missing", HEAD STEP "      - {id: a, type: text, help: H}\n",
     "8:9: “label” is missing here"},
    {"anchor and alias",
     HEAD STEP "      - &f {id: a, type: text, label: A, help: H}\n"
	       "      - *f\n",
     "8:9: anchors, aliases and tags are not allowed in a flow file"},
    {"two documents in one file", HEAD STEP FIELD_A "---\n" HEAD,
     "9:1: a flow file holds one YAML document; remove the second “---”"},
    {"a collection as a key", HEAD "? [a, b]\n: c\n" STEP FIELD_A,
     "4:3: a mapping key must be plain text"},
    {"tab indentation", HEAD "steps:\n\t- id: s\n",
     "5:1: a tab character indents this line; indent with spaces only"},
    {"invalid UTF-8", HEAD "title2: \xff\n",
     "4:9: the file is not UTF-8 text (byte 34); save it as UTF-8"},
    {"control character", HEAD "description: a\x1b[31mred\n",
     "4:15: the file contains a control character (byte 40, code 0x1b); remove it"},
    {"empty file", "", "1:1: the file is empty"},
    {"unclosed quote", HEAD "description: \"open\n" STEP FIELD_A,
     "4:14: a quoted value is never closed; add the closing quote"},
    {"escape in a quoted label",
     HEAD STEP "      - {id: a, type: text, label: \"\\e[31mA\", help: H}\n",
     "8:36: “label” contains a control character; remove it"},
    {"quoted empty label", HEAD STEP "      - {id: a, type: text, label: \"\", help: H}\n",
     "8:36: “label” is empty"},
    {"each over a field that is not a list",
     HEAD STEP FIELD_A "documents:\n  - id: d\n    title: D\n    templates:\n      en: |\n"
		       "        {{#each a}}x{{/each}}\n",
     "14:9: “a” is not a list, so {{#each a}} has nothing to repeat; use {{a}}"},
    {"refusal naming an unknown field",
     HEAD STEP
     "      - {id: a, type: text, label: A, help: H, refuse: [{when: a == b, message: M}]}\n",
     "8:69: “b” is not a field of this flow"},
    {"refusal without a message",
     HEAD STEP "      - {id: a, type: text, label: A, help: H, refuse: [{when: a == \"x\"}]}\n",
     "8:57: “message” is missing here"},
    {"refusal on a field that takes no answer",
     HEAD STEP "      - {id: a, type: info, help: H, refuse: [{when: true, message: M}]}\n",
     "8:46: “refuse” does not apply to a info field"},
    {"top level is a list", "- a\n- b\n",
     "1:1: a flow file must be a mapping of keys and values, not a list"},
};

static char *first_error(const char *yaml, size_t len)
{
	struct ipw_diags d = {0};
	struct flow *f = flow_load_buffer("t.yaml", yaml, len, &d);
	char *msg = NULL;
	for (size_t i = 0; i < d.n && !msg; i++)
		if (d.v[i].severity == IPW_SEV_ERROR)
			msg = xasprintf("%d:%d: %s", d.v[i].line, d.v[i].column, d.v[i].msg);
	flow_free(f);
	ipw_diags_free(&d);
	return msg;
}

static void test_bad_case(void **state)
{
	const struct bad_case *c = *state;
	char *msg = first_error(c->yaml, strlen(c->yaml));
	if (!msg)
		fail_msg("%s: loaded although it should not", c->name);
	if (strcmp(msg, c->expect) != 0)
		fail_msg("%s:\n  got:      %s\n  expected: %s", c->name, msg, c->expect);
	free(msg);
}

/* Pretend the file was read from disk: a NUL in the middle. */
static void test_nul_byte(void **state)
{
	static const char yaml[] = HEAD "description: a\0b\n" STEP FIELD_A;
	char *msg = first_error(yaml, sizeof yaml - 1);
	assert_non_null(msg);
	assert_string_equal(msg, "4:15: the file contains a control character (byte 40, code "
				 "0x00); remove it");
	free(msg);
}

static void test_deep_nesting_stops_early(void **state)
{
	size_t depth = 100000;
	char *yaml = xmalloc(2 * depth + 1);
	memset(yaml, '[', depth);
	memset(yaml + depth, ']', depth);
	yaml[2 * depth] = '\0';
	char *msg = first_error(yaml, 2 * depth);
	assert_non_null(msg);
	assert_string_equal(msg, "1:65: the file is nested too deeply");
	free(msg);
	free(yaml);
}

static void test_billion_laughs(void **state)
{
	static const char yaml[] = "a: &a [x, x, x, x, x, x, x, x, x]\n"
				   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
				   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
	char *msg = first_error(yaml, sizeof yaml - 1);
	assert_non_null(msg);
	assert_string_equal(msg, "1:4: anchors, aliases and tags are not allowed in a flow file");
	free(msg);
}

static void test_too_large(void **state)
{
	size_t len = FLOW_MAX_BYTES + 1;
	char *yaml = xmalloc(len);
	memset(yaml, '#', len);
	char *msg = first_error(yaml, len);
	assert_non_null(msg);
	assert_string_equal(msg, "0:0: the file is larger than 1024 KiB; a flow file is never "
				 "that big");
	free(msg);
	free(yaml);
}

static void test_several_errors_in_one_run(void **state)
{
	static const char yaml[] =
	    HEAD "titel: x\n" STEP "      - {id: a, type: txt, label: A, help: H}\n"
		 "      - {id: b, type: text, lable: B, help: H}\n";
	struct ipw_diags d = {0};
	assert_null(flow_load_buffer("t.yaml", yaml, sizeof yaml - 1, &d));
	assert_int_equal(d.nerrors, 4); /* titel, txt, lable, and b's missing label */
	ipw_diags_free(&d);
}

/* Every kind of `reads:` entry becomes its struct, with the keys it took. */
static void test_reads_model(void **state)
{
	static const char yaml[] = HEAD STEP READS_FIELDS EV
	    "reads: [{mention: a, as: buyer}, {date: d, within_months_before: d, months: 6},"
	    " {quantity: n, at_least: 20}, {valid_until: d, on: d}, {language: [en, zh_CN]},"
	    " {mention: a}]}\n";
	struct ipw_diags d = {0};
	struct flow *f = flow_load_buffer("t.yaml", yaml, sizeof yaml - 1, &d);
	assert_int_equal(d.nerrors, 0);
	assert_non_null(f);
	const struct evidence_req *e = &flow_find_field(f, "e")->evidence;
	assert_int_equal(e->nreads, 6);
	assert_int_equal(e->reads[0].kind, FLOW_READ_MENTION);
	assert_string_equal(e->reads[0].field, "a");
	assert_int_equal(e->reads[0].as, FLOW_AS_BUYER);
	assert_int_equal(e->reads[1].kind, FLOW_READ_DATE);
	assert_string_equal(e->reads[1].before, "d");
	assert_int_equal(e->reads[1].months, 6);
	assert_int_equal(e->reads[2].kind, FLOW_READ_QUANTITY);
	assert_true(e->reads[2].has_at_least);
	assert_true(e->reads[2].at_least == 20);
	assert_int_equal(e->reads[3].kind, FLOW_READ_VALID_UNTIL);
	assert_string_equal(e->reads[3].on, "d");
	assert_int_equal(e->reads[4].kind, FLOW_READ_LANGUAGE);
	assert_int_equal(e->reads[4].nlanguages, 2);
	assert_string_equal(e->reads[4].languages[1], "zh_CN");
	assert_null(e->reads[4].field);
	assert_int_equal(e->reads[5].as, FLOW_AS_NAME); /* the default */
	assert_string_equal(flow_read_kind_name(FLOW_READ_VALID_UNTIL), "valid_until");
	assert_string_equal(flow_read_as_name(FLOW_AS_LICENSEE), "licensee");
	flow_free(f);
	ipw_diags_free(&d);
}

static struct flow *load_fixture(void)
{
	struct ipw_diags d = {0};
	char *path = xasprintf("%s/tests/fixtures/flows/core-test.yaml", getenv("IPWIZ_SRCDIR"));
	struct flow *f = flow_load_file(path, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].column,
			d.v[i].msg);
	free(path);
	ipw_diags_free(&d);
	return f;
}

static void test_fixture_model(void **state)
{
	struct flow *f = load_fixture();
	assert_non_null(f);
	assert_string_equal(f->id, "core-test");
	assert_int_equal(f->nsteps, 3);
	assert_int_equal(strlen(f->hash), 64);
	const struct flow_field *url = flow_find_field(f, "products.2.url");
	assert_non_null(url);
	assert_ptr_equal(url, flow_find_field(f, "products.url"));
	assert_string_equal(url->path, "products.url");
	assert_null(flow_find_field(f, "products.2"));
	assert_null(flow_find_field(f, "products.02.url"));
	assert_null(flow_find_field(f, "nothing"));
	assert_ptr_equal(flow_field_step(f, url), &f->steps[1]);
	const struct flow_field *inv = flow_find_field(f, "invoice");
	assert_int_equal(inv->evidence.max_size, 8 * 1024 * 1024);
	assert_int_equal(inv->evidence.max_files, 3);
	assert_string_equal(inv->evidence.accept[0], "application/pdf");
	assert_int_equal(flow_find_field(f, "pieces")->min, 21);
	assert_true(flow_find_field(f, "complaint_number")->has_pattern);
	assert_int_equal(flow_step_index(f, "sign"), 2);
	assert_non_null(flow_document_template(flow_find_document(f, "statement"), "zh_CN"));
	assert_string_equal(flow_field_type_name(FIELD_MULTICHOICE), "multichoice");
	flow_free(f);
}

static void test_lint_warnings(void **state)
{
	static const char yaml[] = HEAD STEP "      - {id: a, type: text, label: A}\n"
					     "      - {id: b, type: text, label: B, help: H}\n"
					     "documents:\n  - id: d\n    title: D\n    templates:\n"
					     "      en: \"{{b}}\"\n";
	struct ipw_diags d = {0};
	struct flow *f = flow_load_buffer("t.yaml", yaml, sizeof yaml - 1, &d);
	assert_non_null(f);
	flow_lint(f, &d);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 2);
	ipw_diags_sort(&d);
	assert_string_equal(d.v[0].msg, "“a” has no help: say in plain words where the seller "
					"finds the answer");
	assert_string_equal(d.v[1].msg, "no document uses the answer to “a”; ask only what is "
					"needed");
	flow_free(f);
	ipw_diags_free(&d);
}

int main(void)
{
	size_t n = sizeof bad_cases / sizeof bad_cases[0];
	struct CMUnitTest *tests = xcalloc(n + 10, sizeof *tests);
	for (size_t i = 0; i < n; i++)
		tests[i] = (struct CMUnitTest){bad_cases[i].name, test_bad_case, NULL, NULL,
					       (void *)&bad_cases[i]};
	size_t k = n;
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_nul_byte);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_deep_nesting_stops_early);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_billion_laughs);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_too_large);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_several_errors_in_one_run);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_reads_model);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_fixture_model);
	tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_lint_warnings);
	int r = _cmocka_run_group_tests("flow", tests, k, NULL, NULL);
	free(tests);
	return r;
}
