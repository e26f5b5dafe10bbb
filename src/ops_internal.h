/* ops_internal.h - what the ops_*.c files share: the hint for a criterion's
 * wording, running one change in one transaction, and remembering it for undo. */
#ifndef CLIMB_OPS_INTERNAL_H
#define CLIMB_OPS_INTERNAL_H

#include "climb/ops.h"
#include "climb/ops_events.h"
#include "climb/store.h"

enum { OPS_GROUP_MAX = 4 };

/* The event rows one operation wrote, newest last. */
typedef struct {
    long long ids[OPS_GROUP_MAX];
    size_t n;
} ops_group;

/* The wording hint for an item: the criterion's current text when it is one. */
ops_hint ops_hint_for(const climb_model *m, const char *item);
/* Appends one event of the open transaction to g and writes what it decides. */
int ops_apply(climb_model *m, ops_group *g, const char *kind, const char *item,
              const char *value, const char *previous, const char *detail);
/* The same, with the criterion's row as this transaction read it (saves reading
 * it again). */
int ops_apply_row(climb_model *m, ops_group *g, const char *kind, const char *item,
                  const char *value, const char *previous, const char *detail,
                  const criterion_row *row);
/* Commits the open transaction (rolling back on failure) and remembers g for
 * undo when undoable; returns 0 or -1. */
int ops_commit(climb_model *m, const ops_group *g, int undoable);
/* Rolls back and passes rc through. */
int ops_abort(climb_model *m, int rc);
/* Sets one of the profile's numeric settings (store_settings), with its event when
 * it differs, in one transaction; the model's profile row follows. */
int ops_set_setting(climb_model *m, const char *name, int value, int undoable);
/* Clears the redo list (a new change was made) and pushes g on the undo list. */
void ops_remember(const ops_group *g);

#endif
