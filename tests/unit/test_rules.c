/* test_rules.c - the shared rules of what climb accepts (rules.h) at their edges:
 * times from 1970 to now plus a day, canonical lower-case UUIDs, evidence entries
 * and their links, a quiz placement against its answers; and clock_format_utc
 * always writing the full form clock_parse_iso reads back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/clock.h"
#include "climb/content.h"
#include "climb/quiz.h"
#include "climb/rules.h"

#include <stdio.h>
#include <string.h>

static void test_time(void **state)
{
    (void)state;
    long long now = 1773480600; /* 2026-03-14T09:30:00Z */
    assert_null(rules_check_time(0, now));
    assert_null(rules_check_time(now, now));
    assert_null(rules_check_time(now + RULES_TIME_AHEAD, now));
    assert_non_null(strstr(rules_check_time(-1, now), "before 1970"));
    assert_non_null(strstr(rules_check_time(now + RULES_TIME_AHEAD + 1, now), "a day after"));
}

static void test_uuid(void **state)
{
    (void)state;
    assert_null(rules_check_uuid("0b3c8946-e5db-4da8-8c3b-1dd573c4ade2"));
    assert_non_null(strstr(rules_check_uuid("0B3C8946-e5db-4da8-8c3b-1dd573c4ade2"), "lower-case"));
    assert_non_null(rules_check_uuid("0b3c8946-e5db-4da8-8c3b-1dd573c4ade"));
    assert_non_null(rules_check_uuid("0b3c8946-e5db-4da8-8c3b-1dd573c4ade22"));
    assert_non_null(rules_check_uuid("0b3c8946e-5db-4da8-8c3b-1dd573c4ade2"));
    assert_non_null(rules_check_uuid("0b3c8946-e5db-4da8-8c3b-1dd573c4adeg"));
    assert_non_null(rules_check_uuid(""));
}

static void test_entry(void **state)
{
    (void)state;
    char buf[128];
    const char *ok[] = {"https://x.test/1", "PR-12"}, *spaced[] = {"PR-1", "a b"};
    const char *many[RULES_LINKS_MAX + 1];
    for (size_t i = 0; i <= RULES_LINKS_MAX; i++)
        many[i] = "x";
    assert_null(rules_check_entry("text", ok, 2, buf, sizeof buf));
    assert_null(rules_check_entry(NULL, NULL, 0, buf, sizeof buf));
    assert_null(rules_check_entry(NULL, many, RULES_LINKS_MAX, buf, sizeof buf));
    assert_string_equal(rules_check_entry("", NULL, 0, buf, sizeof buf),
                        "the evidence is empty: evidence needs some text");
    assert_non_null(strstr(rules_check_entry("t", spaced, 2, buf, sizeof buf), "link 2 has"));
    assert_non_null(
        strstr(rules_check_entry("t", many, RULES_LINKS_MAX + 1, buf, sizeof buf), "at most 20"));
}

static void test_placement(void **state)
{
    (void)state;
    climb_ladder l;
    climb_content_error e;
    char buf[160];
    const char *field;
    assert_int_equal(content_load_default(&l, &e), 0);
    quiz_answer a[] = {ANSWER_NO, ANSWER_ONCE, ANSWER_REGULARLY, ANSWER_NO, ANSWER_NO};
    quiz_placement p;
    assert_int_equal(quiz_place(&l, a, 5, &p), 0);
    quiz_placement said = p;
    assert_null(rules_check_placement(&l, a, 5, &said, &field, buf, sizeof buf));
    said.yes++;
    assert_non_null(rules_check_placement(&l, a, 5, &said, &field, buf, sizeof buf));
    assert_string_equal(field, "yes");
    said = p;
    said.on_edge_of = 4;
    assert_non_null(rules_check_placement(&l, a, 5, &said, &field, buf, sizeof buf));
    assert_string_equal(field, "on_edge_of");
    said = p;
    said.phase = 1;
    assert_non_null(rules_check_placement(&l, a, 5, &said, &field, buf, sizeof buf));
    assert_string_equal(field, "phase");
    assert_non_null(rules_check_placement(&l, a, 4, &p, &field, buf, sizeof buf));
    assert_string_equal(field, "answers");
    content_free(&l);
}

/* Every time written has the full form and reads back to itself; times outside
 * what the form holds are clamped, never written short. */
static void test_format_utc(void **state)
{
    (void)state;
    char buf[32];
    long long back;
    const long long times[] = {0, 59, 951782400 /* 2000-02-29 */, 1773480600,
                               253402300799LL /* 9999-12-31T23:59:59Z */};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        clock_format_utc(times[i], buf, sizeof buf);
        assert_int_equal(strlen(buf), 20);
        assert_int_equal(clock_parse_iso(buf, &back), 0);
        assert_int_equal(back, times[i]);
    }
    clock_format_utc(951782400, buf, sizeof buf);
    assert_string_equal(buf, "2000-02-29T00:00:00Z");
    clock_format_utc(-30000000000LL, buf, sizeof buf); /* year 1019 */
    assert_string_equal(buf, "1970-01-01T00:00:00Z");
    clock_format_utc(253402300800LL, buf, sizeof buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time),      cmocka_unit_test(test_uuid),
        cmocka_unit_test(test_entry),     cmocka_unit_test(test_placement),
        cmocka_unit_test(test_format_utc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
