/* test_roadblocks.c - roadblock flags against a real SQLite file, set through the
 * operations layer: flagging writes the flag and its 'roadblock' event together,
 * repeating changes nothing, unflagging removes it with an "off" event, flags
 * survive a reopen, and a failed write leaves neither flag nor event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/model.h"
#include "climb/ops.h"
#include "climb/roadblocks.h"
#include "climb/store_profiles.h"
#include "climb/store_roadblocks.h"

#include "support.h"

/* Flags (on) or unflags roadblock id for profile user at time `at` (CLIMB_NOW)
 * through a model opened for it; returns what ops_roadblock_set did. */
static int set(test_env *f, const char *user, const char *id, int on, long long at,
               int *changed)
{
    climb_model m;
    test_set_now(at);
    test_model_open(f, &m, user);
    int rc = ops_roadblock_set(&m, id, on, changed);
    model_close(&m);
    return rc;
}

static void test_flag_writes_flag_and_event(void **state)
{
    test_env *f = *state;
    int changed = -1;
    assert_int_equal(set(f, "ana", "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT flagged_at FROM roadblock_flags"
                                         " WHERE roadblock_id = 'rb-firefighting'"),
                     5000);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                         " AND item = 'rb-firefighting' AND value = 'on'"
                                         " AND previous = 'off' AND at = 5000"),
                     1);
    roadblock_flags fl;
    assert_int_equal(store_roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 1);
    assert_string_equal(fl.items[0].roadblock_id, "rb-firefighting");
    assert_int_equal(roadblocks_flagged_at(&fl, "rb-firefighting"), 5000);
    assert_int_equal(roadblocks_flagged_at(&fl, "rb-passed-over"), 0);
    roadblocks_free(&fl);
    /* the model holds the same flags */
    climb_model m;
    test_model_open(f, &m, "ana");
    assert_int_equal(m.flags.n, 1);
    assert_int_equal(roadblocks_flagged_at(&m.flags, "rb-firefighting"), 5000);
    model_close(&m);
}

static void test_repeat_changes_nothing(void **state)
{
    test_env *f = *state;
    int changed = -1;
    assert_int_equal(set(f, "ana", "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(set(f, "ana", "rb-firefighting", 1, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    /* the first date is kept */
    assert_int_equal(test_sql_int(f->st, "SELECT flagged_at FROM roadblock_flags"), 5000);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"),
                     1);
    /* unflagging what is not flagged changes nothing either */
    assert_int_equal(set(f, "ana", "rb-passed-over", 0, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"),
                     1);
}

static void test_unflag_and_reopen(void **state)
{
    test_env *f = *state;
    int changed;
    assert_int_equal(set(f, "ana", "rb-senior-stall", 1, 100, &changed), 0);
    assert_int_equal(set(f, "ana", "rb-cert-stacking", 1, 200, &changed), 0);
    assert_int_equal(set(f, "ana", "rb-senior-stall", 0, 300, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                         " AND item = 'rb-senior-stall' AND value = 'off'"
                                         " AND previous = 'on' AND at = 300"),
                     1);
    test_env_reopen(f);
    roadblock_flags fl;
    assert_int_equal(store_roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 1);
    assert_string_equal(fl.items[0].roadblock_id, "rb-cert-stacking");
    assert_int_equal(fl.items[0].flagged_at, 200);
    roadblocks_free(&fl);
}

/* Flags belong to one profile; a write for a profile deleted meanwhile (by
 * another climb) fails whole. */
static void test_profiles_and_failure(void **state)
{
    test_env *f = *state;
    profile_row p;
    int created, changed = -1;
    assert_int_equal(store_profile_get(f->st, "ben", 1, 1000, &p, &created), 0);
    assert_int_equal(set(f, "ben", "rb-firefighting", 1, 10, &changed), 0);
    roadblock_flags fl;
    assert_int_equal(store_roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 0);
    roadblocks_free(&fl);
    /* a model of "cy", whose profile goes away under it */
    climb_model cy;
    assert_int_equal(model_open(&cy, &f->ladder, f->st, "cy", 1, &created), 0);
    long long cy_id = cy.profile.id;
    assert_int_equal(store_profile_delete(f->st, "cy"), 0);
    long long events = test_sql_int(f->st, "SELECT count(*) FROM events");
    test_set_now(20);
    assert_int_equal(ops_roadblock_set(&cy, "rb-firefighting", 1, &changed), -1);
    assert_int_equal(changed, 0);
    model_close(&cy);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events"), events);
    char q[128];
    snprintf(q, sizeof q, "SELECT count(*) FROM roadblock_flags WHERE profile_id = %lld", cy_id);
    assert_int_equal(test_sql_int(f->st, q), 0);
    profile_row_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        test_with_store(test_flag_writes_flag_and_event),
        test_with_store(test_repeat_changes_nothing),
        test_with_store(test_unflag_and_reopen),
        test_with_store(test_profiles_and_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
