/* test_content.c - unit tests of the content layer: the built-in DevOps ladder,
 * the minimal fixture, look-ups, and one exact error (message, line, column)
 * for every broken fixture in tests/fixtures/content/ and inline variant.
 * Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "climb/content.h"

#define FIXTURES "tests/fixtures/content/"
#define DEFAULT_YAML "content/devops.yaml" /* the source of the built-in ladder */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* The ladder must come back empty after a failed load. */
static void assert_empty(const climb_ladder *l)
{
    assert_null(l->id);
    assert_null(l->levels);
    assert_int_equal(l->n_levels, 0);
    assert_null(l->phases);
    assert_null(l->phase_advice);
    assert_null(l->questions);
}

static void expect_error(const char *data, size_t len, unsigned long line, unsigned long col,
                         const char *message)
{
    climb_ladder l;
    climb_content_error e;
    char want[512], got[512];
    assert_int_equal(content_load_buffer(data, len, "t.yaml", &l, &e), -1);
    /* one string, so a failure shows which case and where */
    snprintf(want, sizeof want, "t.yaml:%lu:%lu: %s", line, col, message);
    content_error_format(&e, got, sizeof got);
    assert_string_equal(got, want);
    assert_int_equal(e.line, line);
    assert_int_equal(e.col, col);
    assert_string_equal(e.message, message);
    assert_empty(&l);
}

static void test_default_counts(void **state)
{
    static const size_t criteria[] = {3, 3, 4, 4};
    climb_ladder l;
    climb_content_error e;
    (void)state;
    assert_int_equal(content_load_default(&l, &e), 0);
    assert_string_equal(l.id, "devops");
    assert_int_equal(l.n_insights, 5);
    assert_int_equal(l.n_levels, 5);
    assert_int_equal(l.n_phases, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(l.phases[i].number, (int)i + 1);
        assert_int_equal(l.phases[i].n_criteria, criteria[i]);
        assert_non_null(l.phase_advice[i]);
        for (size_t d = 0; d < CLIMB_DIMENSIONS; d++) {
            assert_non_null(l.phases[i].before[d]);
            assert_non_null(l.phases[i].now[d]);
        }
    }
    assert_int_equal(l.n_questions, 5);
    assert_int_equal(l.n_bands, 6);
    assert_int_equal(l.n_roadblocks, 5);
    assert_int_equal(l.n_resources, 6);
    assert_int_equal(l.n_faqs, 4);
    assert_int_equal(l.n_timelines, 2);
    assert_int_equal(strlen(l.hash), 16);
    assert_int_equal(strspn(l.hash, "0123456789abcdef"), 16);
    content_free(&l);
}

static void test_default_levels(void **state)
{
    static const char *const ids[] = {"junior", "mid", "senior", "staff", "principal"};
    static const long low[] = {90000, 120000, 155000, 200000, 200000};
    static const long high[] = {120000, 155000, 200000, 320000, 320000};
    static const int tmin[] = {0, 2, 4, 7, 10}, tmax[] = {2, 4, 7, 10, -1};
    static const int open[] = {0, 0, 0, 1, 1};
    climb_ladder l;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(l.levels[i].id, ids[i]);
        assert_int_equal(l.levels[i].pay_low, low[i]);
        assert_int_equal(l.levels[i].pay_high, high[i]);
        assert_int_equal(l.levels[i].tenure_min, tmin[i]);
        assert_int_equal(l.levels[i].tenure_max, tmax[i]);
        assert_int_equal(l.levels[i].pay_open_top, open[i]);
    }
    content_free(&l);
}

static void test_default_phases(void **state)
{
    static const char *const level[] = {"junior", "mid", "senior", "staff"};
    static const char *const next[] = {"mid", "senior", "staff"};
    climb_ladder l;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(l.phases[i].level, level[i]);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(l.phases[i].next_level, next[i]);
        assert_int_equal(l.phases[i].operating, 0);
    }
    /* Phase 4 is what operating at Staff takes: it leads to no Principal */
    assert_null(l.phases[3].next_level);
    assert_int_equal(l.phases[3].operating, 1);
    assert_string_equal(l.phases[0].before_label, "First week");
    assert_string_equal(l.phases[1].this_label, "Phase 2 (Mid)");
    assert_string_equal(l.phases[1].criteria[0].id, "p2-reduce-oncall");
    assert_non_null(strstr(l.phases[1].criteria[0].text, "20%"));
    assert_non_null(strstr(l.phases[3].criteria[0].text, "12-month plan"));
    assert_non_null(strstr(l.phase_advice[2], "friction"));
    assert_non_null(strstr(l.resources_advice, "Backstage"));
    content_free(&l);
}

/* Points where the built-in ladder once drifted from its source's meaning. */
static void test_default_keeps_the_source_meaning(void **state)
{
    climb_ladder l;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    /* technical depth is the biggest asset through Mid, not only up to it */
    assert_non_null(strstr(l.insights[0], "through Mid"));
    assert_non_null(strstr(l.roadblocks[1].why, "Through Mid"));
    /* owners often reach Senior in 4 years (not "within") */
    assert_non_null(strstr(l.faqs[0].answer, "in 4 years"));
    assert_null(strstr(l.faqs[0].answer, "within"));
    /* most organizations at scale have platform teams, not merely "common" */
    assert_non_null(strstr(l.phases[3].summary, "Most organizations"));
    assert_null(strstr(l.phases[3].summary, "common in"));
    /* the firefighting self-description is what MentorCruise applications show */
    assert_non_null(strstr(l.phases[1].summary, "MentorCruise"));
    assert_non_null(strstr(l.phases[1].summary, "always in the firefighting loop"));
    content_free(&l);
}

/* Every criterion of the built-in ladder has its first-person claim, and a ladder
 * without claims still loads (the packet then shows the criterion's text). */
static void test_claims(void **state)
{
    climb_ladder l;
    climb_content_error err;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    for (size_t p = 0; p < l.n_phases; p++) {
        for (size_t i = 0; i < l.phases[p].n_criteria; i++) {
            const char *c = l.phases[p].criteria[i].claim;
            assert_non_null(c);
            assert_true(strncmp(c, "I ", 2) == 0 || strstr(c, " me ") || strstr(c, " my ") ||
                        strstr(c, " I "));
            assert_null(strstr(c, "You ")); /* addressed to the reader: the old wording */
            assert_null(strstr(c, " your "));
        }
    }
    assert_string_equal(l.phases[0].criteria[0].claim,
                        "I have owned the CI/CD pipeline of at least one service from design "
                        "through production, on-call rotation included.");
    content_free(&l);
    assert_int_equal(content_load_file(FIXTURES "minimal.yaml", &l, &err), 0);
    assert_null(l.phases[0].criteria[0].claim);
    content_free(&l);
}

static void test_default_bands(void **state)
{
    static const climb_band want[] = {
        {0, 0, 0, 1, 0, NULL}, {1, 1, 0, 1, 2, NULL}, {2, 2, 0, 2, 0, NULL},
        {3, 3, 0, 3, 0, NULL}, {4, 5, 4, 4, 0, NULL}, {4, 5, 0, 3, 4, NULL},
    };
    climb_ladder l;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(l.bands[i].yes_min, want[i].yes_min);
        assert_int_equal(l.bands[i].yes_max, want[i].yes_max);
        assert_int_equal(l.bands[i].regularly_min, want[i].regularly_min);
        assert_int_equal(l.bands[i].phase, want[i].phase);
        assert_int_equal(l.bands[i].on_edge_of, want[i].on_edge_of);
        assert_non_null(l.bands[i].label);
    }
    assert_string_equal(l.timelines[0].from_level, "mid");
    assert_int_equal(l.timelines[0].years_min, 2);
    assert_int_equal(l.timelines[0].years_max, 4);
    assert_string_equal(l.timelines[1].to_level, "staff");
    assert_int_equal(l.timelines[1].years_min, 3);
    assert_int_equal(l.timelines[1].years_max, 5);
    content_free(&l);
}

static void test_dimension_tables(void **state)
{
    (void)state;
    assert_string_equal(climb_dimension_keys[0], "scope");
    assert_string_equal(climb_dimension_keys[3], "failure_mode");
    assert_string_equal(climb_dimension_labels[2], "Stakeholders");
    assert_string_equal(climb_dimension_labels[3], "Failure mode");
}

static void test_minimal(void **state)
{
    climb_ladder l;
    climb_content_error e;
    (void)state;
    assert_int_equal(content_load_file(FIXTURES "minimal.yaml", &l, &e), 0);
    assert_string_equal(l.id, "mini");
    assert_int_equal(l.n_levels, 2);
    assert_int_equal(l.n_phases, 1);
    assert_int_equal(l.phases[0].n_criteria, 2);
    assert_int_equal(l.n_questions, 1);
    assert_int_equal(l.n_bands, 1);
    assert_int_equal(l.n_roadblocks, 1);
    assert_int_equal(l.n_resources, 1);
    assert_int_equal(l.n_faqs, 1);
    assert_int_equal(l.n_timelines, 1);
    assert_int_equal(l.levels[0].pay_open_top, 0);
    assert_int_equal(l.levels[1].tenure_max, -1);
    assert_int_equal(l.levels[1].pay_open_top, 1);
    assert_int_equal(l.bands[0].regularly_min, 0);
    assert_int_equal(l.bands[0].on_edge_of, 0);
    assert_string_equal(l.phases[0].before[0], "Assigned tasks");
    assert_string_equal(l.phases[0].now[3], "Rushing");
    assert_string_equal(l.phase_advice[0], "Begin with Phase 1.");
    content_free(&l);
}

/* What meeting a phase reaches comes from the content: next_level, or with
 * operating: true, operating at the phase's own level (and no next_level). */
static void test_operating_phase(void **state)
{
    climb_ladder l;
    climb_content_error e;
    (void)state;
    assert_int_equal(content_load_file(FIXTURES "operating.yaml", &l, &e), 0);
    assert_int_equal(l.n_phases, 2);
    assert_int_equal(l.phases[0].operating, 0);
    assert_string_equal(l.phases[0].next_level, "mid");
    assert_int_equal(l.phases[1].operating, 1);
    assert_null(l.phases[1].next_level);
    assert_string_equal(l.phases[1].level, "mid");
    content_free(&l);
    assert_int_equal(content_load_file(FIXTURES "minimal.yaml", &l, &e), 0);
    assert_int_equal(l.phases[0].operating, 0); /* the default */
    content_free(&l);
    assert_int_equal(content_load_file(DEFAULT_YAML, &l, &e), 0);
    for (size_t p = 0; p < l.n_phases; p++)
        assert_int_equal(l.phases[p].operating, p == 3); /* Phase 4: operating at Staff */
    assert_null(l.phases[3].next_level);
    assert_string_equal(l.phases[3].level, "staff");
    content_free(&l);
}

static void test_lookups(void **state)
{
    climb_ladder l;
    const climb_phase *ph = NULL;
    const climb_criterion *cr;
    (void)state;
    assert_int_equal(content_load_default(&l, NULL), 0);
    assert_int_equal(content_level_index(&l, "senior"), 2);
    assert_int_equal(content_level_index(&l, "nope"), -1);
    assert_string_equal(content_level(&l, "staff")->name, "Staff");
    assert_null(content_level(&l, "nope"));
    assert_string_equal(content_phase(&l, 3)->id, "p3");
    assert_null(content_phase(&l, 0));
    assert_null(content_phase(&l, 5));
    cr = content_criterion(&l, "p3-business-impact", &ph);
    assert_non_null(cr);
    assert_non_null(ph);
    assert_int_equal(ph->number, 3);
    assert_null(content_criterion(&l, "p9-nothing", &ph));
    assert_null(ph);
    content_free(&l);
}

typedef struct {
    const char *file;
    unsigned long line, col;
    const char *message;
} fixture_case;

static void test_broken_fixtures(void **state)
{
    static const fixture_case cases[] = {
        {"missing_field.yaml", 26, 5, "missing required key 'title' in phase p1"},
        {"wrong_type.yaml", 10, 17,
         "wrong type for 'tenure_min' in level junior: expected an integer, found a string"},
        {"wrong_type_list.yaml", 49, 7,
         "wrong type for 'criteria' in phase p1: expected a list, found a mapping"},
        {"unknown_key.yaml", 35, 7, "unknown key 'scop' in phase p1"},
        {"duplicate_id.yaml", 67, 9, "duplicate id 'p1-solo-incident' (first defined at 51:13)"},
        {"dangling_id.yaml", 29, 17, "unknown level 'senior' in 'next_level' of phase p1"},
        {"invalid_utf8.yaml", 21, 21, "invalid UTF-8"},
        {"syntax_error.yaml", 31, 27,
         "YAML syntax error: mapping values are not allowed in this context"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256], want[512], got[512];
        climb_ladder l;
        climb_content_error e;
        snprintf(path, sizeof path, FIXTURES "%s", cases[i].file);
        assert_int_equal(content_load_file(path, &l, &e), -1);
        snprintf(want, sizeof want, "%s:%lu:%lu: %s", path, cases[i].line, cases[i].col,
                 cases[i].message);
        content_error_format(&e, got, sizeof got);
        assert_string_equal(got, want);
        assert_string_equal(e.message, cases[i].message);
        assert_int_equal(e.line, cases[i].line);
        assert_int_equal(e.col, cases[i].col);
        assert_empty(&l);
    }
}

typedef struct {
    const char *old, *new_text;
    unsigned long line, col;
    const char *message;
} mutation;

/* minimal.yaml with the first `old` replaced by `new_text`. */
static void expect_mutation(const mutation *m)
{
    size_t len, ol = strlen(m->old), nl = strlen(m->new_text);
    char *src = slurp(FIXTURES "minimal.yaml", &len), *out, *at = strstr(src, m->old);
    assert_non_null(at);
    out = malloc(len - ol + nl + 1);
    assert_non_null(out);
    memcpy(out, src, (size_t)(at - src));
    memcpy(out + (at - src), m->new_text, nl);
    strcpy(out + (at - src) + nl, at + ol);
    expect_error(out, len - ol + nl, m->line, m->col, m->message);
    free(out);
    free(src);
}

/* roadblocks_intro is optional text: absent in minimal.yaml, present in the
 * built-in ladder, and typed like any text field. */
static void test_roadblocks_intro(void **state)
{
    climb_ladder l;
    climb_content_error e;
    (void)state;
    assert_int_equal(content_load_file(FIXTURES "minimal.yaml", &l, &e), 0);
    assert_null(l.roadblocks_intro);
    content_free(&l);
    assert_int_equal(content_load_default(&l, NULL), 0);
    assert_non_null(l.roadblocks_intro);
    assert_non_null(strstr(l.roadblocks_intro, "diagnosis"));
    content_free(&l);
    static const mutation bad = {"roadblocks:\n", "roadblocks_intro: 5\nroadblocks:\n", 67, 19,
                                 "wrong type for 'roadblocks_intro' in the ladder: expected a "
                                 "string, found an integer"};
    expect_mutation(&bad);
}

static void test_semantic_errors(void **state)
{
    static const mutation cases[] = {
        {"yes_min: 0", "yes_min: 2", 61, 16, "'yes_max' (1) is less than 'yes_min' (2) in band #1"},
        {"yes_max: 1", "yes_max: 2", 61, 16,
         "'yes_max' (2) in band #1 is more than the number of questions (1)"},
        {"      phase: 1\n      label", "      phase: 3\n      label", 62, 14,
         "unknown phase 3 in 'phase' of band #1 (phases are 1 to 1)"},
        {"yes_max: 1", "yes_max: 1\n      regularly_min: 2", 62, 22,
         "'regularly_min' (2) is more than 'yes_max' (1) in band #1"},
        {"next_level: mid", "operating: true\n    next_level: mid", 31, 17,
         "'next_level' in phase p1 does not go with 'operating: true': meeting an operating "
         "phase reaches no further level"},
        {"    next_level: mid\n", "", 27, 5,
         "missing required key 'next_level' in phase p1 (or 'operating: true')"},
        {"next_level: mid", "operating: false\n    next_level: snr", 31, 17,
         "unknown level 'snr' in 'next_level' of phase p1"},
        {"number: 1", "number: 2", 28, 13,
         "phase p1 has number 2, expected 1: phases are numbered 1, 2, 3... in file order"},
        {"to: mid", "to: staff", 87, 9, "unknown level 'staff' in 'to' of timeline tl-junior-mid"},
        {"years_max: 3", "years_max: 0", 89, 16,
         "'years_max' (0) is less than 'years_min' (1) in timeline tl-junior-mid"},
        {"phase_max: 1", "phase_max: 2", 79, 18,
         "unknown phase 2 in 'phase_max' of resource res-book (phases are 1 to 1)"},
        {"pay_high: 120000", "pay_high: 80000", 16, 15,
         "'pay_high' (80000) is less than 'pay_low' (90000) in level junior"},
        {"tenure_min: 0", "tenure_min: 3", 12, 17,
         "'tenure_max' (2) is less than 'tenure_min' (3) in level junior"},
        {"yes_min: 0", "yes_min: 1", 60, 5, "no band places 0 yes answers with 0 answered regularly"},
        {"yes_max: 1", "yes_max: 0", 60, 5,
         "no band places 1 yes answer with 0 answered regularly"},
        {"- phase: 1\n      text: Begin with Phase 1.",
         "- phase: 1\n      text: Begin with Phase 1.\n    - phase: 1\n      text: Again.", 67,
         14, "duplicate phase advice for phase 1"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_mutation(&cases[i]);
}

static void test_field_errors(void **state)
{
    static const mutation cases[] = {
        {"title: Getting started", "title: \"\"", 31, 12, "empty text for 'title' in phase p1"},
        {"title: Getting started", "title:", 31, 11, "empty text for 'title' in phase p1"},
        {"pay_low: 90000", "pay_low: -5", 15, 14,
         "'pay_low' in level junior must not be negative"},
        {"pay_open_top: true", "pay_open_top: yes", 25, 19,
         "wrong type for 'pay_open_top' in level mid: expected true or false, found a string"},
        {"    name: Junior\n", "    name: Junior\n    name: Again\n", 11, 5,
         "duplicate key 'name' in level junior (first at 10:5)"},
        {"id: rb-waiting", "id: RB Waiting", 68, 9,
         "invalid id 'RB Waiting' for 'id' in roadblock #1: use lowercase letters, digits, "
         "'-', '_' and '.' (at most 64 characters)"},
        {"tenure_max: 2", "tenure_max: [2]", 12, 17,
         "wrong type for 'tenure_max' in level junior: expected an integer or null, found a list"},
        {"pay_low: 90000", "pay_low: 99999999999999999999", 15, 14,
         "'pay_low' in level junior is too large"},
        {"name: Minimal test ladder", "name: 2026", 4, 7,
         "wrong type for 'name' in the ladder: expected a string, found an integer"},
        {"  - Small ladders are easy to read.", "  - [a, b]", 7, 5,
         "wrong type for item 1 of 'insights' in the ladder: expected a string, found a list"},
        {"  - id: junior", "  - just text\n  - id: junior", 9, 5,
         "wrong type for item 1 of 'levels' in the ladder: expected a mapping, found a string"},
        {"  questions:\n    - id: q1-own-component\n      text: Do you own a component?\n",
         "  questions: []\n", 56, 14, "'questions' in quiz needs at least 1 question"},
        {"        before: Waiting\n", "        befor: Waiting\n", 46, 9,
         "unknown key 'befor' in failure_mode of phase p1"},
        {"        now: One pipeline\n", "", 37, 9,
         "missing required key 'now' in scope of phase p1"},
        {"quiz:\n  intro: One question.", "quiz:\n  intro: One question.\n  outro: x", 56, 3,
         "unknown key 'outro' in quiz"},
        {"timelines:", "extra: 1\ntimelines:", 84, 1, "unknown key 'extra' in the ladder"},
        {"        text: Owned a pipeline end to end.\n",
         "        text: Owned a pipeline end to end.\n        claim: \"\"\n", 52, 16,
         "empty text for 'claim' in criterion p1-own-pipeline"},
        {"        text: Owned a pipeline end to end.\n",
         "        text: Owned a pipeline end to end.\n        claim: [I, did]\n", 52, 16,
         "wrong type for 'claim' in criterion p1-own-pipeline: expected a string, found a list"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_mutation(&cases[i]);
}

static void test_document_errors(void **state)
{
    static const struct {
        const char *yaml;
        unsigned long line, col;
        const char *message;
    } cases[] = {
        {"", 1, 1, "empty file: expected a ladder mapping"},
        {"# only a comment\n", 1, 1, "empty file: expected a ladder mapping"},
        {"- a\n- b\n", 1, 1, "wrong type for the ladder: expected a mapping, found a list"},
        {"id: x\n", 1, 1, "missing required key 'name' in the ladder"},
        {"a: 1\n---\nb: 2\n", 2, 1, "only one YAML document is allowed"},
        {"a: &x 1\nb: *x\n", 2, 4, "aliases are not supported (*x)"},
        {"a: !!int 1\n", 1, 4, "unsupported tag 'tag:yaml.org,2002:int'"},
        {"a: \"x\\0y\"\n", 1, 4, "NUL character in a value"},
        {"a: b\nc: \"x\x07\"\n", 2, 6, "control characters are not allowed (U+0007)"},
        {"a: \xc3\xa9\xc3\n", 1, 5, "invalid UTF-8"},
        {"a: \xed\xa0\x80\n", 1, 4, "invalid UTF-8"},
        {"a: [1, 2\n", 2, 1,
         "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"},
        {"a: \"open\n", 2, 1,
         "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_error(cases[i].yaml, strlen(cases[i].yaml), cases[i].line, cases[i].col,
                     cases[i].message);
}

static void test_nesting_limit(void **state)
{
    char buf[256];
    (void)state;
    memset(buf, '[', 100);
    memset(buf + 100, ']', 100);
    buf[200] = '\0';
    expect_error(buf, 200, 1, 65, "nesting is too deep");
}

/* Every prefix of the built-in ladder's source either loads or fails cleanly. */
static void test_truncated_inputs(void **state)
{
    size_t len;
    char *yaml = slurp(DEFAULT_YAML, &len);
    (void)state;
    for (size_t n = 0; n < len; n += 61) {
        climb_ladder l;
        climb_content_error e;
        if (content_load_buffer(yaml, n, "cut", &l, &e) == 0) {
            content_free(&l);
        } else {
            assert_true(e.line >= 1);
            assert_true(e.message[0] != '\0');
            assert_empty(&l);
        }
    }
    free(yaml);
}

static void test_hash_and_free(void **state)
{
    climb_ladder a, b, zero;
    const char *empty_doc = "id: x\n";
    size_t len;
    char *yaml = slurp(DEFAULT_YAML, &len);
    (void)state;
    assert_int_equal(content_load_default(&a, NULL), 0);
    assert_int_equal(content_load_file(FIXTURES "minimal.yaml", &b, NULL), 0);
    assert_string_not_equal(a.hash, b.hash);
    content_free(&b);
    content_free(&b); /* safe twice */
    assert_int_equal(content_load_buffer(yaml, len, "again", &b, NULL), 0);
    assert_string_equal(a.hash, b.hash);
    free(yaml);
    content_free(&a);
    content_free(&b);
    memset(&zero, 0, sizeof zero);
    content_free(&zero);
    content_free(NULL);
    assert_int_equal(content_load_buffer(empty_doc, strlen(empty_doc), "x", &a, NULL), -1);
    assert_empty(&a);
}

static void test_missing_file(void **state)
{
    climb_ladder l;
    climb_content_error e;
    char buf[512];
    (void)state;
    assert_int_equal(content_load_file(FIXTURES "no-such-file.yaml", &l, &e), -1);
    assert_int_equal(e.line, 0);
    assert_non_null(strstr(e.message, "cannot open"));
    content_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, FIXTURES "no-such-file.yaml: cannot open: No such file or directory");
    assert_empty(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_counts),  cmocka_unit_test(test_default_levels),
        cmocka_unit_test(test_default_phases),  cmocka_unit_test(test_default_bands),
        cmocka_unit_test(test_default_keeps_the_source_meaning),
        cmocka_unit_test(test_dimension_tables), cmocka_unit_test(test_minimal),
        cmocka_unit_test(test_lookups),         cmocka_unit_test(test_operating_phase),
        cmocka_unit_test(test_roadblocks_intro),
        cmocka_unit_test(test_broken_fixtures),
        cmocka_unit_test(test_semantic_errors), cmocka_unit_test(test_field_errors),
        cmocka_unit_test(test_document_errors), cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_truncated_inputs), cmocka_unit_test(test_hash_and_free),
        cmocka_unit_test(test_missing_file),    cmocka_unit_test(test_claims),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
