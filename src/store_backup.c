/* store_backup.c - copies of the database and what to do when it is damaged:
 * SQLite's online backup into a temporary file beside the copy's name, fsync, then a hard link
 * into place (so an existing file is never replaced), mode 0600; the rotated
 * copies DB.backup-YYYYMMDD-HHMMSS beside the database, of which the newest
 * STORE_BACKUPS_KEPT stay; PRAGMA integrity_check; and the advice a damaged
 * database gets, naming the newest copy. */
#include "climb/store.h"
#include "store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char MARK[] = ".backup-";

/* Splits path into its directory ("." when none) and its last component. */
static void split(const char *path, char *dir, size_t dlen, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, dlen, ".");
    else if (slash == path)
        snprintf(dir, dlen, "/");
    else
        snprintf(dir, dlen, "%.*s", (int)(slash - path), path);
    *base = slash ? slash + 1 : path;
}

/* fsyncs a file or directory by path; errors are ignored where the filesystem
 * cannot sync a directory. */
static int sync_path(const char *path, int is_dir)
{
    int fd = open(path, is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return is_dir ? 0 : -1;
    int rc = fsync(fd);
    close(fd);
    return is_dir ? 0 : rc;
}

/* Writes a consistent copy of db to dest, which must not exist. 0; 1 when dest
 * exists; -1 with err. */
static int copy_to(sqlite3 *db, const char *dest, char *err, size_t errlen)
{
    struct stat sb;
    char dir[4096], tmp[4200];
    const char *base;
    if (lstat(dest, &sb) == 0) {
        snprintf(err, errlen, "%s already exists; climb does not overwrite it", dest);
        return 1;
    }
    split(dest, dir, sizeof dir, &base);
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp-%ld", dir, base, (long)getpid());
    unlink(tmp);
    /* SQLite's online backup into a file opened with the unix VFS by name: the copy
     * lands on the disk even when another VFS is the default (a test's in-memory
     * one), and the source is read under its usual locks. */
    sqlite3 *copy = NULL;
    mode_t old = umask(077);
    int rc = sqlite3_open_v2(tmp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "unix");
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(copy, "main", db, "main") : NULL;
    if (b) {
        rc = sqlite3_backup_step(b, -1);
        int fin = sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? fin : rc;
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(copy);
    }
    /* a copy is a plain file: reading it later leaves no -wal or -shm beside it */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(copy, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    umask(old);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot write a copy of the database to %s: %s", dest,
                 copy ? sqlite3_errmsg(copy) : sqlite3_errstr(rc));
        sqlite3_close(copy);
        unlink(tmp);
        return -1;
    }
    sqlite3_close(copy);
    if (chmod(tmp, 0600) != 0 || sync_path(tmp, 0) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", dest, strerror(errno));
        unlink(tmp);
        return -1;
    }
    /* link() never replaces: a file that appeared meanwhile is kept. */
    if (link(tmp, dest) != 0) {
        int e = errno;
        unlink(tmp);
        if (e == EEXIST) {
            snprintf(err, errlen, "%s already exists; climb does not overwrite it", dest);
            return 1;
        }
        snprintf(err, errlen, "cannot write %s: %s", dest, strerror(e));
        return -1;
    }
    unlink(tmp);
    sync_path(dir, 1);
    return 0;
}

/* Whether name is base.backup-YYYYMMDD-HHMMSS[-N]; *stamp points at the date. */
static int is_backup(const char *name, const char *base, const char **stamp, long *seq)
{
    size_t bl = strlen(base);
    if (strncmp(name, base, bl) != 0 || strncmp(name + bl, MARK, sizeof MARK - 1) != 0)
        return 0;
    const char *p = name + bl + sizeof MARK - 1;
    for (int i = 0; i < 15; i++)
        if (i == 8 ? p[i] != '-' : (p[i] < '0' || p[i] > '9'))
            return 0;
    *stamp = p;
    *seq = 1;
    if (p[15] == '\0')
        return 1;
    if (p[15] != '-' || p[16] < '1' || p[16] > '9')
        return 0;
    char *end;
    *seq = strtol(p + 16, &end, 10);
    return *end == '\0';
}

typedef struct {
    char name[512];
    long seq;
    size_t stamp; /* offset of the date in name */
} backup_name;

static int newer_first(const void *x, const void *y)
{
    const backup_name *a = x, *b = y;
    int c = strncmp(b->name + b->stamp, a->name + a->stamp, 15);
    return c ? c : (b->seq > a->seq) - (b->seq < a->seq);
}

/* The rotated copies beside db_path, newest first (free *out). 0 or -1. */
static int list_backups(const char *db_path, backup_name **out, size_t *n, char *dir,
                        size_t dlen)
{
    const char *base;
    split(db_path, dir, dlen, &base);
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *stamp;
        long seq;
        if (!is_backup(e->d_name, base, &stamp, &seq) || strlen(e->d_name) >= 512)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            backup_name *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                closedir(d);
                return -1;
            }
            *out = grown;
        }
        snprintf((*out)[*n].name, sizeof (*out)[*n].name, "%s", e->d_name);
        (*out)[*n].seq = seq;
        (*out)[*n].stamp = (size_t)(stamp - e->d_name);
        (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(*out, *n, sizeof **out, newer_first);
    return 0;
}

int store_backup_latest(const char *db_path, char *out, size_t len)
{
    backup_name *list;
    size_t n;
    char dir[4096];
    if (list_backups(db_path, &list, &n, dir, sizeof dir) != 0 || n == 0) {
        free(list);
        return 1;
    }
    if (strchr(db_path, '/'))
        snprintf(out, len, "%s/%s", dir, list[0].name);
    else
        snprintf(out, len, "%s", list[0].name);
    free(list);
    return 0;
}

int store_backup_db(sqlite3 *db, const char *db_path, char *out, size_t outlen, char *err,
                    size_t errlen)
{
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32], dest[4600];
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    /* after the highest number this second already has, never a freed lower one:
     * the newest copy must also sort newest when the oldest were rotated away */
    int first = 1;
    backup_name *seen;
    size_t n_seen;
    char seen_dir[4096];
    if (list_backups(db_path, &seen, &n_seen, seen_dir, sizeof seen_dir) == 0)
        for (size_t i = 0; i < n_seen; i++) {
            char full[4700];
            struct stat sb;
            snprintf(full, sizeof full, "%s/%s", seen_dir, seen[i].name);
            if (strncmp(seen[i].name + seen[i].stamp, stamp, 15) == 0 && seen[i].seq >= first &&
                lstat(full, &sb) == 0 && S_ISREG(sb.st_mode)) /* copies, not squatters */
                first = (int)seen[i].seq + 1;
        }
    free(seen);
    int rc = 1;
    for (int seq = first; rc == 1 && seq < first + 100; seq++) {
        if (seq == 1)
            snprintf(dest, sizeof dest, "%s%s%s", db_path, MARK, stamp);
        else
            snprintf(dest, sizeof dest, "%s%s%s-%d", db_path, MARK, stamp, seq);
        rc = copy_to(db, dest, err, errlen);
    }
    if (rc != 0)
        return -1;
    snprintf(out, outlen, "%s", dest);
    backup_name *list;
    size_t n;
    char dir[4096], old[4700];
    if (list_backups(db_path, &list, &n, dir, sizeof dir) == 0)
        for (size_t i = STORE_BACKUPS_KEPT; i < n; i++) {
            snprintf(old, sizeof old, "%s/%s", dir, list[i].name);
            unlink(old);
        }
    free(list);
    return 0;
}

int store_backup(climb_store *st, const char *dest, char *out, size_t outlen)
{
    int rc;
    if (dest) {
        rc = copy_to(st->db, dest, st->err, sizeof st->err);
        if (rc == 0)
            snprintf(out, outlen, "%s", dest);
    } else {
        rc = store_backup_db(st->db, st->path, out, outlen, st->err, sizeof st->err);
    }
    return rc;
}

/* What the database holds, in short: the events (append-only, so their count and
 * newest row change with every change a person makes) and the profiles. Empty
 * on error. */
static void signature(sqlite3 *db, char *out, size_t len)
{
    static const char SQL[] = "SELECT (SELECT count(*) FROM events) || ':' || "
                              "(SELECT coalesce(max(rowid), 0) FROM events) || ':' || "
                              "(SELECT count(*) FROM profiles)";
    sqlite3_stmt *s = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, SQL, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        snprintf(out, len, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
}

int store_backup_if_changed(climb_store *st, char *out, size_t outlen)
{
    char latest[4600], mine[96], theirs[96] = "";
    out[0] = '\0';
    if (store_backup_latest(st->path, latest, sizeof latest) == 0) {
        sqlite3 *copy = NULL;
        if (sqlite3_open_v2(latest, &copy, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
            signature(copy, theirs, sizeof theirs);
        sqlite3_close(copy);
        signature(st->db, mine, sizeof mine);
        if (mine[0] && strcmp(mine, theirs) == 0) {
            snprintf(out, outlen, "%s", latest);
            return 0; /* the newest copy holds what the database holds */
        }
    }
    return store_backup(st, NULL, out, outlen) == 0 ? 0 : -1;
}

const char *store_path(const climb_store *st)
{
    return st->path;
}

void store_damage_advice(const char *db_path, const char *what, char *out, size_t len)
{
    char latest[4600];
    if (store_backup_latest(db_path, latest, sizeof latest) == 0)
        snprintf(out, len,
                 "%s is damaged (SQLite found: %s). Keep the damaged file, and restore the "
                 "latest backup, %s: check it with 'climb --db %s check', then copy it over "
                 "the database (cp %s %s) while no climb is running",
                 db_path, what, latest, latest, latest, db_path);
    else
        snprintf(out, len,
                 "%s is damaged (SQLite found: %s) and has no backup beside it. Keep the "
                 "file, and restore your latest JSON export (the file you wrote with 'climb "
                 "export -o FILE') into a new database: climb --db NEW.db import FILE",
                 db_path, what);
}

int store_check_file(const char *path, char *what, size_t len)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(what, len, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(20)", -1, &s, NULL);
    size_t used = 0;
    what[0] = '\0';
    int ok = 1;
    while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(s, 0);
        rc = SQLITE_OK;
        if (r && strcmp(r, "ok") == 0)
            continue;
        ok = 0;
        if (used + 3 < len)
            used += (size_t)snprintf(what + used, len - used, "%s%s", used ? "; " : "",
                                     r ? r : "no answer");
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    int code = rc & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        snprintf(what, len, "%s", sqlite3_errstr(rc));
        ok = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    if (rc != SQLITE_OK) {
        snprintf(what, len, "cannot check %s: %s", path, sqlite3_errstr(rc));
        return -1;
    }
    for (char *p = what; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return ok ? 0 : 1;
}
