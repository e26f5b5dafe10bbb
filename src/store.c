/* store.c - transactions, events, profiles and criterion state over the open
 * database. Each public change runs in one BEGIN IMMEDIATE transaction that writes
 * the state and its event, so history and state can never disagree. */
#include "climb/store.h"
#include "store_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const STMT_SQL[STMT_COUNT] = {
    [STMT_EVENT_ADD] = ("INSERT INTO events (uuid, profile_id, at, kind, item, value, previous,"
                        " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
    [STMT_BEGIN] = "BEGIN IMMEDIATE",
    [STMT_COMMIT] = "COMMIT",
    [STMT_ROLLBACK] = "ROLLBACK",
};

int store_fail(climb_store *st, const char *fmt, ...)
{
    int code = sqlite3_extended_errcode(st->db) & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        /* the one place a damaged database is met at run time: advice, not SQLite's words */
        store_damage_advice(st->path, sqlite3_errstr(code), st->err, sizeof st->err);
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
    return -1;
}

const char *store_error(const climb_store *st)
{
    return st->err;
}

struct sqlite3 *store_db(climb_store *st)
{
    return st->db;
}

sqlite3_stmt *store_stmt(climb_store *st, enum store_stmt which)
{
    sqlite3_stmt **s = &st->stmts[which];
    if (*s) {
        sqlite3_reset(*s);
        sqlite3_clear_bindings(*s);
        return *s;
    }
    if (sqlite3_prepare_v3(st->db, STMT_SQL[which], -1, SQLITE_PREPARE_PERSISTENT, s, NULL) !=
        SQLITE_OK) {
        store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
        *s = NULL;
    }
    return *s;
}

/* Runs a cached statement that returns no rows (BEGIN, COMMIT). */
static int run_cached(climb_store *st, enum store_stmt which)
{
    sqlite3_stmt *s = store_stmt(st, which);
    int rc = s ? sqlite3_step(s) : SQLITE_ERROR;
    if (s)
        sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

int store_db_fail(climb_store *st, const char *what)
{
    return store_fail(st, "%s: %s", what, sqlite3_errmsg(st->db));
}

sqlite3_stmt *store_prepare(climb_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        store_db_fail(st, "database error");
        sqlite3_finalize(s);
        return NULL;
    }
    return s;
}

sqlite3_stmt *store_prepare_cached(climb_store *st, const char *sql)
{
    int i;
    for (i = 0; i < CACHED_MAX && st->cached[i].sql; i++) {
        if (st->cached[i].sql == sql) {
            sqlite3_reset(st->cached[i].stmt);
            sqlite3_clear_bindings(st->cached[i].stmt);
            return st->cached[i].stmt;
        }
    }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
        return NULL;
    }
    if (i < CACHED_MAX) {
        st->cached[i].sql = sql;
        st->cached[i].stmt = s;
    } else {
        store_fail(st, "too many cached statements");
        sqlite3_finalize(s);
        return NULL;
    }
    return s;
}

static const char DATA_VERSION_SQL[] = "PRAGMA data_version";

int store_data_version(climb_store *st)
{
    sqlite3_stmt *s = store_prepare_cached(st, DATA_VERSION_SQL);
    int v = -1;
    if (s && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    if (s)
        sqlite3_reset(s);
    return v;
}

int store_begin(climb_store *st)
{
    if (store_read_only(st))
        return store_fail(st,
                          "read-only: climb can show %s but not change it (the file or its "
                          "directory is not writable); nothing was changed",
                          st->path);
    /* the ROLLBACK is prepared before any transaction starts: preparing it once
     * memory has run out fails, and a connection left inside its transaction
     * refused every later change (tests/unit/test_faults.c, sticky malloc, N=1) */
    if (!store_stmt(st, STMT_ROLLBACK))
        return -1;
    if (run_cached(st, STMT_BEGIN) != 0)
        return store_fail(st, "cannot start a transaction: %s", sqlite3_errmsg(st->db));
    return 0;
}

int store_commit(climb_store *st)
{
    if (run_cached(st, STMT_COMMIT) != 0) {
        store_fail(st, "cannot commit: %s", sqlite3_errmsg(st->db));
        store_rollback(st);
        return -1;
    }
    return 0;
}

void store_rollback(climb_store *st)
{
    if (!sqlite3_get_autocommit(st->db) && run_cached(st, STMT_ROLLBACK) != 0)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* A random (version 4) UUID from SQLite's PRNG, which seeds from the OS. */
void store_new_uuid(char out[37])
{
    unsigned char b[16];
    sqlite3_randomness(sizeof b, b);
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

int store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    return v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
}

int store_event_add(climb_store *st, long long profile_id, long long at, const char *kind,
                    const char *item, const char *value, const char *previous,
                    const char *detail, char *uuid_out)
{
    char uuid[37];
    store_new_uuid(uuid);
    sqlite3_stmt *s = store_stmt(st, STMT_EVENT_ADD);
    if (!s)
        return -1;
    /* a text SQLite could not copy is left NULL: the step must not run then
     * (tests/unit/test_faults.c, tick under SQLite malloc failures, N=81, wrote an
     * event without its item and reported success) */
    if (sqlite3_bind_text(s, 1, uuid, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
        sqlite3_bind_int64(s, 2, profile_id) != SQLITE_OK ||
        sqlite3_bind_int64(s, 3, at) != SQLITE_OK ||
        sqlite3_bind_text(s, 4, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
        store_bind_text(s, 5, item) != SQLITE_OK || store_bind_text(s, 6, value) != SQLITE_OK ||
        store_bind_text(s, 7, previous) != SQLITE_OK || store_bind_text(s, 8, detail) != SQLITE_OK)
        return store_fail(st, "cannot write the event: %s", sqlite3_errmsg(st->db));
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, "cannot write the event: %s", sqlite3_errmsg(st->db));
    if (uuid_out)
        memcpy(uuid_out, uuid, 37);
    return 0;
}

char *store_column_dup(sqlite3_stmt *s, int i, int *failed)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL)
        return NULL;
    const unsigned char *t = sqlite3_column_text(s, i);
    char *copy = t ? strdup((const char *)t) : NULL;
    if (!copy)
        *failed = 1;
    return copy;
}


static int profile_find(climb_store *st, const char *name, profile_row *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, name, title, created_at, quiz_offered, stale_months,"
                           " target_level, target_at, display_name, checkin_days FROM profiles"
                           " WHERE name = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s), found = 1, oom = 0;
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        out->name = store_column_dup(s, 1, &oom);
        out->title = store_column_dup(s, 2, &oom);
        out->created_at = sqlite3_column_int64(s, 3);
        out->quiz_offered = sqlite3_column_int(s, 4);
        out->stale_months = sqlite3_column_int(s, 5);
        out->target_level = store_column_dup(s, 6, &oom);
        out->target_at = sqlite3_column_int64(s, 7);
        out->display_name = store_column_dup(s, 8, &oom);
        out->checkin_days = sqlite3_column_int(s, 9);
        found = 0;
        if (oom || !out->name) {
            profile_row_free(out);
            found = store_fail(st, "out of memory");
        }
    } else if (rc != SQLITE_DONE) {
        found = store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
    }
    sqlite3_finalize(s);
    return found;
}

static int profile_insert(climb_store *st, const char *name, long long now)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "INSERT INTO profiles (name, created_at) VALUES (?1, ?2)", -1,
                           &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, now);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return store_fail(st, "cannot create profile: %s", sqlite3_errmsg(st->db));
    return store_event_add(st, sqlite3_last_insert_rowid(st->db), now, "profile", NULL, name,
                           NULL, NULL, NULL);
}

int store_profile_get(climb_store *st, const char *name, int create, long long now,
                      profile_row *out, int *created)
{
    memset(out, 0, sizeof *out);
    if (created)
        *created = 0;
    int rc = profile_find(st, name, out);
    if (rc <= 0 || !create)
        return rc;
    if (store_begin(st))
        return -1;
    rc = profile_find(st, name, out); /* another process may have made it meanwhile */
    if (rc == 1) {
        if (profile_insert(st, name, now) || store_commit(st)) {
            store_rollback(st);
            return -1;
        }
        if (created)
            *created = 1;
        return profile_find(st, name, out);
    }
    store_rollback(st);
    return rc;
}


int store_read_criterion(sqlite3_stmt *s, criterion_row *c)
{
    int oom = 0;
    c->criterion_id = store_column_dup(s, 0, &oom);
    if (crit_state_parse((const char *)sqlite3_column_text(s, 1), &c->state))
        c->state = STATE_TODO;
    c->done_at = sqlite3_column_int64(s, 2);
    c->note = store_column_dup(s, 3, &oom);
    c->note_at = sqlite3_column_int64(s, 4);
    c->reason = store_column_dup(s, 5, &oom);
    c->text_at_done = store_column_dup(s, 6, &oom);
    return oom || !c->criterion_id ? -1 : 0;
}

int store_criteria_each(climb_store *st, long long profile_id, store_criterion_fn fn, void *ctx)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT criterion_id, state, done_at, note, note_at, reason,"
                           " text_at_done FROM criterion_state WHERE profile_id = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
    sqlite3_bind_int64(s, 1, profile_id);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        criterion_row c = {0};
        /* found by the fault-injection test (tests/unit/test_faults.c): a copy that
         * failed passed for an empty note */
        stop = store_read_criterion(s, &c) ? store_fail(st, "out of memory") : fn(ctx, &c);
        criterion_row_free(&c);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(st, "database error: %s", sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return stop < 0 ? -1 : 0;
}

long long store_event_last_id(climb_store *st)
{
    return (long long)sqlite3_last_insert_rowid(st->db);
}
