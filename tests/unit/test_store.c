/* test_store.c - the store against real SQLite files: creation and migration,
 * ownership marks, a tick writing its state and event in one transaction, no event
 * when nothing changes, and data surviving a reopen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/store.h"

#include "support.h"

#include <stdio.h>
#include <string.h>

static void test_new_database_is_marked_and_migrated(void **state)
{
    test_env *f = *state;
    assert_int_equal(test_sql_int(f->st, "PRAGMA application_id"), CLIMB_APP_ID);
    assert_int_equal(test_sql_int(f->st, "PRAGMA user_version"), store_schema_version());
    assert_true(store_schema_version() >= 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'profile'"), 1);
    assert_int_equal(test_sql_int(f->st, "PRAGMA foreign_keys"), 1);
}

static void test_tick_writes_state_and_event(void **state)
{
    test_env *f = *state;
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
    assert_int_equal(test_sql_int(f->st,
                                  "SELECT count(*) FROM events WHERE kind = 'state'"
                                  " AND item = 'p2-x' AND value = 'done' AND previous = 'todo'"),
                     1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'note'"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(DISTINCT uuid) FROM events"), 3);
}

static void test_no_change_writes_no_event(void **state)
{
    test_env *f = *state;
    int changed;
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_TODO, NULL, "T", 2000,
                                     &changed, NULL),
                     0);
    assert_int_equal(changed, 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM criterion_state"), 0);
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
    test_env *f = *state;
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_DONE, NULL, "T", 3000,
                                     NULL, NULL),
                     0);
    assert_int_equal(store_set_state(f->st, f->profile, "p1-a", STATE_TODO, NULL, "T", 4000,
                                     NULL, NULL),
                     0);
    test_env_reopen(f);
    int n = 0;
    assert_int_equal(store_criteria_each(f->st, f->profile, collect, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'state'"), 2);
}

static void test_profiles_are_separate(void **state)
{
    test_env *f = *state;
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
    test_env *f = *state;
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
        test_with_store(test_new_database_is_marked_and_migrated),
        test_with_store(test_tick_writes_state_and_event),
        test_with_store(test_no_change_writes_no_event),
        test_with_store(test_untick_and_reopen),
        test_with_store(test_profiles_are_separate),
        test_with_store(test_refuses_foreign_files),
        cmocka_unit_test(test_state_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
