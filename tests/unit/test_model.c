/* test_model.c - progress counting over the built-in ladder: done out of the
 * criteria that apply, the level the ticks reach, and changes made through the
 * operations layer read back by the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/ladder_text.h"
#include "climb/target_pace.h"
#include "climb/model.h"
#include "climb/ops.h"

#include "support.h"

#include <stdlib.h>
#include <string.h>

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
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "staff"));
    assert_int_equal(model_progress_operating(&f->m), 0); /* Phase 4 still to meet */
    tick_all(&f->m, 3);
    /* Phase 4 is what operating at Staff takes: meeting it reaches no Principal */
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "staff"));
    assert_int_equal(model_progress_operating(&f->m), 1);
    assert_int_equal(ops_set_state(&f->m, 1, 0, STATE_TODO, NULL, NULL), 0);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "mid"));
    assert_int_equal(model_progress_operating(&f->m), 0);
}

/* A small ladder whose last phase is about operating at a level: what the ticks
 * reach comes from its content (operating: true), not from phase number + 1. */
static void test_progress_on_an_operating_ladder(void **state)
{
    test_env *f = *state;
    climb_ladder l;
    climb_model m;
    climb_content_error e;
    char text[64];
    int created;
    assert_int_equal(content_load_file("tests/fixtures/content/operating.yaml", &l, &e), 0);
    assert_int_equal(model_open(&m, &l, f->st, "bo", 1, &created), 0);
    assert_int_equal(model_progress_level(&m), content_level_index(&l, "junior"));
    tick_all(&m, 0);
    assert_int_equal(model_progress_level(&m), content_level_index(&l, "mid"));
    assert_int_equal(model_progress_operating(&m), 0);
    ladder_progress(&l, model_progress_level(&m), model_progress_operating(&m), text, sizeof text);
    assert_string_equal(text, "Mid");
    tick_all(&m, 1);
    assert_int_equal(model_progress_level(&m), content_level_index(&l, "mid")); /* not senior */
    assert_int_equal(model_progress_operating(&m), 1);
    ladder_progress(&l, model_progress_level(&m), model_progress_operating(&m), text, sizeof text);
    assert_string_equal(text, "operating at Mid");
    ladder_phase_step(&l, &l.phases[0], text, sizeof text);
    assert_string_equal(text, "Junior to Mid");
    ladder_phase_step(&l, &l.phases[1], text, sizeof text);
    assert_string_equal(text, "Operating at Mid");
    model_close(&m);
    content_free(&l);
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

/* A target counts the phases whose meeting reaches a level up to it; Phase 4,
 * operating at Staff, reaches no further level and counts only above Staff. */
static void test_target_counts_by_what_a_phase_reaches(void **state)
{
    test_env *f = *state;
    target_pace tp;
    f->m.profile.target_at = 2000000000LL; /* the model frees target_level on close */
    f->m.profile.target_level = strdup("staff");
    target_pace_compute(&f->m, 1700000000LL, &tp);
    assert_int_equal(tp.remaining, 3 + 3 + 4); /* Phases 1-3 */
    free(f->m.profile.target_level);
    f->m.profile.target_level = strdup("principal");
    target_pace_compute(&f->m, 1700000000LL, &tp);
    assert_int_equal(tp.remaining, 3 + 3 + 4 + 4); /* and what operating at Staff takes */
}

int main(void)
{
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    const struct CMUnitTest tests[] = {
        test_with_env(test_counts_start_at_zero),
        test_with_env(test_progress_level_follows_completed_phases),
        test_with_env(test_progress_on_an_operating_ladder),
        test_with_env(test_target_counts_by_what_a_phase_reaches),
        test_with_env(test_states_reload_from_the_database),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
