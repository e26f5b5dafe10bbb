/* cli_sync.c - `climb sync init DIR|URL [--machine NAME]` sets up sync through a
 * git remote; `climb sync` runs one (sync.c): this machine's snapshot written,
 * committed and pushed, then the other machines' merged into the profile. */
#include "climb/cli.h"
#include "climb/sync.h"
#include "climb/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sync_setup(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("sync");
    const char *where = NULL, *machine = NULL;
    char fallback[80], err[2048];
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--machine") == 0 && i + 1 < argc)
            machine = argv[++i];
        else if (!where && argv[i][0] != '-')
            where = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (!where)
        return cli_usage_error(cmd, NULL);
    if (!machine) {
        sync_default_machine(fallback, sizeof fallback);
        machine = fallback;
    }
    const char *bad = sync_check_machine(machine);
    if (bad) {
        app_error("%s: '%s'", bad, machine);
        return EXIT_USAGE;
    }
    int rc = app_prepare_path(a);
    if (rc != EXIT_OK)
        return rc;
    sync_place p;
    if (sync_init(a->db_path, where, machine, &p, err, sizeof err)) {
        app_error("sync not set up: %s", err);
        return EXIT_RUNTIME;
    }
    printf("sync set up: %s follows %s as machine '%s'; run climb sync\n", p.clone, p.remote,
           p.machine);
    return EXIT_OK;
}

static void report(const app *a, const sync_result *r)
{
    char *name = text_visible(a->model.profile.name, 0);
    printf("synced profile '%s' through %s as machine '%s'\n", name ? name : "?", r->place.remote,
           r->place.machine);
    free(name);
    printf("  this machine: %s %s\n", r->file,
           r->written ? (r->pushed ? "written and pushed" : "written")
                      : (r->pushed ? "unchanged, pushed" : "unchanged"));
    if (r->merged)
        printf("  merged: %s\n", r->merged_names);
    else if (!r->skipped)
        printf("  merged: no other machine has synced this profile yet\n");
}

int cli_sync(app *a, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "init") == 0)
        return sync_setup(a, argc, argv);
    if (argc > 1)
        return cli_usage_error(cli_find("sync"), argv[1]);
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    sync_result r;
    char err[2048];
    rc = sync_run(&a->model, a->db_path, &r, err, sizeof err);
    if (rc != 0) {
        app_error("sync failed: %s", err);
        return EXIT_RUNTIME;
    }
    report(a, &r);
    if (r.skipped) {
        app_error("skipped what could not be read (the database has nothing from it):\n%s\n"
                  "Fix or remove that file in the repository, then run climb sync again.",
                  r.skipped_why);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}
