/* store_snapshot.h - the SQL behind snapshots. Export side: streams one profile's
 * events, quiz attempts and roadblock flags in a stable order (time, then order recorded).
 * Events that share a second keep the order they were recorded in (their row
 * id), and an import inserts them in the snapshot's order, so a tick and an untick
 * within one second never swap places on the way through a snapshot.
 * Import side: profile look-up and creation, events inserted by UUID, quiz
 * attempts (the re-derivation is the event table's, ops_events.h). The import functions run inside the caller's
 * transaction (store_begin/store_commit). No JSON, no terminal here. */
#ifndef CLIMB_STORE_SNAPSHOT_H
#define CLIMB_STORE_SNAPSHOT_H

#include "climb/store.h"

typedef struct {
    const char *uuid;
    long long at;
    const char *kind;
    const char *item;     /* NULL when none */
    const char *value;
    const char *previous;
    const char *detail;
} snap_event;

typedef struct {
    const char *event_uuid;
    long long taken_at;
    const char *answers;  /* "no,once,regularly,..." */
    int yes, regularly;
    int phase;
    int on_edge_of;       /* 0 when not on a boundary */
} snap_quiz;

typedef struct {
    const char *roadblock_id;
    long long flagged_at;
} snap_flag;

/* Callbacks return 0 to go on; anything else stops the walk and is returned. The
 * strings are valid during the call only. */
typedef int (*snap_event_fn)(void *ctx, const snap_event *e);
typedef int (*snap_quiz_fn)(void *ctx, const snap_quiz *q);
typedef int (*snap_flag_fn)(void *ctx, const snap_flag *f);

/* Every event of the profile (kind == NULL) or those of one kind, oldest first,
 * ties in the order recorded. Returns 0, -1 on a database error, or what fn returned. */
int snap_events_each(climb_store *st, long long profile_id, const char *kind,
                     snap_event_fn fn, void *ctx);
/* Quiz attempts, oldest first. */
int snap_quiz_each(climb_store *st, long long profile_id, snap_quiz_fn fn, void *ctx);
/* Roadblock flags, by roadblock id. */
int snap_flags_each(climb_store *st, long long profile_id, snap_flag_fn fn, void *ctx);

/* Import side; all inside the caller's transaction. */

/* The profile's id and created_at: 0 when found, 1 when not, -1 on error. */
int snap_profile_find(climb_store *st, const char *name, long long *id, long long *created_at);
/* Inserts a profile row (its 'profile' event comes from the snapshot). */
int snap_profile_create(climb_store *st, const char *name, long long created_at, long long *id);
/* Moves created_at back to `created_at` when that is earlier. */
int snap_profile_created_min(climb_store *st, long long profile_id, long long created_at);
/* Prepared statements for writing many events and attempts in one import. */
typedef struct snap_writer snap_writer;
int snap_writer_open(climb_store *st, snap_writer **out);
void snap_writer_close(snap_writer *w);
/* The profile owning the event with this UUID: 0 and *owner, 1 when none, -1. */
int snap_event_owner(snap_writer *w, const char *uuid, long long *owner);
/* Inserts one event with its own UUID. */
int snap_event_insert(snap_writer *w, long long profile_id, const snap_event *e);
/* Inserts a quiz attempt unless one with its event UUID exists: 0 inserted, 1 was
 * there already, -1 on error. */
int snap_quiz_insert(snap_writer *w, long long profile_id, const snap_quiz *q);

#endif
