/* test_view_state.c - the phase the TUI last showed, per profile: unset at
 * first, then stored (one row), kept apart per profile, and never an event
 * (view state is no change to the person's record, so no undo, no History). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/ops.h"
#include "climb/store.h"

#include <sqlite3.h>
#include <string.h>
#include "support.h"

static void test_unset_then_remembered(void **state)
{
    test_env *env = *state;
    int number = -1;
    long long events = test_sql_int(env->st, "SELECT count(*) FROM events");
    assert_int_equal(ops_last_phase(&env->m, &number), 1);
    assert_int_equal(ops_remember_phase(&env->m, 3), 0);
    assert_int_equal(ops_last_phase(&env->m, &number), 0);
    assert_int_equal(number, 3);
    assert_int_equal(ops_remember_phase(&env->m, 2), 0);
    assert_int_equal(ops_remember_phase(&env->m, 2), 0);
    assert_int_equal(test_sql_int(env->st, "SELECT value FROM view_state"), 2); /* one row */
    assert_int_equal(test_sql_int(env->st, "SELECT count(*) FROM events"), events);
}

static void test_each_profile_its_own(void **state)
{
    test_env *env = *state;
    climb_model bob;
    int number = -1;
    test_profile_create(env->st, "bob", 0);
    test_model_open(env, &bob, "bob");
    assert_int_equal(ops_remember_phase(&env->m, 4), 0);
    assert_int_equal(ops_last_phase(&bob, &number), 1);
    assert_int_equal(ops_remember_phase(&bob, 1), 0);
    assert_int_equal(ops_last_phase(&env->m, &number), 0);
    assert_int_equal(number, 4);
    model_close(&bob);
}

static void sql(test_env *env, const char *text)
{
    assert_int_equal(sqlite3_exec(store_db(env->st), text, NULL, NULL, NULL), SQLITE_OK);
}

/* A database that cannot answer: the read and the remembering say so (-1 with
 * the reason) instead of pretending nothing was stored. */
static void test_broken_table_refused(void **state)
{
    test_env *env = *state;
    int number = 7;
    sql(env, "DROP TABLE view_state");
    assert_int_equal(ops_last_phase(&env->m, &number), -1);
    assert_int_equal(number, 7);
    assert_non_null(strstr(store_error(env->st), "no such table: view_state"));
    assert_int_equal(ops_remember_phase(&env->m, 2), -1);
    assert_non_null(strstr(store_error(env->st), "no such table: view_state"));
    /* the transaction was rolled back: a later write starts cleanly */
    sql(env, "CREATE TABLE view_state (profile_id INTEGER, name TEXT, value INTEGER,"
             " PRIMARY KEY (profile_id, name))");
    assert_int_equal(ops_remember_phase(&env->m, 2), 0);
    assert_int_equal(ops_last_phase(&env->m, &number), 0);
    assert_int_equal(number, 2);
}

/* A write the database refuses (here a trigger) is an error, the row unchanged;
 * one refused at COMMIT (a deferred foreign key) is rolled back. */
static void test_refused_write_and_commit(void **state)
{
    test_env *env = *state;
    int number = -1;
    assert_int_equal(ops_remember_phase(&env->m, 1), 0);
    sql(env, "CREATE TRIGGER no_view BEFORE INSERT ON view_state"
             " BEGIN SELECT RAISE(ABORT, 'view refused'); END");
    assert_int_equal(ops_remember_phase(&env->m, 5), -1);
    assert_non_null(strstr(store_error(env->st), "cannot save the view: view refused"));
    assert_int_equal(ops_last_phase(&env->m, &number), 0);
    assert_int_equal(number, 1);
    sql(env, "DROP TRIGGER no_view");
    sql(env, "CREATE TABLE dangling (p INTEGER REFERENCES profiles(id)"
             " DEFERRABLE INITIALLY DEFERRED);"
             "CREATE TRIGGER late_fail AFTER INSERT ON view_state"
             " BEGIN INSERT INTO dangling VALUES (999999); END");
    assert_int_equal(ops_remember_phase(&env->m, 6), -1);
    assert_int_equal(ops_last_phase(&env->m, &number), 0);
    assert_int_equal(number, 1);
    assert_int_equal(test_sql_int(env->st, "SELECT count(*) FROM dangling"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        test_with_env(test_unset_then_remembered),
        test_with_env(test_each_profile_its_own),
        test_with_env(test_broken_table_refused),
        test_with_env(test_refused_write_and_commit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
