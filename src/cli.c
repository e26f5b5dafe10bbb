/* cli.c - the command table, usage text and helpers shared by the commands. */
#include "climb/cli.h"
#include "climb/suggest.h"

#include <stdlib.h>
#include <string.h>

const cli_command cli_commands[] = {
    {"status", cli_status, "[--json]", "show the profile's progress, phase by phase"},
    {"tick", cli_tick, "ID [--note TEXT] [--date DATE]",
     "mark a criterion as met (DATE: when the work was done)"},
    {"untick", cli_untick, "ID", "mark a criterion as not met again"},
    {"set", cli_set, "ID todo|doing|done|n/a [--reason TEXT]",
     "set a criterion's state (n/a needs a reason)"},
    {"note", cli_note, "ID TEXT|- [--date DATE]",
     "set the evidence note of a criterion (- reads stdin)"},
    {"stale-after", cli_stale_after, "MONTHS", "flag evidence older than MONTHS (default 12)"},
    {"evidence", cli_evidence, "add|list|edit|rm|check ...",
     "dated evidence with links behind a criterion (climb evidence help)"},
    {"name", cli_name, "[NAME|--clear]", "show or set the name your promotion packet is for"},
    {"target", cli_target, "[LEVEL DATE|--clear]",
     "show or set the level you aim for and by when"},
    {"roadblock", cli_roadblock, "[ID on|off]", "list roadblocks; flag one that applies to you"},
    {"quiz", cli_quiz, "[--answers LIST|--history] [--json]",
     "take the placement quiz; LIST: one of no/once/regularly per question, comma-separated"},
    {"users", cli_users, "[--json]", "list the profiles with title, placement and progress"},
    {"title", cli_title, "[LEVEL]", "show or set your title (junior, mid, senior, ...)"},
    {"export", cli_export,
     "[--format json|md|html|csv] [--phases LIST] [--sections LIST] [-o FILE] [--force]",
     "write a snapshot: JSON (complete), a promotion packet (md, html), CSV (history)"},
    {"import", cli_import, "FILE", "merge a JSON snapshot into the profile (again: no change)"},
    {"history", cli_history, "[--json] [--since DATE] [--until DATE] [--kind KIND]",
     "the profile's events, newest first"},
    {"keys", cli_keys, "", "list the keys of the full-screen view"},
    {"check-content", cli_check_content, "FILE", "validate a ladder file and report errors"},
    {NULL, NULL, NULL, NULL},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

void cli_usage(FILE *out)
{
    fprintf(out, "usage: climb [OPTIONS] [COMMAND [ARGS]]\n\n"
                 "A career tracker for the DevOps ladder. With no command, opens the\n"
                 "full-screen view.\n\n"
                 "Options:\n"
                 "  --db PATH       database file (default: $CLIMB_DB, else\n"
                 "                  $XDG_DATA_HOME/climb/climb.db or ~/.local/share/climb/climb.db)\n"
                 "  --user NAME     profile to use (default: your login name)\n"
                 "  --ladder FILE   ladder content to use instead of the built-in one\n"
                 "  --keys FILE     read keys from FILE instead of the keyboard (also CLIMB_KEYS)\n"
                 "  -h, --help      show this help\n"
                 "  -V, --version   show the version\n\n"
                 "Commands:\n");
    for (const cli_command *c = cli_commands; c->name; c++) {
        char left[128];
        snprintf(left, sizeof left, "%s %s", c->name, c->usage);
        if (strlen(left) <= 30)
            fprintf(out, "  %-30s %s\n", left, c->summary);
        else
            fprintf(out, "  %s\n  %-30s %s\n", left, "", c->summary);
    }
    fprintf(out, "\nclimb COMMAND --help shows one command's usage.\n");
    fprintf(out, "\nEnvironment: CLIMB_DB, CLIMB_NOW (ISO 8601 time used as now), CLIMB_KEYS,\n"
                 "NO_COLOR. Exit codes: 0 ok, 1 runtime error, 2 usage or content error.\n");
}

int cli_command_help(const cli_command *c)
{
    printf("usage: climb [OPTIONS] %s %s\n%s\n", c->name, c->usage, c->summary);
    return EXIT_OK;
}

int cli_usage_error(const cli_command *c, const char *bad)
{
    if (bad)
        app_error("%s: unexpected argument '%s'", c->name, bad);
    fprintf(stderr, "usage: climb %s %s\n", c->name, c->usage);
    return EXIT_USAGE;
}

int cli_find_criterion(app *a, const char *id, size_t *phase, size_t *index)
{
    if (model_find(&a->model, id, phase, index) == 0)
        return 0;
    const climb_ladder *l = &a->ladder;
    size_t n = a->model.n_crit, k = 0;
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids) {
        app_error("out of memory");
        return -1;
    }
    for (size_t p = 0; p < l->n_phases; p++)
        for (size_t i = 0; i < l->phases[p].n_criteria; i++)
            ids[k++] = l->phases[p].criteria[i].id;
    char list[256];
    suggest_list(id, ids, n, list, sizeof list);
    free(ids);
    app_error("unknown criterion '%s'; closest: %s (see: climb status)", id, list);
    return -1;
}
