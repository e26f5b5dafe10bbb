/* target_pace.c - the target's criteria are those of every phase whose criteria
 * lead to a level up to the target; their remaining count and the pace of every
 * tick so far give a forecast date, compared with the target date. */
#include "climb/target_pace.h"
#include "climb/clock.h"
#include "climb/forecast.h"

#include <stdio.h>
#include <stdlib.h>

enum { MONTH = 2629746 }; /* the average Gregorian month, in seconds */

const char *target_pace_key(pace_kind k)
{
    static const char *const KEYS[] = {"none", "met", "on-track", "behind", "unknown"};
    return (unsigned)k <= PACE_UNKNOWN ? KEYS[k] : "";
}

void target_pace_compute(const climb_model *m, long long now, target_pace *out)
{
    const climb_ladder *l = m->ladder;
    const char *target = m->profile.target_level;
    out->kind = PACE_NONE;
    out->remaining = 0;
    out->forecast = 0;
    out->months = 0;
    out->sentence[0] = '\0';
    int goal = target ? content_level_index(l, target) : -1;
    if (goal < 0)
        return;
    long long *ticks = malloc((m->n_crit ? m->n_crit : 1) * sizeof *ticks);
    size_t n = 0;
    for (size_t p = 0; p < l->n_phases; p++) {
        /* A phase counts toward the goal when meeting it reaches a level up to
         * the goal; an operating phase (content `operating`) reaches no further
         * level, and counts only for goals above the level it operates at. */
        const climb_phase *ph = &l->phases[p];
        int at = content_level_index(l, ph->operating ? ph->level : ph->next_level);
        int counts = at >= 0 && (ph->operating ? at < goal : at <= goal);
        for (size_t i = 0; i < ph->n_criteria; i++) {
            const model_crit *c = model_crit_at(m, p, i);
            if (c->state == STATE_DONE && c->done_at && ticks)
                ticks[n++] = c->done_at;
            else if (counts && c->state != STATE_NA)
                out->remaining++;
        }
    }
    forecast f;
    forecast_compute(ticks, n, out->remaining, now, &f);
    free(ticks);
    char by[16];
    clock_format_local_date(m->profile.target_at, by, sizeof by);
    const char *name = l->levels[goal].name;
    if (out->remaining == 0) {
        out->kind = PACE_MET;
        snprintf(out->sentence, sizeof out->sentence,
                 "Target %s by %s: every criterion leading there is met.", name, by);
    } else if (f.kind != FORECAST_DATE) {
        out->kind = PACE_UNKNOWN;
        snprintf(out->sentence, sizeof out->sentence,
                 "Target %s by %s: %d criteria to go; %s.", name, by, out->remaining, f.basis);
    } else {
        char when[16];
        out->forecast = f.date;
        clock_format_local_date(f.date, when, sizeof when);
        if (f.date <= m->profile.target_at) {
            out->kind = PACE_ON_TRACK;
            snprintf(out->sentence, sizeof out->sentence,
                     "Target %s by %s: on track (%d to go, at this pace done around %s).", name,
                     by, out->remaining, when);
        } else {
            out->kind = PACE_BEHIND;
            out->months = (int)((f.date - m->profile.target_at + MONTH - 1) / MONTH);
            snprintf(out->sentence, sizeof out->sentence,
                     "Target %s by %s: behind by about %d month%s (%d to go, at this pace "
                     "done around %s).", name, by, out->months, out->months == 1 ? "" : "s",
                     out->remaining, when);
        }
    }
}
