/* SPDX-License-Identifier: GPL-3.0-or-later */
/* base.h — the floor everything stands on: errors as values, allocation that
 * never returns NULL, growing strings, the one display-width function and
 * the one sanitiser of untrusted text, numbers, messages in the user's
 * language, the terminal's charset at its boundary, and the YAML tree the loaders read. Nothing
 * here knows a flow, a case or a database. */
#ifndef IPWIZ_BASE_H
#define IPWIZ_BASE_H

#include "clock.h"
#include "error.h"
#include "escape.h"
#include "i18n.h"
#include "install_dirs.h"
#include "number.h"
#include "strbuf.h"
#include "term_charset.h"
#include "utf8.h"
#include "xalloc.h"
#include "yaml_tree.h"

#endif
