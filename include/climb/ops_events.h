/* ops_events.h - the event table at work: appending an event and writing what it
 * decides, reversing one for undo, and re-deriving an item from the log after an
 * import. All inside the caller's transaction. What each kind means is written
 * once, in src/ops_events.c (rows from event_kinds.h). */
#ifndef CLIMB_OPS_EVENTS_H
#define CLIMB_OPS_EVENTS_H

#include "climb/event_kinds.h"
#include "climb/store.h"

#include <stddef.h>

/* What the log cannot say about a criterion's wording when it became done. */
typedef struct {
    const char *current_text;  /* the criterion's wording in the ladder now */
    long long hint_done_at;    /* import: the snapshot's done_at and its wording */
    const char *hint_text;
    const criterion_row *row;  /* the criterion's row as read in this transaction, or NULL */
} ops_hint;

/* 1 when events of this kind can be undone. */
int ops_event_undoable(const char *kind);

/* Appends an event and writes what it decides for its item. The event is dated
 * `at`, or later when a counted event of its item already is (an imported clock
 * ahead of this one), so the change always takes effect. *id_out (may be NULL)
 * is its row id. Returns 0 or -1 (store_error). */
int ops_event_apply(climb_store *st, long long profile_id, long long at, const char *kind,
                    const char *item, const char *value, const char *previous,
                    const char *detail, const ops_hint *h, long long *id_out);

/* Takes event e back: an 'undo' event naming it and a reverse event (value and
 * previous swapped), then its item re-derived. *id_out is the reverse event's id.
 * The caller has checked nothing changed the item since (ops_undo.c). */
int ops_event_reverse(climb_store *st, const store_event *e, long long now, const ops_hint *h,
                      long long *id_out);

/* Writes what the counted events (those not undone) of one kind decide for one
 * item: the latest value, dated from when the latest run of that value began.
 * An item with no such event is left as it is. 0 or -1. */
int ops_event_derive(climb_store *st, long long profile_id, const char *kind, const char *item,
                     const ops_hint *h);

/* The words for taking e back or making it again ("tick of WHAT"), WHAT being the
 * item's wording the caller looked up. */
void ops_event_words(const store_event *e, const char *what, char *buf, size_t len);

#endif
