/* store_checkin.c - the SQL behind check-ins, the prompt line and sync: the time
 * of the profile's last update (its newest state, note or checkin event; each
 * kind one max() over events_by_kind (profile_id, kind, at), an index seek at any
 * size of the log) and of its newest event of any kind (events_by_time). */
#include "climb/store_checkin.h"
#include "store_internal.h"

static const char SQL_LAST_ANY[] = "SELECT max(at) FROM events WHERE profile_id = ?1";
/* One statement per kind, the kind written in: a kind bound as a parameter made
 * SQLite prepare the statement again whenever its value changed (partial
 * indexes name kinds, so the plan depends on it), three times a call, about
 * 65,000 instructions each, after every tick in the TUI. */
#define SQL_LAST(kind) "SELECT max(at) FROM events WHERE profile_id = ?1 AND kind = '" kind "'"

int store_last_update(climb_store *st, long long profile_id, long long *at)
{
    static const char *const queries[] = {SQL_LAST("state"), SQL_LAST("note"), SQL_LAST("checkin")};
    *at = 0;
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        sqlite3_stmt *s = store_prepare_cached(st, queries[i]);
        if (!s)
            return -1;
        sqlite3_bind_int64(s, 1, profile_id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW && sqlite3_column_int64(s, 0) > *at)
            *at = sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW)
            return store_db_fail(st, "cannot read the last update");
    }
    return 0;
}

int store_last_event_at(climb_store *st, long long profile_id, long long *at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_LAST_ANY);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    int rc = sqlite3_step(s);
    *at = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? 0 : store_db_fail(st, "cannot read the newest event");
}
