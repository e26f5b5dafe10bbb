/* view_ladder_update.h - the one-screen summary shown on the first launch after
 * the ladder changed: what was reworded, added and retired, and that progress was
 * kept by id. */
#ifndef CLIMB_VIEW_LADDER_UPDATE_H
#define CLIMB_VIEW_LADDER_UPDATE_H

#include "climb/ladder_update.h"
#include "climb/view.h"

/* Compares the ladder with the one last seen, records the new one, and opens the
 * summary when something changed since a previous launch. */
void ladder_update_check(tui *t);

/* The summary's key table (climb keys, the key-grammar test). */
extern const view_key *const ladder_update_key_tables[];

#endif
