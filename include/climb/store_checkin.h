/* store_checkin.h - the SQL check-ins need: when the profile was last updated. */
#ifndef CLIMB_STORE_CHECKIN_H
#define CLIMB_STORE_CHECKIN_H

#include "climb/store.h"

/* The time of the profile's newest state, note or checkin event, or 0 when it has
 * none. 0 or -1 (store_error). Three index seeks, whatever the log's size. */
int store_last_update(climb_store *st, long long profile_id, long long *at);

#endif
