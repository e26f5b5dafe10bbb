/* cli_backup.c - `climb backup [-o FILE]`: a copy of the database, beside it in
 * the rotation (DB.backup-YYYYMMDD-HHMMSS, the newest three kept) or at FILE,
 * never over an existing file; and `climb check`: SQLite's integrity check of the
 * database, with what to do when it finds damage. */
#include "climb/cli.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Prints "what PATH" with the path made visible. */
static void say_path(const char *what, const char *path)
{
    char *safe = text_visible(path, 0);
    printf("%s %s\n", what, safe ? safe : "?");
    free(safe);
}

/* The database must exist: neither command creates one. */
static int need_db(app *a)
{
    int rc = app_prepare_path(a);
    if (rc != EXIT_OK)
        return rc;
    if (access(a->db_path, F_OK) != 0) {
        app_error("there is no database at %s (see --db)", a->db_path);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

int cli_backup(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("backup");
    const char *dest = NULL;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            dest = argv[++i];
        else if (strncmp(argv[i], "--output=", 9) == 0)
            dest = argv[i] + 9;
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (dest && (!*dest || strcmp(dest, "-") == 0)) {
        app_error("backup: -o needs a file name (a database copy is not written to stdout)");
        return cli_usage_error(cmd, NULL);
    }
    int rc = need_db(a);
    if (rc != EXIT_OK || (rc = app_open_store(a)) != EXIT_OK)
        return rc;
    char out[4600];
    rc = ops_backup(a->store, dest, out, sizeof out);
    if (rc != 0) {
        app_error("backup: %s", ops_db_error(a->store));
        return EXIT_RUNTIME;
    }
    say_path("wrote", out);
    return EXIT_OK;
}

int cli_check(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("check");
    if (argc > 1)
        return cli_usage_error(cmd, argv[1]);
    int rc = need_db(a);
    if (rc != EXIT_OK)
        return rc;
    char msg[2048];
    rc = ops_check(a->db_path, msg, sizeof msg);
    if (rc != 0) {
        app_error("%s", msg);
        return EXIT_RUNTIME;
    }
    char *safe = text_visible(msg, 0);
    printf("%s\n", safe ? safe : "ok");
    free(safe);
    return EXIT_OK;
}
