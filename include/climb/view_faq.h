/* view_faq.h - the FAQ view (F): the ladder's questions and answers, scrollable. */
#ifndef CLIMB_VIEW_FAQ_H
#define CLIMB_VIEW_FAQ_H

#include "climb/view.h"

/* Opens the view with question `index` selected (0 for the first). */
void faq_view_open(tui *t, int index);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const faq_key_tables[];

#endif
