/* cli_tick.c - `climb tick ID [--note TEXT] [--date DATE]` and `climb untick ID`:
 * change one criterion, say what changed, and return only after the change is
 * committed. --date says when the work was done (the past only). */
#include "climb/cli.h"
#include "climb/clock.h"

#include <string.h>

static int change(app *a, const char *name, int argc, char **argv, crit_state state)
{
    const cli_command *cmd = cli_find(name);
    const char *id = NULL, *note = NULL, *date_arg = NULL;
    for (int i = 1; i < argc; i++) {
        if (state == STATE_DONE && strcmp(argv[i], "--note") == 0 && i + 1 < argc)
            note = argv[++i];
        else if (state == STATE_DONE && strcmp(argv[i], "--date") == 0 && i + 1 < argc)
            date_arg = argv[++i];
        else if (argv[i][0] != '-' && !id)
            id = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (!id)
        return cli_usage_error(cmd, NULL);
    long long when = 0;
    if (date_arg && cli_parse_date(date_arg, &when))
        return EXIT_USAGE;
    if (note && cli_check_note(note, strlen(note)))
        return EXIT_USAGE;
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    size_t p, i;
    if (cli_find_criterion(a, id, &p, &i))
        return EXIT_USAGE;
    int changed;
    ops_crit_change change = {1, state, NULL, note, NULL, 0, when};
    if ((rc = ops_criterion(&a->model, p, i, &change, &changed)) != 0) {
        app_error("%s", ops_error(&a->model));
        return rc == OPS_INVALID ? EXIT_USAGE : EXIT_RUNTIME;
    }
    const model_crit *c = model_crit_at(&a->model, p, i);
    char date[16];
    clock_format_local_date(c->done_at, date, sizeof date);
    if (!changed)
        printf("%s: already %s, nothing changed\n", id, crit_state_name(state));
    else if (state == STATE_DONE)
        printf("%s: done (%s)%s\n", id, date, note ? ", note saved" : "");
    else
        printf("%s: %s\n", id, crit_state_name(state));
    return EXIT_OK;
}

int cli_tick(app *a, int argc, char **argv)
{
    return change(a, "tick", argc, argv, STATE_DONE);
}

int cli_untick(app *a, int argc, char **argv)
{
    return change(a, "untick", argc, argv, STATE_TODO);
}
