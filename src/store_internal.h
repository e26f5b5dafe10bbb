/* store_internal.h - the store's private state, shared by the store_*.c files only. */
#ifndef CLIMB_STORE_INTERNAL_H
#define CLIMB_STORE_INTERNAL_H

#include "climb/records.h"

#include <sqlite3.h>

/* Prepared statements kept for the life of the store (hot paths: tick, event). */
enum store_stmt {
    STMT_EVENT_ADD,
    STMT_BEGIN,
    STMT_COMMIT,
    STMT_ROLLBACK,
    STMT_COUNT
};

enum { CACHED_MAX = 48 };

struct climb_store {
    sqlite3 *db;
    sqlite3_stmt *stmts[STMT_COUNT];
    struct {
        const char *sql;  /* the caller's static string: compared by address */
        sqlite3_stmt *stmt;
    } cached[CACHED_MAX];
    char err[1024];
    char path[4096]; /* the database file, for its backups and messages */
};

/* Fills c from a row of (criterion_id, state, done_at, note, note_at, reason,
 * text_at_done), strings copied. 0, or -1 when memory ran out (c is then
 * partly filled: free it with criterion_row_free). */
int store_read_criterion(sqlite3_stmt *s, criterion_row *c);
/* A copy of column i's text; NULL for SQL NULL, and NULL with *failed set to 1
 * when memory ran out (a NULL copy must never pass for an SQL NULL). */
char *store_column_dup(sqlite3_stmt *s, int i, int *failed);
/* Binds v, or NULL when v is NULL; SQLite's result (SQLITE_NOMEM when the copy
 * of v could not be made, and the parameter is then NULL). */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);

/* Writes a copy of db (the file at db_path) beside it as
 * DB.backup-YYYYMMDD-HHMMSS (mode 0600, VACUUM INTO a temporary file, fsync, then
 * linked into place) and removes all but the newest STORE_BACKUPS_KEPT; out gets
 * the copy's path. 0, or -1 with a message in err. (store_backup.c) */
int store_backup_db(sqlite3 *db, const char *db_path, char *out, size_t outlen, char *err,
                    size_t errlen);

/* The cached statement, prepared on first use and reset; NULL on error. */
sqlite3_stmt *store_stmt(struct climb_store *st, enum store_stmt which);

#endif
