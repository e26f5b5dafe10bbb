/* store_view_state.h - the view_state table: small numbers a front end keeps
 * per profile about how it was left (the phase last viewed). Not user data: no
 * events, not exported. */
#ifndef CLIMB_STORE_VIEW_STATE_H
#define CLIMB_STORE_VIEW_STATE_H

#include "climb/store.h"

/* The value of `name` for the profile: 0 and *value, 1 when never set, -1 on
 * error (store_error). */
int store_view_state_get(climb_store *st, long long profile_id, const char *name, int *value);
/* Sets it, inside the caller's transaction. 0 or -1. */
int store_view_state_put(climb_store *st, long long profile_id, const char *name, int value);

#endif
