/* app.c - start-up shared by the CLI and the TUI: ladder, database path, store and
 * profile, with the error messages and exit codes a person sees. */
#include "climb/app.h"
#include "climb/clock.h"
#include "climb/config.h"
#include "climb/ops.h"
#include "climb/suggest.h"
#include "climb/store.h"
#include "climb/text.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The database opened read-only, for the one sentence a refused write gets. */
static const char *read_only_db;

void app_error(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (store_message_is_read_only(buf))
        snprintf(buf, sizeof buf,
                 "%s is read-only (the file or its directory is not writable): climb can "
                 "show it but not change it, and nothing was changed",
                 read_only_db ? read_only_db : "the database");
    char *safe = text_visible(buf, 1);
    fprintf(stderr, "climb: %s\n", safe ? safe : buf);
    free(safe);
}

const char *app_check_user_name(const char *name)
{
    size_t len = strlen(name);
    if (len == 0)
        return "a profile name cannot be empty";
    if (!text_utf8_valid(name, len, NULL))
        return "a profile name must be valid UTF-8";
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return "a profile name cannot contain control characters";
    char *vis = text_visible(name, 0);
    int has_c1 = vis && strcmp(vis, name) != 0;
    free(vis);
    if (has_c1)
        return "a profile name cannot contain control characters";
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    if (chars > 64)
        return "a profile name can be at most 64 characters";
    return NULL;
}

void app_default_user(char *buf, size_t len)
{
    const char *env = getenv("USER");
    struct passwd *pw;
    if (env && *env)
        snprintf(buf, len, "%s", env);
    else if ((pw = getpwuid(getuid())) != NULL)
        snprintf(buf, len, "%s", pw->pw_name);
    else
        snprintf(buf, len, "me");
}

int app_load_ladder(app *a)
{
    climb_content_error err;
    int rc = a->opt.ladder_path ? content_load_file(a->opt.ladder_path, &a->ladder, &err)
                                : content_load_default(&a->ladder, &err);
    if (rc != 0) {
        char msg[1024];
        content_error_format(&err, msg, sizeof msg);
        char *safe = text_visible(msg, 0);
        fprintf(stderr, "%s\n", safe ? safe : msg);
        free(safe);
        return EXIT_USAGE;
    }
    a->ladder_loaded = 1;
    return EXIT_OK;
}

static int resolve_db_path(app *a)
{
    if (a->opt.db_path) {
        snprintf(a->db_path, sizeof a->db_path, "%s", a->opt.db_path);
        return EXIT_OK;
    }
    if (store_default_path(a->db_path, sizeof a->db_path) != 0) {
        app_error("no database location: set HOME, XDG_DATA_HOME or CLIMB_DB, or pass --db");
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

const char *app_db_path(app *a)
{
    if (a->opt.db_path)
        snprintf(a->db_path, sizeof a->db_path, "%s", a->opt.db_path);
    else if (store_default_path(a->db_path, sizeof a->db_path) != 0)
        return NULL;
    return a->db_path;
}

int app_prepare(app *a)
{
    int clock_rc = clock_check_env();
    if (clock_rc == -2) {
        app_error("CLIMB_NOW %s is before 1970", getenv("CLIMB_NOW"));
        return EXIT_USAGE;
    }
    if (clock_rc != 0) {
        app_error("CLIMB_NOW is not an ISO 8601 time (e.g. 2026-03-14T09:30:00Z): %s",
                  getenv("CLIMB_NOW"));
        return EXIT_USAGE;
    }
    if (a->opt.user)
        snprintf(a->user, sizeof a->user, "%s", a->opt.user);
    else
        app_default_user(a->user, sizeof a->user);
    const char *bad = app_check_user_name(a->opt.user ? a->opt.user : a->user);
    if (bad) {
        app_error("%s", bad);
        return EXIT_USAGE;
    }
    return a->ladder_loaded ? EXIT_OK : app_load_ladder(a);
}

int app_prepare_path(app *a)
{
    int rc = app_prepare(a);
    return rc != EXIT_OK ? rc : resolve_db_path(a);
}

int app_open_store(app *a)
{
    char err[1024];
    int rc;
    if ((rc = app_prepare_path(a)) != EXIT_OK)
        return rc;
    if (!a->store && store_open(a->db_path, &a->store, err, sizeof err) != 0) {
        app_error("%s", err);
        return EXIT_RUNTIME;
    }
    if (store_read_only(a->store))
        read_only_db = a->db_path;
    return EXIT_OK;
}

/* A profile name that looks like a typo of an existing profile (a few edits away,
 * or the same but for case): 1 after saying so, so that a slip of --user does not
 * quietly start a new, empty profile. `climb users add NAME` creates it. */
static int looks_mistyped(app *a)
{
    profile_info *list;
    size_t n;
    if (ops_profiles_list(a->store, &a->ladder, &list, &n) != 0)
        return 0;
    const char **names = malloc((n ? n : 1) * sizeof *names);
    const char *near = NULL;
    for (size_t i = 0; names && i < n; i++) {
        names[i] = list[i].name;
        if (strcasecmp(list[i].name, a->user) == 0)
            near = list[i].name;
    }
    if (!near && names)
        near = suggest_close(a->user, names, n);
    if (near)
        app_error("no profile named '%s'; did you mean '%s'? (climb users lists them; "
                  "climb users add %s creates it)", a->user, near, a->user);
    free(names);
    profiles_free(list, n);
    return near != NULL;
}

int app_open(app *a, int create)
{
    int rc = app_open_store(a);
    if (rc != EXIT_OK)
        return rc;
    rc = model_open(&a->model, &a->ladder, a->store, a->user, 0, &a->profile_created);
    if (rc == 1 && create) {
        if (looks_mistyped(a))
            return EXIT_RUNTIME;
        rc = model_open(&a->model, &a->ladder, a->store, a->user, 1, &a->profile_created);
    }
    if (rc == 1) {
        app_error("no profile named '%s' (see: climb users)", a->user);
        return EXIT_RUNTIME;
    }
    if (rc != 0) {
        app_error("%s", store_error(a->store));
        return EXIT_RUNTIME;
    }
    a->model_open = 1;
    if (a->profile_created && a->config && a->config->stale_months &&
        ops_set_stale_months(&a->model, a->config->stale_months) != 0) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

void app_close(app *a)
{
    if (a->model_open)
        model_close(&a->model);
    store_close(a->store);
    if (a->ladder_loaded)
        content_free(&a->ladder);
    a->model_open = a->ladder_loaded = 0;
    a->store = NULL;
}
