/* cli.c - the command table, usage text and helpers shared by the commands. */
#include "climb/cli.h"
#include "climb/suggest.h"

#include <stdlib.h>
#include <string.h>

/* Each command: name, entry point, usage, summary, options, positional arguments.
 * --help, "did you mean" and the shell completions all read this table. */
const cli_command cli_commands[] = {
    {"status", cli_status, "[--json | --line [--format FMT]]",
     "show the profile's progress, phase by phase; --line: one line for a prompt",
     {{"--json", CLI_NONE}, {"--line", CLI_NONE}, {"--format", CLI_TEXT}}, {0}, 0},
    {"tick", cli_tick, "ID [--note TEXT] [--date DATE]",
     "mark a criterion as met (DATE: when the work was done)",
     {{"--note", CLI_TEXT}, {"--date", CLI_TEXT}}, {CLI_ID}, 0},
    {"untick", cli_untick, "ID", "mark a criterion as not met again", {{0}}, {CLI_ID}, 0},
    {"set", cli_set, "ID todo|doing|done|n/a [--reason TEXT]",
     "set a criterion's state (n/a needs a reason)", {{"--reason", CLI_TEXT}},
     {CLI_ID, CLI_STATE}, 0},
    {"note", cli_note, "ID TEXT|- [--date DATE]",
     "set the evidence note of a criterion (- reads stdin)", {{"--date", CLI_TEXT}},
     {CLI_ID, CLI_TEXT}, 0},
    {"stale-after", cli_stale_after, "MONTHS", "flag evidence older than MONTHS (default 12)",
     {{0}}, {CLI_TEXT}, 0},
    {"evidence", cli_evidence, "add|list|edit|rm|check ...",
     "dated evidence with links behind a criterion (climb evidence help)",
     {{"--link", CLI_TEXT}, {"--date", CLI_TEXT}, {"--text", CLI_TEXT}, {"--no-links", CLI_NONE},
      {"--json", CLI_NONE}},
     {CLI_EVIDENCE_SUB, CLI_ID, CLI_TEXT}, 0},
    {"name", cli_name, "[NAME|--clear]", "show or set the name your promotion packet is for",
     {{"--clear", CLI_NONE}}, {CLI_TEXT}, 0},
    {"target", cli_target, "[LEVEL DATE|--clear]",
     "show or set the level you aim for and by when", {{"--clear", CLI_NONE}},
     {CLI_LEVEL, CLI_TEXT}, 0},
    {"roadblock", cli_roadblock, "[ID on|off]", "list roadblocks; flag one that applies to you",
     {{0}}, {CLI_ROADBLOCK, CLI_ONOFF}, 0},
    {"quiz", cli_quiz, "[--answers LIST|--history] [--json]",
     "take the placement quiz; LIST: one of no/once/regularly per question, comma-separated",
     {{"--answers", CLI_TEXT}, {"--history", CLI_NONE}, {"--json", CLI_NONE}}, {0}, 0},
    {"users", cli_users, "[--json] | add NAME | rename OLD NEW | rm NAME --yes",
     "list the profiles with title, placement and progress; add, rename or delete one",
     {{"--json", CLI_NONE}, {"--yes", CLI_NONE}}, {CLI_USERS_SUB, CLI_PROFILE, CLI_TEXT}, 0},
    {"title", cli_title, "[LEVEL]", "show or set your title (junior, mid, senior, ...)", {{0}},
     {CLI_LEVEL}, 0},
    {"ids", cli_ids, "[--phase N]", "list the criterion ids, of one phase or of all",
     {{"--phase", CLI_PHASE}}, {0}, 0},
    {"export", cli_export,
     "[--format json|md|html|csv] [--phases LIST] [--sections LIST] [-o FILE] [--force]",
     "write a snapshot: JSON (complete), a promotion packet (md, html), CSV (history)",
     {{"--format", CLI_FORMAT}, {"-o", CLI_FILE}, {"--output", CLI_FILE}, {"--force", CLI_NONE},
      {"--phases", CLI_TEXT}, {"--sections", CLI_TEXT}},
     {0}, 0},
    {"import", cli_import, "FILE [--user NAME]",
     "merge a JSON snapshot into the profile (again: no change)", {{"--user", CLI_PROFILE}},
     {CLI_FILE}, 0},
    {"backup", cli_backup, "[-o FILE]",
     "copy the database beside it (the newest three kept) or to FILE, never over a file",
     {{"-o", CLI_FILE}, {"--output", CLI_FILE}}, {0}, 0},
    {"check", cli_check, "", "check the database for damage and say what to do about it",
     {{0}}, {0}, 0},
    {"cadence", cli_cadence, "[EVERY]",
     "show or set how often a check-in is due: 2w, 10d, 1m or none (default none)", {{0}},
     {CLI_TEXT}, 0},
    {"due", cli_due, "", "print one line and exit 0 when a check-in is due, else exit 1", {{0}},
     {0}, 0},
    {"sync", cli_sync, "[init DIR|URL [--machine NAME]]",
     "keep the profile in step on several machines through a git remote",
     {{"--machine", CLI_TEXT}}, {CLI_SYNC_SUB, CLI_FILE}, 0},
    {"history", cli_history, "[--json] [--all] [--since DATE] [--until DATE] [--kind KIND]",
     "the profile's events, newest first; DATE: YYYY, YYYY-MM, YYYY-MM-DD or a time",
     {{"--json", CLI_NONE}, {"--all", CLI_NONE}, {"--since", CLI_TEXT}, {"--until", CLI_TEXT},
      {"--kind", CLI_KIND}},
     {0}, 0},
    {"keys", cli_keys, "[VIEW|--all]",
     "list the keys of the full-screen view: the main one, one VIEW's (faq, export, ...) or all",
     {{"--all", CLI_NONE}}, {CLI_TEXT}, 0},
    {"config", cli_config, "", "print the settings in force and where each came from", {{0}},
     {0}, 0},
    {"check-content", cli_check_content, "FILE", "validate a ladder file and report errors",
     {{0}}, {CLI_FILE}, 0},
    {"completions", cli_completions, "bash|zsh|fish",
     "print the shell completion script (see the manual for where it goes)", {{0}},
     {CLI_SHELL}, 0},
    {"__complete", cli_complete, "[--describe] -- WORD...",
     "the candidates for the last WORD of a command line (used by the completions)",
     {{"--describe", CLI_NONE}}, {0}, 1},
    {NULL, NULL, NULL, NULL, {{0}}, {0}, 0},
};

const cli_option cli_global_options[] = {
    {"--db", CLI_FILE},     {"--user", CLI_PROFILE}, {"--ladder", CLI_FILE},
    {"--keys", CLI_FILE},   {"--create", CLI_NONE},  {"--help", CLI_NONE},
    {"--version", CLI_NONE}, {"-h", CLI_NONE},       {"-V", CLI_NONE},
    {NULL, CLI_NONE},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

enum { HELP_WIDTH = 80, HELP_LEFT = 33 };

/* Prints text (its leading spaces kept) from column `col`, already reached,
 * wrapped at HELP_WIDTH with continuation lines indented to `indent`. */
static void print_wrapped(FILE *out, const char *text, int col, int indent)
{
    const char *p = text;
    int first = 1;
    for (; *p == ' '; p++, col++)
        fputc(' ', out);
    while (*p) {
        size_t word = strcspn(p, " ");
        if (!first && col + 1 + (int)word > HELP_WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        fprintf(out, "%.*s", (int)word, p);
        col += (int)word;
        first = 0;
        for (p += word; *p == ' '; p++)
            ;
    }
    fputc('\n', out);
}

void cli_usage(FILE *out)
{
    fprintf(out, "usage: climb [OPTIONS] [COMMAND [ARGS]]\n\n"
                 "A career tracker for the DevOps ladder. With no command, opens the\n"
                 "full-screen view.\n\n"
                 "Options:\n"
                 "  --db PATH       database file (default: $CLIMB_DB, else\n"
                 "                  $XDG_DATA_HOME/climb/climb.db or\n"
                 "                  ~/.local/share/climb/climb.db)\n"
                 "  --user NAME     profile to use (default: your login name); a missing\n"
                 "                  one is made only on the first launch\n"
                 "  --create        make the --user profile if it does not exist\n"
                 "  --ladder FILE   ladder content to use instead of the built-in one\n"
                 "  --keys FILE     read keys from FILE instead of the keyboard (also CLIMB_KEYS)\n"
                 "  -h, --help      show this help\n"
                 "  -V, --version   show the version\n\n"
                 "Commands:\n");
    for (const cli_command *c = cli_commands; c->name; c++) {
        if (c->hidden)
            continue;
        char left[128];
        snprintf(left, sizeof left, "  %s %s", c->name, c->usage);
        if (strlen(left) < HELP_LEFT) {
            fprintf(out, "%-*s", HELP_LEFT, left);
        } else {
            print_wrapped(out, left, 0, 4);
            fprintf(out, "%*s", HELP_LEFT, "");
        }
        print_wrapped(out, c->summary, HELP_LEFT, HELP_LEFT);
    }
    fprintf(out, "\nclimb COMMAND --help shows one command's usage.\n");
    fprintf(out, "\nEnvironment: CLIMB_DB, CLIMB_NOW (ISO 8601 time used as now), CLIMB_KEYS,\n"
                 "NO_COLOR. Exit codes: 0 ok, 1 runtime error, 2 usage or content error.\n");
}

int cli_command_help(const cli_command *c)
{
    char line[256];
    snprintf(line, sizeof line, "usage: climb [OPTIONS] %s %s", c->name, c->usage);
    print_wrapped(stdout, line, 0, 4);
    print_wrapped(stdout, c->summary, 0, 0);
    return EXIT_OK;
}

/* The option of `options` closest to a mistyped one, or NULL when none is close. */
const char *cli_closest_option(const cli_option *options, const char *bad)
{
    const char *names[CLI_MAX_OPTIONS + 16];
    size_t n = 0;
    for (const cli_option *o = options; o->name && n < sizeof names / sizeof *names; o++)
        names[n++] = o->name;
    names[n++] = "--help";
    char want[64];
    snprintf(want, sizeof want, "%.*s", (int)strcspn(bad, "="), bad);
    return suggest_close(want, names, n);
}

int cli_usage_error(const cli_command *c, const char *bad)
{
    const char *near = bad && bad[0] == '-' && bad[1] ? cli_closest_option(c->options, bad)
                                                      : NULL;
    if (near && strcmp(near, bad) == 0) /* known, but its value is missing */
        app_error("%s: %s needs a value", c->name, bad);
    else if (near)
        app_error("%s: unknown option '%s'; did you mean %s?", c->name, bad, near);
    else if (bad)
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
