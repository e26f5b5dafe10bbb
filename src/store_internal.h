/* store_internal.h - the store's private state, shared by the store_*.c files only. */
#ifndef CLIMB_STORE_INTERNAL_H
#define CLIMB_STORE_INTERNAL_H

#include <sqlite3.h>

/* Prepared statements kept for the life of the store (hot paths: tick, event). */
enum store_stmt {
    STMT_EVENT_ADD,
    STMT_STATE_GET,
    STMT_STATE_PUT,
    STMT_BEGIN,
    STMT_COMMIT,
    STMT_COUNT
};

enum { CACHED_MAX = 16 };

struct climb_store {
    sqlite3 *db;
    sqlite3_stmt *stmts[STMT_COUNT];
    struct {
        const char *sql;  /* the caller's static string: compared by address */
        sqlite3_stmt *stmt;
    } cached[CACHED_MAX];
    char err[512];
};

/* The cached statement, prepared on first use and reset; NULL on error. */
sqlite3_stmt *store_stmt(struct climb_store *st, enum store_stmt which);

#endif
