/* front.c — pick the front end for an interactive start. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "plain/plain.h"
#include "front.h"

int front_run(struct cli *cli, const struct ui_request *req)
{
	if (cli->plain || !ui_terminal_ok())
		return plain_run(cli, req, stdin, stdout);
	return ui_run(cli, req);
}
