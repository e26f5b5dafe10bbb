/* store_open.c - finding, vetting and opening climb's database: the default path,
 * refusing files that are not climb's (checked read-only before anything writes),
 * WAL + synchronous=FULL, and the migration steps of schema.sql. */
#include "climb/store.h"
#include "climb/embedded.h"
#include "store_internal.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MIGRATION_MARK[] = "-- migration ";

/* Finds the start of migration step n (1-based) in the schema, or NULL. */
static const char *migration_start(int n)
{
    const char *p = climb_schema_sql;
    while ((p = strstr(p, MIGRATION_MARK)) != NULL) {
        if ((p == climb_schema_sql || p[-1] == '\n') && atoi(p + sizeof MIGRATION_MARK - 1) == n)
            return p;
        p += sizeof MIGRATION_MARK - 1;
    }
    return NULL;
}

int store_schema_version(void)
{
    int n = 0;
    while (migration_start(n + 1))
        n++;
    return n;
}

/* Runs migration step n; the step ends where step n+1 starts. */
static int run_step(sqlite3 *db, int n, char *err, size_t errlen)
{
    const char *start = migration_start(n), *end = migration_start(n + 1);
    size_t len = end ? (size_t)(end - start) : strlen(start);
    char *sql = malloc(len + 1);
    if (!sql) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(sql, start, len);
    sql[len] = '\0';
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    free(sql);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "schema step %d failed: %s", n, msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(s);
    return rc;
}

/* Vets an existing file read-only, so a file that is not ours is never changed. */
static int vet_existing(const char *path, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int app = 0, version = 0, tables = 0, rc;
    rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK) /* another climb may be committing: wait as every connection does */
        rc = sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA application_id", &app);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
    sqlite3_close(db);
    if (rc == SQLITE_NOTADB) {
        snprintf(err, errlen, "%s is not a SQLite database; climb left it untouched", path);
        return -1;
    }
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot read %s: %s", path, sqlite3_errstr(rc));
        return -1;
    }
    if (app != CLIMB_APP_ID && !(app == 0 && tables == 0 && version == 0)) {
        snprintf(err, errlen, "%s is a SQLite database but not climb's; climb left it untouched",
                 path);
        return -1;
    }
    if (version > store_schema_version()) {
        snprintf(err, errlen,
                 "%s has schema version %d, newer than this climb understands (%d); "
                 "use a newer climb. The file was left untouched",
                 path, version, store_schema_version());
        return -1;
    }
    return 0;
}

/* Checks that a new file can be created at path, naming the reason when not. */
static int vet_new(const char *path, char *err, size_t errlen)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "cannot create %s: %s (directory %s)", path, strerror(errno), dir);
        return -1;
    }
    return 0;
}

static int migrate(sqlite3 *db, char *err, size_t errlen)
{
    int version = 0, target = store_schema_version();
    /* Up to date (the usual case): no write lock taken, nothing written. */
    if (pragma_int(db, "PRAGMA user_version", &version) == SQLITE_OK && version == target)
        return 0;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        pragma_int(db, "PRAGMA user_version", &version) != SQLITE_OK) {
        snprintf(err, errlen, "cannot start migration: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    for (int step = version + 1; step <= target; step++) {
        if (run_step(db, step, err, errlen)) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    }
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d", CLIMB_APP_ID,
             target);
    if ((version < target && sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot finish migration: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

static int configure(sqlite3 *db, char *err, size_t errlen)
{
    static const char *const pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
    };
    sqlite3_busy_timeout(db, 5000);
    for (size_t i = 0; i < sizeof pragmas / sizeof *pragmas; i++) {
        if (sqlite3_exec(db, pragmas[i], NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(err, errlen, "cannot set up the database (%s): %s", pragmas[i],
                     sqlite3_errmsg(db));
            return -1;
        }
    }
    return 0;
}

int store_open(const char *path, climb_store **out, char *err, size_t errlen)
{
    struct stat sb;
    sqlite3 *db = NULL;
    *out = NULL;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            snprintf(err, errlen, "%s is a directory, not a database file", path);
            return -1;
        }
        if (vet_existing(path, err, errlen))
            return -1;
    } else if (errno != ENOENT) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    } else if (vet_new(path, err, errlen)) {
        return -1;
    }
    mode_t old = umask(077); /* the database and its -wal/-shm files are private */
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    umask(old);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -1;
    }
    if (configure(db, err, errlen) || migrate(db, err, errlen)) {
        sqlite3_close(db);
        return -1;
    }
    climb_store *st = calloc(1, sizeof *st);
    if (!st) {
        sqlite3_close(db);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    st->db = db;
    *out = st;
    return 0;
}

int store_open_readonly(const char *path, climb_store **out, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int app = 0, version = 0;
    *out = NULL;
    if (access(path, F_OK) != 0)
        return 1;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA application_id", &app);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA user_version", &version);
    if (rc != SQLITE_OK || app != CLIMB_APP_ID || version > store_schema_version()) {
        snprintf(err, errlen, "%s is not a climb database this climb can read%s%s", path,
                 rc != SQLITE_OK ? ": " : "", rc != SQLITE_OK ? sqlite3_errstr(rc) : "");
        sqlite3_close(db);
        return -1;
    }
    climb_store *st = version < store_schema_version() ? NULL : calloc(1, sizeof *st);
    if (!st) {
        sqlite3_close(db);
        return 2; /* older schema (or no memory): the caller opens it the usual way */
    }
    st->db = db;
    *out = st;
    return 0;
}

void store_close(climb_store *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < STMT_COUNT; i++)
        sqlite3_finalize(st->stmts[i]);
    for (size_t i = 0; i < CACHED_MAX; i++)
        sqlite3_finalize(st->cached[i].stmt);
    sqlite3_close(st->db);
    free(st);
}

/* mkdir -p for the default location's directories, each 0700. */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

int store_default_path(char *buf, size_t len)
{
    const char *env = getenv("CLIMB_DB");
    if (env && *env) {
        snprintf(buf, len, "%s", env);
        return 0;
    }
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, len, "%s/climb/climb.db", xdg);
    else if (home && *home)
        n = snprintf(buf, len, "%s/.local/share/climb/climb.db", home);
    else
        return -1;
    if (n < 0 || (size_t)n >= len)
        return -1;
    make_dirs(buf); /* errors surface when the file is opened, with the path */
    return 0;
}
