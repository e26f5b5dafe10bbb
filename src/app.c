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

/* name as a shell word: as it is when it is plain, else in single quotes. */
static void shell_word(const char *name, char *out, size_t len)
{
    if (name[0] && strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "0123456789._-@+") == strlen(name)) {
        snprintf(out, len, "%s", name);
        return;
    }
    size_t o = 0;
    if (len < 8)
        return;
    out[o++] = '\'';
    for (const char *p = name; *p && o + 6 < len; p++) {
        if (*p == '\'') {
            memcpy(out + o, "'\\''", 4);
            o += 4;
        } else {
            out[o++] = *p;
        }
    }
    out[o++] = '\'';
    out[o] = '\0';
}

enum { LISTED_NAMES = 8 };

/* Says that a->user has no profile, with the closest name when it looks like a
 * typo (a few edits away, or the same but for case), the names there are, and,
 * when `how` is set, the two ways to make it. */
static void say_missing(app *a, const profile_info *list, size_t n, int how)
{
    const char **names = malloc((n ? n : 1) * sizeof *names);
    const char *near = NULL;
    char known[1024] = "", word[600], more[64] = "";
    size_t used = 0;
    for (size_t i = 0; names && i < n; i++) {
        names[i] = list[i].name;
        if (strcasecmp(list[i].name, a->user) == 0)
            near = list[i].name;
        if (i < LISTED_NAMES && used < sizeof known)
            used += (size_t)snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "",
                                     list[i].name);
    }
    if (!near && names)
        near = suggest_close(a->user, names, n);
    free(names);
    if (n > LISTED_NAMES)
        snprintf(more, sizeof more, " and %zu more", n - LISTED_NAMES);
    char hint[256] = "";
    if (near)
        snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
    shell_word(a->user, word, sizeof word);
    if (how)
        app_error("no profile named '%s'%s The profiles: %s%s. To start a new one: "
                  "climb --user %s --create, or climb users add %s",
                  a->user, near ? hint : ".", known, more, word, word);
    else
        app_error("no profile named '%s'%s The profiles: %s%s (see: climb users)", a->user,
                  near ? hint : ".", known, more);
}

/* Whether a->user, which has no profile, may be created now. A profile is made
 * unasked only on the first launch: a database without any profile gets the one
 * named (--user, else the login name). Otherwise --create must ask for it, so a
 * slip of --user never starts a new, empty profile. 1 yes; 0 after saying why
 * not; -1 after an error. */
static int may_create(app *a, int create)
{
    profile_info *list;
    size_t n;
    if (create && a->opt.create)
        return 1;
    if (ops_profiles_list(a->store, &a->ladder, &list, &n) != 0) {
        app_error("%s", ops_db_error(a->store));
        return -1;
    }
    if (!(create && n == 0))
        say_missing(a, list, n, create);
    profiles_free(list, n);
    return create && n == 0;
}

int app_open(app *a, int create)
{
    int rc = app_open_store(a);
    if (rc != EXIT_OK)
        return rc;
    rc = model_open(&a->model, &a->ladder, a->store, a->user, 0, &a->profile_created);
    if (rc == 1) {
        if (may_create(a, create) != 1)
            return EXIT_RUNTIME;
        rc = model_open(&a->model, &a->ladder, a->store, a->user, 1, &a->profile_created);
    }
    if (rc != 0) {
        app_error("%s", rc == 1 ? "the profile could not be created" : store_error(a->store));
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
