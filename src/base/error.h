/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.h — errors are values: the core fills a struct ipw_error, only main/ui
 * decide how to show it. No core function prints or exits. */
#ifndef IPWIZ_ERROR_H
#define IPWIZ_ERROR_H

#include <stddef.h>

/* What kind of failure, which is also the process exit status (design.md). */
enum ipw_status {
	IPW_OK = 0,
	IPW_EUSER = 1,	/* something the user must fix: invalid answer, rejected file, lint error */
	IPW_EUSAGE = 2, /* wrong command line */
	IPW_EENV = 3,	/* environment: database unreadable, locked, disk full */
	IPW_ECONFLICT = 4 /* another session changed the answer (never an exit status) */
};

struct ipw_error {
	enum ipw_status status;
	char msg[1024]; /* one sentence in the user's language, already translated */
	char file[512]; /* where, when the error is about a file (flow, evidence) */
	int line;	/* 1-based, 0 = unknown */
	int column;	/* 1-based, 0 = unknown */
};

void ipw_error_clear(struct ipw_error *err);

/* Fill err (which may be NULL) and return status, so callers can write
 * `return ipw_error_set(err, IPW_EENV, "...", ...);`. */
int ipw_error_set(struct ipw_error *err, enum ipw_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ipw_error_at(struct ipw_error *err, enum ipw_status status, const char *file, int line,
		 int column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* "file:line:column: message" (or just the message) into buf. */
void ipw_error_format(const struct ipw_error *err, char *buf, size_t size);

/* Several findings at once (the flow linter reports every error in one run). */
enum ipw_severity { IPW_SEV_ERROR, IPW_SEV_WARNING };

struct ipw_diag {
	enum ipw_severity severity;
	char *file;
	int line, column;
	char *msg;
};

struct ipw_diags {
	struct ipw_diag *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
};

void ipw_diags_add(struct ipw_diags *d, enum ipw_severity sev, const char *file, int line,
		   int column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ipw_diags_free(struct ipw_diags *d);
/* Order by file, line, column (stable), for output like a compiler's. */
void ipw_diags_sort(struct ipw_diags *d);

#endif
