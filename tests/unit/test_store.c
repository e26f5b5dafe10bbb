/* test_store.c - the store against real SQLite files: creation and migration,
 * ownership marks, a tick (made through the operations layer) writing its state
 * and events in one transaction, no event when nothing changes, and data
 * surviving a reopen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/model.h"
#include "climb/ops.h"
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

/* A criterion change through the operations layer on the store's profile "ana",
 * at time `at` (CLIMB_NOW): its state, and its note when note is not NULL. */
static void change(test_env *f, const char *user, const char *id, crit_state s, const char *note,
                   long long at, int *changed)
{
    climb_model m;
    size_t p, i;
    test_set_now(at);
    test_model_open(f, &m, user);
    assert_int_equal(model_find(&m, id, &p, &i), 0);
    ops_crit_change c = {1, s, NULL, note, NULL, 0, 0};
    assert_int_equal(ops_criterion(&m, p, i, &c, changed), 0);
    model_close(&m);
}

static void test_tick_writes_state_and_event(void **state)
{
    test_env *f = *state;
    int changed;
    criterion_row after;
    change(f, "ana", "p2-reduce-oncall", STATE_DONE, "evidence", 2000, &changed);
    assert_int_equal(changed, 1);
    assert_int_equal(store_criterion_get(f->st, f->profile, "p2-reduce-oncall", &after), 0);
    assert_int_equal(after.state, STATE_DONE);
    assert_int_equal(after.done_at, 2000);
    assert_string_equal(after.note, "evidence");
    assert_int_equal(after.note_at, 2000);
    /* the wording it was met under: the ladder's text now */
    const climb_phase *ph;
    assert_string_equal(after.text_at_done,
                        content_criterion(&f->ladder, "p2-reduce-oncall", &ph)->text);
    criterion_row_free(&after);
    assert_int_equal(test_sql_int(f->st,
                                  "SELECT count(*) FROM events WHERE kind = 'state'"
                                  " AND item = 'p2-reduce-oncall' AND value = 'done'"
                                  " AND previous = 'todo' AND at = 2000"),
                     1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'note'"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(DISTINCT uuid) FROM events"), 3);
}

static void test_no_change_writes_no_event(void **state)
{
    test_env *f = *state;
    int changed = -1;
    change(f, "ana", "p1-own-pipeline", STATE_TODO, NULL, 2000, &changed);
    assert_int_equal(changed, 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM criterion_state"), 0);
}

static int collect(void *ctx, const criterion_row *c)
{
    int *n = ctx;
    assert_string_equal(c->criterion_id, "p1-own-pipeline");
    assert_int_equal(c->state, STATE_TODO);
    assert_int_equal(c->done_at, 3000); /* when it was last done is kept */
    (*n)++;
    return 0;
}

static void test_untick_and_reopen(void **state)
{
    test_env *f = *state;
    change(f, "ana", "p1-own-pipeline", STATE_DONE, NULL, 3000, NULL);
    change(f, "ana", "p1-own-pipeline", STATE_TODO, NULL, 4000, NULL);
    test_env_reopen(f);
    int n = 0;
    assert_int_equal(store_criteria_each(f->st, f->profile, collect, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'state'"), 2);
}

static void test_profiles_are_separate(void **state)
{
    test_env *f = *state;
    profile_row p;
    int created;
    assert_int_equal(store_profile_get(f->st, "bo", 0, 5000, &p, &created), 1);
    assert_int_equal(store_profile_get(f->st, "bo", 1, 5000, &p, &created), 0);
    assert_int_equal(created, 1);
    assert_true(p.id != f->profile);
    change(f, "bo", "p1-own-pipeline", STATE_DONE, NULL, 5000, NULL);
    assert_int_equal(
        test_sql_int(f->st, "SELECT count(*) FROM criterion_state WHERE state = 'done'"), 1);
    int n = 0;
    assert_int_equal(store_criteria_each(f->st, f->profile, collect, &n), 0);
    assert_int_equal(n, 0);
    profile_row_free(&p);
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
        assert_int_equal(crit_state_parse(crit_state_name((crit_state)i), &s), 0);
        assert_int_equal(s, i);
    }
    assert_int_equal(crit_state_parse("finished", &s), -1);
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
