/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the flow loader and linter on arbitrary bytes. Every
 * input must end in a model or in diagnostics, never in a crash or leak. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "flow/flow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipw_diags d = {0};
	struct flow *f = flow_load_buffer("fuzz.yaml", (const char *)data, size, &d);
	if (f) {
		flow_lint(f, &d);
		/* Lookups with paths taken from the model itself. */
		for (size_t s = 0; s < f->nsteps; s++)
			for (size_t i = 0; i < f->steps[s].nfields; i++)
				(void)flow_field_step(f,
						      flow_find_field(f, f->steps[s].fields[i].id));
	}
	flow_free(f);
	ipw_diags_free(&d);
	return 0;
}
