/* undo.c - the per-run undo stack and the reverse writes. Tracking: the update
 * hook collects the rowids of events inserted on the store's connection, the
 * commit hook turns them into one remembered change, the rollback hook drops
 * them. Undoing: one transaction per change that checks the item still holds
 * what the change wrote, writes back what it replaced with its own event, adds an
 * 'undo' event, then refreshes the model. */
#include "climb/undo.h"
#include "climb/clock.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long long *v;
    size_t n, cap;
} id_list;

static struct {
    climb_store *st;
    id_list pending;    /* events of the transaction in progress */
    id_list ids;        /* events of every remembered change, oldest first */
    id_list group_end;  /* change g holds ids[group_end[g-1] .. group_end[g]) */
    int paused;         /* set while undo writes its own events */
} T;

static int push(id_list *l, long long v)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        long long *grown = realloc(l->v, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->v = grown;
        l->cap = cap;
    }
    l->v[l->n++] = v;
    return 0;
}

static void list_free(id_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

static void on_update(void *ctx, int op, const char *db, const char *table, sqlite3_int64 rowid)
{
    (void)ctx;
    (void)db;
    if (op == SQLITE_INSERT && !T.paused && strcmp(table, "events") == 0)
        push(&T.pending, (long long)rowid);
}

static int on_commit(void *ctx)
{
    (void)ctx;
    if (T.pending.n == 0)
        return 0;
    size_t mark = T.ids.n;
    for (size_t i = 0; i < T.pending.n; i++)
        if (push(&T.ids, T.pending.v[i]))
            break;
    if (T.ids.n > mark && push(&T.group_end, (long long)T.ids.n))
        T.ids.n = mark;
    T.pending.n = 0;
    return 0; /* let the commit go on */
}

static void on_rollback(void *ctx)
{
    (void)ctx;
    T.pending.n = 0;
}

void undo_track(climb_store *st)
{
    if (T.st == st)
        return;
    undo_untrack();
    T.st = st;
    sqlite3 *db = store_db(st);
    sqlite3_update_hook(db, on_update, NULL);
    sqlite3_commit_hook(db, on_commit, NULL);
    sqlite3_rollback_hook(db, on_rollback, NULL);
}

void undo_untrack(void)
{
    if (T.st) {
        sqlite3 *db = store_db(T.st);
        sqlite3_update_hook(db, NULL, NULL);
        sqlite3_commit_hook(db, NULL, NULL);
        sqlite3_rollback_hook(db, NULL, NULL);
    }
    list_free(&T.pending);
    list_free(&T.ids);
    list_free(&T.group_end);
    memset(&T, 0, sizeof T);
}

size_t undo_depth(void)
{
    return T.group_end.n;
}

/* Forgets the newest remembered change. */
static void pop_change(void)
{
    if (T.group_end.n == 0)
        return;
    T.group_end.n--;
    T.ids.n = T.group_end.n ? (size_t)T.group_end.v[T.group_end.n - 1] : 0;
}

/* One event as read back for undoing. */
typedef struct {
    long long id, profile_id;
    char uuid[37], kind[16];
    char *item, *value, *previous;
} old_event;

static void old_event_free(old_event *e)
{
    free(e->item);
    free(e->value);
    free(e->previous);
}

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? strdup((const char *)t) : NULL;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Reads event `id`: 1 found, 0 gone (its transaction was rolled back), -1 error. */
static int read_old(climb_store *st, long long id, old_event *e)
{
    memset(e, 0, sizeof *e);
    sqlite3_stmt *s = store_prepare(st, "SELECT uuid, profile_id, kind, item, value, previous"
                               " FROM events WHERE id = ?1");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        e->id = id;
        snprintf(e->uuid, sizeof e->uuid, "%s", (const char *)sqlite3_column_text(s, 0));
        e->profile_id = sqlite3_column_int64(s, 1);
        snprintf(e->kind, sizeof e->kind, "%s", (const char *)sqlite3_column_text(s, 2));
        e->item = col_dup(s, 3);
        e->value = col_dup(s, 4);
        e->previous = col_dup(s, 5);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(st, "cannot undo: %s", sqlite3_errmsg(store_db(st)));
    return rc == SQLITE_ROW;
}

/* Runs sql with texts ?1..?3 (NULL binds NULL) and integers ?4..?6. When out is
 * not NULL, the first column of the first row is copied there (NULL when none);
 * *found says whether there was a row. Returns 0 or -1. */
typedef struct {
    const char *t[3];
    long long i4, i5, i6;
} binds;

static int run(climb_store *st, const char *sql, const binds *b, char **out, int *found)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return -1;
    int np = sqlite3_bind_parameter_count(s);
    for (int i = 0; i < 3 && i < np; i++) {
        if (b->t[i])
            sqlite3_bind_text(s, i + 1, b->t[i], -1, SQLITE_TRANSIENT);
    }
    if (np >= 4)
        sqlite3_bind_int64(s, 4, b->i4);
    if (np >= 5)
        sqlite3_bind_int64(s, 5, b->i5);
    if (np >= 6)
        sqlite3_bind_int64(s, 6, b->i6);
    int rc = sqlite3_step(s);
    if (found)
        *found = rc == SQLITE_ROW;
    if (out)
        *out = rc == SQLITE_ROW ? col_dup(s, 0) : NULL;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(st, "cannot undo: %s", sqlite3_errmsg(store_db(st)));
    return 0;
}

enum { REV_OK = 0, REV_ERROR = -1, REV_CONFLICT = 1, REV_UNSUPPORTED = 2 };

/* The value the item holds now, for the kinds undo knows. */
static int current_value(climb_store *st, const old_event *e, char **now_value)
{
    binds b = {{e->item, NULL, NULL}, e->profile_id, 0, 0};
    int found = 0;
    if (strcmp(e->kind, "state") == 0) {
        if (run(st, "SELECT state FROM criterion_state WHERE criterion_id = ?1"
                    " AND profile_id = ?4", &b, now_value, &found))
            return -1;
        if (!found && !(*now_value = strdup("todo")))
            return store_fail(st, "out of memory");
        return 0;
    }
    if (strcmp(e->kind, "note") == 0)
        return run(st, "SELECT note FROM criterion_state WHERE criterion_id = ?1"
                       " AND profile_id = ?4", &b, now_value, NULL);
    if (strcmp(e->kind, "title") == 0)
        return run(st, "SELECT title FROM profiles WHERE id = ?4", &b, now_value, NULL);
    /* roadblock */
    if (run(st, "SELECT 1 FROM roadblock_flags WHERE roadblock_id = ?1 AND profile_id = ?4", &b,
            NULL, &found))
        return -1;
    if (!(*now_value = strdup(found ? "on" : "off")))
        return store_fail(st, "out of memory");
    return 0;
}

/* The reverse write of one event (not its events). */
static int write_back(climb_store *st, const old_event *e, long long now, char **detail)
{
    binds b = {{e->item, e->previous, NULL}, e->profile_id, e->id, 0};
    *detail = NULL;
    if (strcmp(e->kind, "state") == 0) {
        /* Back to n/a: the reason given when it last became n/a. */
        if (e->previous && strcmp(e->previous, "n/a") == 0 &&
            run(st, "SELECT detail FROM events WHERE profile_id = ?4 AND kind = 'state'"
                    " AND item = ?1 AND value = 'n/a' AND id < ?5 ORDER BY id DESC LIMIT 1",
                &b, detail, NULL))
            return -1;
        b.t[2] = *detail;
        b.i5 = now;
        return run(st, "UPDATE criterion_state SET state = ?2, reason = ?3, updated_at = ?5"
                       " WHERE criterion_id = ?1 AND profile_id = ?4", &b, NULL, NULL);
    }
    if (strcmp(e->kind, "note") == 0) {
        char *when = NULL;
        /* The note written back keeps the time it was first written. */
        if (e->previous && run(st, "SELECT at FROM events WHERE profile_id = ?4 AND kind = 'note'"
                                   " AND item = ?1 AND id < ?5 ORDER BY id DESC LIMIT 1",
                               &b, &when, NULL))
            return -1;
        b.i5 = when ? atoll(when) : now;
        b.i6 = now;
        free(when);
        return run(st, "UPDATE criterion_state SET note = ?2, updated_at = ?6,"
                       " note_at = CASE WHEN ?2 IS NULL THEN NULL ELSE ?5 END"
                       " WHERE criterion_id = ?1 AND profile_id = ?4", &b, NULL, NULL);
    }
    if (strcmp(e->kind, "title") == 0)
        return run(st, "UPDATE profiles SET title = ?2 WHERE id = ?4", &b, NULL, NULL);
    /* roadblock: "on" is taken back by removing the flag, "off" by flagging it again
     * with the time of the flag it removed */
    if (e->value && strcmp(e->value, "on") == 0)
        return run(st, "DELETE FROM roadblock_flags WHERE roadblock_id = ?1 AND profile_id = ?4",
                   &b, NULL, NULL);
    char *when = NULL;
    if (run(st, "SELECT at FROM events WHERE profile_id = ?4 AND kind = 'roadblock'"
                " AND item = ?1 AND value = 'on' AND id < ?5 ORDER BY id DESC LIMIT 1",
            &b, &when, NULL))
        return -1;
    b.i5 = when ? atoll(when) : now;
    free(when);
    return run(st, "INSERT OR REPLACE INTO roadblock_flags (profile_id, roadblock_id, flagged_at)"
                   " VALUES (?4, ?1, ?5)", &b, NULL, NULL);
}

static int kind_supported(const char *kind)
{
    return strcmp(kind, "state") == 0 || strcmp(kind, "note") == 0 ||
           strcmp(kind, "title") == 0 || strcmp(kind, "roadblock") == 0;
}

/* Reverses one event inside the open transaction. */
static int reverse(climb_store *st, const old_event *e, long long now)
{
    if (!kind_supported(e->kind))
        return REV_UNSUPPORTED;
    char *holds = NULL, *detail = NULL;
    if (current_value(st, e, &holds))
        return REV_ERROR;
    int ok = same(holds, e->value);
    free(holds);
    if (!ok)
        return REV_CONFLICT;
    int rc = write_back(st, e, now, &detail) ||
             store_event_add(st, e->profile_id, now, e->kind, e->item, e->previous, e->value,
                             detail, NULL) ||
             store_event_add(st, e->profile_id, now, "undo", e->uuid, e->kind, NULL, e->item,
                             NULL);
    free(detail);
    return rc ? REV_ERROR : REV_OK;
}

/* Copies the criterion's stored row into the model. */
static int reload_one(void *ctx, const store_criterion *c)
{
    climb_model *m = ((void **)ctx)[0];
    const char *want = ((void **)ctx)[1];
    size_t p, i;
    if (strcmp(c->criterion_id, want) != 0 || model_find(m, want, &p, &i) != 0)
        return 0;
    model_crit *mc = model_crit_at(m, p, i);
    free(mc->note);
    free(mc->reason);
    free(mc->text_at_done);
    mc->state = c->state;
    mc->done_at = c->done_at;
    mc->note_at = c->note_at;
    mc->note = c->note ? strdup(c->note) : NULL;
    mc->reason = c->reason ? strdup(c->reason) : NULL;
    mc->text_at_done = c->text_at_done ? strdup(c->text_at_done) : NULL;
    return 1;
}

static void refresh_model(climb_model *m, const old_event *e)
{
    if (strcmp(e->kind, "title") == 0) {
        free(m->profile.title);
        m->profile.title = e->previous ? strdup(e->previous) : NULL;
    } else if (e->item && (strcmp(e->kind, "state") == 0 || strcmp(e->kind, "note") == 0)) {
        void *ctx[2] = {m, e->item};
        store_criteria_each(m->store, m->profile.id, reload_one, ctx);
    }
}

/* The words for what was taken back. */
static void describe(const climb_model *m, const old_event *e, char *buf, size_t len)
{
    const climb_phase *ph = NULL;
    const climb_criterion *c = e->item ? content_criterion(m->ladder, e->item, &ph) : NULL;
    const char *what = c ? c->text : e->item ? e->item : "";
    if (strcmp(e->kind, "state") == 0 && same(e->value, "done"))
        snprintf(buf, len, "undone: tick of %s", what);
    else if (strcmp(e->kind, "state") == 0 && same(e->previous, "done"))
        snprintf(buf, len, "undone: untick of %s", what);
    else if (strcmp(e->kind, "state") == 0)
        snprintf(buf, len, "undone: %s is %s again", what, e->previous ? e->previous : "todo");
    else if (strcmp(e->kind, "note") == 0)
        snprintf(buf, len, "undone: note change on %s", what);
    else if (strcmp(e->kind, "title") == 0)
        snprintf(buf, len, "undone: title change (back to %s)",
                 e->previous ? e->previous : "no title");
    else
        snprintf(buf, len, "undone: roadblock %s %s", e->value ? e->value : "", what);
}

static undo_outcome finish(undo_result *r, undo_outcome o)
{
    r->outcome = o;
    return o;
}

undo_outcome undo_last(climb_model *m, undo_result *r)
{
    memset(r, 0, sizeof *r);
    climb_store *st = m->store;
    if (T.group_end.n == 0 || T.st != st) {
        snprintf(r->message, sizeof r->message, "nothing to undo in this run");
        return finish(r, UNDO_NOTHING);
    }
    size_t end = (size_t)T.group_end.v[T.group_end.n - 1];
    size_t begin = T.group_end.n > 1 ? (size_t)T.group_end.v[T.group_end.n - 2] : 0;
    size_t n = end - begin;
    old_event *ev = calloc(n ? n : 1, sizeof *ev);
    if (!ev) {
        snprintf(r->message, sizeof r->message, "not undone: out of memory");
        return finish(r, UNDO_ERROR);
    }
    long long now = clock_now();
    int rc = store_begin(st) ? REV_ERROR : REV_OK;
    T.paused = 1;
    size_t done = 0;
    for (size_t k = 0; k < n && rc == REV_OK; k++) { /* newest event first */
        int found = read_old(st, T.ids.v[end - 1 - k], &ev[k]);
        if (found < 0)
            rc = REV_ERROR;
        else if (found && ev[k].profile_id == m->profile.id)
            (rc = reverse(st, &ev[k], now)) == REV_OK ? (void)done++ : (void)0;
        if (rc == REV_OK && found) {
            snprintf(r->kind, sizeof r->kind, "%s", ev[k].kind);
            snprintf(r->item, sizeof r->item, "%s", ev[k].item ? ev[k].item : "");
            describe(m, &ev[k], r->message, sizeof r->message);
        }
    }
    if (rc == REV_OK && store_commit(st))
        rc = REV_ERROR;
    T.paused = 0;
    undo_outcome out = UNDO_DONE;
    if (rc != REV_OK) {
        store_rollback(st);
        const old_event *bad = n ? &ev[0] : NULL;
        for (size_t k = 0; k < n; k++)
            if (ev[k].kind[0])
                bad = &ev[k];
        if (rc == REV_ERROR) {
            snprintf(r->message, sizeof r->message, "not undone: %s", store_error(st));
            out = UNDO_ERROR;
        } else {
            pop_change();
            if (rc == REV_UNSUPPORTED)
                snprintf(r->message, sizeof r->message,
                         "a %s change cannot be undone; press u again for the one before",
                         bad ? bad->kind : "");
            else
                snprintf(r->message, sizeof r->message,
                         "not undone: %s has changed since (elsewhere?); press u again for the"
                         " change before", bad && bad->item ? bad->item : "it");
            out = UNDO_REFUSED;
        }
    } else {
        pop_change();
        for (size_t k = 0; k < n; k++)
            if (ev[k].kind[0])
                refresh_model(m, &ev[k]);
        if (done == 0)
            snprintf(r->message, sizeof r->message, "nothing to undo in this run");
    }
    for (size_t k = 0; k < n; k++)
        old_event_free(&ev[k]);
    free(ev);
    return finish(r, done == 0 && out == UNDO_DONE ? UNDO_NOTHING : out);
}
