/* test_history.c - unit tests of reading the history back and of undo, on a real
 * database file in a temporary directory, in the Europe/Berlin zone (DST on
 * 2026-03-29 and 2025-10-26): local weeks and months across New Year and DST and
 * their agreement with SQLite's 'localtime' bucketing, criteria met per period
 * with empty periods and unticks, keyset paging with filters, dates for --since
 * and --until, and undo of ticks and notes (repeatable, redoable, refused after a
 * change elsewhere, even one that ended back at the same value). Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "climb/clock.h"
#include "climb/content.h"
#include "climb/event_kinds.h"
#include "climb/history.h"
#include "climb/history_text.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/ops_events.h"
#include "climb/store_history.h"

#include "support.h"

static long long iso(const char *s)
{
    long long t;
    assert_int_equal(clock_parse_iso(s, &t), 0);
    return t;
}

static int setup(void **state)
{
    setenv("CLIMB_NOW", "2025-01-01T08:00:00Z", 1);
    return test_env_setup(state);
}

static int teardown(void **state)
{
    ops_undo_track(0);
    return test_env_teardown(state);
}

/* Sets criterion id to state (and its note, when not NULL) at the given time
 * (CLIMB_NOW), through the operations layer. */
static void set_at(test_env *f, const char *id, crit_state s, const char *when, const char *note)
{
    size_t p, i;
    int changed;
    setenv("CLIMB_NOW", when, 1);
    assert_int_equal(model_find(&f->m, id, &p, &i), 0);
    ops_crit_change c = {1, s, NULL, note, NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->m, p, i, &c, &changed), 0);
    assert_int_equal(changed, 1);
}

/* Weeks start on Monday 00:00 local time; one week spans New Year. */
static void weeks_across_new_year(void **state)
{
    (void)state;
    char key[16];
    long long thu = iso("2026-01-01T12:00:00+01:00");
    long long start = history_period_start(HIST_WEEK, thu);
    assert_int_equal(start, iso("2025-12-29T00:00:00+01:00"));
    history_period_key(HIST_WEEK, start, key, sizeof key);
    assert_string_equal(key, "2025-12-29");
    long long next = history_period_add(HIST_WEEK, start, 1);
    history_period_key(HIST_WEEK, next, key, sizeof key);
    assert_string_equal(key, "2026-01-05");
    /* a Sunday late evening belongs to the week that started six days before */
    assert_int_equal(history_period_start(HIST_WEEK, iso("2026-01-04T23:59:00+01:00")), start);
    /* 00:30 local on New Year's day is still 2025 in UTC, but January here */
    long long ny = iso("2026-01-01T00:30:00+01:00");
    history_period_key(HIST_MONTH, history_period_start(HIST_MONTH, ny), key, sizeof key);
    assert_string_equal(key, "2026-01");
}

/* Around the DST changes a week or a month is an hour shorter or longer, but it
 * still starts at local midnight. */
static void periods_across_dst(void **state)
{
    (void)state;
    long long mar = history_period_start(HIST_MONTH, iso("2026-03-30T10:00:00+02:00"));
    assert_int_equal(mar, iso("2026-03-01T00:00:00+01:00"));
    long long apr = history_period_add(HIST_MONTH, mar, 1);
    assert_int_equal(apr, iso("2026-04-01T00:00:00+02:00"));
    assert_int_equal(apr - mar, 31 * 86400LL - 3600);
    long long wk = history_period_start(HIST_WEEK, iso("2026-03-30T01:00:00+02:00"));
    assert_int_equal(wk, iso("2026-03-30T00:00:00+02:00"));
    assert_int_equal(wk - history_period_add(HIST_WEEK, wk, -1), 7 * 86400LL - 3600);
    long long oct = history_period_start(HIST_WEEK, iso("2025-10-22T12:00:00+02:00"));
    assert_int_equal(history_period_add(HIST_WEEK, oct, 1) - oct, 7 * 86400LL + 3600);
    /* the last hour of the 23-hour day */
    long long late = iso("2026-03-29T23:30:00+02:00");
    assert_int_equal(history_period_start(HIST_WEEK, late), iso("2026-03-23T00:00:00+01:00"));
}

/* The periods agree with SQLite's own local-time bucketing, hour by hour over
 * both DST changes and New Year. */
static void periods_agree_with_sqlite_localtime(void **state)
{
    (void)state;
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT strftime('%Y-%m', ?1, 'unixepoch', 'localtime'),"
                                        " date(?1, 'unixepoch', 'localtime', 'weekday 0',"
                                        " '-6 days')",
                                        -1, &s, NULL),
                     SQLITE_OK);
    const char *from[] = {"2025-10-24T00:00:00Z", "2025-12-28T00:00:00Z", "2026-03-27T00:00:00Z"};
    for (size_t k = 0; k < 3; k++) {
        for (long long t = iso(from[k]); t < iso(from[k]) + 5 * 86400; t += 1800) {
            char month[16], week[16];
            history_period_key(HIST_MONTH, history_period_start(HIST_MONTH, t), month,
                               sizeof month);
            history_period_key(HIST_WEEK, history_period_start(HIST_WEEK, t), week, sizeof week);
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, t);
            assert_int_equal(sqlite3_step(s), SQLITE_ROW);
            assert_string_equal(month, (const char *)sqlite3_column_text(s, 0));
            assert_string_equal(week, (const char *)sqlite3_column_text(s, 1));
        }
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static void buckets_count_met_with_empty_periods(void **state)
{
    test_env *f = *state;
    set_at(f, "p1-own-pipeline", STATE_DONE, "2025-11-03T10:00:00+01:00", NULL);
    set_at(f, "p1-solo-incident", STATE_DONE, "2025-11-20T10:00:00+01:00", NULL);
    /* ticked and unticked within November: never met at a month's end */
    set_at(f, "p1-dev-feedback", STATE_DONE, "2025-11-21T10:00:00+01:00", NULL);
    set_at(f, "p1-dev-feedback", STATE_TODO, "2025-11-22T10:00:00+01:00", NULL);
    /* December: nothing at all */
    set_at(f, "p2-reduce-oncall", STATE_DONE, "2026-01-01T00:30:00+01:00", NULL);
    set_at(f, "p1-solo-incident", STATE_TODO, "2026-02-10T10:00:00+01:00", NULL);
    const char *ids[] = {"p1-own-pipeline", "p1-solo-incident", "p1-dev-feedback",
                         "p2-reduce-oncall", "p3-business-impact"};
    hist_bucket b[5];
    long long first = history_period_start(HIST_MONTH, iso("2025-10-15T12:00:00Z"));
    long long now = iso("2026-02-15T12:00:00Z");
    assert_int_equal(history_buckets(f->st, f->m.profile.id, HIST_MONTH, ids, 5, first, 5, now, b),
                     0);
    const char *keys[] = {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02"};
    int met[] = {0, 2, 2, 3, 2}, newly[] = {0, 2, 0, 1, 0};
    for (int i = 0; i < 5; i++) {
        assert_string_equal(b[i].key, keys[i]);
        assert_int_equal(b[i].met, met[i]);
        assert_int_equal(b[i].newly, newly[i]);
        assert_int_equal(b[i].quiz_phase, 0);
    }
    assert_int_equal(b[2].start, iso("2025-12-01T00:00:00+01:00"));
    /* one phase only */
    assert_int_equal(history_buckets(f->st, f->m.profile.id, HIST_MONTH, ids + 3, 1, first, 5,
                                     now, b),
                     0);
    assert_int_equal(b[2].met, 0);
    assert_int_equal(b[3].met, 1);
    /* the chart starts at the month of the first state event */
    size_t n;
    long long start = history_chart_first(f->st, f->m.profile.id, HIST_MONTH, now, 24, &n);
    assert_int_equal(start, iso("2025-11-01T00:00:00+01:00"));
    assert_int_equal(n, 4);
    start = history_chart_first(f->st, f->m.profile.id, HIST_MONTH, now, 2, &n);
    assert_int_equal(start, iso("2026-01-01T00:00:00+01:00"));
    assert_int_equal(n, 2);
    long long at;
    assert_int_equal(history_first_done(f->st, f->m.profile.id, ids + 1, 3, &at), 0);
    assert_int_equal(at, iso("2025-11-20T10:00:00+01:00"));
}

static void pages_are_keyset_and_filtered(void **state)
{
    test_env *f = *state;
    char when[40];
    /* 12 ticks and unticks, two of them in the same second */
    for (int i = 0; i < 12; i++) {
        snprintf(when, sizeof when, "2025-06-%02dT10:00:00Z", i == 5 ? 5 : i + 1);
        set_at(f, i % 2 ? "p1-solo-incident" : "p2-reduce-oncall",
               (i / 2) % 2 ? STATE_TODO : STATE_DONE, when, NULL);
    }
    hist_filter flt;
    history_filter_init(&flt);
    flt.kind = "state";
    hist_event page[5];
    size_t n, total = 0;
    hist_key k = history_key_newest();
    long long last_at = 1LL << 62, last_id = 1LL << 62;
    do {
        assert_int_equal(history_page_older(f->st, f->m.profile.id, &flt, k, page, 5, &n), 0);
        for (size_t i = 0; i < n; i++) {
            assert_true(page[i].at < last_at || (page[i].at == last_at && page[i].id < last_id));
            last_at = page[i].at;
            last_id = page[i].id;
            total++;
        }
        if (n)
            k = (hist_key){page[n - 1].at, page[n - 1].id};
        for (size_t i = 0; i < n; i++)
            history_event_free(&page[i]);
    } while (n == 5);
    assert_int_equal(total, 12);
    /* back up from the oldest: the next newer ones, oldest first */
    assert_int_equal(history_page_newer(f->st, f->m.profile.id, &flt, k, page, 2, &n), 0);
    assert_int_equal(n, 2);
    assert_true(page[0].at <= page[1].at);
    assert_true(page[0].at > k.at || (page[0].at == k.at && page[0].id > k.id));
    for (size_t i = 0; i < n; i++)
        history_event_free(&page[i]);
    /* items: one criterion only; dates: a window */
    const char *one[] = {"p1-solo-incident"};
    flt.items = one;
    flt.n_items = 1;
    flt.since = iso("2025-06-02T00:00:00Z");
    flt.until = iso("2025-06-05T00:00:00Z");
    assert_int_equal(history_page_older(f->st, f->m.profile.id, &flt, history_key_newest(), page,
                                        5, &n),
                     0);
    assert_int_equal(n, 2); /* June 2 and June 4 */
    assert_string_equal(page[0].item, "p1-solo-incident");
    assert_int_equal(page[0].at, iso("2025-06-04T10:00:00Z"));
    assert_string_equal(page[0].value, "todo"); /* the untick */
    assert_string_equal(page[0].previous, "done");
    for (size_t i = 0; i < n; i++)
        history_event_free(&page[i]);
    /* a position in time: events at or before June 3 */
    history_filter_init(&flt);
    flt.kind = "state";
    assert_int_equal(history_page_older(f->st, f->m.profile.id, &flt,
                                        history_key_at(iso("2025-06-03T10:00:00Z")), page, 1, &n),
                     0);
    assert_int_equal(page[0].at, iso("2025-06-03T10:00:00Z"));
    history_event_free(&page[0]);
}

static void dates_for_since_and_until(void **state)
{
    (void)state;
    long long t;
    assert_int_equal(history_parse_date("2026-03-29", 0, &t), 0);
    assert_int_equal(t, iso("2026-03-29T00:00:00+01:00"));
    assert_int_equal(history_parse_date("2026-03-29", 1, &t), 0);
    assert_int_equal(t, iso("2026-03-30T00:00:00+02:00")); /* a 23-hour day */
    assert_int_equal(history_parse_date("2026-03-29T12:00:00Z", 1, &t), 0);
    assert_int_equal(t, iso("2026-03-29T12:00:01Z"));
    assert_int_equal(history_parse_date("2026-02-30", 0, &t), -1);
    assert_int_equal(history_parse_date("yesterday", 0, &t), -1);
    assert_true(history_kind_known("state"));
    assert_false(history_kind_known("tick"));
}

/* The newest event of the profile (kind, item, value, previous). */
static void expect_newest(test_env *f, size_t skip, const char *kind, const char *value,
                          const char *previous)
{
    hist_filter flt;
    hist_event e[8];
    size_t n;
    history_filter_init(&flt);
    assert_int_equal(history_page_older(f->st, f->m.profile.id, &flt, history_key_newest(), e,
                                        skip + 1, &n),
                     0);
    assert_int_equal(n, skip + 1);
    assert_string_equal(e[skip].kind, kind);
    if (value)
        assert_string_equal(e[skip].value, value);
    else
        assert_null(e[skip].value);
    if (previous)
        assert_string_equal(e[skip].previous, previous);
    for (size_t i = 0; i < n; i++)
        history_event_free(&e[i]);
}

static void undo_takes_back_changes_of_this_run(void **state)
{
    test_env *f = *state;
    size_t p, i;
    undo_result r;
    /* made before tracking started: never undone */
    set_at(f, "p1-dev-feedback", STATE_DONE, "2025-05-01T10:00:00Z", NULL);
    ops_undo_track(1);
    assert_int_equal(ops_undo_depth(), 0);
    set_at(f, "p1-own-pipeline", STATE_DONE, "2025-05-02T10:00:00Z", "built it");
    set_at(f, "p1-solo-incident", STATE_DONE, "2025-05-03T10:00:00Z", NULL);
    assert_int_equal(ops_undo_depth(), 2);

    setenv("CLIMB_NOW", "2025-05-04T10:00:00Z", 1);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_string_equal(r.kind, "state");
    assert_string_equal(r.item, "p1-solo-incident");
    assert_non_null(strstr(r.message, "undone: tick of"));
    assert_int_equal(model_find(&f->m, "p1-solo-incident", &p, &i), 0);
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_TODO);
    /* the history keeps both: the tick, its reverse, and the undo */
    expect_newest(f, 0, "undo", "state", NULL);
    expect_newest(f, 1, "state", "todo", "done");
    expect_newest(f, 2, "state", "done", "todo");

    /* again: the tick with a note is one change of two events, both taken back */
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(model_find(&f->m, "p1-own-pipeline", &p, &i), 0);
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_TODO);
    assert_null(model_crit_at(&f->m, p, i)->note);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_NOTHING);
    assert_int_equal(model_find(&f->m, "p1-dev-feedback", &p, &i), 0);
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_DONE);

    /* the database agrees with the model after reopening */
    model_close(&f->m);
    assert_int_equal(model_open(&f->m, &f->ladder, f->st, "ana", 0, NULL), 0);
    assert_int_equal(model_find(&f->m, "p1-own-pipeline", &p, &i), 0);
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_TODO);
    assert_null(model_crit_at(&f->m, p, i)->note);

    /* redo makes the newest undo again: the tick with its note */
    assert_int_equal(ops_redo_depth(), 2);
    setenv("CLIMB_NOW", "2025-05-05T10:00:00Z", 1);
    assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
    assert_string_equal(r.item, "p1-own-pipeline");
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_DONE);
    assert_string_equal(model_crit_at(&f->m, p, i)->note, "built it");
    assert_int_equal(ops_redo_depth(), 1);
    assert_int_equal(ops_undo_depth(), 1);
}

/* Another climb (its own connection) changes a criterion's state: the event
 * appended through the event table, not through this process's ops, whose undo
 * list would remember it. */
static void other_climb_sets(test_env *f, const char *id, const char *value,
                             const char *previous, const char *when)
{
    climb_store *other;
    char err[256];
    ops_hint h = {"x", 0, NULL, NULL};
    assert_int_equal(store_open(f->path, &other, err, sizeof err), 0);
    assert_int_equal(store_begin(other), 0);
    assert_int_equal(ops_event_apply(other, f->m.profile.id, iso(when), "state", id, value,
                                     previous, NULL, &h, NULL),
                     0);
    assert_int_equal(store_commit(other), 0);
    store_close(other);
}

static void undo_refuses_what_changed_elsewhere(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    set_at(f, "p1-own-pipeline", STATE_DONE, "2025-05-02T10:00:00Z", NULL);
    set_at(f, "p1-solo-incident", STATE_DONE, "2025-05-03T10:00:00Z", NULL);
    /* another climb unticks it meanwhile */
    other_climb_sets(f, "p1-solo-incident", "todo", "done", "2025-05-03T11:00:00Z");
    setenv("CLIMB_NOW", "2025-05-04T10:00:00Z", 1);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_REFUSED);
    assert_non_null(strstr(r.message, "changed since"));
    expect_newest(f, 0, "state", "todo", "done"); /* nothing written by the refusal */
    /* the refused change is dropped (it can never be undone now) */
    assert_int_equal(ops_undo_depth(), 1);
    /* u again goes further back */
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_string_equal(r.item, "p1-own-pipeline");
    assert_int_equal(ops_undo_depth(), 0);
}

/* Events are compared, not values: a change elsewhere that ends back at the same
 * value still refuses the undo. */
static void undo_refuses_a_change_back_to_the_same_value(void **state)
{
    test_env *f = *state;
    undo_result r;
    size_t p, i;
    ops_undo_track(1);
    set_at(f, "p1-solo-incident", STATE_DONE, "2025-05-03T10:00:00Z", NULL);
    other_climb_sets(f, "p1-solo-incident", "todo", "done", "2025-05-03T11:00:00Z");
    other_climb_sets(f, "p1-solo-incident", "done", "todo", "2025-05-03T12:00:00Z");
    long long events = test_sql_int(f->st, "SELECT count(*) FROM events");
    setenv("CLIMB_NOW", "2025-05-04T10:00:00Z", 1);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_REFUSED);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events"), events);
    assert_int_equal(model_find(&f->m, "p1-solo-incident", &p, &i), 0);
    assert_int_equal(model_crit_at(&f->m, p, i)->state, STATE_DONE);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_NOTHING);
}

/* A tick given the date the work was done (tick --date) counts from that date in
 * the chart, its range and the first tick of its phase, though it was recorded
 * later; an untick recorded after it still ends it. */
static void dated_ticks_count_from_their_date(void **state)
{
    test_env *f = *state;
    size_t p, i;
    int changed;
    setenv("CLIMB_NOW", "2026-03-14T10:00:00+01:00", 1);
    assert_int_equal(model_find(&f->m, "p1-own-pipeline", &p, &i), 0);
    ops_crit_change c = {1, STATE_DONE, NULL, NULL, NULL, 0, iso("2025-11-10T00:00:00+01:00")};
    assert_int_equal(ops_criterion(&f->m, p, i, &c, &changed), 0);
    /* recorded in order, with dates of their own: met in January only */
    set_at(f, "p1-solo-incident", STATE_DONE, "2026-01-05T10:00:00+01:00", NULL);
    set_at(f, "p1-solo-incident", STATE_TODO, "2026-02-01T10:00:00+01:00", NULL);
    const char *ids[] = {"p1-own-pipeline", "p1-solo-incident"};
    long long now = iso("2026-03-14T12:00:00+01:00");
    size_t n;
    long long first = history_chart_first(f->st, f->m.profile.id, HIST_MONTH, now, 100, &n);
    assert_int_equal(first, iso("2025-11-01T00:00:00+01:00"));
    assert_int_equal(n, 5);
    hist_bucket b[5];
    assert_int_equal(history_buckets(f->st, f->m.profile.id, HIST_MONTH, ids, 2, first, 5, now, b),
                     0);
    int met[] = {1, 1, 2, 1, 1};
    for (int k = 0; k < 5; k++)
        assert_int_equal(b[k].met, met[k]);
    long long at;
    assert_int_equal(history_first_done(f->st, f->m.profile.id, ids, 1, &at), 0);
    assert_int_equal(at, iso("2025-11-10T00:00:00+01:00"));
}

/* The timeline's rows from a real log: a tick, a setting, a tick and a note
 * undone (one change of two events), newest first and oldest first. */
static void timeline_folds_undo_and_hides_internal(void **state)
{
    test_env *f = *state;
    undo_result r;
    set_at(f, "p1-dev-feedback", STATE_DONE, "2025-05-01T10:00:00Z", NULL);
    setenv("CLIMB_NOW", "2025-05-02T10:00:00Z", 1);
    assert_int_equal(ops_set_stale_months(&f->m, 6), 0);
    ops_undo_track(1);
    set_at(f, "p1-own-pipeline", STATE_DONE, "2025-05-03T10:00:00Z", "built it");
    setenv("CLIMB_NOW", "2025-05-04T10:00:00Z", 1);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_true(event_kind_internal("setting"));
    assert_false(event_kind_internal("state"));
    assert_false(event_kind_internal("undo"));
    assert_false(event_kind_internal(NULL));

    hist_filter flt;
    history_filter_init(&flt);
    hist_event ev[32];
    size_t n, used;
    assert_int_equal(ops_history_page_older(&f->m, &flt, history_key_newest(), ev, 32, &n), 0);
    /* undo, reverse state, undo, reverse note, note, state, setting, state, profile */
    assert_int_equal(n, 9);
    hist_row rows[16];
    size_t k = history_rows(ev, n, 1, 0, 1, rows, 16, &used);
    assert_int_equal(used, 9);
    /* two undo rows, the note, the tick, the tick before, the profile: no setting */
    assert_int_equal(k, 6);
    assert_string_equal(ev[rows[0].ev].kind, "undo");
    assert_int_equal(rows[0].rev, 1);
    assert_int_equal(rows[1].ev, 2);
    assert_int_equal(rows[1].rev, 3);
    assert_string_equal(ev[rows[2].ev].kind, "note");
    assert_int_equal(rows[2].rev, HIST_ROW_NONE);
    assert_string_equal(ev[rows[4].ev].item, "p1-dev-feedback");
    assert_string_equal(ev[rows[5].ev].kind, "profile");
    hist_words w;
    history_row_words(&f->ladder, &ev[rows[0].ev], &w);
    assert_string_equal(w.what, "undid");
    assert_string_equal(w.undone, "ticked");
    assert_string_equal(w.crit_id, "p1-own-pipeline");
    assert_non_null(strstr(w.crit_text, "CI/CD pipeline"));
    history_row_words(&f->ladder, &ev[rows[2].ev], &w);
    assert_string_equal(w.what, "note");
    assert_string_equal(w.crit_id, "p1-own-pipeline");
    assert_string_equal(w.quote, "built it");
    /* shown: the setting is a row of its own */
    assert_int_equal(history_rows(ev, n, 1, 1, 1, rows, 16, &used), 7);
    assert_string_equal(ev[rows[4].ev].kind, "setting");
    assert_true(history_row_internal(&ev[rows[4].ev]));
    /* more may follow: an undo at the end of what was read waits for its partner */
    assert_int_equal(history_rows(ev, 3, 1, 0, 0, rows, 16, &used), 1);
    assert_int_equal(used, 2);
    /* at most max rows */
    assert_int_equal(history_rows(ev, n, 1, 0, 1, rows, 2, &used), 2);
    assert_int_equal(used, 4);
    /* oldest first: the reverse event comes before its undo, still one row */
    hist_event asc[32];
    for (size_t i = 0; i < n; i++)
        asc[i] = ev[n - 1 - i];
    k = history_rows(asc, n, 0, 0, 1, rows, 16, &used);
    assert_int_equal(k, 6);
    assert_string_equal(asc[rows[4].ev].kind, "undo");
    assert_int_equal(rows[4].rev, rows[4].ev - 1);
    assert_int_equal(rows[4].first, rows[4].rev);
    /* a database from before undo named its reverse event: folded by its content */
    free(ev[2].previous);
    ev[2].previous = NULL;
    assert_true(history_row_folds(&ev[2], &ev[3]));
    assert_false(history_row_folds(&ev[2], &ev[5]));
    for (size_t i = 0; i < n; i++)
        history_event_free(&ev[i]);
}

int main(void)
{
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(weeks_across_new_year),
        cmocka_unit_test(periods_across_dst),
        cmocka_unit_test(periods_agree_with_sqlite_localtime),
        cmocka_unit_test_setup_teardown(buckets_count_met_with_empty_periods, setup, teardown),
        cmocka_unit_test_setup_teardown(pages_are_keyset_and_filtered, setup, teardown),
        cmocka_unit_test(dates_for_since_and_until),
        cmocka_unit_test_setup_teardown(undo_takes_back_changes_of_this_run, setup, teardown),
        cmocka_unit_test_setup_teardown(undo_refuses_what_changed_elsewhere, setup, teardown),
        cmocka_unit_test_setup_teardown(undo_refuses_a_change_back_to_the_same_value, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(timeline_folds_undo_and_hides_internal, setup, teardown),
        cmocka_unit_test_setup_teardown(dated_ticks_count_from_their_date, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
