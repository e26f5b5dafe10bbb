/* test_forecast.c - unit tests of the forecast arithmetic and the spans in words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "climb/forecast.h"

#define DAY 86400LL
static const long long NOW = 1773480600LL; /* 2026-03-14T09:30:00Z */

static void no_forecast_from_fewer_than_two_ticks(void **state)
{
    (void)state;
    forecast f;
    forecast_compute(NULL, 0, 4, NOW, &f);
    assert_int_equal(f.kind, FORECAST_TOO_FEW);
    assert_string_equal(f.basis, "no forecast yet: it needs at least 2 ticks in this phase, and"
                                 " there are 0");
    long long one[] = {NOW - 30 * DAY};
    forecast_compute(one, 1, 3, NOW, &f);
    assert_int_equal(f.kind, FORECAST_TOO_FEW);
    assert_int_equal(f.ticks, 1);
    assert_true(strstr(f.basis, "there is 1") != NULL);
}

static void pace_from_first_tick_to_now(void **state)
{
    (void)state;
    forecast f;
    /* 3 ticks, the first 100 days ago: 2 ticks after it in 100 days = one per 50
     * days; 2 to go = 100 days from now. Order of the ticks does not matter. */
    long long ticks[] = {NOW - 10 * DAY, NOW - 100 * DAY, NOW - 50 * DAY};
    forecast_compute(ticks, 3, 2, NOW, &f);
    assert_int_equal(f.kind, FORECAST_DATE);
    assert_int_equal(f.interval, 50 * DAY);
    assert_int_equal(f.date, NOW + 100 * DAY);
    assert_int_equal(f.span, 100 * DAY);
    assert_int_equal(f.rough, 1); /* only 3 ticks */
    assert_string_equal(f.basis, "rests on 3 ticks over 3 mo, a rough guess");
}

static void enough_data_is_not_rough(void **state)
{
    (void)state;
    forecast f;
    long long ticks[] = {NOW - 200 * DAY, NOW - 150 * DAY, NOW - 100 * DAY, NOW - 50 * DAY,
                         NOW - 1 * DAY};
    forecast_compute(ticks, 5, 1, NOW, &f);
    assert_int_equal(f.kind, FORECAST_DATE);
    assert_int_equal(f.interval, 50 * DAY);
    assert_int_equal(f.date, NOW + 50 * DAY);
    assert_int_equal(f.rough, 0);
    assert_string_equal(f.basis, "rests on 5 ticks over 7 mo");
}

/* Five ticks are enough only over 90 days or more: 89 days is still rough. */
static void many_ticks_over_a_short_span_are_rough(void **state)
{
    (void)state;
    forecast f;
    long long ticks[] = {NOW - 89 * DAY, NOW - 60 * DAY, NOW - 40 * DAY, NOW - 20 * DAY,
                         NOW - 1 * DAY};
    forecast_compute(ticks, 5, 1, NOW, &f);
    assert_int_equal(f.kind, FORECAST_DATE);
    assert_int_equal(f.span, 89 * DAY);
    assert_int_equal(f.rough, 1);
    assert_non_null(strstr(f.basis, ", a rough guess"));
    ticks[0] = NOW - 90 * DAY;
    forecast_compute(ticks, 5, 1, NOW, &f);
    assert_int_equal(f.span, 90 * DAY);
    assert_int_equal(f.rough, 0);
    assert_null(strstr(f.basis, "rough"));
}

static void same_day_ticks_count_as_one_day(void **state)
{
    (void)state;
    forecast f;
    long long ticks[] = {NOW - 60, NOW - 30};
    forecast_compute(ticks, 2, 3, NOW, &f);
    assert_int_equal(f.kind, FORECAST_DATE);
    assert_int_equal(f.interval, DAY);
    assert_int_equal(f.date, NOW + 3 * DAY);
    assert_int_equal(f.rough, 1);
}

static void all_met(void **state)
{
    (void)state;
    forecast f;
    long long ticks[] = {NOW - DAY};
    forecast_compute(ticks, 1, 0, NOW, &f);
    assert_int_equal(f.kind, FORECAST_ALL_MET);
    assert_int_equal(f.remaining, 0);
}

static void spans_in_words(void **state)
{
    (void)state;
    char buf[32];
    forecast_span_text(3600, buf, sizeof buf);
    assert_string_equal(buf, "under a day");
    forecast_span_text(4 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "4 d");
    forecast_span_text(21 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "3 wk");
    forecast_span_text(150 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "5 mo");
    forecast_span_text(365 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "1 y");
    forecast_span_text(430 * DAY, buf, sizeof buf);
    assert_string_equal(buf, "1 y 2 mo");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_forecast_from_fewer_than_two_ticks),
        cmocka_unit_test(pace_from_first_tick_to_now),
        cmocka_unit_test(enough_data_is_not_rough),
        cmocka_unit_test(many_ticks_over_a_short_span_are_rough),
        cmocka_unit_test(same_day_ticks_count_as_one_day),
        cmocka_unit_test(all_met),
        cmocka_unit_test(spans_in_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
