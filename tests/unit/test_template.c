/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document templates: the syntax and its errors, the references the loader
 * checks, the walk, and escaping of answers. */
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
#include "template/template.h"

/* A tiny world for the walk: answers by path, lists by count. */
static const char *const answers[][2] = {
    {"name", "Tokoku"},
    {"kind", "patent"},
    {"products.1.url", "https://a.example/1"},
    {"products.2.url", "https://a.example/2"},
    {"products.2.note", "red"},
    {"company", "Lumio Co., Ltd."},
    {NULL, NULL},
};

static const char *world_lookup(void *ctx, const char *path)
{
	for (size_t i = 0; answers[i][0]; i++)
		if (strcmp(answers[i][0], path) == 0)
			return answers[i][1];
	return NULL;
}

static size_t world_count(void *ctx, const char *path)
{
	return strcmp(path, "products") == 0 ? 2 : 0;
}

static enum value_type world_type(void *ctx, const char *path)
{
	return VALUE_STRING;
}

/* Sub-fields by short name inside #each products, as render.c does. */
static char *world_path(const char *ref, const struct template_scope *scope)
{
	if (scope && (strcmp(ref, "url") == 0 || strcmp(ref, "note") == 0))
		return xasprintf("%s.%zu.%s", scope->list, scope->index, ref);
	return xstrdup(ref);
}

static const struct template_scope *cur_scope;

static const char *scoped_lookup(void *ctx, const char *path)
{
	char *p = world_path(path, cur_scope);
	const char *v = world_lookup(ctx, p);
	free(p);
	return v;
}

static void world_value(void *ctx, const char *ref, const struct template_scope *scope,
			struct strbuf *out)
{
	if (scope && strcmp(ref, "index") == 0) {
		strbuf_addf(out, "%zu", scope->index);
		return;
	}
	char *p = world_path(ref, scope);
	const char *v = world_lookup(ctx, p);
	escape_document(out, v ? v : "", DOC_TEXT, false);
	free(p);
}

static bool world_test(void *ctx, const struct expr *e, const struct template_scope *scope)
{
	struct expr_env env = {scoped_lookup, world_count, world_type, NULL, 20000};
	cur_scope = scope;
	return expr_true(e, &env);
}

static size_t world_items(void *ctx, const char *list, const struct template_scope *scope)
{
	return world_count(ctx, list);
}

static char *render(const char *src)
{
	struct ipw_error err;
	struct template *t = template_parse(src, &err);
	if (!t)
		fail_msg("parse: %d:%d: %s", err.line, err.column, err.msg);
	struct template_ops ops = {world_value, world_test, world_items, NULL};
	struct strbuf b;
	strbuf_init(&b);
	assert_int_equal(template_render(t, &ops, &b), IPW_OK);
	template_free(t);
	return strbuf_detach(&b);
}

#define assert_renders(src, expected)                                                              \
	do {                                                                                       \
		char *got_ = render(src);                                                          \
		assert_string_equal(got_, expected);                                               \
		free(got_);                                                                        \
	} while (0)

static void literal_text_and_field_tags(void **state)
{
	assert_renders("", "");
	assert_renders("Dear {{name}},\n\n", "Dear Tokoku,\n\n");
	assert_renders("{{ name }}!{{missing}}?", "Tokoku!?");
	assert_renders("a {{! a comment }}b", "a b");
	assert_renders("商标 {{name}} 的投诉", "商标 Tokoku 的投诉");
	assert_renders("single } and { braces", "single } and { braces");
	/* The flow's own text loses control characters too. */
	assert_renders("a\x1b[2Jb\r\nc", "a[2Jb\nc");
}

/* "filed by Lumio Co., Ltd.." would read as a typing error in a legal text:
 * the sentence's full stop after an answer that ends with one is dropped,
 * and only there. */
static void a_full_stop_is_not_doubled_after_an_answer(void **state)
{
	assert_renders("filed by {{company}}.", "filed by Lumio Co., Ltd.");
	assert_renders("filed by {{company}}{{#if missing}} (x){{/if}}.",
		       "filed by Lumio Co., Ltd.");
	assert_renders("{{company}}...", "Lumio Co., Ltd....");
	assert_renders("{{company}} .", "Lumio Co., Ltd. .");
	assert_renders("{{name}}.", "Tokoku.");
	assert_renders("a.{{missing}}.", "a..");
}

static void if_elif_else_pick_one_branch(void **state)
{
	const char *t = "{{#if kind == \"trademark\"}}TM{{#elif kind == \"patent\"}}PAT"
			"{{#else}}OTHER{{/if}}.";
	assert_renders(t, "PAT.");
	assert_renders("{{#if kind == \"x\"}}X{{#else}}E{{/if}}", "E");
	assert_renders("{{#if missing}}M{{/if}}", "");
	assert_renders("{{#if not answered(missing)}}unanswered{{/if}}", "unanswered");
	assert_renders("{{#if name}}{{#if kind == \"patent\"}}both{{/if}}{{/if}}", "both");
}

static void each_walks_a_list_with_index_and_sub_fields(void **state)
{
	assert_renders(
	    "{{#each products}}{{index}}. {{url}}{{#if note}} ({{note}}){{/if}}\n{{/each}}",
	    "1. https://a.example/1\n2. https://a.example/2 (red)\n");
	/* Names that are not sub-fields are global. */
	assert_renders("{{#each products}}{{name}} {{/each}}", "Tokoku Tokoku ");
	assert_renders("{{#each nothing}}x{{/each}}", "");
}

static void parse_error(const char *src, int line, int column, const char *word)
{
	struct ipw_error err;
	memset(&err, 0, sizeof(err));
	struct template *t = template_parse(src, &err);
	if (t)
		fail_msg("parsed: %s", src);
	assert_int_equal(err.status, IPW_EUSER);
	if (err.line != line || err.column != column)
		fail_msg("%s: error at %d:%d (%s), expected %d:%d", src, err.line, err.column,
			 err.msg, line, column);
	if (word && !strstr(err.msg, word))
		fail_msg("%s: message lacks %s: %s", src, word, err.msg);
}

static void errors_name_line_and_column(void **state)
{
	parse_error("ab {{name", 1, 4, "}}");
	parse_error("x\ny {{#if a}}z", 2, 3, "{{/if}}");
	parse_error("{{/if}}", 1, 1, "{{/if}}");
	parse_error("{{#else}}", 1, 1, "{{#else}}");
	parse_error("{{/each}}", 1, 1, "{{/each}}");
	parse_error("{{#each products}}{{/if}}", 1, 19, "{{/each}}");
	parse_error("{{#if a}}{{/each}}", 1, 10, "{{/if}}");
	parse_error("{{#if a}}{{#else}}{{#elif b}}{{/if}}", 1, 19, "{{#else}}");
	parse_error("{{#bogus}}", 1, 1, "{{#each}}");
	parse_error("{{#if}}x{{/if}}", 1, 6, "condition");
	parse_error("{{#each}}x{{/each}}", 1, 8, "list");
	parse_error("{{two words}}", 1, 3, "field id");
	parse_error("{{a..b}}", 1, 3, NULL);
	parse_error("{{/if extra}}", 1, 1, NULL);
	/* Columns count characters, so CJK text before a tag does not skew them. */
	parse_error("投诉 {{x y}}", 1, 6, NULL);
	/* An expression error points into the expression. */
	struct ipw_error err;
	assert_null(template_parse("\n  {{#if a == }}x{{/if}}", &err));
	assert_int_equal(err.line, 2);
	assert_true(err.column >= 10);
}

static void deep_nesting_is_refused(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	for (int i = 0; i < 200; i++)
		strbuf_add(&b, "{{#if a}}");
	struct ipw_error err;
	assert_null(template_parse(b.s, &err));
	assert_non_null(strstr(err.msg, "deep"));
	strbuf_free(&b);
}

struct refs {
	struct strbuf b;
};

static void collect_ref(const char *ref, const char *list, int line, int column, void *ctx)
{
	struct refs *r = ctx;
	strbuf_addf(&r->b, "%s%s%s@%d:%d ", *list ? list : "", *list ? "/" : "", ref, line, column);
}

static void refs_lists_every_field_reference(void **state)
{
	const char *src = "{{case.title}} {{today}} {{a}}\n"
			  "{{#if b == \"x\" and has(c, \"y\")}}{{d.value}}{{/if}}"
			  "{{#each items}}{{index}}{{url}}{{/each}}"
			  "{{#each evidence}}{{number}}{{file}}{{proves}}{{e}}{{/each}}"
			  "{{deadline.first}}{{truth.name}}";
	struct ipw_error err;
	struct template *t = template_parse(src, &err);
	assert_non_null(t);
	struct refs r;
	strbuf_init(&r.b);
	template_refs(t, collect_ref, &r);
	assert_string_equal(r.b.s, "a@1:28 b@2:7 c@2:24 d@2:35 items@2:51 items/url@2:77 "
				   "e@2:139 truth.name@2:171 ");
	strbuf_free(&r.b);
	template_free(t);
}

static void collect_list(const char *list, const char *outer, int line, int column, void *ctx)
{
	struct refs *r = ctx;
	strbuf_addf(&r->b, "%s%s%s@%d:%d ", *outer ? outer : "", *outer ? "/" : "", list, line,
		    column);
}

/* An evidence index of one package: its fields are the index's own, not
 * references, and the loader is told of the list to check the package. */
static void an_evidence_index_may_name_a_package(void **state)
{
	(void)state;
	const char *package = "x";
	assert_true(template_evidence_list("evidence", &package));
	assert_null(package);
	assert_true(template_evidence_list("evidence.complaint", &package));
	assert_string_equal(package, "complaint");
	assert_false(template_evidence_list("evidences", &package));
	assert_false(template_evidence_list("evidence_date", &package));
	assert_false(template_evidence_list("items", NULL));
	struct ipw_error err;
	struct template *t = template_parse("{{#each evidence.complaint}}{{number}}{{file}}{{#each "
					    "items}}{{url}}{{/each}}{{/each}}",
					    &err);
	assert_non_null(t);
	struct refs r;
	strbuf_init(&r.b);
	template_refs(t, collect_ref, &r);
	assert_string_equal(r.b.s, "items@1:47 items/url@1:64 ");
	strbuf_reset(&r.b);
	template_lists(t, collect_list, &r);
	assert_string_equal(r.b.s, "evidence.complaint@1:1 items@1:47 ");
	strbuf_free(&r.b);
	template_free(t);
}

static void escaping_strips_controls_and_keeps_what_it_should(void **state)
{
	struct strbuf b;
	strbuf_init(&b);
	escape_document(&b,
			"a\x1b[31mred\x07\r\n\tb\x7f\xc2\x9b"
			"c\xe2\x80\xae"
			"d\xff"
			"e",
			DOC_TEXT, false);
	assert_string_equal(b.s, "a[31mred  bcde");
	strbuf_reset(&b);
	escape_document(&b,
			"line 1\r\nline 2\n\x1b"
			"商标",
			DOC_TEXT, true);
	assert_string_equal(b.s, "line 1\nline 2\n商标");
	strbuf_reset(&b);
	escape_document(&b, "<a href=\"x\">Tom & 'Jerry'</a>\n", DOC_HTML, false);
	assert_string_equal(b.s,
			    "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; ");
	strbuf_free(&b);
}

static void empty_nested_each_blocks_end(void **state)
{
	/* 2^40 walks of nothing: no output to stop it, so the walk is counted. */
	struct strbuf src;
	strbuf_init(&src);
	for (int i = 0; i < 40; i++)
		strbuf_add(&src, "{{#each products}}");
	for (int i = 0; i < 40; i++)
		strbuf_add(&src, "{{/each}}");
	struct ipw_error err;
	struct template *t = template_parse(src.s, &err);
	assert_non_null(t);
	struct template_ops ops = {world_value, world_test, world_items, NULL};
	struct strbuf b;
	strbuf_init(&b);
	assert_int_equal(template_render(t, &ops, &b), IPW_EUSER);
	strbuf_free(&b);
	strbuf_free(&src);
	template_free(t);
}

static void renders_stop_before_filling_the_disk(void **state)
{
	/* 2 items nested 30 deep is 2^30 copies: the walk must give up. */
	struct strbuf src;
	strbuf_init(&src);
	for (int i = 0; i < 30; i++)
		strbuf_add(&src, "{{#each products}}");
	strbuf_add(&src, "0123456789012345678901234567890123456789");
	for (int i = 0; i < 30; i++)
		strbuf_add(&src, "{{/each}}");
	struct ipw_error err;
	struct template *t = template_parse(src.s, &err);
	assert_non_null(t);
	struct template_ops ops = {world_value, world_test, world_items, NULL};
	struct strbuf b;
	strbuf_init(&b);
	assert_int_equal(template_render(t, &ops, &b), IPW_EUSER);
	assert_true(b.len < TEMPLATE_MAX_BYTES + 4096);
	assert_int_equal(template_overflow_error(&err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "grows past"));
	strbuf_free(&b);
	strbuf_free(&src);
	template_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(literal_text_and_field_tags),
	    cmocka_unit_test(a_full_stop_is_not_doubled_after_an_answer),
	    cmocka_unit_test(if_elif_else_pick_one_branch),
	    cmocka_unit_test(each_walks_a_list_with_index_and_sub_fields),
	    cmocka_unit_test(errors_name_line_and_column),
	    cmocka_unit_test(deep_nesting_is_refused),
	    cmocka_unit_test(refs_lists_every_field_reference),
	    cmocka_unit_test(an_evidence_index_may_name_a_package),
	    cmocka_unit_test(escaping_strips_controls_and_keeps_what_it_should),
	    cmocka_unit_test(renders_stop_before_filling_the_disk),
	    cmocka_unit_test(empty_nested_each_blocks_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
