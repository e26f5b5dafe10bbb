/* ladder_update.h - keeping progress across ladder changes. climb remembers the
 * wording of every criterion it last showed (table ladder_seen); on the next launch
 * it tells what a newer ladder reworded, added or retired. Progress is kept by id,
 * so a reworded criterion keeps its state, and a retired one keeps its history. */
#ifndef CLIMB_LADDER_UPDATE_H
#define CLIMB_LADDER_UPDATE_H

#include "climb/content.h"
#include "climb/store.h"

typedef struct {
    char *id;
    char *old_text;   /* NULL for an added criterion */
    char *new_text;   /* NULL for a retired one */
    int phase;        /* phase number */
} ladder_change;

typedef struct {
    int first_seen;   /* nothing was recorded for this ladder before */
    ladder_change *items;
    size_t n_items;
    size_t reworded, added, retired;
} ladder_diff;

/* Compares the ladder with what was last seen. Returns 0 or -1 (store_error). */
int ladder_update_diff(climb_store *st, const climb_ladder *l, ladder_diff *out);
void ladder_diff_free(ladder_diff *d);
/* Records the ladder's current wording (retired criteria stay, marked retired). */
int ladder_update_record(climb_store *st, const climb_ladder *l);

/* The last-seen wording and phase of a criterion the ladder no longer has; 0 and
 * a newly allocated *text, or 1 when unknown, -1 on error. */
int ladder_seen_lookup(climb_store *st, const char *ladder_id, const char *item_id,
                       char **text, int *phase);

#endif
