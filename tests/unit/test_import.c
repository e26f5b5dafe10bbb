/* test_import.c - snapshots read back and merged: refusals with the line and
 * column of broken JSON or the path of a wrong field, idempotent import, merging
 * two databases, state re-derived from the latest events (ties in recorded
 * order, undone events ignored), and a failing import writing nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/export.h"
#include "climb/import.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/ops_events.h"
#include "climb/store_snapshot.h"

#include "support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    test_env a;     /* profile ana, its model open */
    climb_store *b; /* a second, empty database beside it */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    test_env_open(&f->a, "ana");
    f->b = test_env_store(&f->a, "b.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->b);
    test_env_close(&f->a);
    free(f);
    return 0;
}

/* The JSON snapshot of model m, as a string. */
static char *snapshot(climb_model *m)
{
    FILE *tmp = tmpfile();
    char err[256];
    assert_int_equal(export_json(m, tmp, 1773480600, err, sizeof err), 0);
    return test_file_text(tmp);
}

static int import_text(fixture *f, climb_store *st, const char *user, const char *json,
                       import_result *r, char *err, size_t errlen)
{
    import_snapshot *s;
    if (import_load_buffer(json, strlen(json), "s.json", &f->a.ladder, &s, err, errlen))
        return -2;
    int rc = ops_import(st, &f->a.ladder, s, user, r, err, errlen);
    import_free(s);
    return rc;
}

static void expect_refused(fixture *f, const char *json, const char *message)
{
    char err[768];
    import_result r;
    assert_int_equal(import_text(f, f->b, "ana", json, &r, err, sizeof err), -2);
    if (!strstr(err, message))
        fail_msg("expected '%s' in '%s'", message, err);
}

static void test_refusals_name_the_problem(void **state)
{
    fixture *f = *state;
    expect_refused(f, "{\n \"format\": \"climb-snapshot\",\n x}", "s.json:3:2: broken JSON");
    expect_refused(f, "[]", "snapshot: expected an object, found a list");
    expect_refused(f, "{\"format\": \"climb-snapshot\", \"format_version\": 7}",
                   "format_version: unknown format version 7");
    expect_refused(f, "{\"format\": \"other\", \"format_version\": 1}", "not a climb snapshot");
    char *good = snapshot(&f->a.m);
    char *bad = strdup(good);
    char *p = strstr(bad, "\"created_at\":\"");
    memcpy(p, "\"created_at\":7,\"x\":\"", 20);
    expect_refused(f, bad, "profile.created_at: expected a string, found a number");
    free(bad);
    bad = strdup(good);
    p = strstr(bad, "\"state\":\"todo\"");
    memcpy(p, "\"state\":\"nope\"", 14);
    expect_refused(f, bad, "phases[0].criteria[0].state: unknown state 'nope'");
    free(bad);
    free(good);
    assert_int_equal(test_sql_int(f->b, "SELECT count(*) FROM profiles"), 0);
}

static void test_round_trip_and_idempotent(void **state)
{
    fixture *f = *state;
    char err[512];
    import_result r;
    ops_crit_change c = {1, STATE_DONE, NULL, "evidence", NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->a.m, 0, 0, &c, NULL), 0);
    assert_int_equal(ops_set_state(&f->a.m, 1, 2, STATE_DOING, NULL, NULL), 0);
    char *json = snapshot(&f->a.m);
    assert_int_equal(import_text(f, f->b, "ana", json, &r, err, sizeof err), 0);
    assert_int_equal(r.profile_created, 1);
    assert_int_equal(r.events_added, 4); /* profile, state, note, state */
    assert_int_equal(r.criteria_updated, 2);
    /* the second time nothing is new and nothing is written */
    int before = sqlite3_total_changes(store_db(f->b));
    assert_int_equal(import_text(f, f->b, "ana", json, &r, err, sizeof err), 0);
    assert_int_equal(r.events_added, 0);
    assert_int_equal(r.events_known, 4);
    assert_int_equal(sqlite3_total_changes(store_db(f->b)), before);
    /* the copy exports the same snapshot */
    climb_model mb;
    int created;
    assert_int_equal(model_open(&mb, &f->a.ladder, f->b, "ana", 0, &created), 0);
    char *again = snapshot(&mb);
    assert_string_equal(again, json);
    model_close(&mb);
    free(again);
    free(json);
}

static void test_merge_takes_the_latest_event(void **state)
{
    fixture *f = *state;
    char err[512];
    import_result r;
    /* b has its own profile with a later untick of the criterion a ticks */
    assert_int_equal(ops_set_state(&f->a.m, 0, 0, STATE_DONE, NULL, NULL), 0);
    climb_model mb;
    int created;
    setenv("CLIMB_NOW", "2026-03-15T09:30:00Z", 1);
    assert_int_equal(model_open(&mb, &f->a.ladder, f->b, "ana", 1, &created), 0);
    assert_int_equal(ops_set_state(&mb, 0, 0, STATE_DONE, NULL, NULL), 0);
    setenv("CLIMB_NOW", "2026-03-16T09:30:00Z", 1);
    assert_int_equal(ops_set_state(&mb, 0, 0, STATE_TODO, NULL, NULL), 0);
    char *ja = snapshot(&f->a.m), *jb = snapshot(&mb);
    model_close(&mb);
    assert_int_equal(import_text(f, f->b, "ana", ja, &r, err, sizeof err), 0);
    assert_int_equal(r.events_added, 2);
    assert_int_equal(import_text(f, f->a.st, "ana", jb, &r, err, sizeof err), 0);
    assert_int_equal(r.events_added, 3);
    /* merged, the log reads: done (a, 03-14), done (b, 03-15), todo (b, 03-16). The
     * latest event wins (todo), and done_at is when the latest unbroken run of
     * 'done' began: a's tick of 03-14, since b's tick of 03-15 did not break it
     * (the event table's derivation rule, ops_events.c) */
    const char *q = "SELECT count(*) FROM criterion_state WHERE criterion_id = 'p1-own-pipeline'"
                    " AND state = 'todo' AND done_at = 1773480600";
    assert_int_equal(test_sql_int(f->a.st, q), 1);
    assert_int_equal(test_sql_int(f->b, q), 1);
    /* created_at is the earlier of the two */
    assert_int_equal(test_sql_int(f->b, "SELECT created_at FROM profiles"), 1773480600);
    free(ja);
    free(jb);
}

static void test_derive_ties_and_undo(void **state)
{
    fixture *f = *state;
    climb_store *st = f->b;
    long long pid;
    char u1[37], u2[37];
    assert_int_equal(store_begin(st), 0);
    assert_int_equal(snap_profile_create(st, "bo", 100, &pid), 0);
    /* three changes within one second: the last recorded wins, whatever the UUIDs */
    assert_int_equal(store_event_add(st, pid, 200, "state", "p1-own-pipeline", "done", "todo",
                                     NULL, u1), 0);
    assert_int_equal(store_event_add(st, pid, 200, "state", "p1-own-pipeline", "todo", "done",
                                     NULL, NULL), 0);
    assert_int_equal(store_event_add(st, pid, 200, "state", "p1-own-pipeline", "n/a", "todo",
                                     "no pipelines here", u2), 0);
    ops_hint h = {"text", 0, NULL, NULL};
    assert_int_equal(ops_event_derive(st, pid, "state", "p1-own-pipeline", &h), 0);
    assert_int_equal(test_sql_int(st, "SELECT count(*) FROM criterion_state WHERE state = 'n/a'"
                                      " AND reason = 'no pipelines here' AND done_at = 200"),
                     1);
    /* an undone event does not count */
    assert_int_equal(store_event_add(st, pid, 300, "undo", u2, "state", NULL, NULL, NULL), 0);
    assert_int_equal(ops_event_derive(st, pid, "state", "p1-own-pipeline", &h), 0);
    assert_int_equal(test_sql_int(st, "SELECT count(*) FROM criterion_state WHERE state = 'todo'"
                                      " AND reason IS NULL"),
                     1);
    /* roadblock and title */
    assert_int_equal(store_event_add(st, pid, 400, "roadblock", "rb-firefighting", "on", "off",
                                     NULL, NULL), 0);
    assert_int_equal(store_event_add(st, pid, 401, "title", NULL, "mid", NULL, NULL, NULL), 0);
    assert_int_equal(ops_event_derive(st, pid, "roadblock", "rb-firefighting", NULL), 0);
    assert_int_equal(ops_event_derive(st, pid, "title", NULL, NULL), 0);
    assert_int_equal(test_sql_int(st, "SELECT flagged_at FROM roadblock_flags"), 400);
    assert_int_equal(test_sql_int(st, "SELECT count(*) FROM profiles WHERE title = 'mid'"), 1);
    assert_int_equal(store_event_add(st, pid, 500, "roadblock", "rb-firefighting", "off", "on",
                                     NULL, NULL), 0);
    assert_int_equal(ops_event_derive(st, pid, "roadblock", "rb-firefighting", NULL), 0);
    assert_int_equal(test_sql_int(st, "SELECT count(*) FROM roadblock_flags"), 0);
    store_commit(st);
}

static void test_failed_import_writes_nothing(void **state)
{
    fixture *f = *state;
    char err[512];
    import_result r;
    ops_crit_change c = {1, STATE_DONE, NULL, "x", NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->a.m, 0, 0, &c, NULL), 0);
    char *json = snapshot(&f->a.m);
    /* "ana"'s events already exist in a under ana: importing them as bo fails at the
     * first one, after the profile row was made; all of it is rolled back */
    long long events = test_sql_int(f->a.st, "SELECT count(*) FROM events");
    assert_int_equal(import_text(f, f->a.st, "bo", json, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "under another profile"));
    assert_non_null(strstr(err, "nothing was imported"));
    assert_int_equal(test_sql_int(f->a.st, "SELECT count(*) FROM profiles WHERE name = 'bo'"), 0);
    assert_int_equal(test_sql_int(f->a.st, "SELECT count(*) FROM events"), events);
    free(json);
}

/* A snapshot names the profile it was taken from. */
static void test_snapshot_names_its_profile(void **state)
{
    fixture *f = *state;
    char *json = snapshot(&f->a.m), err[256];
    import_snapshot *s;
    assert_int_equal(import_load_buffer(json, strlen(json), "s.json", &f->a.ladder, &s, err,
                                        sizeof err),
                     0);
    assert_string_equal(import_profile_name(s), "ana");
    import_free(s);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_refusals_name_the_problem, setup, teardown),
        cmocka_unit_test_setup_teardown(test_snapshot_names_its_profile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_trip_and_idempotent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_takes_the_latest_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_derive_ties_and_undo, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_import_writes_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
