/* roadblocks.c - the roadblock_flags table: listing a profile's flags and setting
 * one on or off together with its event, in one transaction. */
#include "climb/roadblocks.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

int roadblocks_load(climb_store *st, long long profile_id, roadblock_flags *out)
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

void roadblocks_free(roadblock_flags *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->items[i].roadblock_id);
    free(f->items);
    memset(f, 0, sizeof *f);
}

long long roadblocks_flagged_at(const roadblock_flags *f, const char *roadblock_id)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].roadblock_id, roadblock_id) == 0)
            return f->items[i].flagged_at;
    return 0;
}

/* Runs one statement with (profile, id[, now]) bound. Returns 0 or -1. */
static int exec3(climb_store *st, const char *sql, long long profile_id, const char *id,
                 long long now, int *row_found)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(s) >= 3)
        sqlite3_bind_int64(s, 3, now);
    int rc = sqlite3_step(s);
    if (row_found)
        *row_found = rc == SQLITE_ROW;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(st, "cannot save the roadblock: %s", sqlite3_errmsg(store_db(st)));
    return 0;
}

int roadblocks_set(climb_store *st, long long profile_id, const char *roadblock_id, int on,
                   long long now, int *changed)
{
    int dummy, was_on = 0;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (store_begin(st))
        return -1;
    if (exec3(st, "SELECT 1 FROM roadblock_flags WHERE profile_id = ?1 AND roadblock_id = ?2",
              profile_id, roadblock_id, 0, &was_on))
        goto fail;
    if (!was_on != !on) {
        const char *sql = on ? "INSERT INTO roadblock_flags (profile_id, roadblock_id,"
                               " flagged_at) VALUES (?1, ?2, ?3)"
                             : "DELETE FROM roadblock_flags WHERE profile_id = ?1"
                               " AND roadblock_id = ?2";
        if (exec3(st, sql, profile_id, roadblock_id, now, NULL) ||
            store_event_add(st, profile_id, now, "roadblock", roadblock_id, on ? "on" : "off",
                            on ? "off" : "on", NULL, NULL))
            goto fail;
        *changed = 1;
    }
    if (store_commit(st))
        goto fail;
    return 0;
fail:
    store_rollback(st);
    *changed = 0;
    return -1;
}
