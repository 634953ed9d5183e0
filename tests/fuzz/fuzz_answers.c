/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the answers file of `ipwiz fill`. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "flow/answers_file.h"

static int ignore(const char *path, const char *value, bool values, int line, int column, void *ctx)
{
	(void)path, (void)value, (void)values, (void)line, (void)column;
	++*(size_t *)ctx;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipw_error err = {0};
	size_t n = 0;
	answers_file_parse("fuzz.yaml", (const char *)data, size, ignore, &n, &err);
	return 0;
}
