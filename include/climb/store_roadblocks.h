/* store_roadblocks.h - reading the roadblock_flags table. */
#ifndef CLIMB_STORE_ROADBLOCKS_H
#define CLIMB_STORE_ROADBLOCKS_H

#include "climb/roadblocks.h"
#include "climb/store.h"

/* Loads the profile's flags into out (empty when none), by roadblock id. Returns
 * 0, or -1 with a message in store_error(st). out must be freed either way. */
int store_roadblocks_load(climb_store *st, long long profile_id, roadblock_flags *out);

#endif
