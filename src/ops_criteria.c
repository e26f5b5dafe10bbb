/* ops_criteria.c - changing one criterion: its state (with a reason for n/a), its
 * evidence note, or both at once (tick --note). The current row is read inside
 * the transaction, and only what differs from it becomes an event: a note save
 * never writes the state, a state change never writes the note. */
#include "ops_internal.h"

#include "climb/clock.h"

#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Writes the events of the change against the stored row; *changed says if any. */
static int change_row(climb_model *m, ops_group *g, const char *id, const criterion_row *row,
                      const ops_crit_change *c, int *changed)
{
    if (c->note && c->check_base &&
        !same(row->note, c->note_base && *c->note_base ? c->note_base : NULL)) {
        store_fail(m->store, "the note of %s was changed elsewhere while you edited it", id);
        return OPS_CONFLICT;
    }
    char when[32] = "";
    if (c->when)
        clock_format_utc(c->when, when, sizeof when);
    if (c->set_state) {
        const char *why = c->state == STATE_NA ? c->reason : NULL;
        if (c->state == STATE_DONE && c->when)
            why = when; /* a done event's detail: when the work was done */
        if (row->state != c->state || (c->state == STATE_NA && !same(why, row->reason))) {
            if (ops_apply_row(m, g, "state", id, crit_state_name(c->state),
                              crit_state_name(row->state), why, row))
                return -1;
            *changed = 1;
        }
    }
    if (c->note) {
        const char *value = *c->note ? c->note : NULL;
        if (!same(value, row->note)) {
            if (ops_apply(m, g, "note", id, value, row->note, value && c->when ? when : NULL))
                return -1;
            *changed = 1;
        }
    }
    return 0;
}

int ops_criterion(climb_model *m, size_t phase, size_t index, const ops_crit_change *c,
                  int *changed)
{
    const char *id = m->ladder->phases[phase].criteria[index].id;
    int dummy;
    ops_group g = {{0}, 0};
    criterion_row row;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (c->when && c->when > clock_now()) {
        store_fail(m->store, "the date is in the future; record what already happened");
        return OPS_INVALID;
    }
    if (c->set_state && c->state == STATE_NA && (!c->reason || !*c->reason)) {
        store_fail(m->store, "not applicable needs a reason (why it does not apply)");
        return OPS_INVALID;
    }
    if (store_begin(m->store))
        return -1;
    if (store_criterion_get(m->store, m->profile.id, id, &row))
        return ops_abort(m, -1);
    int rc = change_row(m, &g, id, &row, c, changed);
    criterion_row_free(&row);
    if (rc != 0 || ops_commit(m, &g, 1)) {
        *changed = 0;
        return ops_abort(m, rc > 0 ? rc : -1);
    }
    /* what was committed, read back (also what another climb changed in it) */
    return model_reload_criterion(m, id);
}

int ops_set_state(climb_model *m, size_t phase, size_t index, crit_state state,
                  const char *reason, int *changed)
{
    ops_crit_change c = {1, state, reason, NULL, NULL, 0, 0};
    return ops_criterion(m, phase, index, &c, changed);
}

int ops_set_note(climb_model *m, size_t phase, size_t index, const char *note, int *changed)
{
    ops_crit_change c = {0, STATE_TODO, NULL, note ? note : "", NULL, 0, 0};
    return ops_criterion(m, phase, index, &c, changed);
}
