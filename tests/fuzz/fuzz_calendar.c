/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: working-day calendar files, and counting over what
 * they load. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "calendar/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipw_error err = {0};
	struct calendar *c = NULL;
	if (calendar_load_buffer("fuzz.yaml", (const char *)data, size, &c, &err) == IPW_OK) {
		long day;
		if (calendar_parse_date("2026-02-13", &day))
			calendar_add_working_days(c, day, 30, NULL);
		calendar_free(c);
	}
	return 0;
}
