/* test_builtin_ladder.c - unit tests of the built-in ladder that
 * tools/gen_ladder.c compiles into the binary: it must equal, field by field,
 * what content_load_file makes of content/devops.yaml (every level, phase with
 * both table columns, criterion, question, band, advice, roadblock, resource,
 * FAQ, timeline, insight, count and the source hash), and content_free must
 * leave its static data alone. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "climb/content.h"

#define DEFAULT_YAML "content/devops.yaml"

/* Both NULL, or both strings with the same bytes. */
static void same_str(const char *a, const char *b)
{
    if (!a || !b) {
        assert_ptr_equal(a, b);
        return;
    }
    assert_string_equal(a, b);
}

static void same_level(const climb_level *a, const climb_level *b)
{
    same_str(a->id, b->id);
    same_str(a->name, b->name);
    assert_int_equal(a->tenure_min, b->tenure_min);
    assert_int_equal(a->tenure_max, b->tenure_max);
    same_str(a->unlocks, b->unlocks);
    same_str(a->plateau, b->plateau);
    assert_int_equal(a->pay_low, b->pay_low);
    assert_int_equal(a->pay_high, b->pay_high);
    assert_int_equal(a->pay_open_top, b->pay_open_top);
}

static void same_phase(const climb_phase *a, const climb_phase *b)
{
    same_str(a->id, b->id);
    assert_int_equal(a->number, b->number);
    same_str(a->level, b->level);
    same_str(a->next_level, b->next_level);
    assert_int_equal(a->operating, b->operating);
    same_str(a->title, b->title);
    same_str(a->summary, b->summary);
    same_str(a->before_label, b->before_label);
    same_str(a->this_label, b->this_label);
    for (size_t d = 0; d < CLIMB_DIMENSIONS; d++) {
        same_str(a->before[d], b->before[d]);
        same_str(a->now[d], b->now[d]);
    }
    same_str(a->criteria_heading, b->criteria_heading);
    assert_int_equal(a->n_criteria, b->n_criteria);
    for (size_t i = 0; i < a->n_criteria; i++) {
        same_str(a->criteria[i].id, b->criteria[i].id);
        same_str(a->criteria[i].text, b->criteria[i].text);
        same_str(a->criteria[i].claim, b->criteria[i].claim);
    }
}

static void same_quiz(const climb_ladder *a, const climb_ladder *b)
{
    same_str(a->quiz_intro, b->quiz_intro);
    assert_int_equal(a->n_questions, b->n_questions);
    for (size_t i = 0; i < a->n_questions; i++) {
        same_str(a->questions[i].id, b->questions[i].id);
        same_str(a->questions[i].text, b->questions[i].text);
    }
    assert_int_equal(a->n_bands, b->n_bands);
    for (size_t i = 0; i < a->n_bands; i++) {
        const climb_band *x = &a->bands[i], *y = &b->bands[i];
        assert_int_equal(x->yes_min, y->yes_min);
        assert_int_equal(x->yes_max, y->yes_max);
        assert_int_equal(x->regularly_min, y->regularly_min);
        assert_int_equal(x->phase, y->phase);
        assert_int_equal(x->on_edge_of, y->on_edge_of);
        same_str(x->label, y->label);
    }
    assert_true((a->phase_advice == NULL) == (b->phase_advice == NULL));
    for (size_t i = 0; a->phase_advice && i < a->n_phases; i++)
        same_str(a->phase_advice[i], b->phase_advice[i]);
}

static void same_extras(const climb_ladder *a, const climb_ladder *b)
{
    assert_int_equal(a->n_roadblocks, b->n_roadblocks);
    for (size_t i = 0; i < a->n_roadblocks; i++) {
        const climb_roadblock *x = &a->roadblocks[i], *y = &b->roadblocks[i];
        same_str(x->id, y->id);
        same_str(x->title, y->title);
        same_str(x->why, y->why);
        same_str(x->unlock, y->unlock);
    }
    same_str(a->roadblocks_intro, b->roadblocks_intro);
    same_str(a->resources_advice, b->resources_advice);
    assert_int_equal(a->n_resources, b->n_resources);
    for (size_t i = 0; i < a->n_resources; i++) {
        const climb_resource *x = &a->resources[i], *y = &b->resources[i];
        same_str(x->id, y->id);
        same_str(x->name, y->name);
        same_str(x->what, y->what);
        assert_int_equal(x->phase_min, y->phase_min);
        assert_int_equal(x->phase_max, y->phase_max);
    }
    assert_int_equal(a->n_faqs, b->n_faqs);
    for (size_t i = 0; i < a->n_faqs; i++) {
        same_str(a->faqs[i].id, b->faqs[i].id);
        same_str(a->faqs[i].question, b->faqs[i].question);
        same_str(a->faqs[i].answer, b->faqs[i].answer);
    }
    assert_int_equal(a->n_timelines, b->n_timelines);
    for (size_t i = 0; i < a->n_timelines; i++) {
        const climb_timeline *x = &a->timelines[i], *y = &b->timelines[i];
        same_str(x->id, y->id);
        same_str(x->from_level, y->from_level);
        same_str(x->to_level, y->to_level);
        assert_int_equal(x->years_min, y->years_min);
        assert_int_equal(x->years_max, y->years_max);
        same_str(x->why, y->why);
    }
}

/* Every field of a and b, except is_static. */
static void same_ladder(const climb_ladder *a, const climb_ladder *b)
{
    same_str(a->id, b->id);
    same_str(a->name, b->name);
    same_str(a->source, b->source);
    assert_int_equal(a->n_insights, b->n_insights);
    for (size_t i = 0; i < a->n_insights; i++)
        same_str(a->insights[i], b->insights[i]);
    assert_int_equal(a->n_levels, b->n_levels);
    for (size_t i = 0; i < a->n_levels; i++)
        same_level(&a->levels[i], &b->levels[i]);
    assert_int_equal(a->n_phases, b->n_phases);
    for (size_t i = 0; i < a->n_phases; i++)
        same_phase(&a->phases[i], &b->phases[i]);
    same_quiz(a, b);
    same_extras(a, b);
    assert_string_equal(a->hash, b->hash);
}

/* The comparison only means something for fields the file actually sets: every
 * number field is non-zero somewhere in content/devops.yaml, every list is
 * non-empty and every string present, so a field the generator dropped (left
 * zero or NULL) cannot match by accident. */
static void file_sets_every_field(const climb_ladder *l)
{
    int tmin = 0, tmax = 0, low = 0, high = 0, open = 0, ymin = 0, ymax = 0, reg = 0;
    int edge = 0, pmin = 0, pmax = 0, tlmin = 0, tlmax = 0;
    assert_true(l->n_insights && l->n_levels && l->n_phases && l->n_questions && l->n_bands &&
                l->n_roadblocks && l->n_resources && l->n_faqs && l->n_timelines);
    assert_non_null(l->phase_advice);
    for (size_t i = 0; i < l->n_levels; i++) {
        tmin |= l->levels[i].tenure_min != 0;
        tmax |= l->levels[i].tenure_max != 0;
        low |= l->levels[i].pay_low != 0;
        high |= l->levels[i].pay_high != 0;
        open |= l->levels[i].pay_open_top != 0;
    }
    for (size_t i = 0; i < l->n_bands; i++) {
        ymin |= l->bands[i].yes_min != 0;
        ymax |= l->bands[i].yes_max != 0;
        reg |= l->bands[i].regularly_min != 0;
        edge |= l->bands[i].on_edge_of != 0;
        assert_int_not_equal(l->bands[i].phase, 0);
    }
    for (size_t i = 0; i < l->n_resources; i++) {
        pmin |= l->resources[i].phase_min != 0;
        pmax |= l->resources[i].phase_max != 0;
    }
    for (size_t i = 0; i < l->n_timelines; i++) {
        tlmin |= l->timelines[i].years_min != 0;
        tlmax |= l->timelines[i].years_max != 0;
    }
    assert_true(tmin && tmax && low && high && open && ymin && ymax && reg && edge && pmin &&
                pmax && tlmin && tlmax);
    for (size_t i = 0; i < l->n_phases; i++) {
        assert_int_not_equal(l->phases[i].number, 0);
        assert_true(l->phases[i].n_criteria > 0);
        assert_non_null(l->phases[i].criteria_heading);
        assert_non_null(l->phases[i].before_label);
        assert_non_null(l->phases[i].this_label);
    }
}

static void test_builtin_equals_file(void **state)
{
    climb_ladder file, builtin;
    climb_content_error e;
    (void)state;
    assert_int_equal(content_load_file(DEFAULT_YAML, &file, &e), 0);
    file_sets_every_field(&file);
    memset(&e, 0x55, sizeof e);
    assert_int_equal(content_load_default(&builtin, &e), 0);
    assert_int_equal(e.line, 0);
    assert_string_equal(e.message, "");
    assert_string_equal(e.file, "<built-in ladder>");
    same_ladder(&builtin, &file);
    assert_int_equal(builtin.is_static, 1);
    assert_int_equal(file.is_static, 0);
    content_free(&file);
    content_free(&builtin);
}

/* Freeing a built-in ladder zeroes the struct and leaves the shared static
 * data intact for every other copy (valgrind/ASan: no invalid free). */
static void test_free_builtin(void **state)
{
    climb_ladder file, a, b, zero;
    (void)state;
    memset(&zero, 0, sizeof zero);
    assert_int_equal(content_load_file(DEFAULT_YAML, &file, NULL), 0);
    assert_int_equal(content_load_default(&a, NULL), 0);
    assert_int_equal(content_load_default(&b, NULL), 0);
    content_free(&a);
    assert_memory_equal(&a, &zero, sizeof a);
    content_free(&a); /* safe twice */
    same_ladder(&b, &file); /* the other copy is untouched */
    content_free(&b);
    assert_int_equal(content_load_default(&a, NULL), 0);
    same_ladder(&a, &file);
    content_free(&a);
    content_free(&file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_equals_file),
        cmocka_unit_test(test_free_builtin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
