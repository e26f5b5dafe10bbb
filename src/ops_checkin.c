/* ops_checkin.c - check-ins in the operations layer: the cadence (a 'setting'
 * event, kept in profiles.checkin_days), the facts that decide whether one is due,
 * and the 'checkin' event a finished check-in records. The state and note changes
 * made during a check-in are ordinary ops_set_state/ops_set_note calls. */
#include "climb/ops_checkin.h"
#include "climb/store_checkin.h"
#include "ops_internal.h"

#include <stdio.h>

int ops_set_cadence(climb_model *m, int days)
{
    if (days < 0 || days > CHECKIN_MAX_DAYS) {
        store_fail(m->store, "a cadence is 1 to %d days, or none", CHECKIN_MAX_DAYS);
        return OPS_INVALID;
    }
    return ops_set_setting(m, "checkin_days", days, 1);
}

size_t ops_checkin_phase(const climb_model *m)
{
    size_t n = m->ladder->n_phases;
    for (size_t p = 0; p < n; p++) {
        int done, applicable;
        model_phase_counts(m, p, &done, &applicable);
        if (done < applicable)
            return p;
    }
    return n ? n - 1 : 0;
}

int ops_checkin_facts(climb_model *m, long long now, checkin_facts *out)
{
    long long at;
    if (store_last_update(m->store, m->profile.id, &at))
        return -1;
    out->cadence_days = m->profile.checkin_days;
    out->last_update = at ? at : m->profile.created_at;
    out->stale = 0;
    for (size_t i = 0; i < m->n_crit; i++)
        out->stale += model_is_stale(m, &m->crit[i], now);
    return 0;
}

int ops_checkin_record(climb_model *m, const ops_checkin_summary *s)
{
    ops_group g = {{0}, 0};
    char value[64];
    if (s->phase >= m->ladder->n_phases) {
        store_fail(m->store, "no such phase");
        return OPS_INVALID;
    }
    snprintf(value, sizeof value, "reviewed=%d changed=%d", s->reviewed, s->changed);
    if (store_begin(m->store))
        return -1;
    if (ops_apply(m, &g, "checkin", m->ladder->phases[s->phase].id, value, NULL, NULL) ||
        ops_commit(m, &g, 0))
        return ops_abort(m, -1);
    m->generation++; /* the last update moved: views showing "due" look again */
    return 0;
}
