/* store_checkin.h - the SQL check-ins and sync need: when the profile was last
 * updated, and the time of its newest event of any kind. */
#ifndef CLIMB_STORE_CHECKIN_H
#define CLIMB_STORE_CHECKIN_H

#include "climb/store.h"

/* The time of the profile's newest state, note or checkin event, or 0 when it has
 * none. 0 or -1 (store_error). Three index seeks, whatever the log's size. */
int store_last_update(climb_store *st, long long profile_id, long long *at);

/* The time of the profile's newest event of any kind (0 when none): the stable
 * "exported at" of a sync snapshot. 0 or -1. */
int store_last_event_at(climb_store *st, long long profile_id, long long *at);

#endif
