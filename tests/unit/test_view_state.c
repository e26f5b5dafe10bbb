/* test_view_state.c - the phase the TUI last showed, per profile: unset at
 * first, then stored (one row), kept apart per profile, and never an event
 * (view state is no change to the person's record, so no undo, no History). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/ops.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        test_with_env(test_unset_then_remembered),
        test_with_env(test_each_profile_its_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
