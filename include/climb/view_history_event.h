/* view_history_event.h - one event of the history's timeline in full (Enter in
 * the history view): when, what, the criterion (id and text), the value before
 * and after, the whole note or evidence text, and for an undo what it took back. */
#ifndef CLIMB_VIEW_HISTORY_EVENT_H
#define CLIMB_VIEW_HISTORY_EVENT_H

#include "climb/history.h"
#include "climb/view.h"

/* Opens the event e (an undo event with rev, the reverse event it wrote, or
 * NULL) over the history view; everything shown is copied. */
void history_event_view_open(tui *t, const hist_event *e, const hist_event *rev);

/* The view's key tables, NULL-ended (for tests and help). */
extern const view_key *const history_event_key_tables[];

#endif
