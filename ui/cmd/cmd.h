/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd.h — the non-interactive commands (ipwiz list, show, set, …). */
#ifndef IPWIZ_CMD_H
#define IPWIZ_CMD_H

#include "cli.h"

#endif
