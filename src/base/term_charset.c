/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term_charset.c — the terminal's charset at its boundary: glibc's
 * fopencookie streams that src/main.c puts in place of stdout, stderr and
 * stdin, so every printf of the commands and the line mode, and every line
 * typed, goes through one iconv conversion. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "term_charset.h"
#include "utf8.h"
#include "xalloc.h"

struct conv {
	iconv_t cd;
	FILE *under;  /* the stream written to (output) */
	int fd;	      /* the descriptor read from (input), or under's */
	char held[8]; /* the start of a character cut by the buffer */
	size_t nheld;
	bool eof;
	char out[4096]; /* converted input not yet handed out */
	size_t out_pos, out_len;
};

/* The converting streams made, for term_charset_fileno. */
#define TERM_CHARSET_MAX 4
static struct {
	FILE *f;
	const void *cookie;
	int fd;
} made[TERM_CHARSET_MAX];

static void remember(FILE *f, const void *cookie, int fd)
{
	for (size_t i = 0; i < TERM_CHARSET_MAX; i++)
		if (!made[i].f) {
			made[i].f = f;
			made[i].cookie = cookie;
			made[i].fd = fd;
			return;
		}
}

/* A closed stream's FILE may be reused by the next fopen. */
static void forget(const void *cookie)
{
	for (size_t i = 0; i < TERM_CHARSET_MAX; i++)
		if (made[i].cookie == cookie) {
			made[i].f = NULL;
			made[i].cookie = NULL;
		}
}

/* A byte the charset does not have becomes U+FFFD, which validation
 * refuses with a reason, as it does invalid UTF-8; false when out is full. */
static bool replace_bad_byte(char **in, size_t *inleft, char **out, size_t *outleft)
{
	if (*outleft < 3)
		return false;
	memcpy(*out, "\xEF\xBF\xBD", 3);
	*out += 3;
	*outleft -= 3;
	(*in)++;
	(*inleft)--;
	return true;
}

static const char *codeset(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && *cs ? cs : "ANSI_X3.4-1968";
}

bool term_charset_converts(void)
{
	const char *cs = codeset();
	/* The C locale's ASCII is left alone: many hosts run without any
	 * locale on a UTF-8 terminal, and ipwiz has always written UTF-8
	 * there. */
	return strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0 &&
	       strcmp(cs, "ANSI_X3.4-1968") != 0;
}

/* Bytes at the end of s[0..n) that begin a UTF-8 character not yet
 * complete: they wait for the next write. */
static size_t incomplete_tail(const char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = (unsigned char)s[n - back];
		if ((c & 0xC0) == 0x80)
			continue; /* a continuation byte: look further back */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

static bool put(struct conv *c, const char *s, size_t n)
{
	return n == 0 || fwrite(s, 1, n, c->under) == n;
}

/* Convert s[0..n) (whole UTF-8 characters) and write it under. */
static bool convert_out(struct conv *c, const char *s, size_t n)
{
	char buf[1024];
	char *in = (char *)s;
	size_t left = n;
	while (left > 0) {
		char *o = buf;
		size_t room = sizeof(buf);
		size_t r = iconv(c->cd, &in, &left, &o, &room);
		int e = errno;
		if (!put(c, buf, (size_t)(o - buf)))
			return false;
		if (r != (size_t)-1 || e == E2BIG)
			continue;
		/* Not in the charset (or not UTF-8 at all): one "?" for the
		 * character, and on. */
		uint32_t cp;
		size_t k = utf8_decode(in, left, &cp);
		in += k;
		left -= k;
		if (!put(c, "?", 1))
			return false;
	}
	/* Back to the initial shift state (stateful charsets). */
	char *o = buf;
	size_t room = sizeof(buf);
	iconv(c->cd, NULL, NULL, &o, &room);
	return put(c, buf, (size_t)(o - buf));
}

static ssize_t conv_write(void *cookie, const char *s, size_t n)
{
	struct conv *c = cookie;
	size_t used = 0;
	/* Finish a character the last write cut. */
	while (c->nheld > 0 && used < n) {
		c->held[c->nheld++] = s[used++];
		if (incomplete_tail(c->held, c->nheld) == 0 || c->nheld == 4) {
			if (!convert_out(c, c->held, c->nheld))
				return -1;
			c->nheld = 0;
		}
	}
	size_t rest = n - used;
	size_t tail = incomplete_tail(s + used, rest);
	if (!convert_out(c, s + used, rest - tail))
		return -1;
	memcpy(c->held, s + n - tail, tail);
	c->nheld = tail;
	/* The real stream may be buffered: what was written is out, so the
	 * order of stdout and stderr stays as the program wrote them. */
	if (fflush(c->under) != 0)
		return -1;
	return (ssize_t)n;
}

static int conv_close(void *cookie)
{
	struct conv *c = cookie;
	int r = 0;
	if (c->nheld && !convert_out(c, c->held, c->nheld))
		r = -1;
	if (c->under) {
		int e = errno;
		if (fclose(c->under) != 0)
			r = -1;
		else if (r == 0)
			errno = e;
	}
	iconv_close(c->cd);
	forget(c);
	free(c);
	return r;
}

/* Fill c->out with the next converted input: 1, or 0 at the end, -1 on a
 * read error. */
static int fill_in(struct conv *c)
{
	char raw[2048];
	size_t have = c->nheld;
	memcpy(raw, c->held, have);
	c->nheld = 0;
	ssize_t got = 0;
	if (!c->eof) {
		do
			got = read(c->fd, raw + have, sizeof(raw) / 2 - have);
		while (got < 0 && errno == EINTR);
		if (got < 0)
			return -1;
		if (got == 0)
			c->eof = true;
	}
	size_t left = have + (size_t)got;
	if (left == 0)
		return 0;
	char *in = raw;
	char *o = c->out;
	size_t room = sizeof(c->out);
	while (left > 0) {
		size_t r = iconv(c->cd, &in, &left, &o, &room);
		if (r != (size_t)-1)
			break;
		if (errno == EINVAL && !c->eof && left < sizeof(c->held)) {
			/* A character cut by the read: wait for its end. */
			memcpy(c->held, in, left);
			c->nheld = left;
			break;
		}
		if (!replace_bad_byte(&in, &left, &o, &room))
			break;
	}
	c->out_pos = 0;
	c->out_len = (size_t)(o - c->out);
	return c->out_len > 0 || c->nheld > 0 || !c->eof ? 1 : 0;
}

static ssize_t conv_read(void *cookie, char *buf, size_t n)
{
	struct conv *c = cookie;
	while (c->out_pos == c->out_len) {
		int r = fill_in(c);
		if (r <= 0)
			return r;
	}
	size_t k = c->out_len - c->out_pos;
	if (k > n)
		k = n;
	memcpy(buf, c->out + c->out_pos, k);
	c->out_pos += k;
	return (ssize_t)k;
}

FILE *term_charset_output(FILE *under)
{
	if (!term_charset_converts())
		return NULL;
	iconv_t cd = iconv_open(codeset(), "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	struct conv *c = xcalloc(1, sizeof(*c));
	c->cd = cd;
	c->under = under;
	c->fd = fileno(under);
	FILE *f =
	    fopencookie(c, "w", (cookie_io_functions_t){.write = conv_write, .close = conv_close});
	if (!f) {
		iconv_close(cd);
		free(c);
		return NULL;
	}
	remember(f, c, c->fd);
	return f;
}

FILE *term_charset_input(int fd)
{
	if (!term_charset_converts())
		return NULL;
	iconv_t cd = iconv_open("UTF-8", codeset());
	if (cd == (iconv_t)-1)
		return NULL;
	struct conv *c = xcalloc(1, sizeof(*c));
	c->cd = cd;
	c->fd = fd;
	FILE *f =
	    fopencookie(c, "r", (cookie_io_functions_t){.read = conv_read, .close = conv_close});
	if (!f) {
		iconv_close(cd);
		free(c);
		return NULL;
	}
	remember(f, c, fd);
	return f;
}

char *term_charset_text_in(const char *s)
{
	if (!s || !term_charset_converts())
		return s ? xstrdup(s) : NULL;
	iconv_t cd = iconv_open("UTF-8", codeset());
	if (cd == (iconv_t)-1)
		return xstrdup(s);
	size_t inleft = strlen(s), cap = 4 * inleft + 4, outleft = cap - 1;
	char *out = xmalloc(cap), *in = (char *)s, *o = out;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
			break;
		if ((errno != EILSEQ && errno != EINVAL) ||
		    !replace_bad_byte(&in, &inleft, &o, &outleft))
			break;
	}
	*o = '\0';
	iconv_close(cd);
	return out;
}

char *term_charset_text_out(const char *s)
{
	if (!s || !term_charset_converts())
		return s ? xstrdup(s) : NULL;
	iconv_t cd = iconv_open(codeset(), "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	/* Four bytes a character at most, in GB18030 as in UTF-8. */
	size_t inleft = strlen(s), cap = 4 * inleft + 8, outleft = cap - 1;
	char *out = xmalloc(cap), *in = (char *)s, *o = out;
	bool whole = iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 &&
		     iconv(cd, NULL, NULL, &o, &outleft) != (size_t)-1;
	iconv_close(cd);
	if (!whole) {
		free(out);
		return NULL;
	}
	*o = '\0';
	return out;
}

int term_charset_fileno(FILE *f)
{
	for (size_t i = 0; f && i < TERM_CHARSET_MAX; i++)
		if (made[i].f == f)
			return made[i].fd;
	return f ? fileno(f) : -1;
}
