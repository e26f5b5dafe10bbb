/* ops_view_state.c - what the TUI remembers of how it was left, per profile: the
 * phase last viewed. View state, not a change to the person's record: no event,
 * no undo, no History line; a read-only database simply does not remember. */
#include "ops_internal.h"

#include "climb/store_view_state.h"

static const char LAST_PHASE[] = "last_phase";

int ops_last_phase(climb_model *m, int *number)
{
    return store_view_state_get(m->store, m->profile.id, LAST_PHASE, number);
}

int ops_remember_phase(climb_model *m, int number)
{
    int before = 0;
    if (ops_read_only(m))
        return 0;
    if (store_begin(m->store))
        return -1;
    int rc = store_view_state_get(m->store, m->profile.id, LAST_PHASE, &before);
    if (rc < 0)
        return ops_abort(m, -1);
    if ((rc == 1 || before != number) &&
        store_view_state_put(m->store, m->profile.id, LAST_PHASE, number))
        return ops_abort(m, -1);
    if (store_commit(m->store)) {
        store_rollback(m->store);
        return -1;
    }
    return 0;
}
