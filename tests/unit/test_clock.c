/* test_clock.c - the one clock: every form of ISO time clock_parse_iso reads
 * (date, minutes, seconds, Z or an offset, a leap second) and the near misses it
 * refuses; CLIMB_NOW checked and used; the formats clamped to 1970-9999. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/clock.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *text;
    long long at;
} iso_case;

static void test_forms_read(void **state)
{
    (void)state;
    static const iso_case ok[] = {
        {"1970-01-01", 0},
        {"2026-03-14", 1773446400},
        {"2026-03-14T09:30", 1773480600},
        {"2026-03-14T09:30:00Z", 1773480600},
        {"2026-03-14T09:30:00", 1773480600},
        {"2026-03-14T11:30:00+02:00", 1773480600},
        {"2026-03-14T05:00:00-04:30", 1773480600},
        {"2024-02-29T00:00:00Z", 1709164800},
        {"2016-12-31T23:59:60Z", 1483228800},
        {"2026-03-14 09:30", 1773480600}, /* RFC 3339 allows a space */
        {"2026-03-14T09:30:00.5Z", 1773480600}, /* a fraction is dropped */
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        long long t = -1;
        if (clock_parse_iso(ok[i].text, &t) != 0)
            fail_msg("'%s' was refused", ok[i].text);
        if (t != ok[i].at)
            fail_msg("'%s' read as %lld, not %lld", ok[i].text, t, ok[i].at);
    }
    static const char *const refused[] = {
        "", "2026", "2026-03", "2026-3-14", "2026-03-14T", "2026-03-14T9:30",
        "2026-03-14T09:30:00ZZ", "2026-03-14T09:30:00+2", "2026-03-14T09:30:00+02:0",
        "2026-03-14T09:30:00+24:00", "2026-03-14T09:30:00+02:60", "2026-02-30",
        "2025-02-29", "2026-13-01", "2026-00-10", "2026-03-00", "2026-03-32",
        "2026-03-14T24:00", "2026-03-14T23:60", "2026-03-14T23:59:61",
        "x026-03-14", "2026-03-14T09:30:00Z ",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        long long t = 0;
        if (clock_parse_iso(refused[i], &t) == 0)
            fail_msg("'%s' was read (%lld)", refused[i], t);
    }
}

static void test_climb_now(void **state)
{
    (void)state;
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    assert_int_equal(clock_check_env(), 0);
    assert_int_equal(clock_now(), 1773480600);
    setenv("CLIMB_NOW", "yesterday", 1);
    assert_int_equal(clock_check_env(), -1);
    setenv("CLIMB_NOW", "1969-12-31T23:59:59Z", 1);
    assert_int_equal(clock_check_env(), -2);
    unsetenv("CLIMB_NOW");
    assert_int_equal(clock_check_env(), 0);
    assert_true(clock_now() > 1773480600); /* the real time, after this test was written */
}

static void test_formats(void **state)
{
    (void)state;
    char buf[32];
    clock_format_utc(1773480600, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-14T09:30:00Z");
    clock_format_utc(-5, buf, sizeof buf);
    assert_string_equal(buf, "1970-01-01T00:00:00Z");
    clock_format_utc(400000000000LL, buf, sizeof buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    setenv("TZ", "UTC", 1);
    tzset();
    clock_format_local_date(1773480600, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-14");
    clock_format_local_minute(1773480600, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-14 09:30");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_read),
        cmocka_unit_test(test_climb_now),
        cmocka_unit_test(test_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
