/* import.h - loading a JSON snapshot (written by export_json) into a profile. The
 * file is read and checked completely against the ladder before the database is
 * touched; then events are merged by UUID in one transaction, and each changed
 * criterion, roadblock flag and the title take the value of their latest event.
 * Importing the same snapshot again writes nothing. */
#ifndef CLIMB_IMPORT_H
#define CLIMB_IMPORT_H

#include "climb/content.h"

#include <stddef.h>

typedef struct climb_store climb_store;

#include <stddef.h>

typedef struct import_snapshot import_snapshot;

typedef struct {
    int profile_created;   /* the profile did not exist before */
    long events_added;     /* events new to this database */
    long events_known;     /* events already here (matched by UUID) */
    long quiz_added;       /* quiz attempts new to this database */
    int criteria_updated;  /* criteria whose state was re-derived */
    int ladder_differs;    /* the snapshot was made with other ladder content */
} import_result;

/* Reads and checks a snapshot file against the ladder. On a problem returns -1
 * with a message naming it: "FILE:LINE:COL: ..." for broken JSON, the path of
 * the offending field ("events[3].at: ...") otherwise. */
int import_load_file(const char *path, const climb_ladder *l, import_snapshot **out,
                     char *err, size_t errlen);
/* The same from memory; name is used in messages. */
int import_load_buffer(const char *data, size_t len, const char *name, const climb_ladder *l,
                       import_snapshot **out, char *err, size_t errlen);
void import_free(import_snapshot *s);

/* The profile name the snapshot was taken from. */
const char *import_profile_name(const import_snapshot *s);

/* Merges the snapshot into the profile `user` (created when missing) in one
 * transaction; nothing is written when it fails or when nothing is new.
 * Returns 0, or -1 with a message in err. */
int import_apply(climb_store *st, const climb_ladder *l, const import_snapshot *s,
                 const char *user, import_result *r, char *err, size_t errlen);

#endif
