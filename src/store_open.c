/* store_open.c - finding, vetting and opening climb's database: the default path,
 * refusing files that are not climb's, empty or damaged (checked read-only, without
 * creating -wal/-shm files, before anything writes), read-only opening of a file or
 * directory that is not writable, WAL + synchronous=FULL, and the migration steps
 * of schema.sql. */
#include "climb/atomic_file.h"
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

/* Files up to this size get PRAGMA quick_check at every open. It reads the whole
 * file (about 2.5 ms a MB here): nothing for a real person's history (a decade is
 * about 1 MB), but 0.8 s at the bench's 1M events (322 MB), where start-up must
 * not grow with history. Larger files rely on SQLite noticing damage as it reads. */
enum { QUICK_CHECK_MAX_BYTES = 8 * 1024 * 1024 };

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

/* 1 when a -wal file exists beside path: some connection has (or had) it open. */
static int wal_exists(const char *path)
{
    char wal[4200];
    struct stat sb;
    int n = snprintf(wal, sizeof wal, "%s-wal", path);
    return n > 0 && (size_t)n < sizeof wal && stat(wal, &sb) == 0;
}

/* Opens path with flags. With immutable set the path goes in as a URI with
 * immutable=1: SQLite then takes no locks and creates no -wal/-shm file, which
 * is exact when no -wal exists (everything is in the main file). */
static int open_db(const char *path, int flags, int immutable, sqlite3 **db)
{
    if (!immutable)
        return sqlite3_open_v2(path, db, flags, NULL);
    static const char HEX[] = "0123456789ABCDEF";
    size_t len = strlen(path);
    char *uri = malloc(3 * len + 32);
    if (!uri) { /* GCOVR_EXCL_START: malloc fails only when out of memory */
        *db = NULL;
        return SQLITE_NOMEM;
    } /* GCOVR_EXCL_STOP */
    char *o = uri + sprintf(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = HEX[*p >> 4];
            *o++ = HEX[*p & 15];
        }
    }
    strcpy(o, "?immutable=1");
    int rc = sqlite3_open_v2(uri, db, flags | SQLITE_OPEN_URI, NULL);
    free(uri);
    return rc;
}

/* The application_id and user_version in a SQLite file's header (big-endian at
 * bytes 68 and 60), read without SQLite; both 0 when the file is too short or
 * not SQLite. */
static void header_ids(const char *path, unsigned *app, unsigned *version)
{
    unsigned char h[100];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(h, 1, sizeof h, f) : 0;
    if (f)
        fclose(f);
    *app = *version = 0;
    if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return;
    *app = (unsigned)h[68] << 24 | (unsigned)h[69] << 16 | (unsigned)h[70] << 8 | h[71];
    *version = (unsigned)h[60] << 24 | (unsigned)h[61] << 16 | (unsigned)h[62] << 8 | h[63];
}

/* Runs PRAGMA quick_check; on damage puts its first finding in what. */
static int quick_check(sqlite3 *db, char *what, size_t whatlen)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(s, 0);
        rc = SQLITE_OK;
        if (!r || strcmp(r, "ok") != 0) {
            static const char PREFIX[] = "*** in database main ***\n";
            if (r && strncmp(r, PREFIX, sizeof PREFIX - 1) == 0)
                r += sizeof PREFIX - 1;
            snprintf(what, whatlen, "%s", r ? r : "no answer");
            for (char *p = what; *p; p++)
                if (*p == '\n')
                    *p = ' ';
            rc = SQLITE_CORRUPT;
        }
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

/* Vets an existing file read-only, so a file that is not ours is never changed:
 * no write, and no -wal/-shm file created beside it. */
static int vet_existing(const char *path, const struct stat *sb, int read_only, char *err,
                        size_t errlen)
{
    if (sb->st_size == 0) {
        snprintf(err, errlen,
                 "%s is an empty file (0 bytes), not a climb database; climb left it "
                 "untouched. Remove it to start a new database there, or pass another --db",
                 path);
        return -1;
    }
    sqlite3 *db = NULL;
    int app = 0, version = 0, tables = 0, rc;
    char what[256] = "";
    /* climb's own file is read like any reader would, taking the usual locks:
     * another climb may be writing it this very moment, and an immutable read
     * would then see torn pages. Anything else (not SQLite, not climb's, an empty
     * SQLite file) is read as immutable when no -wal exists, so it gets no -wal or
     * -shm beside it. */
    unsigned head_app, head_version;
    header_ids(path, &head_app, &head_version);
    int ours = head_app == (unsigned)CLIMB_APP_ID;
    /* a newer climb's file is refused from its header, before SQLite touches it */
    int newer = ours && head_version > (unsigned)store_schema_version();
    rc = open_db(path, SQLITE_OPEN_READONLY,
                 (!ours || newer || read_only) && !wal_exists(path), &db);
    if (db)
        sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA application_id", &app);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc == SQLITE_OK && tables == 0 && sb->st_size <= QUICK_CHECK_MAX_BYTES)
        rc = quick_check(db, what, sizeof what);
    sqlite3_close(db);
    if (rc == SQLITE_NOTADB) {
        snprintf(err, errlen, "%s is not a SQLite database; climb left it untouched", path);
        return -1;
    }
    if (rc == SQLITE_CORRUPT) {
        store_damage_advice(path, what[0] ? what : sqlite3_errstr(rc), err, errlen);
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
    atomic_file_dir(path, dir, sizeof dir);
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "cannot create %s: %s (directory %s)", path, strerror(errno), dir);
        return -1;
    }
    return 0;
}

/* Runs the migration steps the file lacks in one transaction. A file that holds
 * data (any table) is copied first (store_backup_db); a failed step leaves it as
 * it was and the message names the copy. */
static int migrate(sqlite3 *db, const char *path, char *err, size_t errlen)
{
    int version = 0, target = store_schema_version(), tables = 0;
    char backup[4600] = "", why[512];
    /* Up to date (the usual case): no write lock taken, nothing written. */
    if (pragma_int(db, "PRAGMA user_version", &version) == SQLITE_OK && version == target)
        return 0;
    if (pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables) == SQLITE_OK && tables &&
        store_backup_db(db, path, backup, sizeof backup, why, sizeof why) != 0) {
        snprintf(err, errlen,
                 "%s needs a schema upgrade, and climb makes a backup first, which failed: "
                 "%s. Nothing was changed",
                 path, why);
        return -1;
    }
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        pragma_int(db, "PRAGMA user_version", &version) != SQLITE_OK) {
        snprintf(err, errlen, "cannot start migration: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    for (int step = version + 1; step <= target; step++) {
        if (run_step(db, step, why, sizeof why)) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            snprintf(err, errlen,
                     "the schema upgrade of %s failed (%s); the database was left as it "
                     "was%s%s",
                     path, why, backup[0] ? ", and a copy from before is at " : "", backup);
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

static int configure(sqlite3 *db, int read_only, char *err, size_t errlen)
{
    static const char *const pragmas[] = {
        "PRAGMA foreign_keys=ON",
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
    };
    sqlite3_busy_timeout(db, 5000);
    /* A read-only database keeps its journal mode: changing it would write. */
    size_t n = read_only ? 1 : sizeof pragmas / sizeof *pragmas;
    for (size_t i = 0; i < n; i++) {
        if (sqlite3_exec(db, pragmas[i], NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(err, errlen, "cannot set up the database (%s): %s", pragmas[i],
                     sqlite3_errmsg(db));
            return -1;
        }
    }
    return 0;
}

/* Removes a database store_open created and could not finish, with its -wal,
 * -shm and -journal: an empty file left behind was refused by every later open
 * ("an empty file, not a climb database"; tests/unit/test_faults.c, open a new
 * database under SQLite malloc failures, N=15). */
static void drop_new(const char *path)
{
    static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
    char name[4200];
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        snprintf(name, sizeof name, "%s%s", path, tails[i]);
        unlink(name);
    }
}

int store_open(const char *path, climb_store **out, char *err, size_t errlen)
{
    struct stat sb;
    sqlite3 *db = NULL;
    int read_only = 0, check = 0, created = 0;
    *out = NULL;
    if (!*path) {
        /* SQLite would open a private temporary database that vanishes on close. */
        snprintf(err, errlen, "the database path is empty");
        return -1;
    }
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            snprintf(err, errlen, "%s is a directory, not a database file", path);
            return -1;
        }
        char dir[4096];
        atomic_file_dir(path, dir, sizeof dir);
        read_only = access(path, W_OK) != 0 || access(dir, W_OK | X_OK) != 0;
        if (vet_existing(path, &sb, read_only, err, errlen))
            return -1;
        check = sb.st_size <= QUICK_CHECK_MAX_BYTES;
    } else if (errno != ENOENT) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    } else if (vet_new(path, err, errlen)) {
        return -1;
    } else {
        created = 1;
    }
    mode_t old = umask(077); /* the database and its -wal/-shm files are private */
    int rc = read_only ? open_db(path, SQLITE_OPEN_READONLY, !wal_exists(path), &db)
                       : open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0, &db);
    umask(old);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        if (created)
            drop_new(path);
        return -1;
    }
    /* The damage check runs on this connection, with its locks: another climb may
     * be writing, and a read outside them could see pages half written. */
    char what[256] = "";
    sqlite3_busy_timeout(db, 5000);
    if (check && quick_check(db, what, sizeof what) == SQLITE_CORRUPT) {
        store_damage_advice(path, what, err, errlen);
        sqlite3_close(db);
        if (created)
            drop_new(path);
        return -1;
    }
    if (configure(db, read_only, err, errlen)) {
        sqlite3_close(db);
        if (created)
            drop_new(path);
        return -1;
    }
    int version = 0;
    if (read_only && (pragma_int(db, "PRAGMA user_version", &version) != SQLITE_OK ||
                      version != store_schema_version())) {
        snprintf(err, errlen,
                 "%s is read-only (the file or its directory is not writable) and needs a "
                 "schema upgrade this climb cannot write; make it writable and run climb again",
                 path);
        sqlite3_close(db);
        if (created)
            drop_new(path);
        return -1;
    }
    if (!read_only && migrate(db, path, err, errlen)) {
        sqlite3_close(db);
        if (created)
            drop_new(path);
        return -1;
    }
    climb_store *st = calloc(1, sizeof *st);
    if (!st) {
        sqlite3_close(db);
        if (created)
            drop_new(path);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    st->db = db;
    snprintf(st->path, sizeof st->path, "%s", path);
    *out = st;
    return 0;
}

int store_read_only(const climb_store *st)
{
    return st && sqlite3_db_readonly(st->db, "main") == 1;
}

int store_message_is_read_only(const char *msg)
{
    return msg && strstr(msg, sqlite3_errstr(SQLITE_READONLY)) != NULL;
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
    snprintf(st->path, sizeof st->path, "%s", path);
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
