/* cli_cadence.c - `climb cadence [EVERY]`: shows or sets how often a check-in is
 * due (2w, 10d, 1m, none). Stored as a 'setting' event through ops_set_cadence. */
#include "climb/cli.h"
#include "climb/ops_checkin.h"

#include <stdio.h>

int cli_cadence(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("cadence");
    int days = 0;
    char said[64];
    if (argc > 2)
        return cli_usage_error(cmd, argv[2]);
    if (argc == 2 && checkin_parse_cadence(argv[1], &days)) {
        app_error("a cadence is a number of days, weeks or months (10d, 2w, 1m; at most %d "
                  "days) or none, not '%s'",
                  CHECKIN_MAX_DAYS, argv[1]);
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (argc == 2 && ops_set_cadence(&a->model, days)) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    days = a->model.profile.checkin_days;
    checkin_describe_cadence(days, said, sizeof said);
    if (days)
        printf("check-in cadence: %s (climb due says when one is due)\n", said);
    else
        printf("check-in cadence: none (climb cadence 2w asks for one every two weeks)\n");
    return EXIT_OK;
}
