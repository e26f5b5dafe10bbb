/* store_snapshot.c - the SQL of export and import: streaming a profile's events,
 * quiz attempts and flags in a stable order, and inserting imported events by
 * UUID. What the imported events decide is re-derived by the event table
 * (ops_events.c). Prepared statements only. */
#include "climb/store_snapshot.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char *col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

/* Steps through every row, calling row(s) for each; returns 0, -1 or what row did. */
static int walk(climb_store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *, void *), void *ctx)
{
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if ((stop = row(s, ctx)) != 0)
            break;
    if (!stop && rc != SQLITE_DONE)
        stop = store_db_fail(st, "cannot read the history");
    sqlite3_finalize(s);
    return stop;
}

typedef struct {
    snap_event_fn fn;
    void *ctx;
} event_walk;

static int event_row(sqlite3_stmt *s, void *ctx)
{
    event_walk *w = ctx;
    snap_event e = {col_text(s, 0), sqlite3_column_int64(s, 1), col_text(s, 2), col_text(s, 3),
                    col_text(s, 4), col_text(s, 5), col_text(s, 6)};
    return w->fn(w->ctx, &e);
}

int snap_events_each(climb_store *st, long long profile_id, const char *kind,
                     snap_event_fn fn, void *ctx)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT uuid, at, kind, item, value, previous, detail"
                                  " FROM events WHERE profile_id = ?1"
                                  " AND (?2 IS NULL OR kind = ?2) ORDER BY at, id");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    bind_text(s, 2, kind);
    event_walk w = {fn, ctx};
    return walk(st, s, event_row, &w);
}

typedef struct {
    snap_quiz_fn fn;
    void *ctx;
} quiz_walk;

static int quiz_row(sqlite3_stmt *s, void *ctx)
{
    quiz_walk *w = ctx;
    snap_quiz q = {col_text(s, 0),         sqlite3_column_int64(s, 1), col_text(s, 2),
                   sqlite3_column_int(s, 3), sqlite3_column_int(s, 4),   sqlite3_column_int(s, 5),
                   sqlite3_column_int(s, 6)};
    return w->fn(w->ctx, &q);
}

int snap_quiz_each(climb_store *st, long long profile_id, snap_quiz_fn fn, void *ctx)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT event_uuid, taken_at, answers, yes, regularly, phase,"
                                  " on_edge_of FROM quiz_attempts WHERE profile_id = ?1"
                                  " ORDER BY taken_at, id");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    quiz_walk w = {fn, ctx};
    return walk(st, s, quiz_row, &w);
}

typedef struct {
    snap_flag_fn fn;
    void *ctx;
} flag_walk;

static int flag_row(sqlite3_stmt *s, void *ctx)
{
    flag_walk *w = ctx;
    snap_flag f = {col_text(s, 0), sqlite3_column_int64(s, 1)};
    return w->fn(w->ctx, &f);
}

int snap_flags_each(climb_store *st, long long profile_id, snap_flag_fn fn, void *ctx)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT roadblock_id, flagged_at FROM roadblock_flags"
                                  " WHERE profile_id = ?1 ORDER BY roadblock_id");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    flag_walk w = {fn, ctx};
    return walk(st, s, flag_row, &w);
}

/* Runs a statement that returns no rows, then finalizes it. */
static int run(climb_store *st, sqlite3_stmt *s, const char *what)
{
    int rc = sqlite3_step(s);
    int out = rc == SQLITE_DONE ? 0 : store_db_fail(st, what);
    sqlite3_finalize(s);
    return out;
}

int snap_profile_find(climb_store *st, const char *name, long long *id, long long *created_at)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT id, created_at FROM profiles WHERE name = ?1");
    if (!s)
        return -1;
    bind_text(s, 1, name);
    int rc = sqlite3_step(s), out = 1;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        *created_at = sqlite3_column_int64(s, 1);
        out = 0;
    } else if (rc != SQLITE_DONE) {
        out = store_db_fail(st, "cannot read the profile");
    }
    sqlite3_finalize(s);
    return out;
}

int snap_profile_create(climb_store *st, const char *name, long long created_at, long long *id)
{
    sqlite3_stmt *s = store_prepare(st, "INSERT INTO profiles (name, created_at) VALUES (?1, ?2)");
    if (!s)
        return -1;
    bind_text(s, 1, name);
    sqlite3_bind_int64(s, 2, created_at);
    if (run(st, s, "cannot create the profile"))
        return -1;
    *id = sqlite3_last_insert_rowid(store_db(st));
    return 0;
}

int snap_profile_created_min(climb_store *st, long long profile_id, long long created_at)
{
    sqlite3_stmt *s = store_prepare(st, "UPDATE profiles SET created_at = ?2"
                                  " WHERE id = ?1 AND created_at > ?2");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_int64(s, 2, created_at);
    return run(st, s, "cannot update the profile");
}

enum { W_OWNER, W_EVENT, W_QUIZ, W_COUNT };

struct snap_writer {
    climb_store *st;
    sqlite3_stmt *s[W_COUNT];
};

int snap_writer_open(climb_store *st, snap_writer **out)
{
    static const char *const SQL[W_COUNT] = {
        [W_OWNER] = "SELECT profile_id FROM events WHERE uuid = ?1",
        [W_EVENT] = "INSERT INTO events (uuid, profile_id, at, kind, item, value, previous,"
                    " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        [W_QUIZ] = "INSERT OR IGNORE INTO quiz_attempts (profile_id, event_uuid, taken_at,"
                   " answers, yes, regularly, phase, on_edge_of)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    };
    snap_writer *w = calloc(1, sizeof *w);
    *out = NULL;
    if (!w)
        return store_fail(st, "out of memory");
    w->st = st;
    for (int i = 0; i < W_COUNT; i++) {
        if ((w->s[i] = store_prepare(st, SQL[i])) == NULL) {
            snap_writer_close(w);
            return -1;
        }
    }
    *out = w;
    return 0;
}

void snap_writer_close(snap_writer *w)
{
    if (!w)
        return;
    for (int i = 0; i < W_COUNT; i++)
        sqlite3_finalize(w->s[i]);
    free(w);
}

static sqlite3_stmt *writer_stmt(snap_writer *w, int which)
{
    sqlite3_reset(w->s[which]);
    sqlite3_clear_bindings(w->s[which]);
    return w->s[which];
}

int snap_event_owner(snap_writer *w, const char *uuid, long long *owner)
{
    sqlite3_stmt *s = writer_stmt(w, W_OWNER);
    bind_text(s, 1, uuid);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *owner = sqlite3_column_int64(s, 0);
        return 0;
    }
    return rc == SQLITE_DONE ? 1 : store_db_fail(w->st, "cannot read the history");
}

int snap_event_insert(snap_writer *w, long long profile_id, const snap_event *e)
{
    sqlite3_stmt *s = writer_stmt(w, W_EVENT);
    bind_text(s, 1, e->uuid);
    sqlite3_bind_int64(s, 2, profile_id);
    sqlite3_bind_int64(s, 3, e->at);
    bind_text(s, 4, e->kind);
    bind_text(s, 5, e->item);
    bind_text(s, 6, e->value);
    bind_text(s, 7, e->previous);
    bind_text(s, 8, e->detail);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : store_db_fail(w->st, "cannot write the event");
}

int snap_quiz_insert(snap_writer *w, long long profile_id, const snap_quiz *q)
{
    sqlite3_stmt *s = writer_stmt(w, W_QUIZ);
    sqlite3_bind_int64(s, 1, profile_id);
    bind_text(s, 2, q->event_uuid);
    sqlite3_bind_int64(s, 3, q->taken_at);
    bind_text(s, 4, q->answers);
    sqlite3_bind_int(s, 5, q->yes);
    sqlite3_bind_int(s, 6, q->regularly);
    sqlite3_bind_int(s, 7, q->phase);
    if (q->on_edge_of)
        sqlite3_bind_int(s, 8, q->on_edge_of);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_db_fail(w->st, "cannot write the quiz attempt");
    return sqlite3_changes(store_db(w->st)) ? 0 : 1;
}
