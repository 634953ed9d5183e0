/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: document templates — parse, list the references the
 * loader checks, and walk the result with every #if true and two items in
 * every #each. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "render/render.h"
#include "template/template.h"

static void ref(const char *r, const char *list, int line, int column, void *ctx)
{
	(void)list, (void)line, (void)column;
	*(size_t *)ctx += strlen(r);
}

static void value(void *ctx, const char *r, const struct template_scope *scope, struct strbuf *out)
{
	(void)ctx, (void)scope;
	escape_document(out, r, DOC_HTML, true);
}

static bool test(void *ctx, const struct expr *e, const struct template_scope *scope)
{
	(void)ctx, (void)e, (void)scope;
	return true;
}

static size_t count(void *ctx, const char *list, const struct template_scope *scope)
{
	(void)ctx, (void)list, (void)scope;
	return 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = xstrndup((const char *)data, size);
	struct ipw_error err = {0};
	struct template *t = template_parse(src, &err);
	if (t) {
		size_t n = 0;
		template_refs(t, ref, &n);
		struct template_ops ops = {value, test, count, NULL};
		struct strbuf out;
		strbuf_init(&out);
		template_render(t, &ops, &out);
		strbuf_free(&out);
		template_free(t);
	}
	free(src);
	return 0;
}
