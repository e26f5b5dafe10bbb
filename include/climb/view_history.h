/* view_history.h - the history view (H): a chart of criteria met by week or month
 * over the whole history (Left/Right scroll it) with the years and the quiz
 * placements under it, time in the current phase against the ladder's typical
 * span, a forecast, and the timeline of events newest first (filter by phase and
 * kind, internal events shown on request, go to a date, Enter opens an event).
 * Also the undo key (u), here and in the panes. */
#ifndef CLIMB_VIEW_HISTORY_H
#define CLIMB_VIEW_HISTORY_H

#include "climb/view.h"

/* Opens the history view over the panes. */
void history_view_open(tui *t);
/* Undoes the last change made in this run and says so in the key line. Returns
 * DIRTY_* bits. */
int history_undo(tui *t);
/* Ctrl-R: redoes the change undone last, with a message in the key line. */
int history_redo(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys):
 * the timeline, the filter bar, the date prompt, the chart (focused with Tab). */
extern const view_key *const history_key_tables[];

#endif
