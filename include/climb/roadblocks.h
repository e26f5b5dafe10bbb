/* roadblocks.h - the roadblocks a person flags as describing them ("this is me"),
 * kept in the roadblock_flags table with the time of flagging. Each flag or unflag
 * is one transaction with its 'roadblock' event. Store level: knows roadblock ids
 * only, not their wording, and nothing of the terminal. */
#ifndef CLIMB_ROADBLOCKS_H
#define CLIMB_ROADBLOCKS_H

#include "climb/store.h"

#include <stddef.h>

typedef struct {
    char *roadblock_id;
    long long flagged_at;   /* UTC seconds */
} roadblock_flag;

typedef struct {
    roadblock_flag *items;  /* ordered by roadblock id */
    size_t n;
} roadblock_flags;

/* Loads the profile's flags into out (empty when none). Returns 0, or -1 with a
 * message in store_error(st). out must be freed either way. */
int roadblocks_load(climb_store *st, long long profile_id, roadblock_flags *out);
void roadblocks_free(roadblock_flags *f);
/* When the roadblock was flagged, or 0 when it is not. */
long long roadblocks_flagged_at(const roadblock_flags *f, const char *roadblock_id);

/* Flags (on != 0) or unflags the roadblock at time now: one BEGIN IMMEDIATE
 * transaction writing the flag row and a 'roadblock' event (item = id, value "on"
 * or "off", previous the value it replaced). Nothing is written, and *changed
 * (may be NULL) is 0, when it already was so. Returns 0 or -1. */
int roadblocks_set(climb_store *st, long long profile_id, const char *roadblock_id, int on,
                   long long now, int *changed);

#endif
