/* model.c - one profile's progress over the ladder: loading states by criterion id,
 * counting, and changing a criterion through the store. */
#include "climb/model.h"
#include "climb/clock.h"
#include "climb/ladder_update.h"

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

/* Keeps the progress on a criterion the ladder no longer has, when there is any. */
static int load_retired(climb_model *m, store_criterion *copy)
{
    if (copy->state == STATE_TODO && !copy->note)
        return 0;
    model_retired *r = realloc(m->retired, (m->n_retired + 1) * sizeof *r);
    if (!r)
        return -1;
    m->retired = r;
    r = &m->retired[m->n_retired];
    memset(r, 0, sizeof *r);
    if (ladder_seen_lookup(m->store, m->ladder->id, copy->criterion_id, &r->text, &r->phase) < 0)
        return -1;
    r->id = strdup(copy->criterion_id);
    if (!r->text)
        r->text = strdup(copy->criterion_id);
    if (!r->id || !r->text) {
        free(r->id);
        free(r->text);
        return -1;
    }
    crit_take(&r->c, copy);
    m->n_retired++;
    return 0;
}

static int load_one(void *ctx, const store_criterion *c)
{
    climb_model *m = ctx;
    size_t p, i;
    store_criterion copy = *c;
    copy.note = c->note ? strdup(c->note) : NULL;
    copy.reason = c->reason ? strdup(c->reason) : NULL;
    copy.text_at_done = c->text_at_done ? strdup(c->text_at_done) : NULL;
    if (model_find(m, c->criterion_id, &p, &i) == 0) {
        crit_take(model_crit_at(m, p, i), &copy);
        return 0;
    }
    int rc = load_retired(m, &copy);
    free(copy.note);
    free(copy.reason);
    free(copy.text_at_done);
    return rc;
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
    if (rc == 0) {
        m->stale_months = m->profile.stale_months;
        rc = store_criteria_each(st, m->profile.id, load_one, m);
    }
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
    for (size_t i = 0; i < m->n_retired; i++) {
        free(m->retired[i].id);
        free(m->retired[i].text);
        crit_clear(&m->retired[i].c);
    }
    free(m->retired);
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

int model_set_state_reason(climb_model *m, size_t phase, size_t index, crit_state state,
                           const char *reason, const char *note, int *changed)
{
    const climb_criterion *c = &m->ladder->phases[phase].criteria[index];
    store_criterion after;
    if (store_set_state_reason(m->store, m->profile.id, c->id, state, reason, note, c->text,
                               clock_now(), changed, &after))
        return -1;
    crit_take(model_crit_at(m, phase, index), &after);
    store_criterion_free(&after);
    return 0;
}

int model_set_state(climb_model *m, size_t phase, size_t index, crit_state state,
                    const char *note, int *changed)
{
    const model_crit *mc = model_crit_at(m, phase, index);
    if (state == STATE_NA && mc->state != STATE_NA)
        return store_fail(m->store, "not applicable needs a reason (why it does not apply)");
    return model_set_state_reason(m, phase, index, state, mc->reason, note, changed);
}

int model_set_note(climb_model *m, size_t phase, size_t index, const char *note, int *changed)
{
    const model_crit *mc = model_crit_at(m, phase, index);
    return model_set_state_reason(m, phase, index, mc->state, mc->reason, note ? note : "",
                                  changed);
}

int model_is_stale(const climb_model *m, const model_crit *c, long long now)
{
    if (c->state != STATE_DONE || m->stale_months <= 0)
        return 0;
    long long evidence = c->note && c->note_at > c->done_at ? c->note_at : c->done_at;
    /* a month here is the average Gregorian month: 30.436875 days */
    return evidence > 0 && now - evidence > (long long)m->stale_months * 2629746LL;
}
