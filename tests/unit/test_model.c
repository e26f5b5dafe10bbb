/* test_model.c - progress counting over the built-in ladder: done out of the
 * criteria that apply, the level the ticks reach, and changes through the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
    char dir[64], path[128];
    climb_ladder ladder;
    climb_store *st;
    climb_model m;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    climb_content_error cerr;
    char err[512];
    int created;
    snprintf(f->dir, sizeof f->dir, "/tmp/climb-model-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/c.db", f->dir);
    assert_int_equal(content_load_default(&f->ladder, &cerr), 0);
    assert_int_equal(store_open(f->path, &f->st, err, sizeof err), 0);
    assert_int_equal(model_open(&f->m, &f->ladder, f->st, "ana", 1, &created), 0);
    assert_int_equal(created, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[96];
    model_close(&f->m);
    store_close(f->st);
    content_free(&f->ladder);
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void tick_all(climb_model *m, size_t p)
{
    for (size_t i = 0; i < m->ladder->phases[p].n_criteria; i++)
        assert_int_equal(model_set_state(m, p, i, STATE_DONE, NULL, NULL), 0);
}

static void test_counts_start_at_zero(void **state)
{
    fixture *f = *state;
    int done, total;
    model_phase_counts(&f->m, 2, &done, &total);
    assert_int_equal(done, 0);
    assert_int_equal(total, 4);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "junior"));
}

static void test_progress_level_follows_completed_phases(void **state)
{
    fixture *f = *state;
    tick_all(&f->m, 0);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "mid"));
    tick_all(&f->m, 1);
    tick_all(&f->m, 2);
    tick_all(&f->m, 3);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "principal"));
    assert_int_equal(model_set_state(&f->m, 1, 0, STATE_TODO, NULL, NULL), 0);
    assert_int_equal(model_progress_level(&f->m), content_level_index(&f->ladder, "mid"));
}

static void test_states_reload_from_the_database(void **state)
{
    fixture *f = *state;
    size_t p, i;
    int created, done, total;
    assert_int_equal(model_find(&f->m, "p2-reduce-oncall", &p, &i), 0);
    assert_int_equal(model_set_state(&f->m, p, i, STATE_DONE, "ADR-7", NULL), 0);
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
        cmocka_unit_test_setup_teardown(test_counts_start_at_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress_level_follows_completed_phases, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_states_reload_from_the_database, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
