/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys.c — one table of what each key means, so every screen agrees and the
 * hint bar and help tell the truth. Keys wait with a short timeout so a
 * signal (which only sets a flag) is noticed between keystrokes. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

#define CTRL(c) ((c)&0x1f)
#define KEY_ESC 27
/* Function keys apart from characters: KEY_DOWN's number is also U+0102. */
#define FK(k) ((k) | 0x1000000)

/* Keys that mean the same everywhere. */
static const struct {
	int code;
	enum ui_action act;
} fixed_keys[] = {
    {'\t', ACT_NEXT},
    {FK(KEY_BTAB), ACT_PREV},
    {FK(KEY_DOWN), ACT_DOWN},
    {FK(KEY_UP), ACT_UP},
    {FK(KEY_ENTER), ACT_CONFIRM},
    {KEY_ESC, ACT_CANCEL},
    {FK(KEY_NPAGE), ACT_NEXT_STEP},
    {CTRL('n'), ACT_NEXT_STEP},
    {FK(KEY_PPAGE), ACT_PREV_STEP},
    {CTRL('p'), ACT_PREV_STEP},
    {FK(KEY_F(1)), ACT_HELP},
    {FK(KEY_F(2)), ACT_REVIEW},
    {FK(KEY_F(5)), ACT_SUBMIT},
    {FK(KEY_F(3)), ACT_CASES},
    {FK(KEY_F(10)), ACT_QUIT},
    {CTRL('x'), ACT_QUIT}, /* terminals without F10, as nano's ^X */
    {CTRL('d'), ACT_REMOVE},
    {FK(KEY_F(4)), ACT_BROWSE},
    {CTRL('o'), ACT_BROWSE},
    {FK(KEY_F(7)), ACT_FILES},
    {CTRL('t'), ACT_FILES}, /* terminals without F7 */
    {FK(KEY_RESIZE), ACT_RESIZE},
};

/* Editing keys of a text input (readline's). */
static const struct {
	int code;
	enum textfield_op op;
} edit_keys[] = {
    {FK(KEY_LEFT), TF_LEFT},
    {FK(KEY_RIGHT), TF_RIGHT},
    {FK(KEY_HOME), TF_HOME},
    {CTRL('a'), TF_HOME},
    {FK(KEY_END), TF_END},
    {CTRL('e'), TF_END},
    {FK(KEY_BACKSPACE), TF_BACKSPACE},
    {127, TF_BACKSPACE},
    {CTRL('h'), TF_BACKSPACE},
    {FK(KEY_DC), TF_DELETE},
    {CTRL('k'), TF_KILL_END},
    {CTRL('u'), TF_KILL_START},
    {CTRL('w'), TF_KILL_WORD},
};

static void classify(int code, bool is_key, bool typing, bool multiline, struct ui_key *k)
{
	k->act = ACT_NONE;
	if (is_key)
		code = FK(code);
	else if (code == '\r' || code == '\n')
		code = FK(KEY_ENTER);
	/* In a long text Ctrl-E opens $EDITOR (the End key still ends a line). */
	if (multiline && code == CTRL('e')) {
		k->act = ACT_EDITOR;
		return;
	}
	if (typing)
		for (size_t i = 0; i < sizeof(edit_keys) / sizeof(edit_keys[0]); i++)
			if (edit_keys[i].code == code) {
				k->act = ACT_EDIT;
				k->op = edit_keys[i].op;
				return;
			}
	if (code == FK(KEY_ENTER) && multiline) {
		k->act = ACT_NEWLINE;
		return;
	}
	for (size_t i = 0; i < sizeof(fixed_keys) / sizeof(fixed_keys[0]); i++)
		if (fixed_keys[i].code == code) {
			k->act = fixed_keys[i].act;
			return;
		}
	if (is_key) {
		if (code == FK(KEY_LEFT))
			k->act = ACT_LEFT;
		else if (code == FK(KEY_RIGHT))
			k->act = ACT_RIGHT;
		else if (code == FK(KEY_DC))
			k->act = ACT_REMOVE;
		return;
	}
	if (code < 0x20 || code == 127)
		return;
	if (!typing && code == 'q')
		k->act = ACT_QUIT;
	else if (!typing && code == '?')
		k->act = ACT_HELP;
	else if (!typing && code == ' ')
		k->act = ACT_TOGGLE;
	else {
		k->act = ACT_CHAR;
		k->ch = (unsigned)code;
	}
}

/* The text of the last bracketed paste (ACT_PASTE), valid until the next,
 * and how many bytes the terminal sent for it. */
static struct strbuf pasted;
static size_t pasted_total;

/* Read a bracketed paste up to its end marker (ESC [ 2 0 1 ~), with line
 * ends made "\n" (terminals send "\r"). Control characters stay for the
 * text field to drop. Beyond UI_PASTE_MAX the rest is read to its end
 * marker and counted, not kept (nor taken as keys): whole characters only,
 * and the caller says the paste was cut. */
static void read_paste(void)
{
	static const char end[] = "\033[201~";
	const size_t el = sizeof(end) - 1;
	char tail[sizeof end] = {0}; /* the last el bytes received */
	size_t ntail = 0;
	if (!pasted.s)
		strbuf_init(&pasted);
	strbuf_reset(&pasted);
	pasted_total = 0;
	timeout(500); /* a paste arrives at once; give up on a lost end marker */
	wint_t ch;
	int r;
	while ((r = get_wch(&ch)) != ERR) {
		if (r == KEY_CODE_YES)
			continue;
		char buf[4];
		size_t n = utf8_encode((uint32_t)ch, buf);
		pasted_total += n;
		if (pasted.len + n <= UI_PASTE_MAX + el)
			strbuf_addn(&pasted, buf, n);
		for (size_t i = 0; i < n; i++) {
			if (ntail == el) {
				memmove(tail, tail + 1, el - 1);
				ntail--;
			}
			tail[ntail++] = buf[i];
		}
		if (ntail == el && memcmp(tail, end, el) == 0) {
			pasted_total -= el;
			/* The marker is in the kept text when it fitted. */
			if (pasted.len >= el && memcmp(pasted.s + pasted.len - el, end, el) == 0)
				pasted.len -= el;
			break;
		}
	}
	/* Kept: at most UI_PASTE_MAX bytes, cut between characters. */
	if (pasted.len > UI_PASTE_MAX) {
		size_t cut = UI_PASTE_MAX;
		while (cut > 0 && ((unsigned char)pasted.s[cut] & 0xc0) == 0x80)
			cut--;
		pasted.len = cut;
	}
	pasted.s[pasted.len] = '\0';
	/* "\r\n" and "\r" → "\n" */
	size_t o = 0;
	for (size_t i = 0; i < pasted.len; i++) {
		if (pasted.s[i] == '\r') {
			pasted.s[o++] = '\n';
			if (i + 1 < pasted.len && pasted.s[i + 1] == '\n')
				i++;
		} else {
			pasted.s[o++] = pasted.s[i];
		}
	}
	pasted.len = o;
	pasted.s[o] = '\0';
}

enum sequence { SEQ_NONE, SEQ_SKIPPED, SEQ_PASTE, SEQ_KEY };

/* The keys as xterm sends them, for a TERM that describes the terminal
 * badly (a vt100 entry over SSH from a modern terminal): "[" or "O", the
 * parameters, the final byte. */
static const struct {
	char intro;
	const char *params;
	char final;
	int key;
} xterm_keys[] = {
    {'[', "", 'A', KEY_UP},	{'[', "", 'B', KEY_DOWN},   {'[', "", 'C', KEY_RIGHT},
    {'[', "", 'D', KEY_LEFT},	{'[', "", 'H', KEY_HOME},   {'[', "", 'F', KEY_END},
    {'O', "", 'A', KEY_UP},	{'O', "", 'B', KEY_DOWN},   {'O', "", 'C', KEY_RIGHT},
    {'O', "", 'D', KEY_LEFT},	{'O', "", 'H', KEY_HOME},   {'O', "", 'F', KEY_END},
    {'O', "", 'P', KEY_F(1)},	{'O', "", 'Q', KEY_F(2)},   {'O', "", 'R', KEY_F(3)},
    {'O', "", 'S', KEY_F(4)},	{'[', "1", '~', KEY_HOME},  {'[', "7", '~', KEY_HOME},
    {'[', "4", '~', KEY_END},	{'[', "8", '~', KEY_END},   {'[', "3", '~', KEY_DC},
    {'[', "5", '~', KEY_PPAGE}, {'[', "6", '~', KEY_NPAGE}, {'[', "11", '~', KEY_F(1)},
    {'[', "12", '~', KEY_F(2)}, {'[', "13", '~', KEY_F(3)}, {'[', "14", '~', KEY_F(4)},
    {'[', "15", '~', KEY_F(5)}, {'[', "18", '~', KEY_F(7)}, {'[', "21", '~', KEY_F(10)},
};

static int xterm_key(char intro, const char *params, wint_t final)
{
	for (size_t i = 0; i < sizeof(xterm_keys) / sizeof(xterm_keys[0]); i++)
		if (xterm_keys[i].intro == intro && (wint_t)xterm_keys[i].final == final &&
		    strcmp(xterm_keys[i].params, params) == 0)
			return xterm_keys[i].key;
	if (intro == '[' && final == 'Z')
		return KEY_BTAB;
	return 0;
}

/* After an Esc that ncurses did not match to a key: when more bytes are
 * already waiting, it began a sequence this terminal's description does not
 * know. A bracketed paste is read whole, xterm's own key sequences become
 * their keys (pushed back for the next read), anything else is swallowed
 * rather than typed into an answer. */
static enum sequence unknown_sequence(void)
{
	wint_t ch;
	timeout(0);
	int r = get_wch(&ch);
	enum sequence seq = SEQ_NONE;
	if (r == OK && (ch == 'O' || ch == '[')) {
		/* SS3 takes one byte; CSI parameters end with a byte in @..~ */
		char intro = (char)ch, params[16];
		size_t n = 0;
		if (intro == 'O')
			r = get_wch(&ch);
		else
			while ((r = get_wch(&ch)) == OK && !(ch >= 0x40 && ch <= 0x7e))
				if (n + 1 < sizeof(params))
					params[n++] = (char)ch;
		params[n] = '\0';
		int key = r == OK ? xterm_key(intro, params, ch) : 0;
		if (intro == '[' && r == OK && ch == '~' && strcmp(params, "200") == 0) {
			seq = SEQ_PASTE;
		} else if (key) {
			ungetch(key);
			seq = SEQ_KEY;
		} else {
			seq = SEQ_SKIPPED;
		}
	} else if (r == KEY_CODE_YES) {
		ungetch((int)ch); /* a key ncurses did match: keep it for the next read */
	} else if (r == OK) {
		unget_wch(ch);
	}
	if (seq == SEQ_PASTE)
		read_paste();
	timeout(200);
	return seq;
}

void ui_read_key(struct ui *ui, struct ui_key *k, bool typing, bool multiline)
{
	for (;;) {
		if (ui_signalled()) {
			k->act = ACT_SIGNAL;
			return;
		}
		/* The other person's saved changes, also between the keys of
		 * somebody typing fast (a key waiting in the buffer stays there). */
		/* The files read meanwhile first: a change in the database
		 * while one is recorded is this wizard's own. */
		if (attach_job_tick(ui) || coach_tick(ui)) {
			k->act = ui->fatal.status ? ACT_QUIT : ACT_REFRESH;
			return;
		}
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue; /* the timeout: look at the signal flag and the others again */
		if (r == OK && ch == KEY_ESC) {
			enum sequence seq = unknown_sequence();
			if (seq == SEQ_PASTE) {
				k->act = ACT_PASTE;
				k->text = pasted.s;
				k->pasted_bytes = pasted_total;
				return;
			}
			if (seq == SEQ_SKIPPED || seq == SEQ_KEY)
				continue;
		}
		classify((int)ch, r == KEY_CODE_YES, typing, multiline, k);
		if (k->act != ACT_NONE)
			return;
	}
}

const char *ui_quit_key(void)
{
	return has_key(KEY_F(10)) ? "F10" : "^X";
}
