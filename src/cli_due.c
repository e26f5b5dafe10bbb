/* cli_due.c - `climb due`: for cron, a systemd timer or a shell rc file. Exits 0
 * and prints one line when a check-in is due, else exits 1 and prints nothing
 * (also with no database or no profile yet). Read-only, like the prompt line. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/ops_checkin.h"

#include <stdio.h>

int cli_due(app *a, int argc, char **argv)
{
    if (argc > 1)
        return cli_usage_error(cli_find("due"), argv[1]);
    int rc = app_prepare_path(a);
    if (rc != EXIT_OK)
        return rc;
    ops_line ln;
    char err[1024], line[256];
    long long now = clock_now();
    rc = ops_line_read(a->db_path, &a->ladder, a->user, now, &ln, err, sizeof err);
    if (rc == OPS_NOT_FOUND)
        return EXIT_RUNTIME; /* nothing to check in on: not due */
    if (rc != 0) {
        app_error("%s", err);
        return EXIT_RUNTIME;
    }
    if (!checkin_is_due(&ln.facts, now))
        return EXIT_RUNTIME;
    checkin_due_sentence(&ln.facts, now, line, sizeof line);
    puts(line);
    return EXIT_OK;
}
