/* ops.c - what every operation shares: its error message, the wording hint, one
 * event applied through the event table, and the commit that ends it. */
#include "ops_internal.h"

#include "climb/clock.h"

const char *ops_error(const climb_model *m)
{
    return ops_db_error(m->store);
}

const char *ops_db_error(const climb_store *st)
{
    return st ? store_error(st) : "the database is not open";
}

ops_hint ops_hint_for(const climb_model *m, const char *item)
{
    ops_hint h = {NULL, 0, NULL, NULL};
    const climb_phase *ph = NULL;
    const climb_criterion *c = item ? content_criterion(m->ladder, item, &ph) : NULL;
    h.current_text = c ? c->text : NULL;
    return h;
}

int ops_apply(climb_model *m, ops_group *g, const char *kind, const char *item,
              const char *value, const char *previous, const char *detail)
{
    return ops_apply_row(m, g, kind, item, value, previous, detail, NULL);
}

int ops_apply_row(climb_model *m, ops_group *g, const char *kind, const char *item,
                  const char *value, const char *previous, const char *detail,
                  const criterion_row *row)
{
    ops_hint h = ops_hint_for(m, item);
    h.row = row;
    long long id = 0;
    /* never true: no operation appends more than two events (ops_criterion: state and
     * note) to its group of OPS_GROUP_MAX; a guard for a future one */
    if (g->n == OPS_GROUP_MAX)                                         /* GCOVR_EXCL_BR_LINE */
        return store_fail(m->store, "too many events in one change"); /* GCOVR_EXCL_LINE */
    if (ops_event_apply(m->store, m->profile.id, clock_now(), kind, item, value, previous, detail,
                        &h, &id))
        return -1;
    g->ids[g->n++] = id;
    return 0;
}

int ops_commit(climb_model *m, const ops_group *g, int undoable)
{
    if (store_commit(m->store))
        return -1;
    if (undoable && g->n)
        ops_remember(g);
    return 0;
}

int ops_abort(climb_model *m, int rc)
{
    store_rollback(m->store);
    return rc;
}
