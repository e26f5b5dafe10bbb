/* store_view_state.c - reading and writing the view_state table (the phase the
 * TUI last showed, per profile). */
#include "climb/store_view_state.h"

#include <sqlite3.h>

int store_view_state_get(climb_store *st, long long profile_id, const char *name, int *value)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT value FROM view_state WHERE profile_id = ?1 AND name = ?2",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s), out = 1;
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int(s, 0);
        out = 0;
    } else if (rc != SQLITE_DONE) {
        out = store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    }
    sqlite3_finalize(s);
    return out;
}

int store_view_state_put(climb_store *st, long long profile_id, const char *name, int value)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st),
                           "INSERT OR REPLACE INTO view_state (profile_id, name, value)"
                           " VALUES (?1, ?2, ?3)",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, value);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0
                             : store_fail(st, "cannot save the view: %s",
                                          sqlite3_errmsg(store_db(st)));
}
