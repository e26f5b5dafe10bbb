/* store_history.c - reading the event log back: keyset pages of the timeline,
 * criteria met per period (index seeks per criterion and period boundary, so the
 * cost does not grow with the number of events), first ticks and when the title
 * was set. */
#include "climb/store_history.h"
#include "climb/clock.h"
#include "store_internal.h"

#include "climb/json_values.h"

#include <jansson.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void copy_col(sqlite3_stmt *s, int i, char *buf, size_t len)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    snprintf(buf, len, "%s", t ? (const char *)t : "");
}

/* 0, or -1 when memory ran out (e is then freed): a text that could not be copied
 * must not read as none (tests/unit/test_faults.c: an export under malloc
 * failures wrote an event without its item and reported success). */
static int read_event(sqlite3_stmt *s, hist_event *e)
{
    int oom = 0;
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(s, 0);
    e->at = sqlite3_column_int64(s, 1);
    copy_col(s, 2, e->uuid, sizeof e->uuid);
    copy_col(s, 3, e->kind, sizeof e->kind);
    e->item = store_column_dup(s, 4, &oom);
    e->value = store_column_dup(s, 5, &oom);
    e->previous = store_column_dup(s, 6, &oom);
    e->detail = store_column_dup(s, 7, &oom);
    e->undone_kind = store_column_dup(s, 8, &oom);
    e->undone_value = store_column_dup(s, 9, &oom);
    e->undone_previous = store_column_dup(s, 10, &oom);
    if (oom) /* GCOVR_EXCL_BR_LINE: store_column_dup fails only when out of memory */
        history_event_free(e); /* GCOVR_EXCL_LINE: out of memory */
    return oom ? -1 : 0;
}

enum { ORDER_OLDER, ORDER_NEWER, ORDER_ALL };

/* Prepares the timeline query for the filter. The SQL is put together from fixed
 * fragments only; every value is bound. The index is named so that a page walks
 * the index in time order and stops after LIMIT rows. */
static sqlite3_stmt *prepare_page(climb_store *st, long long profile_id, const hist_filter *f,
                                  int order, hist_key from, long long limit)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT e.id, e.at, e.uuid, e.kind, e.item, e.value, e.previous, e.detail,"
             " u.kind, u.value, u.previous FROM events AS e INDEXED BY %s"
             " LEFT JOIN events AS u ON e.kind = 'undo' AND u.uuid = e.item"
             " WHERE e.profile_id = ?1 AND e.at >= ?2 AND e.at < ?3%s%s%s LIMIT ?8",
             f->kind ? "events_by_kind" : "events_by_time", f->kind ? " AND e.kind = ?4" : "",
             f->items ? " AND e.item IN (SELECT value FROM json_each(?5))" : "",
             order == ORDER_OLDER
                 ? " AND e.at <= ?6 AND (e.at < ?6 OR e.id < ?7) ORDER BY e.at DESC, e.id DESC"
             : order == ORDER_NEWER
                 ? " AND e.at >= ?6 AND (e.at > ?6 OR e.id > ?7) ORDER BY e.at ASC, e.id ASC"
                 : " ORDER BY e.at DESC, e.id DESC");
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
        store_fail(st, "cannot read the history: %s", sqlite3_errmsg(store_db(st)));
        return NULL;
    }
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_int64(s, 2, f->since);
    sqlite3_bind_int64(s, 3, f->until);
    if (f->kind)
        sqlite3_bind_text(s, 4, f->kind, -1, SQLITE_TRANSIENT);
    if (f->items) {
        json_t *a = json_array();
        int ok = a != NULL;
        for (size_t i = 0; ok && i < f->n_items; i++)
            ok = json_array_append_new(a, json_string(f->items[i])) == 0;
        char *text = ok ? json_dumps_whole(a, JSON_COMPACT) : NULL;
        json_decref(a);
        if (!text) { /* GCOVR_EXCL_START: json_array/json_dumps fail only when out of memory */
            sqlite3_finalize(s);
            store_fail(st, "out of memory");
            return NULL;
        } /* GCOVR_EXCL_STOP */
        sqlite3_bind_text(s, 5, text, -1, SQLITE_TRANSIENT);
        free(text);
    }
    if (order != ORDER_ALL) {
        sqlite3_bind_int64(s, 6, from.at);
        sqlite3_bind_int64(s, 7, from.id);
    }
    sqlite3_bind_int64(s, 8, limit);
    return s;
}

static int page(climb_store *st, long long profile_id, const hist_filter *f, int order,
                hist_key from, hist_event *out, size_t max, size_t *n)
{
    *n = 0;
    sqlite3_stmt *s = prepare_page(st, profile_id, f, order, from, (long long)max);
    if (!s)
        return -1;
    int rc = SQLITE_DONE, oom = 0;
    while (*n < max && (rc = sqlite3_step(s)) == SQLITE_ROW && !(oom = read_event(s, &out[*n])))
        (*n)++;
    if (oom || (*n < max && rc != SQLITE_DONE)) {
        if (oom) /* GCOVR_EXCL_BR_LINE: read_event fails only when out of memory */
            store_fail(st, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
        else
            store_fail(st, "cannot read the history: %s", sqlite3_errmsg(store_db(st)));
        sqlite3_finalize(s);
        while (*n > 0)
            history_event_free(&out[--*n]);
        return -1;
    }
    sqlite3_finalize(s);
    return 0;
}

int history_page_older(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n)
{
    return page(st, profile_id, f, ORDER_OLDER, from, out, max, n);
}

int history_page_newer(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n)
{
    return page(st, profile_id, f, ORDER_NEWER, from, out, max, n);
}

int history_each(climb_store *st, long long profile_id, const hist_filter *f, hist_event_fn fn,
                 void *ctx)
{
    sqlite3_stmt *s = prepare_page(st, profile_id, f, ORDER_ALL, history_key_newest(), -1);
    if (!s)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        hist_event e;
        if (read_event(s, &e)) { /* GCOVR_EXCL_START: read_event fails only when out of memory */
            stop = store_fail(st, "out of memory");
            break;
        } /* GCOVR_EXCL_STOP */
        stop = fn(ctx, &e);
        history_event_free(&e);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(st, "cannot read the history: %s", sqlite3_errmsg(store_db(st)));
    sqlite3_finalize(s);
    return stop < 0 ? -1 : 0;
}

/* A prepared statement for one query, bound to the profile (and the item). */
/* Steps s once: 1 with a row, 0 without, -1 on error. */
static int step_row(climb_store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return store_fail(st, "cannot read the history: %s", sqlite3_errmsg(store_db(st)));
}

enum { Q_FIRST, Q_FIRST_DATED, Q_LAST, Q_BEFORE, Q_COUNT };

/* When a state event took effect: a tick given a date (tick --date: its detail
 * is the ISO time the work was done, never after the event) counts from that
 * date; any other event from when it was recorded. Dated ticks are few and have
 * their own partial index (events_dated, schema.sql), so each question below is
 * asked of the time index and of that one separately, in two statements (a
 * MIN() inside a compound query loses SQLite's min/max shortcut), rather than
 * computing a date for every event of a criterion (which made the chart 300
 * times slower on 100k events).
 * DATED must stay word for word the index's WHERE, and the dated halves name
 * the index (INDEXED BY): the planner would otherwise walk the criterion's time
 * index and read every later event's row to test its detail. */
#define DATED                                                                                 \
    "kind = 'state' AND value = 'done'"                                                       \
    " AND detail GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'"
#define DATED_AT "CAST(strftime('%s', detail) AS INTEGER)"

/* The first state change of a criterion (?2) as recorded, then the first of its
 * dated ticks by the date given: the earlier of the two is when it first took
 * effect. MIN() gives NULL when there is none. */
#define FIRST_SQL(more)                                                                       \
    "SELECT MIN(at) FROM events WHERE profile_id = ?1 AND kind = 'state' AND item = ?2" more
#define FIRST_DATED_SQL                                                                       \
    "SELECT MIN(" DATED_AT ") FROM events INDEXED BY events_dated WHERE profile_id = ?1"     \
    " AND item = ?2 AND " DATED

/* Met at time e (?3): the latest state event recorded (time, then order) among
 * those in effect before e says done. A dated tick recorded at or after e but
 * done before it is the latest of them, so it alone decides; else the latest
 * event recorded before e does. */
static const char *const BUCKET_SQL[Q_COUNT] = {
    [Q_FIRST] = FIRST_SQL(""),
    [Q_FIRST_DATED] = FIRST_DATED_SQL,
    [Q_LAST] = "SELECT at, value = 'done' FROM events WHERE profile_id = ?1 AND kind = 'state'"
               " AND item = ?2 ORDER BY at DESC, id DESC LIMIT 1",
    [Q_BEFORE] = "SELECT v FROM (SELECT 1 AS v, 0 AS o FROM events INDEXED BY events_dated"
                 " WHERE profile_id = ?1"
                 " AND item = ?2 AND " DATED " AND at >= ?3 AND " DATED_AT " < ?3"
                 " UNION ALL SELECT * FROM (SELECT value = 'done', 1 FROM events"
                 " WHERE profile_id = ?1 AND kind = 'state' AND item = ?2 AND at < ?3"
                 " ORDER BY at DESC, id DESC LIMIT 1)) ORDER BY o LIMIT 1",
};

/* Whether the criterion was met just before time e, given its first and last
 * state events (first_at, last_at, last_done). */
static int met_before(climb_store *st, sqlite3_stmt *before, long long e, long long first_at,
                      long long last_at, int last_done)
{
    if (e <= first_at)
        return 0;
    if (e > last_at)
        return last_done;
    sqlite3_reset(before);
    sqlite3_bind_int64(before, 3, e);
    int r = step_row(st, before);
    return r < 0 ? -1 : r == 1 && sqlite3_column_int(before, 0);
}

/* Steps the two bound statements of FIRST_SQL and FIRST_DATED_SQL: 1 with *at
 * the earlier of their times, 0 when neither has one, -1 on an error. */
static int first_effect(climb_store *st, sqlite3_stmt *plain, sqlite3_stmt *dated, long long *at)
{
    int found = 0;
    sqlite3_stmt *both[2] = {plain, dated};
    for (int i = 0; i < 2; i++) {
        int r = step_row(st, both[i]);
        if (r < 0)
            return -1;
        if (r == 1 && sqlite3_column_type(both[i], 0) != SQLITE_NULL) {
            long long t = sqlite3_column_int64(both[i], 0);
            if (!found || t < *at)
                *at = t;
            found = 1;
        }
    }
    return found;
}

/* Adds one criterion's met/newly counts to the buckets. */
static int count_criterion(climb_store *st, sqlite3_stmt **q, const char *id, size_t n,
                           const long long *bound, hist_bucket *out)
{
    for (int i = 0; i < Q_COUNT; i++) {
        sqlite3_reset(q[i]);
        sqlite3_bind_text(q[i], 2, id, -1, SQLITE_TRANSIENT);
    }
    long long first_at = 0;
    int r = first_effect(st, q[Q_FIRST], q[Q_FIRST_DATED], &first_at);
    if (r <= 0)
        return r; /* never changed: never met */
    if (step_row(st, q[Q_LAST]) != 1)
        return -1;
    long long last_at = sqlite3_column_int64(q[Q_LAST], 0);
    int last_done = sqlite3_column_int(q[Q_LAST], 1);
    int was = met_before(st, q[Q_BEFORE], bound[0], first_at, last_at, last_done);
    for (size_t i = 0; i < n && was >= 0; i++) {
        int is = met_before(st, q[Q_BEFORE], bound[i + 1], first_at, last_at, last_done);
        if (is < 0)
            return -1;
        out[i].met += is;
        out[i].newly += is && !was;
        was = is;
    }
    return was < 0 ? -1 : 0;
}

static int quiz_into_buckets(climb_store *st, long long profile_id, size_t n,
                             const long long *bound, hist_bucket *out)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT taken_at, phase, on_edge_of FROM quiz_attempts"
                                  " WHERE profile_id = ?1 AND taken_at >= ?2 AND taken_at < ?3"
                                  " ORDER BY taken_at, id");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_int64(s, 2, bound[0]);
    sqlite3_bind_int64(s, 3, bound[n]);
    size_t b = 0;
    int r;
    while ((r = step_row(st, s)) == 1) {
        long long at = sqlite3_column_int64(s, 0);
        while (b + 1 < n && at >= bound[b + 1])
            b++;
        out[b].quiz_phase = sqlite3_column_int(s, 1);
        out[b].quiz_edge = sqlite3_column_int(s, 2);
    }
    sqlite3_finalize(s);
    return r;
}

int history_buckets(climb_store *st, long long profile_id, hist_period p,
                    const char *const *criteria, size_t n_criteria, long long first, size_t n,
                    long long now, hist_bucket *out)
{
    if (n == 0)
        return 0;
    long long *bound = malloc((n + 1) * sizeof *bound);
    if (!bound) /* GCOVR_EXCL_BR_LINE: malloc fails only when out of memory */
        return store_fail(st, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    for (size_t i = 0; i <= n; i++)
        bound[i] = i == 0 ? first : history_period_add(p, first, (int)i);
    for (size_t i = 0; i < n; i++) {
        memset(&out[i], 0, sizeof out[i]);
        out[i].start = bound[i];
        out[i].end = bound[i + 1];
        history_period_key(p, bound[i], out[i].key, sizeof out[i].key);
    }
    /* Counts are as of now: the current period ends now for this purpose. */
    for (size_t i = 0; i <= n; i++)
        if (bound[i] > now + 1)
            bound[i] = now + 1;
    sqlite3_stmt *q[Q_COUNT] = {NULL};
    int rc = 0;
    for (int i = 0; i < Q_COUNT && rc == 0; i++) {
        q[i] = store_prepare(st, BUCKET_SQL[i]);
        if (!q[i])
            rc = -1;
        else
            sqlite3_bind_int64(q[i], 1, profile_id);
    }
    for (size_t c = 0; c < n_criteria && rc == 0; c++)
        rc = count_criterion(st, q, criteria[c], n, bound, out);
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(q[i]);
    if (rc == 0)
        rc = quiz_into_buckets(st, profile_id, n, bound, out);
    free(bound);
    return rc < 0 ? -1 : 0;
}

/* Runs a one-value query bound to the profile; *out is 0 when it gives NULL. */
static int single_value(climb_store *st, const char *sql, long long profile_id, long long *out)
{
    *out = 0;
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    int r = step_row(st, s);
    if (r == 1)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return r < 0 ? -1 : 0;
}

long long history_chart_first(climb_store *st, long long profile_id, hist_period p,
                              long long now, size_t max_periods, size_t *n_periods)
{
    long long ev = 0, dated = 0, quiz = 0, earliest = now;
    single_value(st, "SELECT MIN(at) FROM events WHERE profile_id = ?1 AND kind = 'state'",
                 profile_id, &ev);
    single_value(st, "SELECT MIN(" DATED_AT ") FROM events INDEXED BY events_dated"
                     " WHERE profile_id = ?1 AND " DATED, profile_id, &dated);
    single_value(st, "SELECT MIN(taken_at) FROM quiz_attempts WHERE profile_id = ?1",
                 profile_id, &quiz);
    if (ev && ev < earliest)
        earliest = ev;
    if (dated && dated < earliest)
        earliest = dated;
    if (quiz && quiz < earliest)
        earliest = quiz;
    long long first = history_period_start(p, now), floor = history_period_start(p, earliest);
    size_t n = 1;
    while (n < max_periods && first > floor) {
        first = history_period_add(p, first, -1);
        n++;
    }
    *n_periods = n;
    return first;
}

int history_first_done(climb_store *st, long long profile_id, const char *const *criteria,
                       size_t n_criteria, long long *at)
{
    *at = 0;
    sqlite3_stmt *plain = store_prepare(st, FIRST_SQL(" AND value = 'done'"));
    sqlite3_stmt *dated = plain ? store_prepare(st, FIRST_DATED_SQL) : NULL;
    int r = plain && dated ? 0 : -1;
    for (size_t i = 0; i < n_criteria && r >= 0; i++) {
        sqlite3_stmt *both[2] = {plain, dated};
        for (int k = 0; k < 2; k++) {
            sqlite3_reset(both[k]);
            sqlite3_bind_int64(both[k], 1, profile_id);
            sqlite3_bind_text(both[k], 2, criteria[i], -1, SQLITE_TRANSIENT);
        }
        long long t = 0;
        r = first_effect(st, plain, dated, &t);
        if (r == 1 && (!*at || t < *at))
            *at = t;
    }
    sqlite3_finalize(plain);
    sqlite3_finalize(dated);
    return r < 0 ? -1 : 0;
}

int history_title_set_at(climb_store *st, long long profile_id, long long *at)
{
    return single_value(st, "SELECT MAX(at) FROM events WHERE profile_id = ?1 AND kind = 'title'",
                        profile_id, at);
}

