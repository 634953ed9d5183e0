/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "validate.h"

static int invalid(const struct flow_field *f, struct ipw_error *err, const char *fallback)
{
	const char *msg = f->message ? flow_tr(f->message) : fallback;
	return ipw_error_set(err, IPW_EUSER, "%s", msg);
}

static bool valid_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0')
		return false;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p) || (unsigned char)*p < 0x20)
			return false;
	return true;
}

static bool valid_url(const char *s)
{
	const char *host;
	if (strncmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return false;
	if (!*host || *host == '/' || !strchr(host, '.'))
		return false;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p) || (unsigned char)*p < 0x20)
			return false;
	return true;
}

static bool valid_phone(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" +-().", *p))
			return false;
	}
	return digits >= 6 && digits <= 20;
}

/* More digits than a double holds exactly would compare wrongly with a
 * flow's min and max (and no count of pieces is that long). */
enum { NUMBER_MAX_DIGITS = 15 };

size_t validate_count_lines(const char *value)
{
	size_t n = 0;
	for (const char *p = value; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len)
			n++;
		p += len + (nl ? 1 : 0);
	}
	return n;
}

static int validate_multichoice(const struct flow_field *f, const char *value,
				struct ipw_error *err)
{
	for (const char *p = value; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len && !flow_find_choice(f, p, len))
			return ipw_error_set(err, IPW_EUSER, _("“%.*s” is not one of the choices."),
					     (int)len, p);
		p += len + (nl ? 1 : 0);
	}
	size_t n = validate_count_lines(value);
	if (f->has_min && (double)n < f->min)
		return invalid(f, err, _("Pick more of the choices."));
	if (f->has_max && (double)n > f->max)
		return invalid(f, err, _("Pick fewer of the choices."));
	return IPW_OK;
}

static int validate_date(const struct flow_field *f, const char *value, const struct expr_env *env,
			 struct ipw_error *err)
{
	long d;
	if (!expr_parse_date(value, &d))
		return ipw_error_set(
		    err, IPW_EUSER, _("Write the date as year-month-day, for example 2026-11-24."));
	struct value lim = {0};
	if (f->min_expr) {
		expr_eval(f->min_expr, env, &lim);
		bool bad = lim.type == VALUE_DATE && d < lim.days;
		char when[11];
		expr_format_date(lim.days, when);
		value_free(&lim);
		if (bad) {
			if (f->message)
				return invalid(f, err, "");
			return ipw_error_set(err, IPW_EUSER, _("The date must be %s or later."),
					     when);
		}
	}
	if (f->max_expr) {
		expr_eval(f->max_expr, env, &lim);
		bool bad = lim.type == VALUE_DATE && d > lim.days;
		char when[11];
		expr_format_date(lim.days, when);
		value_free(&lim);
		if (bad) {
			if (f->message)
				return invalid(f, err, "");
			return ipw_error_set(err, IPW_EUSER, _("The date must be %s or earlier."),
					     when);
		}
	}
	return IPW_OK;
}

static int validate_number(const struct flow_field *f, const char *value, struct ipw_error *err)
{
	/* Exactly what the message says: digits (full-width ones too), and
	 * spaces around them, which validate_normalize takes off. */
	char *digits = number_digits(value);
	if (!digits)
		return ipw_error_set(err, IPW_EUSER, _("Write a number, using digits only."));
	size_t len = strlen(digits);
	double d = number_strtod(digits, NULL);
	free(digits);
	if (len > NUMBER_MAX_DIGITS)
		return ipw_error_set(err, IPW_EUSER, _("Write a number of at most %d digits."),
				     NUMBER_MAX_DIGITS);
	if (f->has_min && d < f->min) {
		if (f->message)
			return invalid(f, err, "");
		return ipw_error_set(err, IPW_EUSER, _("The number must be at least %g."), f->min);
	}
	if (f->has_max && d > f->max) {
		if (f->message)
			return invalid(f, err, "");
		return ipw_error_set(err, IPW_EUSER, _("The number must be at most %g."), f->max);
	}
	return IPW_OK;
}

static int validate_text(const struct flow_field *f, const char *value, struct ipw_error *err)
{
	size_t bad;
	if (!utf8_valid(value, strlen(value), &bad))
		return ipw_error_set(err, IPW_EUSER,
				     _("The text has bytes that are not valid UTF-8."));
	size_t chars = 0;
	for (size_t i = 0, n = strlen(value); i < n; i = utf8_next(value, n, i))
		chars++;
	if (f->min_length && chars < f->min_length) {
		if (f->message)
			return invalid(f, err, "");
		return ipw_error_set(err, IPW_EUSER, _("Write at least %zu characters."),
				     f->min_length);
	}
	if (f->max_length && chars > f->max_length) {
		if (f->message)
			return invalid(f, err, "");
		return ipw_error_set(err, IPW_EUSER, _("Write at most %zu characters."),
				     f->max_length);
	}
	if (f->has_pattern && regexec(&f->pattern, value, 0, NULL, 0) != 0)
		return invalid(f, err, _("This does not have the expected form."));
	return IPW_OK;
}

static int validate_by_type(const struct flow_field *f, const char *value,
			    const struct expr_env *env, struct ipw_error *err)
{
	switch (f->type) {
	case FIELD_EMAIL:
		return valid_email(value) ? IPW_OK
					  : invalid(f, err,
						    _("Write an e-mail address such as "
						      "name@example.com."));
	case FIELD_URL:
		return valid_url(value) ? IPW_OK
					: invalid(f, err,
						  _("Write the full address, starting with "
						    "https://."));
	case FIELD_PHONE:
		return valid_phone(value) ? IPW_OK
					  : invalid(f, err,
						    _("Write a phone number with its country "
						      "code, for example +86 571 8502 2088."));
	case FIELD_NUMBER:
		return validate_number(f, value, err);
	case FIELD_DATE:
		return validate_date(f, value, env, err);
	case FIELD_CHOICE:
		return flow_find_choice(f, value, strlen(value))
			   ? IPW_OK
			   : ipw_error_set(err, IPW_EUSER, _("“%s” is not one of the choices."),
					   value);
	case FIELD_MULTICHOICE:
		return validate_multichoice(f, value, err);
	case FIELD_YESNO:
		return strcmp(value, "yes") == 0 || strcmp(value, "no") == 0
			   ? IPW_OK
			   : ipw_error_set(err, IPW_EUSER, _("Answer yes or no."));
	case FIELD_DECLARATION:
		return strcmp(value, "yes") == 0
			   ? IPW_OK
			   : ipw_error_set(err, IPW_EUSER,
					   _("Affirm the statement by answering yes."));
	case FIELD_LIST:
	case FIELD_EVIDENCE:
	case FIELD_INFO:
		return ipw_error_set(err, IPW_EUSER, _("This field does not take a typed answer."));
	case FIELD_TEXT:
	case FIELD_TEXTAREA:
		break;
	}
	return IPW_OK;
}

char *validate_normalize(const struct flow_field *f, const char *value)
{
	if (!f || !value || f->type != FIELD_NUMBER)
		return NULL;
	char *digits = number_digits(value);
	if (digits && strcmp(digits, value) == 0) {
		free(digits);
		return NULL;
	}
	return digits;
}

int validate_value(const struct flow_field *f, const char *value, const struct expr_env *env,
		   struct ipw_error *err)
{
	int r = validate_by_type(f, value, env, err);
	if (r != IPW_OK)
		return r;
	/* Length and pattern apply to every typed value, not only text. */
	if (f->type != FIELD_MULTICHOICE && f->type != FIELD_CHOICE)
		return validate_text(f, value, err);
	return IPW_OK;
}
