/* test_checkin.c - the check-in cadence: parsing and wording it, the due rule,
 * the sentence `climb due` prints, the cadence as an undoable 'setting' event,
 * the facts read from the log, and a finished check-in recorded as its event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/checkin.h"
#include "climb/ops_checkin.h"
#include "support.h"

#include <string.h>

enum { DAY = 86400 };

static void test_cadence_parses_days_weeks_months(void **state)
{
    int d = -1;
    (void)state;
    assert_int_equal(checkin_parse_cadence("2w", &d), 0);
    assert_int_equal(d, 14);
    assert_int_equal(checkin_parse_cadence("10d", &d), 0);
    assert_int_equal(d, 10);
    assert_int_equal(checkin_parse_cadence("5", &d), 0);
    assert_int_equal(d, 5);
    assert_int_equal(checkin_parse_cadence("1m", &d), 0);
    assert_int_equal(d, 30);
    assert_int_equal(checkin_parse_cadence("none", &d), 0);
    assert_int_equal(d, 0);
    const char *bad[] = {"", "0d", "2x", "w", "-1w", "53w", "2w3", "366", " 2w"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(checkin_parse_cadence(bad[i], &d), -1);
}

static void test_cadence_is_worded(void **state)
{
    char buf[64];
    (void)state;
    checkin_describe_cadence(14, buf, sizeof buf);
    assert_string_equal(buf, "every 2 weeks");
    checkin_describe_cadence(7, buf, sizeof buf);
    assert_string_equal(buf, "every week");
    checkin_describe_cadence(10, buf, sizeof buf);
    assert_string_equal(buf, "every 10 days");
    checkin_describe_cadence(0, buf, sizeof buf);
    assert_string_equal(buf, "none");
}

static void test_due_after_the_cadence_and_not_before(void **state)
{
    (void)state;
    checkin_facts f = {14, 1000000, 0};
    assert_false(checkin_is_due(&f, 1000000 + 14 * DAY - 1));
    assert_true(checkin_is_due(&f, 1000000 + 14 * DAY));
    f.cadence_days = 0;
    assert_false(checkin_is_due(&f, 1000000 + 1000 * DAY)); /* no cadence: never due */
}

static void test_due_sentence(void **state)
{
    char buf[128];
    (void)state;
    checkin_facts f = {14, 0, 2};
    checkin_due_sentence(&f, 17 * DAY + 5, buf, sizeof buf);
    assert_string_equal(buf, "check-in due: last update 17 days ago; 2 criteria with stale evidence");
    f.stale = 1;
    checkin_due_sentence(&f, DAY, buf, sizeof buf);
    assert_string_equal(buf, "check-in due: last update 1 day ago; 1 criterion with stale evidence");
    f.stale = 0;
    checkin_due_sentence(&f, 3 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "check-in due: last update 3 days ago");
}

/* The cadence is a 'setting' event that derives profiles.checkin_days. */
static void test_cadence_is_a_setting_event(void **state)
{
    test_env *env = *state;
    test_set_now(5000);
    assert_int_equal(ops_set_cadence(&env->m, 14), 0);
    assert_int_equal(env->m.profile.checkin_days, 14);
    assert_int_equal(test_sql_int(env->st, "SELECT checkin_days FROM profiles WHERE name = 'ana'"),
                     14);
    assert_int_equal(test_sql_int(env->st, "SELECT count(*) FROM events WHERE kind = 'setting'"
                                           " AND item = 'checkin_days' AND value = '14'"
                                           " AND previous = '0'"),
                     1);
    assert_int_equal(ops_set_cadence(&env->m, 14), 0); /* no change: no event */
    assert_int_equal(test_sql_int(env->st, "SELECT count(*) FROM events WHERE kind = 'setting'"),
                     1);
    assert_int_equal(ops_set_cadence(&env->m, 400), OPS_INVALID);
    assert_int_equal(env->m.profile.checkin_days, 14);
}

/* Last update: the newest state, note or checkin event; else the creation. */
static void test_facts_follow_the_log(void **state)
{
    test_env *env = *state;
    checkin_facts f;
    assert_int_equal(ops_checkin_facts(&env->m, 10 * DAY, &f), 0);
    assert_int_equal(f.last_update, env->m.profile.created_at);
    test_set_now(3 * DAY);
    assert_int_equal(ops_set_state(&env->m, 0, 0, STATE_DONE, NULL, NULL), 0);
    test_set_now(4 * DAY);
    assert_int_equal(ops_set_cadence(&env->m, 7), 0); /* a setting is not an update */
    assert_int_equal(ops_checkin_facts(&env->m, 10 * DAY, &f), 0);
    assert_int_equal(f.last_update, 3 * DAY);
    assert_int_equal(f.cadence_days, 7);
    assert_false(checkin_is_due(&f, 9 * DAY));
    assert_true(checkin_is_due(&f, 10 * DAY));
    /* a year and more later, the tick's evidence is stale */
    assert_int_equal(ops_checkin_facts(&env->m, 3 * DAY + 400LL * DAY, &f), 0);
    assert_int_equal(f.stale, 1);
}

static void test_checkin_recorded_as_its_event(void **state)
{
    test_env *env = *state;
    test_set_now(20 * DAY);
    assert_int_equal(ops_set_cadence(&env->m, 14), 0);
    ops_checkin_summary s = {ops_checkin_phase(&env->m), 3, 1};
    assert_int_equal(s.phase, 0);
    assert_int_equal(ops_checkin_record(&env->m, &s), 0);
    assert_int_equal(test_sql_int(env->st, "SELECT count(*) FROM events WHERE kind = 'checkin'"
                                           " AND item = 'p1' AND value = 'reviewed=3 changed=1'"),
                     1);
    checkin_facts f;
    assert_int_equal(ops_checkin_facts(&env->m, 21 * DAY, &f), 0);
    assert_int_equal(f.last_update, 20 * DAY); /* the check-in resets the clock */
    assert_false(checkin_is_due(&f, 21 * DAY));
    s.phase = 99;
    assert_int_equal(ops_checkin_record(&env->m, &s), OPS_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cadence_parses_days_weeks_months),
        cmocka_unit_test(test_cadence_is_worded),
        cmocka_unit_test(test_due_after_the_cadence_and_not_before),
        cmocka_unit_test(test_due_sentence),
        test_with_env(test_cadence_is_a_setting_event),
        test_with_env(test_facts_follow_the_log),
        test_with_env(test_checkin_recorded_as_its_event),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
