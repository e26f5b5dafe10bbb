/* cli_import.c - `climb import FILE [--user NAME]`: checks the snapshot against
 * the ladder before the database is opened, then merges it into the profile (the
 * one --user names, else the login name, as for every command) in one
 * transaction, and says what was new. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/import.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse(app *a, int argc, char **argv, const char **file)
{
    const cli_command *cmd = cli_find("import");
    *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--user") == 0 && i + 1 < argc)
            a->opt.user = argv[++i];
        else if (strncmp(argv[i], "--user=", 7) == 0)
            a->opt.user = argv[i] + 7;
        else if ((argv[i][0] != '-' || strcmp(argv[i], "-") == 0) && !*file)
            *file = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    return *file ? -1 : cli_usage_error(cmd, NULL);
}

static void report(const app *a, const import_result *r)
{
    char *name = text_visible(a->user, 0);
    if (r->ladder_differs)
        printf("note: the snapshot was taken with other ladder content; every id matched\n");
    if (!r->events_added && !r->quiz_added && !r->profile_created)
        printf("nothing new: all %ld events of the snapshot are already in profile '%s'\n",
               r->events_known, name ? name : "?");
    else
        printf("imported %ld new event%s (%ld already here) and %ld quiz attempt%s into "
               "%sprofile '%s'; %d criteri%s updated\n",
               r->events_added, r->events_added == 1 ? "" : "s", r->events_known, r->quiz_added,
               r->quiz_added == 1 ? "" : "s", r->profile_created ? "new " : "",
               name ? name : "?", r->criteria_updated, r->criteria_updated == 1 ? "on" : "a");
    free(name);
}

int cli_import(app *a, int argc, char **argv)
{
    const char *file;
    char err[1024];
    int rc = parse(a, argc, argv, &file);
    if (rc >= 0)
        return rc;
    if ((rc = app_prepare(a)) != EXIT_OK)
        return rc;
    import_snapshot *snap;
    if (import_load_file(strcmp(file, "-") == 0 ? "/dev/stdin" : file, &a->ladder, &snap, err,
                         sizeof err) != 0) {
        app_error("import refused, nothing was written: %s", err);
        return EXIT_USAGE;
    }
    if ((rc = app_open_store(a)) != EXIT_OK) {
        import_free(snap);
        return rc;
    }
    import_result r;
    rc = ops_import(a->store, &a->ladder, snap, a->user, &r, err, sizeof err);
    import_free(snap);
    if (rc != 0) {
        app_error("import failed: %s", err);
        return EXIT_RUNTIME;
    }
    report(a, &r);
    return EXIT_OK;
}
