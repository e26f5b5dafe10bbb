/* cli_users_edit.c - `climb users add NAME`, `climb users rename OLD NEW` and
 * `climb users rm NAME --yes`: the profiles of the database from the shell,
 * through the operations layer, with no profile opened. Deleting asks for --yes
 * and, without it, says what would go. */
#include "climb/cli.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* Checks each name as --user would. */
static int names_ok(char **names, int n)
{
    for (int i = 0; i < n; i++) {
        const char *bad = app_check_user_name(names[i]);
        if (bad) {
            app_error("users: %s", bad);
            return 0;
        }
    }
    return 1;
}

/* Prints the refusal of a profile operation; returns its exit code. */
static int refused(app *a, int rc)
{
    app_error("users: %s", ops_db_error(a->store));
    return rc == OPS_INVALID ? EXIT_USAGE : EXIT_RUNTIME;
}

/* What deleting `name` would take with it, for the question without --yes. */
static int describe(app *a, const char *name)
{
    profile_info *list;
    size_t n;
    if (ops_profiles_list(a->store, &a->ladder, &list, &n))
        return refused(a, -1);
    int found = 0;
    char *vis = text_visible(name, 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(list[i].name, name) != 0)
            continue;
        found = 1;
        app_error("users rm: this deletes profile '%s' (%d/%d criteria met) and its whole "
                  "history; run again with --yes to do it",
                  vis ? vis : "?", list[i].done, list[i].applicable);
    }
    if (!found)
        app_error("users rm: no profile named '%s' (see: climb users)", vis ? vis : "?");
    free(vis);
    profiles_free(list, n);
    return found ? EXIT_USAGE : EXIT_RUNTIME;
}

int cli_users_edit(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("users");
    const char *verb = argv[0];
    char *names[2];
    int n = 0, yes = 0, want = strcmp(verb, "rename") == 0 ? 2 : 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--yes") == 0 && strcmp(verb, "rm") == 0)
            yes = 1;
        else if ((argv[i][0] != '-' || !argv[i][1]) && n < want)
            names[n++] = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (n != want)
        return cli_usage_error(cmd, NULL);
    if (!names_ok(names, n))
        return EXIT_USAGE;
    int rc = app_open_store(a);
    if (rc != EXIT_OK)
        return rc;
    char *vis = text_visible(names[n - 1], 0), *old = text_visible(names[0], 0);
    if (strcmp(verb, "add") == 0) {
        if ((rc = ops_db_profile_create(a->store, names[0])) == 0)
            printf("profile '%s' created\n", vis ? vis : "?");
    } else if (strcmp(verb, "rename") == 0) {
        if ((rc = ops_db_profile_rename(a->store, names[0], names[1])) == 0)
            printf("profile '%s' is now '%s'\n", old ? old : "?", vis ? vis : "?");
    } else if (!yes) {
        free(vis);
        free(old);
        return describe(a, names[0]);
    } else if ((rc = ops_db_profile_delete(a->store, names[0])) == 0) {
        printf("profile '%s' deleted\n", vis ? vis : "?");
    }
    if (rc == OPS_UNCHANGED) {
        printf("profile '%s' already has that name; nothing changed\n", old ? old : "?");
        rc = 0;
    }
    free(vis);
    free(old);
    return rc == 0 ? EXIT_OK : refused(a, rc);
}
