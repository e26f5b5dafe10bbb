/* cli_target.c - `climb target [LEVEL DATE|--clear]`: the level a person aims for
 * and by when, and whether the pace so far gets there. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/target_pace.h"

#include <string.h>

int cli_target(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("target");
    int clear = argc == 2 && strcmp(argv[1], "--clear") == 0;
    if (!(argc == 1 || argc == 3 || clear) || (argc == 3 && argv[1][0] == '-'))
        return cli_usage_error(cmd, argc > 3 ? argv[3] : NULL);
    long long at = 0;
    int level = -1;
    if (argc == 3) {
        if (app_load_ladder(a) != EXIT_OK)
            return EXIT_USAGE;
        if ((level = profiles_find_level(&a->ladder, argv[1])) < 0) {
            app_error("no level '%s' (junior, mid, senior, staff, principal)", argv[1]);
            return EXIT_USAGE;
        }
        if (history_parse_date(argv[2], 0, &at) != 0) {
            app_error("not a date: '%s' (use YYYY-MM-DD)", argv[2]);
            return EXIT_USAGE;
        }
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    climb_model *m = &a->model;
    if (argc == 3 || clear) {
        int changed;
        rc = ops_set_target(m, clear ? NULL : a->ladder.levels[level].id, at, &changed);
        if (rc != 0) {
            app_error("%s", ops_error(m));
            return rc == OPS_INVALID ? EXIT_USAGE : EXIT_RUNTIME;
        }
        if (!changed)
            printf("target: already so, nothing changed\n");
    }
    target_pace tp;
    target_pace_compute(m, clock_now(), &tp);
    printf("%s\n", tp.kind == PACE_NONE ? "No target set: climb target LEVEL DATE" : tp.sentence);
    return EXIT_OK;
}
