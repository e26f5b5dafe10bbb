/* view_resources.h - the Resources view (r): the resources for the selected phase
 * and the ladder's advice on when each is worth the time. */
#ifndef CLIMB_VIEW_RESOURCES_H
#define CLIMB_VIEW_RESOURCES_H

#include "climb/view.h"

/* Opens the view on the selected phase. With resource >= 0, selects that resource
 * (first switching to its first phase when the selected phase does not list it). */
void resources_view_open(tui *t, int resource);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const resources_key_tables[];

#endif
