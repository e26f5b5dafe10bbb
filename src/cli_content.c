/* cli_content.c - `climb check-content FILE`: validate a ladder file only, and
 * warn (on stderr, exit status unchanged) when a text field of the schema is
 * shown by no view (shown_fields.c). */
#include "climb/cli.h"
#include "climb/shown_fields.h"
#include "climb/text.h"

#include <stdio.h>
#include <stdlib.h>

static void warn(const char *message, void *ctx)
{
    fprintf(stderr, "%s: warning: %s\n", (const char *)ctx, message);
}

int cli_check_content(app *a, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return cli_usage_error(cli_find("check-content"), argc > 2 ? argv[2] : NULL);
    a->opt.ladder_path = argv[1];
    int rc = app_load_ladder(a);
    if (rc != EXIT_OK)
        return rc;
    size_t crit = 0;
    for (size_t p = 0; p < a->ladder.n_phases; p++)
        crit += a->ladder.phases[p].n_criteria;
    char *safe = text_visible(argv[1], 0);
    const climb_ladder *l = &a->ladder;
    printf("%s: ok (%zu level%s, %zu phase%s, %zu criteri%s, %zu question%s)\n",
           safe ? safe : "?", l->n_levels, l->n_levels == 1 ? "" : "s", l->n_phases,
           l->n_phases == 1 ? "" : "s", crit, crit == 1 ? "on" : "a", l->n_questions,
           l->n_questions == 1 ? "" : "s");
    char unknown[] = "?";
    shown_fields_check(shown_fields, n_shown_fields, warn, safe ? safe : unknown);
    free(safe);
    return EXIT_OK;
}
