/* model.c - one profile's progress over the ladder: loading states by criterion id,
 * counting, and changing a criterion through the store. */
#include "climb/model.h"
#include "climb/clock.h"

#include <stdlib.h>
#include <string.h>

static void crit_clear(model_crit *c)
{
    free(c->note);
    free(c->reason);
    free(c->text_at_done);
    memset(c, 0, sizeof *c);
}

/* Moves a stored row into the model's slot (taking its strings). */
static void crit_take(model_crit *dst, store_criterion *src)
{
    crit_clear(dst);
    dst->state = src->state;
    dst->done_at = src->done_at;
    dst->note = src->note;
    dst->note_at = src->note_at;
    dst->reason = src->reason;
    dst->text_at_done = src->text_at_done;
    src->note = src->reason = src->text_at_done = NULL;
}

static int load_one(void *ctx, const store_criterion *c)
{
    climb_model *m = ctx;
    size_t p, i;
    if (model_find(m, c->criterion_id, &p, &i) == 0) {
        store_criterion copy = *c;
        copy.note = c->note ? strdup(c->note) : NULL;
        copy.reason = c->reason ? strdup(c->reason) : NULL;
        copy.text_at_done = c->text_at_done ? strdup(c->text_at_done) : NULL;
        crit_take(model_crit_at(m, p, i), &copy);
    }
    return 0;
}

int model_open(climb_model *m, const climb_ladder *l, climb_store *st, const char *user,
               int create, int *created)
{
    memset(m, 0, sizeof *m);
    m->ladder = l;
    m->store = st;
    m->first = calloc(l->n_phases + 1, sizeof *m->first);
    if (!m->first)
        return store_fail(st, "out of memory");
    for (size_t p = 0; p < l->n_phases; p++)
        m->first[p + 1] = m->first[p] + l->phases[p].n_criteria;
    m->n_crit = m->first[l->n_phases];
    m->crit = calloc(m->n_crit ? m->n_crit : 1, sizeof *m->crit);
    if (!m->crit) {
        model_close(m);
        return store_fail(st, "out of memory");
    }
    int rc = store_profile_get(st, user, create, clock_now(), &m->profile, created);
    if (rc == 0)
        rc = store_criteria_each(st, m->profile.id, load_one, m);
    if (rc != 0)
        model_close(m);
    return rc;
}

void model_close(climb_model *m)
{
    for (size_t i = 0; m->crit && i < m->n_crit; i++)
        crit_clear(&m->crit[i]);
    free(m->crit);
    free(m->first);
    store_profile_free(&m->profile);
    memset(m, 0, sizeof *m);
}

model_crit *model_crit_at(const climb_model *m, size_t phase, size_t index)
{
    return &m->crit[m->first[phase] + index];
}

int model_find(const climb_model *m, const char *id, size_t *phase, size_t *index)
{
    const climb_ladder *l = m->ladder;
    for (size_t p = 0; p < l->n_phases; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            if (strcmp(l->phases[p].criteria[i].id, id) == 0) {
                *phase = p;
                *index = i;
                return 0;
            }
        }
    }
    return -1;
}

void model_phase_counts(const climb_model *m, size_t phase, int *done, int *applicable)
{
    *done = *applicable = 0;
    for (size_t i = 0; i < m->ladder->phases[phase].n_criteria; i++) {
        crit_state s = model_crit_at(m, phase, i)->state;
        *done += s == STATE_DONE;
        *applicable += s != STATE_NA;
    }
}

int model_progress_level(const climb_model *m)
{
    const climb_ladder *l = m->ladder;
    for (size_t p = 0; p < l->n_phases; p++) {
        int done, applicable;
        model_phase_counts(m, p, &done, &applicable);
        if (done < applicable)
            return content_level_index(l, l->phases[p].level);
    }
    return l->n_phases ? content_level_index(l, l->phases[l->n_phases - 1].next_level) : 0;
}

int model_set_state(climb_model *m, size_t phase, size_t index, crit_state state,
                    const char *note, int *changed)
{
    const climb_criterion *c = &m->ladder->phases[phase].criteria[index];
    store_criterion after;
    if (store_set_state(m->store, m->profile.id, c->id, state, note, c->text, clock_now(),
                        changed, &after))
        return -1;
    crit_take(model_crit_at(m, phase, index), &after);
    store_criterion_free(&after);
    return 0;
}
