/* view_search.h - the Search view (/): a query typed in a line editor, the
 * matches across the ladder and the person's notes as a list, n/N to move between
 * them and Enter to jump to the item. */
#ifndef CLIMB_VIEW_SEARCH_H
#define CLIMB_VIEW_SEARCH_H

#include "climb/view.h"

/* Opens the view with the previous query of this session (if any) ready to edit. */
void search_view_open(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const search_key_tables[];

#endif
