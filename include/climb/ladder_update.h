/* ladder_update.h - keeping progress across ladder changes. climb remembers the
 * wording of every criterion it last showed (table ladder_seen); on the next launch
 * it tells what a newer ladder reworded, added or retired. Progress is kept by id,
 * so a reworded criterion keeps its state, and a retired one keeps its history.
 * The table is read and written by store_ladder_seen.c, through ops.h. */
#ifndef CLIMB_LADDER_UPDATE_H
#define CLIMB_LADDER_UPDATE_H

#include "climb/content.h"

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

void ladder_diff_free(ladder_diff *d);

#endif
