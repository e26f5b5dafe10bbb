/* test_search.c - unit tests of search: case-insensitive UTF-8 matching (ASCII,
 * accented and non-Latin letters, invalid bytes), hits across the built-in ladder's
 * content in reading order, the person's notes from a real database, and the
 * one-line excerpts shown in the results list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/search.h"

#include "support.h"

#include <locale.h>
#include <string.h>

static void test_find_ignores_case(void **state)
{
    size_t len = 0;
    (void)state;
    assert_int_equal(search_find("Backstage.io", "BACKSTAGE", &len), 0);
    assert_int_equal(len, 9);
    assert_int_equal(search_find("the On-Call loop", "on-call", &len), 4);
    assert_int_equal(len, 7);
    assert_int_equal(search_find("abc", "abd", &len), -1);
    assert_int_equal(search_find("abc", "", &len), -1);
    assert_int_equal(search_find("ab", "abc", &len), -1);
}

static void test_find_folds_utf8(void **state)
{
    size_t len = 0;
    (void)state;
    /* "Ébauche" found by "éBAU": É (2 bytes) folds to é */
    assert_int_equal(search_find("Une \xc3\x89" "bauche", "\xc3\xa9" "BAU", &len), 4);
    assert_int_equal(len, 5);
    /* Greek and Cyrillic capitals */
    assert_int_equal(search_find("x \xce\xa3\xce\x99\xce\x93\xce\x9c\xce\x91", /* ΣΙΓΜΑ */
                                 "\xcf\x83\xce\xb9\xce\xb3", &len), /* σιγ */
                     2);
    assert_int_equal(len, 6);
    /* ПРИВЕТ found by вет */
    assert_int_equal(search_find("\xd0\x9f\xd0\xa0\xd0\x98\xd0\x92\xd0\x95\xd0\xa2",
                                 "\xd0\xb2\xd0\xb5\xd1\x82", &len),
                     6);
    /* a match never starts inside a multi-byte character: "é" is C3 A9, and the
     * needle "\xa9" (an invalid lone byte) must not match its second half */
    assert_int_equal(search_find("caf\xc3\xa9", "\xa9", &len), -1);
    /* invalid bytes in the text match only themselves and do not stop the search */
    assert_int_equal(search_find("a\xff" "bc", "BC", &len), 2);
    assert_int_equal(search_find("a\xff" "bc", "\xff", &len), 1);
    assert_int_equal(len, 1);
    /* a truncated sequence at the end is safe */
    assert_int_equal(search_find("abc\xe2\x82", "\xe2\x82\xac", &len), -1);
}

static void load(climb_ladder *l)
{
    climb_content_error e;
    assert_int_equal(content_load_default(l, &e), 0);
}

static int count_kind(const search_results *r, search_kind k)
{
    int n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->hits[i].kind == k;
    return n;
}

static void test_content_hits(void **state)
{
    climb_ladder l;
    search_results r;
    (void)state;
    load(&l);
    /* "backstage" is in a resource's name and what, and in the resources advice */
    assert_int_equal(search_run(&l, NULL, "  BackStage ", &r), 0);
    assert_true(count_kind(&r, HIT_RESOURCE) >= 2);
    int named = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.hits[i].kind == HIT_RESOURCE && r.hits[i].index >= 0 &&
            strcmp(l.resources[r.hits[i].index].id, "res-backstage") == 0 &&
            strcmp(r.hits[i].field, "Resource") == 0)
            named = 1;
    assert_true(named);
    search_results_free(&r);

    /* a roadblock, found through its "unlock" text */
    assert_int_equal(search_run(&l, NULL, "20-30% of each week", &r), 0);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.hits[0].kind, HIT_ROADBLOCK);
    assert_string_equal(l.roadblocks[r.hits[0].index].id, "rb-firefighting");
    assert_string_equal(r.hits[0].field, "What unlocks it");
    assert_int_equal(r.hits[0].match_len, strlen("20-30% of each week"));
    search_results_free(&r);

    /* a criterion: its phase and index */
    const climb_criterion *c = &l.phases[1].criteria[0];
    assert_int_equal(search_run(&l, NULL, c->text, &r), 0);
    assert_true(r.n >= 1);
    assert_int_equal(r.hits[0].kind, HIT_CRITERION);
    assert_int_equal(r.hits[0].index, 1);
    assert_int_equal(r.hits[0].sub, 0);
    search_results_free(&r);

    /* FAQ question and level names */
    assert_int_equal(search_run(&l, NULL, "specialize", &r), 0);
    assert_true(count_kind(&r, HIT_FAQ) >= 1);
    search_results_free(&r);
    assert_int_equal(search_run(&l, NULL, "principal", &r), 0);
    assert_true(count_kind(&r, HIT_LEVEL) >= 1);
    assert_int_equal(r.hits[0].kind, HIT_LEVEL); /* levels come first */
    search_results_free(&r);

    /* nothing, and an empty query */
    assert_int_equal(search_run(&l, NULL, "zzqx-no-such-text", &r), 0);
    assert_int_equal(r.n, 0);
    search_results_free(&r);
    assert_int_equal(search_run(&l, NULL, "   ", &r), 0);
    assert_int_equal(r.n, 0);
    search_results_free(&r);
    content_free(&l);
}

/* The phase comparison tables are searched too. */
static void test_comparison_table_hits(void **state)
{
    climb_ladder l;
    search_results r;
    (void)state;
    load(&l);
    const char *cell = l.phases[2].now[1];
    char word[32];
    /* the cell's first word of 6+ letters, as a query */
    const char *p = cell;
    size_t n = 0;
    while (*p) {
        n = strcspn(p, " ,.;:()");
        if (n >= 6 && n < sizeof word)
            break;
        p += n ? n : 1;
    }
    assert_true(n >= 6);
    memcpy(word, p, n);
    word[n] = '\0';
    assert_int_equal(search_run(&l, NULL, word, &r), 0);
    int found = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.hits[i].kind == HIT_PHASE && r.hits[i].index == 2 && r.hits[i].text == cell &&
            strcmp(r.hits[i].field, climb_dimension_labels[1]) == 0)
            found = 1;
    assert_true(found);
    search_results_free(&r);
    content_free(&l);
}

/* Notes come from the person's real database, next to their criterion. */
static void test_note_hits(void **state)
{
    test_env *f = *state;
    search_results r;
    ops_crit_change c = {1, STATE_DONE, NULL, "Postmortem for the Kafka OUTAGE, adopted by Ops",
                         NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->m, 2, 1, &c, NULL), 0);
    assert_int_equal(search_run(&f->ladder, &f->m, "kafka outage", &r), 0);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.hits[0].kind, HIT_NOTE);
    assert_int_equal(r.hits[0].index, 2);
    assert_int_equal(r.hits[0].sub, 1);
    assert_string_equal(r.hits[0].field, "Note");
    assert_int_equal(r.hits[0].match_at, strlen("Postmortem for the "));
    search_results_free(&r);
    /* without a model, notes are not searched */
    assert_int_equal(search_run(&f->ladder, NULL, "kafka outage", &r), 0);
    assert_int_equal(r.n, 0);
    search_results_free(&r);
}

static void test_excerpt(void **state)
{
    char buf[128];
    size_t at, len;
    (void)state;
    const char *text = "First line\nof the\n\n  evidence: the Kafka outage postmortem";
    search_hit h = {HIT_NOTE, 0, 0, "Note", text, 0, 0};
    long m = search_find(text, "KAFKA", &h.match_len);
    assert_true(m > 0);
    h.match_at = (size_t)m;
    /* enough lead: the whole text, line breaks and runs of spaces as one space */
    search_excerpt(&h, 80, buf, sizeof buf, &at, &len);
    assert_string_equal(buf, "First line of the evidence: the Kafka outage postmortem");
    assert_int_equal(len, 5);
    assert_memory_equal(buf + at, "Kafka", 5);
    /* short lead: cut at a word start, marked */
    search_excerpt(&h, 6, buf, sizeof buf, &at, &len);
    assert_string_equal(buf, "...the Kafka outage postmortem");
    assert_memory_equal(buf + at, "Kafka", 5);
    /* a small buffer ends at a character boundary */
    const char *utf = "\xc3\xa9\xc3\xa9\xc3\xa9 match";
    search_hit u = {HIT_NOTE, 0, 0, "Note", utf, 0, 0};
    u.match_at = (size_t)search_find(utf, "\xc3\xa9", &u.match_len);
    char small[6];
    search_excerpt(&u, 10, small, sizeof small, &at, &len);
    assert_string_equal(small, "\xc3\xa9\xc3\xa9");
    assert_int_equal(at, 0);
    assert_int_equal(len, 2);
}

/* The lead walks back by characters, never into the middle of one; blanks before
 * the match are not shown; a buffer that ends inside the match marks what fits. */
static void test_excerpt_edges(void **state)
{
    char buf[64], small[9];
    size_t at, len;
    (void)state;
    const char *utf = "a\xc3\xa9\xc3\xa9\xc3\xa9match";
    search_hit h = {HIT_NOTE, 0, 0, "Note", utf, 0, 0};
    h.match_at = (size_t)search_find(utf, "match", &h.match_len);
    search_excerpt(&h, 2, buf, sizeof buf, &at, &len);
    assert_string_equal(buf, "...\xc3\xa9\xc3\xa9match");
    assert_int_equal(at, 7);
    assert_int_equal(len, 5);
    const char *blanks = "word    match";
    search_hit b = {HIT_NOTE, 0, 0, "Note", blanks, 0, 0};
    b.match_at = (size_t)search_find(blanks, "match", &b.match_len);
    search_excerpt(&b, 2, buf, sizeof buf, &at, &len);
    assert_string_equal(buf, "...match");
    assert_int_equal(at, 3);
    const char *cut = "a long matching word";
    search_hit c = {HIT_NOTE, 0, 0, "Note", cut, 0, 0};
    c.match_at = (size_t)search_find(cut, "matching", &c.match_len);
    search_excerpt(&c, 0, small, sizeof small, &at, &len);
    assert_string_equal(small, "...match");
    assert_int_equal(at, 3);
    assert_int_equal(len, 5);
}

/* Odd inputs: kinds out of range, a zero-size buffer, every kind of blank, a
 * buffer that ends before the match, a ladder without the optional texts. */
static void test_edges(void **state)
{
    char buf[64], small[7];
    size_t at = 9, len = 9;
    (void)state;
    assert_string_equal(search_kind_name(HIT_FAQ), "FAQ");
    assert_string_equal(search_kind_name(HIT_KIND_COUNT), "?");
    assert_string_equal(search_kind_name((search_kind)-1), "?");
    const char *blanks = "a\t\r\v\fb match";
    search_hit h = {HIT_NOTE, 0, 0, "Note", blanks, 0, 0};
    h.match_at = (size_t)search_find(blanks, "match", &h.match_len);
    buf[0] = 'x';
    search_excerpt(&h, 80, buf, 0, &at, &len);
    assert_int_equal(at, 0);
    assert_int_equal(len, 0);
    assert_int_equal(buf[0], 'x');
    search_excerpt(&h, 80, buf, sizeof buf, &at, &len);
    assert_string_equal(buf, "a b match");
    assert_int_equal(at, 4);
    assert_int_equal(len, 5);
    /* the buffer fills before the match: nothing is marked */
    const char *late = "words words match";
    search_hit w = {HIT_NOTE, 0, 0, "Note", late, 0, 0};
    w.match_at = (size_t)search_find(late, "match", &w.match_len);
    search_excerpt(&w, 80, small, sizeof small, &at, &len);
    assert_string_equal(small, "words ");
    assert_int_equal(len, 0);
    /* the buffer ends right after the match, with text after it */
    const char *mid = "matchmore";
    char six[6];
    search_hit m = {HIT_NOTE, 0, 0, "Note", mid, 0, 0};
    m.match_at = (size_t)search_find(mid, "match", &m.match_len);
    search_excerpt(&m, 80, six, sizeof six, &at, &len);
    assert_string_equal(six, "match");
    assert_int_equal(at, 0);
    assert_int_equal(len, 5);
    /* blanks of every kind around the query are ignored; a blank query finds nothing */
    climb_ladder l;
    search_results r;
    load(&l);
    assert_int_equal(search_run(&l, NULL, " \t\v\f\r\n", &r), 0);
    assert_int_equal(r.n, 0);
    assert_int_equal(search_run(&l, NULL, "\v\fBackstage\r\t", &r), 0);
    size_t all = r.n;
    assert_true(all > 0);
    search_results_free(&r);
    /* a ladder without phase advice or a roadblocks introduction still searches */
    char **advice = l.phase_advice;
    char *intro = l.roadblocks_intro;
    l.phase_advice = NULL;
    l.roadblocks_intro = NULL;
    assert_int_equal(search_run(&l, NULL, "the", &r), 0);
    size_t fewer = r.n;
    for (size_t i = 0; i < r.n; i++) {
        assert_string_not_equal(r.hits[i].field, "Where to start");
        assert_string_not_equal(r.hits[i].field, "Reading the roadblocks");
    }
    search_results_free(&r);
    l.phase_advice = advice;
    l.roadblocks_intro = intro;
    assert_int_equal(search_run(&l, NULL, "the", &r), 0);
    assert_true(r.n > fewer);
    search_results_free(&r);
    content_free(&l);
}

int main(void)
{
    /* non-ASCII case folding needs a UTF-8 character type, as climb sets one */
    if (!setlocale(LC_CTYPE, "C.UTF-8"))
        setlocale(LC_CTYPE, "en_US.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_ignores_case),
        cmocka_unit_test(test_find_folds_utf8),
        cmocka_unit_test(test_content_hits),
        cmocka_unit_test(test_comparison_table_hits),
        test_with_env(test_note_hits),
        cmocka_unit_test(test_excerpt),
        cmocka_unit_test(test_excerpt_edges),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
