/* import_check.h - the shape and ids of a parsed JSON snapshot, checked against
 * the ladder before anything is written: the format and its version, the type of
 * every field, times, UUIDs, and that every id names something in the ladder. */
#ifndef CLIMB_IMPORT_CHECK_H
#define CLIMB_IMPORT_CHECK_H

#include "climb/content.h"

#include <jansson.h>
#include <stddef.h>

/* 0 when the snapshot can be imported; else -1 and a message that names the
 * field ("events[3].at: expected an ISO 8601 time, found a number"). */
int import_check(const json_t *root, const climb_ladder *l, char *err, size_t errlen);

/* Index of a criterion among all the ladder's criteria (phase by phase), or -1. */
long import_criterion_index(const climb_ladder *l, const char *id);
/* Index of a roadblock, or -1. */
long import_roadblock_index(const climb_ladder *l, const char *id);

#endif
