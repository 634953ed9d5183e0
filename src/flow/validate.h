/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate.h — is this text a valid answer for this field? One function per
 * concern, used by the session for the wizard, line mode and the CLI alike,
 * so a value is judged the same everywhere. */
#ifndef IPWIZ_VALIDATE_H
#define IPWIZ_VALIDATE_H

#include "base/base.h"
#include "expr/expr.h"
#include "flow.h"

/* Check value (non-empty) against field's type and rules. env evaluates
 * date limits such as `max: today`. Returns IPW_OK or IPW_EUSER with a
 * translated sentence in err (the field's own `message:` when it has one). */
int validate_value(const struct flow_field *field, const char *value, const struct expr_env *env,
		   struct ipw_error *err);

/* The answer as it is kept, when it differs from what was typed: a number
 * typed in full-width digits or with spaces around it becomes its ASCII
 * digits (a new string). NULL when value is kept as it is. */
char *validate_normalize(const struct flow_field *field, const char *value);

/* Number of lines (values) in a multichoice answer. */
size_t validate_count_lines(const char *value);

#endif
