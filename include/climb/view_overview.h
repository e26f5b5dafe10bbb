/* view_overview.h - the overview view (o): the ladder's key points, its source,
 * and the typical timelines between levels with the reasons they take that long. */
#ifndef CLIMB_VIEW_OVERVIEW_H
#define CLIMB_VIEW_OVERVIEW_H

#include "climb/view.h"

/* Opens the overview over whatever is showing (the panes, or the first-launch
 * welcome, which it returns to on Esc). */
void overview_view_open(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const overview_key_tables[];

#endif
