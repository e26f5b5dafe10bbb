/* view_roadblocks.h - the Roadblocks view (R): the ladder's roadblocks, why each
 * happens and what unlocks it; Space flags the ones that describe the person. */
#ifndef CLIMB_VIEW_ROADBLOCKS_H
#define CLIMB_VIEW_ROADBLOCKS_H

#include "climb/view.h"

/* Opens the view with roadblock `index` selected (0 for the first). */
void roadblocks_view_open(tui *t, int index);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const roadblocks_key_tables[];

#endif
