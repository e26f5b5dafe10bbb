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

static void open_store(fixture *f)
{
    char err[512];
    assert_int_equal(store_open(f->path, &f->st, err, sizeof err), 0);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/climb-test-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/c.db", f->dir);
    open_store(f);
    store_profile p;
    int created;
    assert_int_equal(store_profile_get(f->st, "ana", 1, 1000, &p, &created), 0);
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

static void test_flag_writes_flag_and_event(void **state)
{
    fixture *f = *state;
    int changed = -1;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(count(f->st, "SELECT flagged_at FROM roadblock_flags"
                                  " WHERE roadblock_id = 'rb-firefighting'"), 5000);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                  " AND item = 'rb-firefighting' AND value = 'on'"
                                  " AND previous = 'off' AND at = 5000"), 1);
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
    fixture *f = *state;
    int changed = -1;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 5000, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-firefighting", 1, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    /* the first date is kept */
    assert_int_equal(count(f->st, "SELECT flagged_at FROM roadblock_flags"), 5000);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"), 1);
    /* unflagging what is not flagged changes nothing either */
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-passed-over", 0, 9000, &changed), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"), 1);
}

static void test_unflag_and_reopen(void **state)
{
    fixture *f = *state;
    int changed;
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-senior-stall", 1, 100, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-cert-stacking", 1, 200, &changed), 0);
    assert_int_equal(roadblocks_set(f->st, f->profile, "rb-senior-stall", 0, 300, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events WHERE kind = 'roadblock'"
                                  " AND item = 'rb-senior-stall' AND value = 'off'"
                                  " AND previous = 'on' AND at = 300"), 1);
    store_close(f->st);
    open_store(f);
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
    fixture *f = *state;
    store_profile p;
    int created, changed = -1;
    assert_int_equal(store_profile_get(f->st, "ben", 1, 1000, &p, &created), 0);
    assert_int_equal(roadblocks_set(f->st, p.id, "rb-firefighting", 1, 10, &changed), 0);
    roadblock_flags fl;
    assert_int_equal(roadblocks_load(f->st, f->profile, &fl), 0);
    assert_int_equal(fl.n, 0);
    roadblocks_free(&fl);
    store_profile_free(&p);
    long long events = count(f->st, "SELECT count(*) FROM events");
    assert_int_equal(roadblocks_set(f->st, 999, "rb-firefighting", 1, 10, &changed), -1);
    assert_int_equal(changed, 0);
    assert_int_equal(count(f->st, "SELECT count(*) FROM events"), events);
    assert_int_equal(count(f->st, "SELECT count(*) FROM roadblock_flags WHERE profile_id = 999"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_flag_writes_flag_and_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeat_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unflag_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_profiles_and_failure, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
