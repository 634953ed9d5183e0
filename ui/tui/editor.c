/* SPDX-License-Identifier: GPL-3.0-or-later */
/* editor.c — a long answer in the user's own editor ($VISUAL, $EDITOR,
 * else vi): the text goes to a private temporary file (0600 in a 0700
 * directory), the terminal is handed over with endwin and taken back, and
 * the edited text replaces the field's (saved when the field is left). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "ui_internal.h"

enum { EDITED_MAX = 1024 * 1024 };

static const char *editor_command(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* The edited file, without the one newline editors add at the end. */
static char *read_back(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = xmalloc(EDITED_MAX + 1);
	size_t n = fread(buf, 1, EDITED_MAX, f);
	fclose(f);
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

/* Run the editor through the shell ($EDITOR may carry options) and wait. */
static int run_editor(const char *file)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		char *cmd = xasprintf("%s \"$1\"", editor_command());
		execl("/bin/sh", "sh", "-c", cmd, "sh", file, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool editor_edit(struct ui *ui, struct textfield *tf)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/ipwiz-edit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	bool ok = false;
	if (!mkdtemp(dir)) {
		ui_status(ui, true, "%s", _("No temporary file for the editor could be made."));
		free(dir);
		return false;
	}
	char *file = xasprintf("%s/answer.txt", dir);
	/* The editor runs on the same terminal, so it reads and writes the
	 * terminal's charset (GB18030 on a Chinese console), not UTF-8. */
	char *text_out = term_charset_text_out(tf->s);
	int fd = text_out ? open(file, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
	if (!text_out) {
		ui_status(ui, true, "%s",
			  _("This text has characters your terminal's charset cannot show, so the "
			    "editor would lose them; edit it here, or use a UTF-8 terminal."));
	} else if (fd < 0 || !write_all(fd, text_out, strlen(text_out)) ||
		   !write_all(fd, "\n", 1)) {
		ui_status(ui, true, "%s", _("No temporary file for the editor could be made."));
	} else {
		close(fd);
		fd = -1;
		def_prog_mode();
		endwin();
		int rc = run_editor(file);
		reset_prog_mode();
		refresh();
		char *back = rc == 0 ? read_back(file) : NULL;
		char *text = term_charset_text_in(back);
		free(back);
		if (text) {
			textfield_set(tf, NULL);
			textfield_insert(tf, text, strlen(text));
			ui_status(ui, false, "%s", _("The text from the editor is in the field."));
			ok = true;
		} else {
			ui_status(ui, true,
				  _("The editor (%s) did not finish well; the text is as it was."),
				  editor_command());
		}
		free(text);
	}
	if (fd >= 0)
		close(fd);
	free(text_out);
	unlink(file);
	rmdir(dir);
	free(file);
	free(dir);
	return ok;
}
