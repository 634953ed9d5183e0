/* SPDX-License-Identifier: GPL-3.0-or-later */
/* install_dirs.h — where the program's data and message catalogues are:
 * $IPWIZ_DATADIR, else the source tree's data/ when the program runs from
 * its build tree (so ./run.sh needs no install), else $(pkgdatadir); and
 * the build tree's locale/ or $(localedir); the evidence worker program
 * and its OCR module.
 * Base knows this so that i18n
 * and the flow catalogue both ask it, and neither asks the other. */
#ifndef IPWIZ_INSTALL_DIRS_H
#define IPWIZ_INSTALL_DIRS_H

#include <stdbool.h>

/* True when the running program is the one in the build tree. */
bool install_in_build_tree(void);
/* The data directory (flows/, calendars/). */
const char *install_data_dir(void);
/* The directory bindtextdomain reads the catalogues from. */
const char *install_locale_dir(void);
/* The evidence worker program: the build tree's ipwiz-worker when the
 * running program is in the build tree or below it (the unit tests), else
 * $(pkglibexecdir)/ipwiz-worker. */
const char *install_worker_path(void);
/* The OCR module the worker loads (ipwiz-ocr.so), found the same way. */
const char *install_ocr_module_path(void);

#endif
