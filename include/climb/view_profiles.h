/* view_profiles.h - the profile switcher (P): every profile with its title,
 * placement and progress; Enter switches, n creates, r renames, d deletes after
 * the name is typed again. */
#ifndef CLIMB_VIEW_PROFILES_H
#define CLIMB_VIEW_PROFILES_H

#include "climb/view.h"

extern const view_ops profiles_view;

/* Opens the switcher over the panes. */
void profiles_view_open(tui *t);
/* Makes `name` the open profile (model_close + model_open); offers the quiz when
 * `created`. Returns 0, or -1 with a message in the key line (the old profile
 * stays open). */
int profiles_view_switch(tui *t, const char *name, int created);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const profiles_key_tables[];

#endif
