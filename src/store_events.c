/* store_events.c - the SQL behind the event table (src/ops_events.c): reading
 * events back by id, by item, newest first among those not undone, and writing
 * the columns each kind decides (a criterion's state, its note, the title, a
 * setting, a roadblock flag). Each write touches only its own columns. Every
 * function runs inside the caller's transaction. Prepared statements only. */
#include "climb/store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Events that an 'undo' event names do not count. */
#define NOT_UNDONE                                                                          \
    " AND NOT EXISTS (SELECT 1 FROM events u WHERE u.profile_id = e.profile_id"             \
    " AND u.kind = 'undo' AND u.item = e.uuid)"

#define EVENT_COLUMNS "e.id, e.profile_id, e.at, e.uuid, e.kind, e.item, e.value, e.previous, e.detail"

static const char SQL_GET[] = "SELECT " EVENT_COLUMNS " FROM events e WHERE e.id = ?1";
/* Later events of the item that an undo cancelled do not count: those undone, and
 * the reverse events undo wrote (named by the 'undo' event's previous). */
static const char SQL_NEWER[] =
    "SELECT " EVENT_COLUMNS " FROM events e WHERE e.profile_id = ?1 AND e.kind = ?2"
    " AND e.item IS ?3 AND e.id > ?4"
    " AND NOT EXISTS (SELECT 1 FROM events u WHERE u.profile_id = e.profile_id"
    " AND u.kind = 'undo' AND u.item = e.uuid)"
    " AND NOT EXISTS (SELECT 1 FROM events u WHERE u.profile_id = e.profile_id"
    " AND u.kind = 'undo' AND u.previous = e.uuid)"
    " ORDER BY e.id DESC LIMIT 1";
static const char SQL_UNDONE[] =
    "SELECT 1 FROM events WHERE profile_id = ?1 AND kind = 'undo' AND item = ?2 LIMIT 1";
static const char SQL_COUNTED[] =
    "SELECT " EVENT_COLUMNS " FROM events e INDEXED BY events_by_item"
    " WHERE e.profile_id = ?1 AND e.kind = ?2 AND e.item = ?3" NOT_UNDONE
    " ORDER BY e.at DESC, e.id DESC";
static const char SQL_COUNTED_ANY[] =
    "SELECT " EVENT_COLUMNS " FROM events e WHERE e.profile_id = ?1 AND e.kind = ?2"
    NOT_UNDONE " ORDER BY e.at DESC, e.id DESC";
static const char SQL_DETAIL_BEFORE[] =
    "SELECT e.detail FROM events e WHERE e.profile_id = ?1 AND e.kind = ?2 AND e.item IS ?3"
    " AND (?4 IS NULL OR e.value = ?4) AND e.id < ?5 ORDER BY e.id DESC LIMIT 1";
static const char SQL_CRIT_GET[] =
    "SELECT criterion_id, state, done_at, note, note_at, reason, text_at_done"
    " FROM criterion_state WHERE profile_id = ?1 AND criterion_id = ?2";
/* An update first (the usual case: the row exists), an insert when it did not. */
static const char SQL_SET_STATE[] =
    "UPDATE criterion_state SET state = ?3, reason = ?4, done_at = ?5, text_at_done = ?6,"
    " updated_at = ?7 WHERE profile_id = ?1 AND criterion_id = ?2";
static const char SQL_PUT_STATE[] =
    "INSERT INTO criterion_state (profile_id, criterion_id, state, reason, done_at,"
    " text_at_done, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
/* Only for the event the open transaction just appended (ops_events.c). */
static const char SQL_SET_AT[] = "UPDATE events SET at = ?2 WHERE id = ?1";
static const char SQL_PUT_NOTE[] =
    "INSERT INTO criterion_state (profile_id, criterion_id, note, note_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (profile_id, criterion_id) DO UPDATE SET note = excluded.note,"
    " note_at = excluded.note_at, updated_at = excluded.updated_at";
static const char SQL_PROFILE[] =
    "SELECT id, name, title, created_at, quiz_offered, stale_months, target_level, target_at,"
    " display_name, checkin_days FROM profiles WHERE id = ?1";
static const char SQL_TITLE[] = "UPDATE profiles SET title = ?2 WHERE id = ?1";
static const char SQL_RB_GET[] =
    "SELECT flagged_at FROM roadblock_flags WHERE profile_id = ?1 AND roadblock_id = ?2";
static const char SQL_RB_ON[] = "INSERT OR REPLACE INTO roadblock_flags (profile_id,"
                                " roadblock_id, flagged_at) VALUES (?1, ?2, ?3)";
static const char SQL_RB_OFF[] =
    "DELETE FROM roadblock_flags WHERE profile_id = ?1 AND roadblock_id = ?2";

/* One fixed statement per setting: column names never come from the data. */
const char *const store_settings[] = {"stale_months", "quiz_offered", "checkin_days", NULL};
static const char *const SQL_SETTING_GET[] = {
    "SELECT stale_months FROM profiles WHERE id = ?1",
    "SELECT quiz_offered FROM profiles WHERE id = ?1",
    "SELECT checkin_days FROM profiles WHERE id = ?1",
};
static const char *const SQL_SETTING_PUT[] = {
    "UPDATE profiles SET stale_months = ?2 WHERE id = ?1",
    "UPDATE profiles SET quiz_offered = ?2 WHERE id = ?1",
    "UPDATE profiles SET checkin_days = ?2 WHERE id = ?1",
};

void store_event_free(store_event *e)
{
    free(e->item);
    free(e->value);
    free(e->previous);
    free(e->detail);
    memset(e, 0, sizeof *e);
}

/* 0, or -1 when memory ran out (e is then freed): an item or value that could not
 * be copied must not read as none (tests/unit/test_faults.c, undo under malloc
 * failures crashed on a NULL item). */
static int read_event(sqlite3_stmt *s, store_event *e)
{
    int oom = 0;
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(s, 0);
    e->profile_id = sqlite3_column_int64(s, 1);
    e->at = sqlite3_column_int64(s, 2);
    snprintf(e->uuid, sizeof e->uuid, "%s", (const char *)sqlite3_column_text(s, 3));
    snprintf(e->kind, sizeof e->kind, "%s", (const char *)sqlite3_column_text(s, 4));
    e->item = store_column_dup(s, 5, &oom);
    e->value = store_column_dup(s, 6, &oom);
    e->previous = store_column_dup(s, 7, &oom);
    e->detail = store_column_dup(s, 8, &oom);
    if (oom)
        store_event_free(e);
    return oom ? -1 : 0;
}

/* A bind that failed (a text SQLite could not copy is left NULL): the query must
 * not run, it would look for NULL and find nothing (tests/unit/test_faults.c: a
 * derive under SQLite malloc failures found no events and saved nothing). */
static int bind_failed(climb_store *st, sqlite3_stmt *s)
{
    sqlite3_reset(s);
    return store_fail(st, "out of memory");
}

/* Steps a statement expected to give at most one event: 0 and *out, 1, -1. */
static int one_event(climb_store *st, sqlite3_stmt *s, store_event *out)
{
    int rc = sqlite3_step(s), oom = rc == SQLITE_ROW && read_event(s, out);
    sqlite3_reset(s);
    if (oom)
        return store_fail(st, "out of memory");
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? 1 : store_db_fail(st, "cannot read the history");
}

int store_event_get(climb_store *st, long long id, store_event *out)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_GET);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, id);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    return one_event(st, s, out);
}

int store_event_newer(climb_store *st, long long profile_id, const char *kind, const char *item,
                      long long after_id, store_event *out)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_NEWER);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
    b |= store_bind_text(s, 3, item);
    b |= sqlite3_bind_int64(s, 4, after_id);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    return one_event(st, s, out);
}

int store_event_undone(climb_store *st, long long profile_id, const char *uuid)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_UNDONE);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, uuid, -1, SQLITE_TRANSIENT);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc == SQLITE_ROW;
    return store_db_fail(st, "cannot read the history");
}

int store_events_counted(climb_store *st, long long profile_id, const char *kind,
                         const char *item, store_event_fn fn, void *ctx)
{
    /* cached (a tick walks twice): fn must not start another walk meanwhile */
    sqlite3_stmt *s = store_prepare_cached(st, item ? SQL_COUNTED : SQL_COUNTED_ANY);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, kind, -1, SQLITE_TRANSIENT);
    if (item)
        b |= sqlite3_bind_text(s, 3, item, -1, SQLITE_TRANSIENT);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_event e;
        if (read_event(s, &e)) {
            stop = store_fail(st, "out of memory");
            break;
        }
        stop = fn(ctx, &e);
        store_event_free(&e);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_db_fail(st, "cannot read the history");
    sqlite3_reset(s);
    return stop;
}

int store_event_detail_before(climb_store *st, long long profile_id, const char *kind,
                              const char *item, const char *value, long long before_id,
                              char **detail)
{
    *detail = NULL;
    sqlite3_stmt *s = store_prepare_cached(st, SQL_DETAIL_BEFORE);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, kind, -1, SQLITE_TRANSIENT);
    b |= store_bind_text(s, 3, item);
    b |= store_bind_text(s, 4, value);
    b |= sqlite3_bind_int64(s, 5, before_id);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    int rc = sqlite3_step(s), oom = 0;
    if (rc == SQLITE_ROW)
        *detail = store_column_dup(s, 0, &oom);
    sqlite3_reset(s);
    if (oom)
        return store_fail(st, "out of memory");
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(st, "cannot read the history");
}

int store_criterion_get(climb_store *st, long long profile_id, const char *id,
                        criterion_row *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_prepare_cached(st, SQL_CRIT_GET);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    int rc = sqlite3_step(s), oom = 0;
    if (rc == SQLITE_ROW)
        oom = store_read_criterion(s, out);
    else if (rc == SQLITE_DONE)
        out->criterion_id = strdup(id);
    sqlite3_reset(s);
    if (oom) {
        criterion_row_free(out);
        return store_fail(st, "out of memory");
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_db_fail(st, "cannot read the criterion");
    return out->criterion_id ? 0 : store_fail(st, "out of memory");
}

/* Steps a write and resets it. */
/* bound: the binds' results OR-ed; a text SQLite could not copy is left NULL, and
 * the write must not run then (tests/unit/test_faults.c: under SQLite malloc
 * failures a roadblock flag, a title and an evidence entry were written without
 * their text, and reported as saved). */
static int step_write(climb_store *st, sqlite3_stmt *s, int bound, const char *what)
{
    if (bound != SQLITE_OK) {
        sqlite3_reset(s);
        return store_fail(st, "%s: out of memory", what);
    }
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_db_fail(st, what);
}

static int bind_time(sqlite3_stmt *s, int i, long long t)
{
    return t ? sqlite3_bind_int64(s, i, t) : sqlite3_bind_null(s, i);
}

int store_criterion_put_state(climb_store *st, long long profile_id, const char *id,
                              crit_state state, const char *reason, long long done_at,
                              const char *text_at_done, long long updated_at)
{
    for (int insert = 0; insert < 2; insert++) {
        sqlite3_stmt *s = store_prepare_cached(st, insert ? SQL_PUT_STATE : SQL_SET_STATE);
        if (!s)
            return -1;
        int b = SQLITE_OK;
        b |= sqlite3_bind_int64(s, 1, profile_id);
        b |= sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
        b |= sqlite3_bind_text(s, 3, crit_state_name(state), -1, SQLITE_STATIC);
        b |= store_bind_text(s, 4, state == STATE_NA ? reason : NULL);
        b |= bind_time(s, 5, done_at);
        b |= store_bind_text(s, 6, done_at ? text_at_done : NULL);
        b |= sqlite3_bind_int64(s, 7, updated_at);
        if (step_write(st, s, b, "cannot save the criterion"))
            return -1;
        if (sqlite3_changes(st->db) > 0)
            return 0;
    }
    return store_fail(st, "cannot save the criterion %s", id);
}

int store_event_set_at(climb_store *st, long long id, long long at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_SET_AT);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, id);
    b |= sqlite3_bind_int64(s, 2, at);
    return step_write(st, s, b, "cannot date the event");
}

int store_criterion_put_note(climb_store *st, long long profile_id, const char *id,
                             const char *note, long long note_at, long long updated_at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_PUT_NOTE);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
    b |= store_bind_text(s, 3, note);
    b |= bind_time(s, 4, note ? note_at : 0);
    b |= sqlite3_bind_int64(s, 5, updated_at);
    return step_write(st, s, b, "cannot save the note");
}

int store_profile_read(climb_store *st, long long profile_id, profile_row *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_prepare_cached(st, SQL_PROFILE);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    int rc = sqlite3_step(s), oom = 0;
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
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW && (oom || !out->name)) {
        profile_row_free(out);
        return store_fail(st, "out of memory");
    }
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? 1 : store_db_fail(st, "cannot read the profile");
}

int store_profile_put_title(climb_store *st, long long profile_id, const char *title)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_TITLE);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= store_bind_text(s, 2, title);
    return step_write(st, s, b, "cannot save the title");
}

static int setting_index(climb_store *st, const char *name)
{
    for (int i = 0; store_settings[i]; i++)
        if (strcmp(store_settings[i], name) == 0)
            return i;
    return store_fail(st, "unknown setting %s", name);
}

int store_setting_get(climb_store *st, long long profile_id, const char *name, int *value)
{
    int i = setting_index(st, name);
    sqlite3_stmt *s = i < 0 ? NULL : store_prepare_cached(st, SQL_SETTING_GET[i]);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *value = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return 0;
    return rc == SQLITE_DONE ? store_fail(st, "the profile is gone")
                             : store_db_fail(st, "cannot read the setting");
}

int store_setting_put(climb_store *st, long long profile_id, const char *name, int value)
{
    int i = setting_index(st, name);
    sqlite3_stmt *s = i < 0 ? NULL : store_prepare_cached(st, SQL_SETTING_PUT[i]);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_int(s, 2, value);
    return step_write(st, s, b, "cannot save the setting");
}

int store_roadblock_get(climb_store *st, long long profile_id, const char *id,
                        long long *flagged_at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_RB_GET);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
    if (b != SQLITE_OK)
        return bind_failed(st, s);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && flagged_at)
        *flagged_at = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc == SQLITE_ROW;
    return store_db_fail(st, "cannot read the roadblock");
}

int store_roadblock_put(climb_store *st, long long profile_id, const char *id, int on,
                        long long flagged_at)
{
    sqlite3_stmt *s = store_prepare_cached(st, on ? SQL_RB_ON : SQL_RB_OFF);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
    if (on)
        b |= sqlite3_bind_int64(s, 3, flagged_at);
    return step_write(st, s, b, "cannot save the roadblock flag");
}
