/* store_ladder_seen.h - the ladder_seen table: the wording of every criterion as
 * climb last showed it, compared with a ladder and recorded again. */
#ifndef CLIMB_STORE_LADDER_SEEN_H
#define CLIMB_STORE_LADDER_SEEN_H

#include "climb/ladder_update.h"
#include "climb/store.h"

/* Compares the ladder with what was last seen. Returns 0 or -1 (store_error). */
int ladder_update_diff(climb_store *st, const climb_ladder *l, ladder_diff *out);
/* Records the ladder's current wording (retired criteria stay, marked retired). */
int ladder_update_record(climb_store *st, const climb_ladder *l);

/* The last-seen wording and phase of a criterion the ladder no longer has; 0 and
 * a newly allocated *text, or 1 when unknown, -1 on error. */
int ladder_seen_lookup(climb_store *st, const char *ladder_id, const char *item_id,
                       char **text, int *phase);

#endif
