/* test_store.c - the store against real SQLite files: creation and migration,
 * ownership marks, a tick writing its state and event in one transaction, no event
 * when nothing changes, and data surviving a reopen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char dir[64];
    char path[128];
    climb_store *st;
    long long profile;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char err[512];
    snprintf(f->dir, sizeof f->dir, "/tmp/climb-test-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/c.db", f->dir);
    assert_int_equal(store_open(f->path, &f->st, err, sizeof err), 0);
    store_profile p;
    int created;
    assert_int_equal(store_profile_get(f->st, "ana", 1, 1000, &p, &created), 0);
    assert_int_equal(created, 1);
    f->profile = p.id;
    store_profile_free(&p);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[160];
    store_close(f->st);
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static long long count(climb_store *st, const char *sql)
{
    sqlite3_stmt *s;
    long long n = -1;
    assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

static void test_new_database_is_marked_and_migrated(void **state)
{
    fixture *f = *state;
    assert_int_equal(count(f->st, "PRAGMA application_id"), CLIMB_APP_ID);
    assert_int_equal(count(f->st, "PRAGMA user_version"), store_schema_version());
    assert_true(store_schema_version() >= 1);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'profile'"), 1);
    assert_int_equal(count(f->st, "PRAGMA foreign_keys"), 1);
}

static void test_tick_writes_state_and_event(void **state)
{
    fixture *f = *state;
    int changed;
    store_criterion after;
    assert_int_equal(store_set_state(f->st, f->profile, "p2-x", STATE_DONE, "evidence", "Text",
                                     2000, &changed, &after),
                     0);
    assert_int_equal(changed, 1);
    assert_int_equal(after.state, STATE_DONE);
    assert_int_equal(after.done_at, 2000);
    assert_string_equal(after.note, "evidence");
    assert_string_equal(after.text_at_done, "Text");
    store_criterion_free(&after);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'state'"
                                  " AND item = 'p2-x' AND value = 'done' AND previous = 'todo'"),
                     1);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'note'"), 1);
    assert_int_equal(count(f->st, "SELECT count(DISTINCT uuid) FROM events"), 3);
}

static void test_no_change_writes_no_event(void **state)
{
    fixture *f = *state;
    int changed;
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_TODO, NULL, "T", 2000,
                                     &changed, NULL),
                     0);
    assert_int_equal(changed, 0);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events"), 1);
    assert_int_equal(count(f->st, "SELECT count(*) FROM criterion_state"), 0);
}

static int collect(void *ctx, const store_criterion *c)
{
    int *n = ctx;
    assert_string_equal(c->criterion_id, "p1-a");
    assert_int_equal(c->state, STATE_TODO);
    assert_int_equal(c->done_at, 3000); /* when it was last done is kept */
    (*n)++;
    return 0;
}

static void test_untick_and_reopen(void **state)
{
    fixture *f = *state;
    char err[512];
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_DONE, NULL, "T", 3000,
                                     NULL, NULL),
                     0);
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_TODO, NULL, "T", 4000,
                                     NULL, NULL),
                     0);
    store_close(f->st);
    assert_int_equal(store_open(f->path, &f->st, err, sizeof err), 0);
    int n = 0;
    assert_int_equal(store_criteria_each(f->st, f->profile, collect, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'state'"), 2);
}

static void test_profiles_are_separate(void **state)
{
    fixture *f = *state;
    store_profile p;
    int created;
    assert_int_equal(store_profile_get(f->st, "bo", 0, 5000, &p, &created), 1);
    assert_int_equal(store_profile_get(f->st, "bo", 1, 5000, &p, &created), 0);
    assert_int_equal(created, 1);
    assert_true(p.id != f->profile);
    assert_int_equal(store_set_state(f->st, p.id, "p1-a", STATE_DONE, NULL, "T", 5000, NULL,
                                     NULL),
                     0);
    int n = 0;
    assert_int_equal(store_criteria_each(f->st, f->profile, collect, &n), 0);
    assert_int_equal(n, 0);
    store_profile_free(&p);
}

static void test_refuses_foreign_files(void **state)
{
    fixture *f = *state;
    char path[160], err[512];
    climb_store *st = NULL;
    snprintf(path, sizeof path, "%s/text.db", f->dir);
    FILE *fp = fopen(path, "w");
    fputs("not a database at all, just some text that is long enough\n", fp);
    fclose(fp);
    assert_int_equal(store_open(path, &st, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a SQLite database"));
    assert_null(st);
}

static void test_state_names_round_trip(void **state)
{
    (void)state;
    crit_state s;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(store_state_parse(store_state_name((crit_state)i), &s), 0);
        assert_int_equal(s, i);
    }
    assert_int_equal(store_state_parse("finished", &s), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_database_is_marked_and_migrated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tick_writes_state_and_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_change_writes_no_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_untick_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_profiles_are_separate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refuses_foreign_files, setup, teardown),
        cmocka_unit_test(test_state_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
