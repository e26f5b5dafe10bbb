/* test_quiz.c - placement from quiz answers: every one of the 3^5 answer
 * combinations against the rule table (written out here independently of
 * the content's bands), both overlapping boundaries, answer parsing and the
 * sentences that explain a placement. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/quiz.h"

#include <stdio.h>
#include <string.h>

static int setup(void **state)
{
    static climb_ladder l;
    climb_content_error e;
    if (content_load_default(&l, &e) != 0)
        return -1;
    *state = &l;
    return 0;
}

static int teardown(void **state)
{
    content_free(*state);
    return 0;
}

/* The rule table of the issue: y yes answers, r of them regularly. */
static void expected(int y, int r, int *phase, int *edge)
{
    *edge = 0;
    if (y >= 4 && r >= 4)
        *phase = 4;
    else if (y >= 4)
        *phase = 3, *edge = 4; /* 4-5 yes without 4 regular: Senior, on the edge of Staff */
    else if (y == 3)
        *phase = 3;
    else if (y == 2)
        *phase = 2;
    else if (y == 1)
        *phase = 1, *edge = 2; /* the 0-1 and 1-2 ranges overlap at 1 */
    else
        *phase = 1;
}

static void test_every_combination(void **state)
{
    const climb_ladder *l = *state;
    quiz_answer a[5];
    int seen[5][5] = {{0}}; /* [phase][edge] */
    assert_int_equal(l->n_questions, 5);
    for (int code = 0; code < 243; code++) {
        int y = 0, r = 0, phase, edge;
        for (int q = 0, c = code; q < 5; q++, c /= 3) {
            a[q] = (quiz_answer)(c % 3);
            y += a[q] != ANSWER_NO;
            r += a[q] == ANSWER_REGULARLY;
        }
        quiz_placement p;
        expected(y, r, &phase, &edge);
        assert_int_equal(quiz_place(l, a, 5, &p), 0);
        assert_int_equal(p.yes, y);
        assert_int_equal(p.regularly, r);
        if (p.phase != phase || p.on_edge_of != edge) {
            char msg[128];
            snprintf(msg, sizeof msg, "code %d (y=%d r=%d): got %d/%d, want %d/%d", code, y, r,
                     p.phase, p.on_edge_of, phase, edge);
            fail_msg("%s", msg);
        }
        assert_non_null(p.band);
        assert_int_equal(p.band->phase, phase);
        seen[phase][edge]++;
    }
    /* Every band of the table is reached, with the expected number of combinations:
     * y=0: 1; y=1: 10; y=2: 40; y=3: 80; y=4-5 with r>=4: 5*2 + 1 = 11 (r=4 with y=4:
     * 5 ways; y=5, r=4: 5 ways; y=5, r=5: 1); y=4-5 with r<4: 80 + 32 - 11 = 101. */
    assert_int_equal(seen[1][0], 1);
    assert_int_equal(seen[1][2], 10);
    assert_int_equal(seen[2][0], 40);
    assert_int_equal(seen[3][0], 80);
    assert_int_equal(seen[4][0], 11);
    assert_int_equal(seen[3][4], 101);
}

static quiz_placement place(const climb_ladder *l, const char *list)
{
    quiz_answer a[5];
    quiz_placement p;
    char err[128];
    assert_int_equal(quiz_parse_answers(list, 5, a, err, sizeof err), 0);
    assert_int_equal(quiz_place(l, a, 5, &p), 0);
    return p;
}

static void test_boundaries(void **state)
{
    const climb_ladder *l = *state;
    quiz_placement p;
    p = place(l, "no,no,no,no,no");
    assert_int_equal(p.phase, 1), assert_int_equal(p.on_edge_of, 0);
    p = place(l, "no,no,no,no,regularly"); /* lower boundary: 1 yes */
    assert_int_equal(p.phase, 1), assert_int_equal(p.on_edge_of, 2);
    p = place(l, "once,no,no,no,once");
    assert_int_equal(p.phase, 2), assert_int_equal(p.on_edge_of, 0);
    p = place(l, "regularly,regularly,regularly,no,no"); /* 3 yes: Senior whatever r */
    assert_int_equal(p.phase, 3), assert_int_equal(p.on_edge_of, 0);
    p = place(l, "regularly,regularly,regularly,once,no"); /* upper boundary: 4 yes, r=3 */
    assert_int_equal(p.phase, 3), assert_int_equal(p.on_edge_of, 4);
    p = place(l, "regularly,regularly,regularly,regularly,no"); /* 4 yes, r=4 */
    assert_int_equal(p.phase, 4), assert_int_equal(p.on_edge_of, 0);
    p = place(l, "once,once,once,once,once"); /* 5 yes, r=0 */
    assert_int_equal(p.phase, 3), assert_int_equal(p.on_edge_of, 4);
    p = place(l, "once,regularly,regularly,regularly,regularly"); /* 5 yes, r=4 */
    assert_int_equal(p.phase, 4), assert_int_equal(p.on_edge_of, 0);
}

static void test_wrong_count_and_gap(void **state)
{
    climb_ladder *l = *state;
    quiz_answer a[5] = {ANSWER_NO, ANSWER_NO, ANSWER_NO, ANSWER_NO, ANSWER_NO};
    quiz_placement p;
    assert_int_equal(quiz_place(l, a, 4, &p), -1);
    /* Bands that leave a gap place nothing rather than guess. */
    int saved = l->bands[0].yes_max;
    l->bands[0].yes_max = -1;
    assert_int_equal(quiz_place(l, a, 5, &p), -1);
    l->bands[0].yes_max = saved;
    assert_int_equal(quiz_place(l, a, 5, &p), 0);
}

static void expect_parse_error(const char *list, const char *message)
{
    quiz_answer a[5];
    char err[128] = "";
    assert_int_equal(quiz_parse_answers(list, 5, a, err, sizeof err), -1);
    assert_string_equal(err, message);
}

static void test_parse(void **state)
{
    (void)state;
    quiz_answer a[5];
    char err[128], back[64];
    assert_int_equal(quiz_parse_answers("no,once,regularly,no,no", 5, a, err, sizeof err), 0);
    assert_int_equal(a[0], ANSWER_NO);
    assert_int_equal(a[1], ANSWER_ONCE);
    assert_int_equal(a[2], ANSWER_REGULARLY);
    quiz_format_answers(a, 5, back, sizeof back);
    assert_string_equal(back, "no,once,regularly,no,no");
    expect_parse_error("no,once", "expected 5 answers (one per question), got 2");
    expect_parse_error("no,no,no,no,no,no", "expected 5 answers (one per question), got 6");
    expect_parse_error("no,no,yes,no,no", "answer 3 is 'yes'; use no, once or regularly");
    expect_parse_error("No,no,no,no,no", "answer 1 is 'No'; use no, once or regularly");
    expect_parse_error("no,no,no,no,", "answer 5 is empty; use no, once or regularly");
    expect_parse_error("", "answer 1 is empty; use no, once or regularly");
    expect_parse_error("no,no,no,no,sometimes-but-not-often",
                       "answer 5 is not one of the words; use no, once or regularly");
}

static void test_words(void **state)
{
    (void)state;
    quiz_answer a;
    for (int i = 0; i < ANSWER_COUNT; i++) {
        assert_int_equal(quiz_answer_parse(quiz_answer_word((quiz_answer)i), &a), 0);
        assert_int_equal(a, i);
    }
    assert_string_equal(quiz_answer_label(ANSWER_ONCE), "Yes, once");
    assert_string_equal(quiz_answer_label(ANSWER_REGULARLY), "Yes, regularly");
    assert_int_equal(quiz_answer_parse("yes", &a), -1);
}

static void reason_of(const climb_ladder *l, const char *list, char *buf, size_t len)
{
    quiz_answer a[5];
    quiz_placement p;
    char err[128];
    assert_int_equal(quiz_parse_answers(list, 5, a, err, sizeof err), 0);
    assert_int_equal(quiz_place(l, a, 5, &p), 0);
    quiz_reason(l, a, 5, &p, buf, len);
}

static void test_reason_and_description(void **state)
{
    const climb_ladder *l = *state;
    char buf[512];
    reason_of(l, "no,no,no,no,no", buf, sizeof buf);
    assert_string_equal(buf, "You answered No to all 5 questions.");
    reason_of(l, "regularly,once,regularly,once,no", buf, sizeof buf);
    assert_string_equal(buf, "You answered yes to 4 of 5 (questions 1, 2, 3 and 4), 2 of them"
                             " regularly (questions 1 and 3). Phase 4 needs at least 4"
                             " answered regularly, so you start at Phase 3, on its edge.");
    reason_of(l, "no,once,no,no,no", buf, sizeof buf);
    assert_string_equal(buf, "You answered yes to 1 of 5 (question 2), none of them regularly."
                             " 1 yes answer sits where Phase 1 and Phase 2 overlap, so you"
                             " start at the lower one, on the edge of the next.");
    quiz_describe(l, 3, 4, buf, sizeof buf);
    assert_string_equal(buf, "Phase 3 (Senior), on the edge of Phase 4");
    quiz_describe(l, 2, 0, buf, sizeof buf);
    assert_string_equal(buf, "Phase 2 (Mid)");
    assert_non_null(quiz_advice(l, 1));
    assert_non_null(quiz_advice(l, 4));
    assert_null(quiz_advice(l, 0));
    assert_null(quiz_advice(l, 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_combination),
        cmocka_unit_test(test_boundaries),
        cmocka_unit_test(test_wrong_count_and_gap),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_reason_and_description),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
