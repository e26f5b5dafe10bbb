/* ops_line.c - the prompt line's read: `climb status --line` runs on every shell
 * prompt, so it opens the database read-only (no WAL set-up, no migration check
 * that could write), reads the profile row, its criterion states and the time of
 * its last update (index seeks), and builds no model. The phase and stale rules
 * are the model's own (model_phase_counts' rule, model_is_stale). */
#include "climb/ops_checkin.h"
#include "climb/store_checkin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const climb_ladder *l;
    model_crit *crit; /* ladder order */
    size_t n;
} line_load;

static int take_row(void *ctx, const criterion_row *c)
{
    line_load *ll = ctx;
    size_t k = 0;
    for (size_t p = 0; p < ll->l->n_phases; p++)
        for (size_t i = 0; i < ll->l->phases[p].n_criteria; i++, k++)
            if (strcmp(ll->l->phases[p].criteria[i].id, c->criterion_id) == 0) {
                model_crit *mc = &ll->crit[k];
                mc->state = c->state;
                mc->done_at = c->done_at;
                mc->note_at = c->note_at;
                mc->note = c->note ? (char *)"" : NULL; /* only its presence counts */
                return 0;
            }
    return 0; /* a retired criterion: not on the line */
}

/* Counts the phase being worked on and the stale criteria, as the model would. */
static void summarise(const line_load *ll, int stale_months, long long now, ops_line *out)
{
    climb_model rule;
    memset(&rule, 0, sizeof rule);
    rule.stale_months = stale_months;
    size_t k = 0, found = 0;
    out->phase = ll->l->n_phases ? ll->l->n_phases - 1 : 0;
    for (size_t p = 0; p < ll->l->n_phases; p++) {
        int done = 0, applicable = 0;
        for (size_t i = 0; i < ll->l->phases[p].n_criteria; i++, k++) {
            done += ll->crit[k].state == STATE_DONE;
            applicable += ll->crit[k].state != STATE_NA;
            out->facts.stale += model_is_stale(&rule, &ll->crit[k], now);
        }
        if (!found && (done < applicable || p + 1 == ll->l->n_phases)) {
            found = 1;
            out->phase = p;
            out->done = done;
            out->total = applicable;
        }
    }
}

static int read_line(climb_store *st, const climb_ladder *l, const char *user, long long now,
                     ops_line *out)
{
    profile_row row;
    int rc = store_profile_get(st, user, 0, now, &row, NULL);
    if (rc != 0)
        return rc == 1 ? OPS_NOT_FOUND : -1;
    line_load ll = {l, NULL, 0};
    for (size_t p = 0; p < l->n_phases; p++)
        ll.n += l->phases[p].n_criteria;
    ll.crit = calloc(ll.n ? ll.n : 1, sizeof *ll.crit);
    long long at = 0;
    rc = !ll.crit ? store_fail(st, "out of memory")
                  : store_criteria_each(st, row.id, take_row, &ll) ||
                        store_last_update(st, row.id, &at);
    if (rc == 0) {
        out->facts.cadence_days = row.checkin_days;
        out->facts.last_update = at ? at : row.created_at;
        summarise(&ll, row.stale_months, now, out);
    }
    free(ll.crit);
    profile_row_free(&row);
    return rc ? -1 : 0;
}

int ops_line_read(const char *db_path, const climb_ladder *l, const char *user, long long now,
                  ops_line *out, char *err, size_t errlen)
{
    climb_store *st = NULL;
    memset(out, 0, sizeof *out);
    int rc = store_open_readonly(db_path, &st, err, errlen);
    if (rc == 1)
        return OPS_NOT_FOUND;
    if (rc == 2)
        rc = store_open(db_path, &st, err, errlen);
    if (rc != 0)
        return -1;
    rc = read_line(st, l, user, now, out);
    if (rc < 0)
        snprintf(err, errlen, "%s", store_error(st));
    store_close(st);
    return rc;
}
