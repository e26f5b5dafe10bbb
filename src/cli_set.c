/* cli_set.c - `climb set ID STATE [--reason TEXT]`, `climb note ID TEXT|-` and
 * `climb stale-after MONTHS`: the evidence side of a criterion from the shell. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/rules.h"

#include <stdlib.h>
#include <string.h>

int cli_set(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("set");
    const char *id = NULL, *state_name = NULL, *reason = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc)
            reason = argv[++i];
        else if (argv[i][0] != '-' && !id)
            id = argv[i];
        else if ((argv[i][0] != '-' || strcmp(argv[i], "-") == 0) && !state_name)
            state_name = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    crit_state state;
    if (!id || !state_name)
        return cli_usage_error(cmd, NULL);
    if (crit_state_parse(state_name, &state)) {
        app_error("unknown state '%s': use todo, doing, done or n/a", state_name);
        return EXIT_USAGE;
    }
    if (state == STATE_NA && (!reason || !*reason)) {
        app_error("n/a needs a reason: climb set %s n/a --reason \"why it does not apply\"", id);
        return EXIT_USAGE;
    }
    const char *why = reason && state == STATE_NA ? rules_check_reason(reason, strlen(reason))
                                                  : NULL;
    if (why) {
        app_error("the reason %s; nothing was changed", why);
        return EXIT_USAGE;
    }
    if (reason && state != STATE_NA) {
        app_error("--reason goes with n/a only");
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    size_t p, i;
    if (rc != EXIT_OK)
        return rc;
    if (cli_find_criterion(a, id, &p, &i))
        return EXIT_USAGE;
    int changed;
    if (ops_set_state(&a->model, p, i, state, reason, &changed)) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    printf("%s: %s%s\n", id, crit_state_name(state), changed ? "" : " already, nothing changed");
    return EXIT_OK;
}

int cli_check_note(const char *note, size_t len)
{
    const char *why = rules_check_note(note, len);
    if (why) {
        app_error("the note %s; nothing was changed", why);
        return -1;
    }
    return 0;
}

int cli_note(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("note");
    long long when = 0;
    if (argc == 5 && strcmp(argv[3], "--date") == 0) {
        if (cli_parse_date(argv[4], &when))
            return EXIT_USAGE;
        argc = 3;
    }
    if (argc != 3 || argv[1][0] == '-')
        return cli_usage_error(cmd, argc > 3 ? argv[3] : NULL);
    size_t len = strlen(argv[2]);
    char *from_stdin = strcmp(argv[2], "-") == 0 ? cli_read_stdin(RULES_NOTE_MAX, &len) : NULL;
    const char *note = strcmp(argv[2], "-") == 0 ? from_stdin : argv[2];
    int rc = note && cli_check_note(note, len) == 0 ? app_open(a, 1) : EXIT_USAGE;
    size_t p, i;
    int changed;
    if (rc == EXIT_OK && cli_find_criterion(a, argv[1], &p, &i))
        rc = EXIT_USAGE;
    ops_crit_change c = {0, STATE_TODO, NULL, note, NULL, 0, when};
    if (rc == EXIT_OK && ops_criterion(&a->model, p, i, &c, &changed)) {
        app_error("%s", ops_error(&a->model));
        rc = EXIT_RUNTIME;
    }
    if (rc == EXIT_OK)
        printf("%s: note %s\n", argv[1],
               !changed ? "unchanged" : *note ? "saved" : "cleared");
    free(from_stdin);
    return rc;
}

int cli_stale_after(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("stale-after");
    char *end;
    if (argc != 2)
        return cli_usage_error(cmd, argc > 2 ? argv[2] : NULL);
    long months = strtol(argv[1], &end, 10);
    if (*end || end == argv[1] || rules_check_stale_months(months)) {
        app_error("the stale period is a whole number of months from 1 to 120, not '%s'",
                  argv[1]);
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (ops_set_stale_months(&a->model, (int)months)) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    printf("evidence older than %ld months is now flagged as stale\n", months);
    return EXIT_OK;
}
