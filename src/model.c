/* model.c - one profile's progress over the ladder in memory: loading it from the
 * store (criteria by id, profile row, latest placement, roadblock flags), loading
 * parts again after a change, and counting. The model owns every string in it. */
#include "climb/model.h"
#include "climb/clock.h"
#include "climb/store.h"
#include "climb/store_evidence.h"
#include "climb/store_ladder_seen.h"
#include "climb/store_quiz.h"
#include "climb/store_roadblocks.h"

#include <stdlib.h>
#include <string.h>

static void entries_clear(model_crit *c)
{
    for (size_t k = 0; k < c->n_entries; k++)
        evidence_row_free(&c->entries[k]);
    free(c->entries);
    c->entries = NULL;
    c->n_entries = 0;
}

static void crit_clear(model_crit *c)
{
    free(c->note);
    free(c->reason);
    free(c->text_at_done);
    entries_clear(c);
    memset(c, 0, sizeof *c);
}

/* Moves a stored row into the model's slot (taking its strings). */
static void crit_take(model_crit *dst, criterion_row *src)
{
    evidence_row *entries = dst->entries;
    size_t n_entries = dst->n_entries;
    dst->entries = NULL;
    dst->n_entries = 0;
    crit_clear(dst);
    dst->entries = entries; /* the entries are loaded on their own */
    dst->n_entries = n_entries;
    dst->state = src->state;
    dst->done_at = src->done_at;
    dst->note = src->note;
    dst->note_at = src->note_at;
    dst->reason = src->reason;
    dst->text_at_done = src->text_at_done;
    src->note = src->reason = src->text_at_done = NULL;
}

/* Keeps the progress on a criterion the ladder no longer has, when there is any. */
static int load_retired(climb_model *m, criterion_row *copy)
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

static int load_one(void *ctx, const criterion_row *c)
{
    climb_model *m = ctx;
    size_t p, i;
    criterion_row copy = *c;
    copy.note = c->note ? strdup(c->note) : NULL;
    copy.reason = c->reason ? strdup(c->reason) : NULL;
    copy.text_at_done = c->text_at_done ? strdup(c->text_at_done) : NULL;
    if ((c->note && !copy.note) || (c->reason && !copy.reason) ||
        (c->text_at_done && !copy.text_at_done)) {
        /* a failed copy is not "no note" (tests/unit/test_faults.c) */
        free(copy.note);
        free(copy.reason);
        free(copy.text_at_done);
        return store_fail(m->store, "out of memory");
    }
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

/* Appends an entry to its criterion (entries of retired criteria are left out). */
static int load_entry(void *ctx, const evidence_row *e)
{
    climb_model *m = ctx;
    size_t p, i;
    if (model_find(m, e->criterion_id, &p, &i) != 0)
        return 0;
    model_crit *c = model_crit_at(m, p, i);
    evidence_row *grown = realloc(c->entries, (c->n_entries + 1) * sizeof *grown);
    if (!grown)
        return store_fail(m->store, "out of memory");
    c->entries = grown;
    evidence_row *dst = &c->entries[c->n_entries];
    *dst = *e;
    dst->criterion_id = strdup(e->criterion_id);
    dst->text = strdup(e->text);
    dst->links = e->n_links ? calloc(e->n_links, sizeof *dst->links) : NULL;
    dst->n_links = 0;
    int ok = dst->criterion_id && dst->text && (dst->links || !e->n_links);
    for (size_t k = 0; ok && k < e->n_links; k++, dst->n_links++)
        ok = (dst->links[k] = strdup(e->links[k])) != NULL;
    if (!ok) {
        /* an entry without its text was kept, and painting it crashed
         * (tests/unit/test_faults.c, evidence add, sticky malloc, N=121) */
        evidence_row_free(dst);
        return store_fail(m->store, "out of memory");
    }
    c->n_entries++;
    return 0;
}

/* Loads the entries of one criterion again (all of them when id is NULL). */
static int load_entries(climb_model *m, const char *id)
{
    size_t p, i;
    if (!id || model_find(m, id, &p, &i) != 0)
        return store_evidence_each(m->store, m->profile.id, id, load_entry, m) < 0 ? -1 : 0;
    /* one criterion: its entries stay as they were unless all the new ones load (a
     * failed reload emptied them, and the entry a person was editing was gone;
     * tests/unit/test_faults.c, evidence edit, SQLite malloc, N=145) */
    model_crit *c = model_crit_at(m, p, i);
    evidence_row *old = c->entries;
    size_t n_old = c->n_entries;
    c->entries = NULL;
    c->n_entries = 0;
    if (store_evidence_each(m->store, m->profile.id, id, load_entry, m) < 0) {
        entries_clear(c);
        c->entries = old;
        c->n_entries = n_old;
        return -1;
    }
    model_crit saved = {.entries = old, .n_entries = n_old};
    entries_clear(&saved);
    return 0;
}

/* Loads the profile's criteria, flags and placement (the profile row is in m). */
static int load_progress(climb_model *m)
{
    m->stale_months = m->profile.stale_months;
    m->data_version = store_data_version(m->store);
    int rc = store_criteria_each(m->store, m->profile.id, load_one, m);
    if (rc == 0)
        rc = load_entries(m, NULL);
    if (rc == 0)
        rc = model_reload_flags(m);
    if (rc == 0)
        rc = model_reload_placement(m);
    return rc;
}

static int alloc_slots(climb_model *m, const climb_ladder *l)
{
    m->first = calloc(l->n_phases + 1, sizeof *m->first);
    if (!m->first)
        return -1;
    for (size_t p = 0; p < l->n_phases; p++)
        m->first[p + 1] = m->first[p] + l->phases[p].n_criteria;
    m->n_crit = m->first[l->n_phases];
    m->crit = calloc(m->n_crit ? m->n_crit : 1, sizeof *m->crit);
    return m->crit ? 0 : -1;
}

int model_open(climb_model *m, const climb_ladder *l, climb_store *st, const char *user,
               int create, int *created)
{
    memset(m, 0, sizeof *m);
    m->ladder = l;
    m->store = st;
    if (alloc_slots(m, l)) {
        model_close(m);
        return store_fail(st, "out of memory");
    }
    int rc = store_profile_get(st, user, create, clock_now(), &m->profile, created);
    if (rc == 0)
        rc = load_progress(m);
    if (rc != 0)
        model_close(m);
    return rc;
}

int model_reload(climb_model *m)
{
    climb_model fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.ladder = m->ladder;
    fresh.store = m->store;
    if (alloc_slots(&fresh, m->ladder)) {
        model_close(&fresh);
        return store_fail(m->store, "out of memory");
    }
    int rc = store_profile_read(m->store, m->profile.id, &fresh.profile);
    if (rc == 0)
        rc = load_progress(&fresh);
    if (rc != 0) {
        model_close(&fresh);
        return rc;
    }
    fresh.generation = m->generation + 1;
    model_close(m);
    *m = fresh; /* the model owns only heap data: moving the struct moves it */
    return 0;
}

int model_reload_criterion(climb_model *m, const char *criterion_id)
{
    size_t p, i;
    criterion_row row;
    if (model_find(m, criterion_id, &p, &i) != 0)
        return 0;
    if (store_criterion_get(m->store, m->profile.id, criterion_id, &row))
        return -1;
    crit_take(model_crit_at(m, p, i), &row);
    criterion_row_free(&row);
    m->generation++;
    return load_entries(m, criterion_id);
}

int model_reload_profile(climb_model *m)
{
    profile_row row;
    int rc = store_profile_read(m->store, m->profile.id, &row);
    if (rc != 0)
        return rc < 0 ? -1 : store_fail(m->store, "the profile is gone");
    profile_row_free(&m->profile);
    m->profile = row;
    m->stale_months = row.stale_months;
    m->generation++;
    return 0;
}

int model_reload_flags(climb_model *m)
{
    roadblock_flags f;
    if (store_roadblocks_load(m->store, m->profile.id, &f)) {
        roadblocks_free(&f);
        return -1;
    }
    roadblocks_free(&m->flags);
    m->flags = f;
    m->generation++;
    return 0;
}

int model_reload_placement(climb_model *m)
{
    int rc = store_quiz_latest(m->store, m->profile.id, &m->placement);
    if (rc < 0)
        return -1;
    m->has_placement = rc == 0;
    m->generation++;
    return 0;
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
    roadblocks_free(&m->flags);
    profile_row_free(&m->profile);
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

int model_working_phase(const climb_model *m)
{
    for (size_t p = 0; p < m->ladder->n_phases; p++) {
        int done, applicable;
        model_phase_counts(m, p, &done, &applicable);
        if (done < applicable)
            return (int)p;
    }
    return -1;
}

size_t model_phase_at_hand(const climb_model *m)
{
    int p = model_working_phase(m);
    size_t n = m->ladder->n_phases;
    return p >= 0 ? (size_t)p : n ? n - 1 : 0;
}

int model_progress_level(const climb_model *m)
{
    const climb_ladder *l = m->ladder;
    int p = model_working_phase(m);
    if (p >= 0)
        return content_level_index(l, l->phases[p].level);
    if (!l->n_phases)
        return 0;
    const climb_phase *last = &l->phases[l->n_phases - 1];
    return content_level_index(l, last->operating ? last->level : last->next_level);
}

int model_progress_operating(const climb_model *m)
{
    const climb_ladder *l = m->ladder;
    if (!l->n_phases || !l->phases[l->n_phases - 1].operating)
        return 0;
    return model_working_phase(m) < 0;
}

int model_find_entry(const climb_model *m, const char *id, size_t *phase, size_t *index,
                     size_t *k)
{
    size_t len = strlen(id), found = 0;
    if (len < 4)
        return 1;
    for (size_t p = 0; p < m->ladder->n_phases; p++) {
        for (size_t i = 0; i < m->ladder->phases[p].n_criteria; i++) {
            const model_crit *c = model_crit_at(m, p, i);
            for (size_t j = 0; j < c->n_entries; j++) {
                if (strncmp(c->entries[j].entry, id, len) != 0)
                    continue;
                if (found++ == 0) {
                    *phase = p;
                    *index = i;
                    *k = j;
                }
            }
        }
    }
    return found == 0 ? 1 : found == 1 ? 0 : 2;
}

long long model_evidence_at(const model_crit *c)
{
    long long at = c->note ? c->note_at : 0;
    for (size_t k = 0; k < c->n_entries; k++)
        if (c->entries[k].happened_at > at)
            at = c->entries[k].happened_at;
    return at;
}

int model_placement(const climb_model *m, quiz_attempt *out)
{
    if (!m->has_placement)
        return 1;
    *out = m->placement;
    return 0;
}

int model_is_stale(const climb_model *m, const model_crit *c, long long now)
{
    if (c->state != STATE_DONE || m->stale_months <= 0)
        return 0;
    long long newest = model_evidence_at(c);
    long long evidence = newest > c->done_at ? newest : c->done_at;
    /* a month here is the average Gregorian month: 30.436875 days */
    return evidence > 0 && now - evidence > (long long)m->stale_months * 2629746LL;
}
