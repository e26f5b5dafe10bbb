/* pane_size.h - how many rows each pane would like, so the layout in tui.c can
 * share the height by need rather than by a fixed ratio. */
#ifndef CLIMB_PANE_SIZE_H
#define CLIMB_PANE_SIZE_H

#include "climb/view.h"

/* Rows (borders included) the Phase pane needs to show its whole tab at width. */
int phase_pane_rows(tui *t, int width);
/* Rows (borders included) the Checklist needs to show every item at width. */
int checklist_pane_rows(tui *t, int width);
/* Rows (borders included) the Ladder pane needs in the side-by-side layout. */
int ladder_pane_rows(tui *t);

#endif
