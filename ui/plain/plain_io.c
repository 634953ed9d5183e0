/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_io.c — lines in, lines out: prompts, safe printing, and the words
 * the user can type at any prompt. Nothing but text: no colours, no cursor
 * movement, so a screen reader or a log reads it as it is. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/base.h"
#include "plain_internal.h"

void plain_printf(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
}

const char *plain_safe(struct plain *p, const char *s)
{
	unsigned slot = p->nsafe++ % PLAIN_SAFE_SLOTS;
	free(p->safe[slot]);
	p->safe[slot] = utf8_sanitize(s ? s : "");
	return p->safe[slot];
}

void plain_lines(struct plain *p, const char *prefix, const char *text)
{
	for (const char *s = text; s && *s;) {
		const char *nl = strchr(s, '\n');
		char *line = xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
		plain_printf(p, "%s%s\n", prefix, plain_safe(p, line));
		free(line);
		if (!nl)
			break;
		s = nl + 1;
	}
}

char *plain_trim(char *s)
{
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	size_t k = 0;
	while (isspace((unsigned char)s[k]))
		k++;
	memmove(s, s + k, n - k + 1);
	return s;
}

bool plain_read(struct plain *p, const char *prompt)
{
	if (p->eof)
		return false;
	ssize_t n;
	for (;;) {
		fputs(prompt, p->out);
		fflush(p->out);
		n = getline(&p->line, &p->cap, p->in);
		if (n < 0) {
			p->eof = true;
			/* Leave the prompt's line finished for whoever reads on. */
			fputc('\n', p->out);
			return false;
		}
		/* The answer would silently end at the NUL: ask again instead. */
		if (!memchr(p->line, '\0', (size_t)n))
			break;
		plain_printf(p, "%s\n",
			     _("Not taken: the line contains a NUL byte; type it again."));
	}
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	if (p->echo)
		plain_printf(p, "%s\n", plain_safe(p, p->line));
	return true;
}

struct command_word {
	const char *word; /* what is always understood */
	const char *tr;	  /* the same in the user's language (may equal word) */
	enum plain_cmd cmd;
};

/* TRANSLATORS: the words below are commands typed at any prompt of the
 * line mode; the English word always works too. Keep each one word. */
static const struct command_word command_words[] = {
    {"?", "?", PLAIN_CMD_HELP},
    {"help", N_("help"), PLAIN_CMD_HELP},
    {"<", "<", PLAIN_CMD_BACK},
    {"back", N_("back"), PLAIN_CMD_BACK},
    {">", ">", PLAIN_CMD_NEXT},
    {"next", N_("next"), PLAIN_CMD_NEXT},
    {"skip", N_("skip"), PLAIN_CMD_SKIP},
    {"!", "!", PLAIN_CMD_CLEAR},
    {"clear", N_("clear"), PLAIN_CMD_CLEAR},
    {"goto", N_("goto"), PLAIN_CMD_GOTO},
    {"review", N_("review"), PLAIN_CMD_REVIEW},
    {"quit", N_("quit"), PLAIN_CMD_QUIT},
};

/* "goto 3" / "goto3": the word, then an optional number. */
static bool word_matches(const char *line, const char *word, size_t *arg)
{
	size_t n = strlen(word);
	if (strncasecmp(line, word, n) != 0)
		return false;
	const char *rest = line + n;
	if (*rest == '\0')
		return true;
	if (arg == NULL)
		return false;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	char *end;
	unsigned long v = strtoul(rest, &end, 10);
	if (end == rest || *end != '\0')
		return false;
	*arg = (size_t)v;
	return true;
}

enum plain_cmd plain_command(char *line, size_t *arg)
{
	*arg = 0;
	if (line[0] == '\\') {
		memmove(line, line + 1, strlen(line));
		return PLAIN_CMD_NONE;
	}
	char *t = xstrdup(line);
	plain_trim(t);
	enum plain_cmd found = PLAIN_CMD_NONE;
	for (size_t i = 0; i < sizeof(command_words) / sizeof(command_words[0]); i++) {
		const struct command_word *w = &command_words[i];
		size_t *a = w->cmd == PLAIN_CMD_GOTO ? arg : NULL;
		if (word_matches(t, w->word, a) || word_matches(t, _(w->tr), a)) {
			found = w->cmd;
			break;
		}
	}
	free(t);
	return found;
}

void plain_command_help(struct plain *p)
{
	plain_printf(p, "%s\n",
		     _("At any question you can type:\n"
		       "  ?        the help of this question\n"
		       "  back     the previous question (also <)\n"
		       "  next     the next step (also >)\n"
		       "  skip     leave this question as it is and go on\n"
		       "  clear    erase this answer (also !)\n"
		       "  goto N   go to step N\n"
		       "  review   every answer, and what is still missing\n"
		       "  quit     stop here; every answer is already saved\n"
		       "Enter alone keeps the answer shown. To answer with one of these words,\n"
		       "start the line with a backslash, for example \\next."));
}

void plain_greet(struct plain *p)
{
	if (p->greeted)
		return;
	p->greeted = true;
	plain_printf(
	    p, "%s\n",
	    _("ipwiz, line by line. Type your answer after each question and press "
	      "Enter; Enter alone keeps the answer shown; ? gives help and the commands."));
}

void plain_error(struct plain *p, const struct ipw_error *err)
{
	char buf[2048];
	ipw_error_format(err, buf, sizeof(buf));
	fflush(p->out);
	fprintf(stderr, "ipwiz: %s\n", buf);
	if (err->status == IPW_EENV)
		p->status = IPW_EENV;
}

void plain_format_time(long long when, char *buf, size_t size)
{
	time_t t = (time_t)when;
	struct tm tm;
	if (!localtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(buf, size, "%lld", when);
}
