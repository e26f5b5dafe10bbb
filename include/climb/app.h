/* app.h - what every command needs before it runs: the global options, the ladder
 * (built in or --ladder), the database (--db, CLIMB_DB or the default path) and the
 * profile's model. Errors are printed here with the exit code they call for. */
#ifndef CLIMB_APP_H
#define CLIMB_APP_H

#include "climb/content.h"
#include "climb/model.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct {
    const char *db_path;     /* --db */
    const char *user;        /* --user */
    const char *ladder_path; /* --ladder */
    const char *keys_path;   /* --keys / CLIMB_KEYS */
    int create;              /* --create: make the --user profile when missing */
} app_options;

struct climb_config;

typedef struct {
    app_options opt;
    const struct climb_config *config; /* the config file's settings (main.c) */
    int config_errors;                 /* lines of it with an error */
    climb_ladder ladder;
    int ladder_loaded;
    climb_store *store;
    climb_model model;
    int model_open;
    int profile_created;
    char db_path[4096];
    char user[256];
} app;

/* Loads the ladder. Prints FILE:LINE:COL: message and returns EXIT_USAGE on a
 * content error. */
int app_load_ladder(app *a);
/* app_prepare, then the database path (--db, CLIMB_DB or the default) into
 * a->db_path, without opening it. Returns EXIT_OK or the exit code after printing
 * the error. */
int app_prepare_path(app *a);
/* Loads the ladder (unless already loaded) and opens the database, without
 * touching any profile. Returns EXIT_OK or the exit code after printing the error. */
int app_open_store(app *a);
/* Checks CLIMB_NOW and the profile name (--user, else the login name) and loads
 * the ladder: what every command needs before it touches a database. Returns
 * EXIT_OK or the exit code after printing the error. */
int app_prepare(app *a);
/* Loads the ladder, opens the database and the profile. A missing profile is
 * created when create is set and either --create asks for it or the database has
 * no profile yet (the first launch); otherwise it is refused with the names
 * there are. Returns EXIT_OK or the exit code after printing the error. */
int app_open(app *a, int create);
void app_close(app *a);
/* The database path the options choose (--db, CLIMB_DB, the default location),
 * quietly, or NULL when there is none. */
const char *app_db_path(app *a);

/* The profile every command uses by default: $USER, else the login name. */
void app_default_user(char *buf, size_t len);

/* Checks a profile name: 1-64 characters of UTF-8 without control characters.
 * Returns NULL when fine, else what is wrong. */
const char *app_check_user_name(const char *name);

/* Prints "climb: <message>" to stderr, with control characters made visible. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void app_error(const char *fmt, ...);

#endif
