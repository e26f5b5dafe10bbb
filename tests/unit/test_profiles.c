/* test_profiles.c - profiles and quiz attempts on a real SQLite file: an attempt
 * is one row plus one 'quiz' event with the same uuid; attempts are kept newest
 * first; rename, delete (only that profile's data) and title each write what they
 * should; the title/placement sentence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/ops.h"
#include "climb/profiles.h"
#include "climb/store_quiz.h"

#include "support.h"

static void record(test_env *f, long long profile, long long at, const char *list,
                   quiz_attempt *out)
{
    quiz_answer a[5];
    quiz_placement p;
    char err[128];
    assert_int_equal(quiz_parse_answers(list, 5, a, err, sizeof err), 0);
    assert_int_equal(quiz_place(&f->ladder, a, 5, &p), 0);
    /* the attempt row and its event, in the caller's transaction */
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(store_quiz_record(f->st, profile, at, a, 5, &p, out), 0);
    assert_int_equal(store_commit(f->st), 0);
}

static int collect(void *ctx, const quiz_attempt *a)
{
    long long *times = ctx;
    for (int i = 0; i < 8; i++)
        if (!times[i])
            return times[i] = a->taken_at, 0;
    return 1;
}

static void test_attempt_row_and_event(void **state)
{
    test_env *f = *state;
    quiz_attempt at, latest;
    assert_int_equal(store_quiz_latest(f->st, f->m.profile.id, &latest), 1);
    record(f, f->m.profile.id, 1000, "regularly,once,regularly,once,no", &at);
    assert_int_equal(at.phase, 3);
    assert_int_equal(at.on_edge_of, 4);
    assert_string_equal(at.answers, "regularly,once,regularly,once,no");
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM quiz_attempts"), 1);
    assert_int_equal(test_sql_int(f->st,
                                  "SELECT count(*) FROM events e JOIN quiz_attempts q"
                                  " ON e.uuid = q.event_uuid WHERE e.kind = 'quiz' AND"
                                  " e.value = q.answers AND e.detail = 'phase=3 on_edge_of=4'"),
                     1);
    record(f, f->m.profile.id, 2000, "no,no,once,no,no", NULL);
    record(f, f->m.profile.id, 1500, "once,once,no,no,no", NULL);
    assert_int_equal(store_quiz_latest(f->st, f->m.profile.id, &latest), 0);
    assert_int_equal(latest.taken_at, 2000);
    assert_int_equal(latest.phase, 1);
    assert_int_equal(latest.on_edge_of, 2);
    long long times[8] = {0};
    assert_int_equal(store_quiz_each(f->st, f->m.profile.id, collect, times), 0);
    assert_int_equal(times[0], 2000);
    assert_int_equal(times[1], 1500);
    assert_int_equal(times[2], 1000);
    assert_int_equal(times[3], 0);
    assert_int_equal(
        test_sql_int(f->st, "SELECT count(*) FROM quiz_attempts WHERE on_edge_of IS NULL"), 1);
}

static void test_rename(void **state)
{
    test_env *f = *state;
    assert_int_equal(ops_profile_create(&f->m, "bob"), 0);
    assert_int_equal(ops_profile_create(&f->m, "bob"), OPS_EXISTS);
    assert_int_equal(ops_profile_rename(&f->m, "bob", "ana"), OPS_EXISTS);
    assert_int_equal(ops_profile_rename(&f->m, "nobody", "zed"), OPS_NOT_FOUND);
    assert_int_equal(ops_profile_rename(&f->m, "bob", "Bøb"), 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM profiles WHERE name = 'Bøb'"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'rename' AND"
                                         " value = 'Bøb' AND previous = 'bob'"),
                     1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'profile'"), 2);
}

static void test_delete_only_that_profile(void **state)
{
    test_env *f = *state;
    climb_model bob;
    assert_int_equal(model_open(&bob, &f->ladder, f->st, "bob", 1, NULL), 0);
    ops_crit_change bc = {1, STATE_DONE, NULL, "bob's note", NULL, 0, 0};
    ops_crit_change ac = {1, STATE_DONE, NULL, "ana's note", NULL, 0, 0};
    assert_int_equal(ops_criterion(&bob, 1, 0, &bc, NULL), 0);
    assert_int_equal(ops_criterion(&f->m, 1, 0, &ac, NULL), 0);
    record(f, bob.profile.id, 100, "once,once,once,once,once", NULL);
    record(f, f->m.profile.id, 100, "no,no,no,no,no", NULL);
    model_close(&bob);
    assert_int_equal(ops_profile_delete(&f->m, "bob"), 0);
    assert_int_equal(ops_profile_delete(&f->m, "bob"), OPS_NOT_FOUND);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM profiles"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM criterion_state"), 1);
    assert_int_equal(
        test_sql_int(f->st, "SELECT count(*) FROM criterion_state WHERE note = 'ana''s note'"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM quiz_attempts"), 1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(DISTINCT profile_id) FROM events"), 1);
}

static void test_title(void **state)
{
    test_env *f = *state;
    int changed;
    char buf[256];
    quiz_attempt at;
    assert_int_equal(ops_set_title(&f->m, "mid", &changed), 0);
    assert_int_equal(changed, 1);
    assert_string_equal(f->m.profile.title, "mid");
    assert_int_equal(ops_set_title(&f->m, "mid", &changed), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(ops_set_title(&f->m, "senior", &changed), 0);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'title'"), 2);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'title' AND"
                                         " value = 'senior' AND previous = 'mid'"),
                     1);
    assert_int_equal(model_placement(&f->m, &at), 1);
    assert_int_equal(profiles_mismatch(&f->ladder, f->m.profile.title, NULL, buf, sizeof buf), 0);
    /* the quiz taken through the operations layer: the model's placement follows */
    quiz_answer a[5];
    quiz_placement qp;
    assert_int_equal(quiz_parse_answers("regularly,regularly,regularly,regularly,no", 5, a, buf,
                                        sizeof buf),
                     0);
    assert_int_equal(ops_quiz_take(&f->m, a, 5, &qp, NULL), 0);
    assert_int_equal(model_placement(&f->m, &at), 0);
    assert_int_equal(at.phase, 4);
    assert_int_equal(profiles_mismatch(&f->ladder, "senior", &at, buf, sizeof buf), 1);
    assert_string_equal(buf, "Your title says Senior but the quiz puts you at Staff (Phase 4).");
    assert_int_equal(profiles_mismatch(&f->ladder, "staff", &at, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(profiles_find_level(&f->ladder, "Staff"), 3);
    assert_int_equal(profiles_find_level(&f->ladder, "staff"), 3);
    assert_int_equal(profiles_find_level(&f->ladder, "boss"), -1);
}

static void test_quiz_offered_once(void **state)
{
    test_env *f = *state;
    assert_int_equal(f->m.profile.quiz_offered, 0);
    assert_int_equal(ops_mark_quiz_offered(&f->m), 0);
    assert_int_equal(ops_mark_quiz_offered(&f->m), 0);
    assert_int_equal(f->m.profile.quiz_offered, 1);
    assert_int_equal(test_sql_int(f->st, "SELECT quiz_offered FROM profiles WHERE name = 'ana'"),
                     1);
    assert_int_equal(test_sql_int(f->st, "SELECT count(*) FROM events WHERE kind = 'setting' AND"
                                         " item = 'quiz_offered'"),
                     1);
}

static void test_list(void **state)
{
    test_env *f = *state;
    profile_info *list;
    size_t n;
    assert_int_equal(ops_profile_create(&f->m, "carla"), 0);
    assert_int_equal(ops_set_state(&f->m, 0, 0, STATE_DONE, NULL, NULL), 0);
    record(f, f->m.profile.id, 100, "no,once,no,no,no", NULL);
    assert_int_equal(ops_profiles_list(f->st, &f->ladder, &list, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].name, "ana");
    assert_int_equal(list[0].done, 1);
    assert_int_equal(list[0].has_placement, 1);
    assert_int_equal(list[0].placement.phase, 1);
    assert_int_equal(list[0].placement.on_edge_of, 2);
    assert_string_equal(list[1].name, "carla");
    assert_int_equal(list[1].done, 0);
    assert_int_equal(list[1].has_placement, 0);
    assert_null(list[1].title);
    profiles_free(list, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        test_with_env(test_attempt_row_and_event),
        test_with_env(test_rename),
        test_with_env(test_delete_only_that_profile),
        test_with_env(test_title),
        test_with_env(test_quiz_offered_once),
        test_with_env(test_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
