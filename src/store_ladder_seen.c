/* store_ladder_seen.c - diffing the ladder against the wording last seen, and
 * recording it, in the ladder_seen table. */
#include "climb/store_ladder_seen.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static int push(ladder_diff *d, size_t *cap, const char *id, const char *old_text,
                const char *new_text, int phase)
{
    if (d->n_items == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        ladder_change *n = realloc(d->items, ncap * sizeof *n);
        if (!n)
            return -1;
        d->items = n;
        *cap = ncap;
    }
    ladder_change *c = &d->items[d->n_items++];
    c->id = strdup(id);
    c->old_text = old_text ? strdup(old_text) : NULL;
    c->new_text = new_text ? strdup(new_text) : NULL;
    c->phase = phase;
    return c->id ? 0 : -1;
}

static const climb_criterion *find(const climb_ladder *l, const char *id, int *phase)
{
    for (size_t p = 0; p < l->n_phases; p++)
        for (size_t i = 0; i < l->phases[p].n_criteria; i++)
            if (strcmp(l->phases[p].criteria[i].id, id) == 0) {
                *phase = l->phases[p].number;
                return &l->phases[p].criteria[i];
            }
    return NULL;
}

/* Reworded and retired: walk what was seen. */
static int diff_seen(climb_store *st, const climb_ladder *l, ladder_diff *d, size_t *cap)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT item_id, text, phase FROM ladder_seen"
                           " WHERE ladder_id = ?1 AND retired = 0 ORDER BY phase, item_id",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_text(s, 1, l->id, -1, SQLITE_STATIC);
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *text = (const char *)sqlite3_column_text(s, 1);
        int phase = sqlite3_column_int(s, 2), now_phase = 0;
        const climb_criterion *c = find(l, id, &now_phase);
        d->first_seen = 0;
        if (!c) {
            err = push(d, cap, id, text, NULL, phase);
            d->retired++;
        } else if (strcmp(c->text, text) != 0) {
            err = push(d, cap, id, text, c->text, now_phase);
            d->reworded++;
        }
    }
    sqlite3_finalize(s);
    return err ? store_fail(st, "out of memory") : 0;
}

/* Added: criteria of the ladder not seen (or seen only as retired). */
static int diff_added(climb_store *st, const climb_ladder *l, ladder_diff *d, size_t *cap)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT 1 FROM ladder_seen WHERE ladder_id = ?1 AND item_id = ?2"
                           " AND retired = 0",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    int err = 0;
    for (size_t p = 0; p < l->n_phases && !err; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria && !err; i++) {
            const climb_criterion *c = &l->phases[p].criteria[i];
            sqlite3_reset(s);
            sqlite3_bind_text(s, 1, l->id, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 2, c->id, -1, SQLITE_STATIC);
            if (sqlite3_step(s) != SQLITE_ROW) {
                err = push(d, cap, c->id, NULL, c->text, l->phases[p].number);
                d->added++;
            }
        }
    }
    sqlite3_finalize(s);
    return err ? store_fail(st, "out of memory") : 0;
}

int ladder_update_diff(climb_store *st, const climb_ladder *l, ladder_diff *out)
{
    size_t cap = 0;
    memset(out, 0, sizeof *out);
    out->first_seen = 1;
    if (diff_seen(st, l, out, &cap) || (!out->first_seen && diff_added(st, l, out, &cap))) {
        ladder_diff_free(out);
        return -1;
    }
    return 0;
}

void ladder_diff_free(ladder_diff *d)
{
    for (size_t i = 0; i < d->n_items; i++) {
        free(d->items[i].id);
        free(d->items[i].old_text);
        free(d->items[i].new_text);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

static int exec_bound(climb_store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0
                             : store_fail(st, "cannot record the ladder: %s",
                                          sqlite3_errmsg(store_db(st)));
}

int ladder_update_record(climb_store *st, const climb_ladder *l)
{
    sqlite3 *db = store_db(st);
    sqlite3_stmt *retire = NULL, *put = NULL;
    if (store_begin(st))
        return -1;
    int err = sqlite3_prepare_v2(db, "UPDATE ladder_seen SET retired = 1 WHERE ladder_id = ?1",
                                 -1, &retire, NULL) != SQLITE_OK ||
              sqlite3_prepare_v2(db,
                                 "INSERT OR REPLACE INTO ladder_seen"
                                 " (ladder_id, item_id, phase, text, retired)"
                                 " VALUES (?1, ?2, ?3, ?4, 0)",
                                 -1, &put, NULL) != SQLITE_OK;
    if (err)
        store_fail(st, "database error: %s", sqlite3_errmsg(db));
    if (!err) {
        sqlite3_bind_text(retire, 1, l->id, -1, SQLITE_STATIC);
        err = exec_bound(st, retire);
    }
    for (size_t p = 0; p < l->n_phases && !err; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria && !err; i++) {
            sqlite3_bind_text(put, 1, l->id, -1, SQLITE_STATIC);
            sqlite3_bind_text(put, 2, l->phases[p].criteria[i].id, -1, SQLITE_STATIC);
            sqlite3_bind_int(put, 3, l->phases[p].number);
            sqlite3_bind_text(put, 4, l->phases[p].criteria[i].text, -1, SQLITE_STATIC);
            err = exec_bound(st, put);
        }
    }
    sqlite3_finalize(retire);
    sqlite3_finalize(put);
    if (err || store_commit(st)) {
        store_rollback(st);
        return -1;
    }
    return 0;
}

int ladder_seen_lookup(climb_store *st, const char *ladder_id, const char *item_id,
                       char **text, int *phase)
{
    sqlite3_stmt *s;
    *text = NULL;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT text, phase FROM ladder_seen WHERE ladder_id = ?1"
                           " AND item_id = ?2",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_bind_text(s, 1, ladder_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, item_id, -1, SQLITE_STATIC);
    int rc = 1;
    if (sqlite3_step(s) == SQLITE_ROW) {
        *text = strdup((const char *)sqlite3_column_text(s, 0));
        *phase = sqlite3_column_int(s, 1);
        rc = *text ? 0 : store_fail(st, "out of memory");
    }
    sqlite3_finalize(s);
    return rc;
}
