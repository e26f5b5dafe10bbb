/* cli_ids.c - `climb ids [--phase N]`: the criterion ids of the ladder, one a line,
 * for scripts and for the shell completions (which read them through the same
 * ladder, built in or --ladder). */
#include "climb/cli.h"

#include <stdlib.h>
#include <string.h>

/* Reads N of --phase N; prints the phases there are when N is not one of them. */
static int phase_number(const climb_ladder *l, const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v && !*end && n >= 1 && n <= 1000 && content_phase(l, (int)n)) {
        *out = (int)n;
        return 0;
    }
    char list[128] = "";
    for (size_t p = 0; p < l->n_phases; p++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%d", p ? ", " : "", l->phases[p].number);
    }
    app_error("ids: no phase '%s'; the phases are %s", v, list);
    return -1;
}

int cli_ids(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("ids");
    const char *phase_arg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--phase") == 0 && i + 1 < argc && !phase_arg)
            phase_arg = argv[++i];
        else if (strncmp(argv[i], "--phase=", 8) == 0 && !phase_arg)
            phase_arg = argv[i] + 8;
        else
            return cli_usage_error(cmd, argv[i]);
    }
    int rc = a->ladder_loaded ? EXIT_OK : app_load_ladder(a);
    if (rc != EXIT_OK)
        return rc;
    int only = 0;
    if (phase_arg && phase_number(&a->ladder, phase_arg, &only))
        return EXIT_USAGE;
    for (size_t p = 0; p < a->ladder.n_phases; p++) {
        const climb_phase *ph = &a->ladder.phases[p];
        if (only && ph->number != only)
            continue;
        for (size_t i = 0; i < ph->n_criteria; i++)
            printf("%s\n", ph->criteria[i].id);
    }
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
