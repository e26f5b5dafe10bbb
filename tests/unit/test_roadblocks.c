/* test_roadblocks.c - roadblock flags against a real SQLite file: flagging writes
 * the flag and its 'roadblock' event together, repeating changes nothing,
 * unflagging removes it with an "off" event, flags survive a reopen, and a failed
 * write leaves neither flag nor event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/roadblocks.h"

#include "support.h"

static void test_flag_writes_flag_and_event(void **state)
{
    test_env *f = *state;
    int changed = -1;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT flagged_at FROM roadblock_flags"
                                         " WHERE roadblock_id = 'rb-firefighting'"),
                     5000);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                         " AND item = 'rb-firefighting' AND value = 'on'"
                                         " AND previous = 'off' AND at = 5000"),
                     1);
    roadblock_flags fl;
    assert_int_equal(roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 1);
    assert_string_equal(fl.items[0].roadblock_id, "rb-firefighting");
    assert_int_equal(roadblocks_flagged_at(&fl, "rb-firefighting"), 5000);
    assert_int_equal(roadblocks_flagged_at(&fl, "rb-passed-over"), 0);
    roadblocks_free(&fl);
}

static void test_repeat_changes_nothing(void **state)
{
    test_env *f = *state;
    int changed = -1;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    /* the first date is kept */
    assert_int_equal(test_sql_int(f->st, "SELECT flagged_at FROM roadblock_flags"), 5000);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"),
                     1);
    /* unflagging what is not flagged changes nothing either */
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-passed-over", 0, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"),
                     1);
}

static void test_unflag_and_reopen(void **state)
{
    test_env *f = *state;
    int changed;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-senior-stall", 1, 100, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-cert-stacking", 1, 200, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-senior-stall", 0, 300, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                         " AND item = 'rb-senior-stall' AND value = 'off'"
                                         " AND previous = 'on' AND at = 300"),
                     1);
    test_env_reopen(f);
    roadblock_flags fl;
    assert_int_equal(roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 1);
    assert_string_equal(fl.items[0].roadblock_id, "rb-cert-stacking");
    assert_int_equal(fl.items[0].flagged_at, 200);
    roadblocks_free(&fl);
}

/* Flags belong to one profile; a write for a missing profile fails whole. */
static void test_profiles_and_failure(void **state)
{
    test_env *f = *state;
    store_profile p;
    int created, changed = -1;
    assert_int_equal(store_profile_get(f->st, "ben", 1, 1000, &p, &created), 0);
    assert_int_equal(roadblocks_set(f->st, p.id, "rb-firefighting", 1, 10, &changed), 0);
    roadblock_flags fl;
    assert_int_equal(roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 0);
    roadblocks_free(&fl);
    store_profile_free(&p);
    long long events = test_sql_int(f->st, "SELECT count(*) FROM events");
    assert_int_equal(roadblocks_set(f->st, 999, "rb-firefighting", 1, 10, &changed), -1);
    assert_int_equal(changed, 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events"), events);
    assert_int_equal(
        test_sql_int(f->st, "SELECT count(*) FROM roadblock_flags WHERE profile_id = 999"), 0);
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
