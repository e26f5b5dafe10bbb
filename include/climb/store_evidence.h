/* store_evidence.h - the evidence table: dated entries behind a criterion with
 * their links, and the profile's target and display name. Rows are written by
 * the event table (ops_events.c) inside its transaction. */
#ifndef CLIMB_STORE_EVIDENCE_H
#define CLIMB_STORE_EVIDENCE_H

#include "climb/store.h"

/* Writes entry `entry` from an 'evidence' event's text and detail, a JSON object
 * {"criterion": ID, "links": [...], "happened": SECONDS}; happened defaults to
 * recorded_at. */
int store_evidence_put(climb_store *st, long long profile_id, const char *entry,
                       const char *text, const char *detail, long long recorded_at);
int store_evidence_delete(climb_store *st, long long profile_id, const char *entry);
/* Calls fn for each entry of the profile (of one criterion when criterion_id is not
 * NULL), by criterion, then when it happened, then when recorded. fn returns 0 to
 * go on, and must not start another walk. 0, -1, or fn's value. */
typedef int (*store_evidence_fn)(void *ctx, const evidence_row *e);
int store_evidence_each(climb_store *st, long long profile_id, const char *criterion_id,
                        store_evidence_fn fn, void *ctx);
/* The entry's row: 0 and *out, 1 when there is none, -1. */
int store_evidence_get(climb_store *st, long long profile_id, const char *entry,
                       evidence_row *out);

/* The profile's target (level NULL: none) and display name (NULL: its name). */
int store_profile_put_target(climb_store *st, long long profile_id, const char *level,
                             long long at);
int store_profile_put_name(climb_store *st, long long profile_id, const char *name);

#endif
