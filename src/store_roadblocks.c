/* store_roadblocks.c - the roadblock_flags table read back: a profile's flags
 * with the time each was set. Flags are written by the event table
 * (ops_events.c through store_roadblock_put). */
#include "climb/store_roadblocks.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

int store_roadblocks_load(climb_store *st, long long profile_id, roadblock_flags *out)
{
    sqlite3_stmt *s;
    memset(out, 0, sizeof *out);
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT roadblock_id, flagged_at FROM roadblock_flags"
                           " WHERE profile_id = ?1 ORDER BY roadblock_id",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "cannot read roadblocks: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_int64(s, 1, profile_id);
    int rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (out->n == cap) {
            size_t grown_cap = cap ? cap * 2 : 8;
            roadblock_flag *grown = realloc(out->items, grown_cap * sizeof *grown);
            if (!grown)
                break;
            out->items = grown;
            cap = grown_cap;
        }
        const char *id = (const char *)sqlite3_column_text(s, 0);
        char *copy = id ? strdup(id) : NULL;
        if (!copy)
            break;
        out->items[out->n].roadblock_id = copy;
        out->items[out->n++].flagged_at = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW)
        return store_fail(st, "out of memory");
    if (rc != SQLITE_DONE)
        return store_fail(st, "cannot read roadblocks: %s", sqlite3_errmsg(store_db(st)));
    return 0;
}

