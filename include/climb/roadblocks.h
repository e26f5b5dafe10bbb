/* roadblocks.h - the roadblocks a person flags as describing them ("this is me"),
 * with the time of flagging, as the model holds them. Knows roadblock ids only,
 * not their wording. Flags change through ops_roadblock_set. */
#ifndef CLIMB_ROADBLOCKS_H
#define CLIMB_ROADBLOCKS_H

#include <stddef.h>

typedef struct {
    char *roadblock_id;
    long long flagged_at;   /* UTC seconds */
} roadblock_flag;

typedef struct {
    roadblock_flag *items;  /* ordered by roadblock id */
    size_t n;
} roadblock_flags;

void roadblocks_free(roadblock_flags *f);
/* When the roadblock was flagged, or 0 when it is not. */
long long roadblocks_flagged_at(const roadblock_flags *f, const char *roadblock_id);

#endif
