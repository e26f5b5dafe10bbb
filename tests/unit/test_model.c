/* test_model.c - progress counting over the built-in ladder: done out of the
 * criteria that apply, the level the ticks reach, and changes made through the
 * operations layer read back by the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/model.h"
#include "climb/ops.h"

#include "support.h"

#include <stdlib.h>

static void tick_all(climb_model *m, size_t p)
{
    for (size_t i = 0; i < m->ladder->phases[p].n_criteria; i++)
        assert_int_equal(ops_set_state(m, p, i, STATE_DONE, NULL, NULL), 0);
}

static void test_counts_start_at_zero(void **state)
{
    test_env *f = *state;
    int done, total;
    model_phase_counts(&f->m, 2, &done, &total);
    assert_int_equal(done, 0);
    assert_int_equal(total, 4);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "junior"));
}

static void test_progress_level_follows_completed_phases(void **state)
{
    test_env *f = *state;
    tick_all(&f->m, 0);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "mid"));
    tick_all(&f->m, 1);
    tick_all(&f->m, 2);
    tick_all(&f->m, 3);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "principal"));
    assert_int_equal(ops_set_state(&f->m, 1, 0, STATE_TODO, NULL, NULL), 0);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "mid"));
}

static void test_states_reload_from_the_database(void **state)
{
    test_env *f = *state;
    size_t p, i;
    int created, done, total;
    assert_int_equal(model_find(&f->m, "p2-reduce-oncall", &p, &i), 0);
    ops_crit_change c = {1, STATE_DONE, NULL, "ADR-7", NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->m, p, i, &c, NULL), 0);
    model_close(&f->m);
    assert_int_equal(model_open(&f->m, &f->ladder, f->st, "ana", 0, &created), 0);
    assert_int_equal(created, 0);
    model_phase_counts(&f->m, p, &done, &total);
    assert_int_equal(done, 1);
    assert_string_equal(model_crit_at(&f->m, p, i)->note, "ADR-7");
    assert_int_equal(model_find(&f->m, "no-such-id", &p, &i), -1);
}

int main(void)
{
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    const struct CMUnitTest tests[] = {
        test_with_env(test_counts_start_at_zero),
        test_with_env(test_progress_level_follows_completed_phases),
        test_with_env(test_states_reload_from_the_database),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
