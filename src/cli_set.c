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
    if (store_state_parse(state_name, &state)) {
        app_error("unknown state '%s': use todo, doing, done or n/a", state_name);
        return EXIT_USAGE;
    }
    if (state == STATE_NA && (!reason || !*reason)) {
        app_error("n/a needs a reason: climb set %s n/a --reason \"why it does not apply\"", id);
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
    if (model_set_state_reason(&a->model, p, i, state, reason, NULL, &changed)) {
        app_error("%s", store_error(a->store));
        return EXIT_RUNTIME;
    }
    printf("%s: %s%s\n", id, store_state_name(state), changed ? "" : " already, nothing changed");
    return EXIT_OK;
}

/* Reads all of stdin (at most RULES_NOTE_MAX bytes), without a final line end;
 * *len is its length, NUL bytes included (check_note refuses them). */
static char *read_stdin(size_t *len)
{
    char *buf = malloc(RULES_NOTE_MAX + 3); /* room for a CRLF too, and a NUL */
    if (!buf)
        return NULL;
    size_t n = fread(buf, 1, RULES_NOTE_MAX + 2, stdin);
    while (n > 0 && buf[n - 1] == '\n') {
        n--;
        if (n > 0 && buf[n - 1] == '\r') /* CRLF */
            n--;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Applies the rule every note follows (rules_check_note) to note[0..len). */
static int check_note(const char *note, size_t len)
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
    if (argc != 3 || argv[1][0] == '-')
        return cli_usage_error(cmd, argc > 3 ? argv[3] : NULL);
    size_t len = strlen(argv[2]);
    char *from_stdin = strcmp(argv[2], "-") == 0 ? read_stdin(&len) : NULL;
    const char *note = strcmp(argv[2], "-") == 0 ? from_stdin : argv[2];
    int rc = note && check_note(note, len) == 0 ? app_open(a, 1) : EXIT_USAGE;
    size_t p, i;
    int changed;
    if (rc == EXIT_OK && cli_find_criterion(a, argv[1], &p, &i))
        rc = EXIT_USAGE;
    if (rc == EXIT_OK && model_set_note(&a->model, p, i, note, &changed)) {
        app_error("%s", store_error(a->store));
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
    if (*end || end == argv[1] || months < 1 || months > 120) {
        app_error("the stale period is a whole number of months from 1 to 120, not '%s'",
                  argv[1]);
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (store_set_stale_months(a->store, a->model.profile.id, (int)months, clock_now())) {
        app_error("%s", store_error(a->store));
        return EXIT_RUNTIME;
    }
    printf("evidence older than %ld months is now flagged as stale\n", months);
    return EXIT_OK;
}
