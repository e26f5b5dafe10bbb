/* content_fuzzer.c - libFuzzer harness for the content loader: content_load_buffer
 * on arbitrary bytes. It must never crash or leak; a ladder it accepts must come
 * from valid UTF-8, hold only valid UTF-8 strings, and free cleanly. */
#include "climb/content.h"
#include "climb/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"

/* A required string: present and valid UTF-8. */
static void str(const char *s)
{
    need(s != NULL);
    need(text_utf8_valid(s, strlen(s), NULL));
}

/* An optional string: absent, or valid UTF-8. */
static void opt(const char *s)
{
    if (s)
        str(s);
}

static void check_phases(const climb_ladder *l)
{
    for (size_t i = 0; i < l->n_phases; i++) {
        const climb_phase *p = &l->phases[i];
        str(p->id);
        opt(p->level);
        opt(p->next_level);
        opt(p->title);
        opt(p->summary);
        opt(p->before_label);
        opt(p->this_label);
        opt(p->criteria_heading);
        for (int d = 0; d < CLIMB_DIMENSIONS; d++) {
            opt(p->before[d]);
            opt(p->now[d]);
        }
        for (size_t k = 0; k < p->n_criteria; k++) {
            str(p->criteria[k].id);
            str(p->criteria[k].text);
            need(content_criterion(l, p->criteria[k].id, NULL) != NULL);
        }
        need(content_phase(l, p->number) != NULL);
        if (l->phase_advice)
            opt(l->phase_advice[i]);
    }
}

static void check_ladder(const climb_ladder *l)
{
    str(l->id);
    opt(l->name);
    opt(l->source);
    opt(l->quiz_intro);
    opt(l->resources_advice);
    for (size_t i = 0; i < l->n_insights; i++)
        str(l->insights[i]);
    for (size_t i = 0; i < l->n_levels; i++) {
        str(l->levels[i].id);
        opt(l->levels[i].name);
        opt(l->levels[i].unlocks);
        opt(l->levels[i].plateau);
        need(content_level_index(l, l->levels[i].id) >= 0);
    }
    check_phases(l);
    for (size_t i = 0; i < l->n_questions; i++)
        str(l->questions[i].text);
    for (size_t i = 0; i < l->n_bands; i++)
        opt(l->bands[i].label);
    for (size_t i = 0; i < l->n_roadblocks; i++) {
        str(l->roadblocks[i].id);
        opt(l->roadblocks[i].title);
        opt(l->roadblocks[i].why);
        opt(l->roadblocks[i].unlock);
    }
    for (size_t i = 0; i < l->n_resources; i++) {
        opt(l->resources[i].name);
        opt(l->resources[i].what);
    }
    for (size_t i = 0; i < l->n_faqs; i++) {
        opt(l->faqs[i].question);
        opt(l->faqs[i].answer);
    }
    for (size_t i = 0; i < l->n_timelines; i++)
        opt(l->timelines[i].why);
    need(strlen(l->hash) == 16);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    climb_ladder l;
    climb_content_error err;
    char msg[600];
    if (content_load_buffer((const char *)data, size, "fuzz.yaml", &l, &err) == 0) {
        need(text_utf8_valid((const char *)data, size, NULL));
        check_ladder(&l);
        content_free(&l);
        need(l.levels == NULL && l.n_phases == 0);
    } else {
        need(l.id == NULL && l.levels == NULL && l.phases == NULL);
        content_error_format(&err, msg, sizeof msg);
        need(msg[0] != '\0');
    }
    return 0;
}
