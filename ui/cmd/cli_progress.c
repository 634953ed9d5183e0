/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_progress.c — "Checking 3 of 20: invoice.pdf…" on stderr while
 * `check` and `attach` read files, so a long run on a terminal shows it is
 * working. Only when stderr is a terminal (never in a pipe, a log or a
 * test's capture) and there is more than one file; the line is rewritten
 * in place with a carriage return, cut to the terminal's width, the name
 * made safe, and wiped when the work ends, so the report that follows
 * starts on a clean line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/base.h"
#include "cli.h"

static int terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

void cli_progress_start(struct cli_progress *p, size_t total)
{
	*p = (struct cli_progress){.on = total > 1 && isatty(STDERR_FILENO), .total = total};
}

static void wipe(struct cli_progress *p)
{
	if (!p->shown)
		return;
	fprintf(stderr, "\r%*s\r", (int)p->shown, "");
	p->shown = 0;
}

void cli_progress_step(struct cli_progress *p, const char *path)
{
	p->done++;
	if (!p->on)
		return;
	const char *slash = strrchr(path, '/');
	char *name = utf8_sanitize(slash ? slash + 1 : path);
	char *line = xasprintf(_("Checking %zu of %zu: %s…"), p->done, p->total, name);
	size_t width;
	size_t n = utf8_fit(line, strlen(line), (size_t)terminal_width() - 1, &width);
	wipe(p);
	fprintf(stderr, "\r%.*s", (int)n, line);
	fflush(stderr);
	p->shown = width;
	free(line);
	free(name);
}

void cli_progress_end(struct cli_progress *p)
{
	if (p->on) {
		wipe(p);
		fflush(stderr);
	}
}
