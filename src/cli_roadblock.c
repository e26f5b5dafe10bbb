/* cli_roadblock.c - `climb roadblock` lists the ladder's roadblocks with the ones
 * the person flagged ("this is me") and when; `climb roadblock ID on|off` flags or
 * unflags one (one transaction with its event), naming the closest ids when ID is
 * unknown. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/roadblocks.h"
#include "climb/suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find_roadblock(const climb_ladder *l, const char *id)
{
    for (size_t i = 0; i < l->n_roadblocks; i++)
        if (strcmp(l->roadblocks[i].id, id) == 0)
            return (int)i;
    const char **ids = malloc((l->n_roadblocks ? l->n_roadblocks : 1) * sizeof *ids);
    if (!ids) {
        app_error("out of memory");
        return -1;
    }
    for (size_t i = 0; i < l->n_roadblocks; i++)
        ids[i] = l->roadblocks[i].id;
    char list[256];
    suggest_list(id, ids, l->n_roadblocks, list, sizeof list);
    free(ids);
    app_error("unknown roadblock '%s'; closest: %s (see: climb roadblock)", id, list);
    return -1;
}

static int list(app *a)
{
    const roadblock_flags *fl = &a->model.flags;
    const climb_ladder *l = &a->ladder;
    for (size_t i = 0; i < l->n_roadblocks; i++) {
        long long at = roadblocks_flagged_at(fl, l->roadblocks[i].id);
        char date[16] = "";
        if (at)
            clock_format_local_date(at, date, sizeof date);
        printf("[%c] %-18s %s%s%s\n", at ? 'x' : ' ', l->roadblocks[i].id,
               l->roadblocks[i].title, at ? "  flagged " : "", date);
    }
    return EXIT_OK;
}

int cli_roadblock(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("roadblock");
    if (argc != 1 && argc != 3)
        return cli_usage_error(cmd, argc > 3 ? argv[3] : NULL);
    int on = 0;
    if (argc == 3 && argv[1][0] == '-')
        return cli_usage_error(cmd, argv[1]);
    if (argc == 3) {
        if (strcmp(argv[2], "on") == 0)
            on = 1;
        else if (strcmp(argv[2], "off") != 0)
            return cli_usage_error(cmd, argv[2]);
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (argc == 1)
        return list(a);
    int i = find_roadblock(&a->ladder, argv[1]);
    if (i < 0)
        return EXIT_USAGE;
    const char *id = a->ladder.roadblocks[i].id;
    int changed;
    if (ops_roadblock_set(&a->model, id, on, &changed)) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    char date[16];
    clock_format_local_date(roadblocks_flagged_at(&a->model.flags, id), date, sizeof date);
    if (!changed)
        printf("%s: already %s, nothing changed\n", id, on ? "flagged" : "not flagged");
    else if (on)
        printf("%s: flagged as applying to you (%s)\n", id, date);
    else
        printf("%s: no longer flagged\n", id);
    return EXIT_OK;
}
