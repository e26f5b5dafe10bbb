/* store.h - climb's SQLite database: opening it safely (ownership, schema version,
 * migrations), profiles, criterion state and the append-only event log. Every
 * change of user data is one BEGIN IMMEDIATE transaction that writes the state and
 * its event together. Knows nothing of the ladder's wording or of the terminal. */
#ifndef CLIMB_STORE_H
#define CLIMB_STORE_H

#include "climb/records.h"

#include <stddef.h>

#define CLIMB_APP_ID 0x436C6D62 /* "Clmb" in PRAGMA application_id */

typedef struct climb_store climb_store;

/* The schema version this build writes (the number of migration steps). */
int store_schema_version(void);

/* Opens (creating when missing) the database at path. Refuses, leaving the file
 * untouched and without -wal/-shm files beside it, an empty path, an empty file, a
 * file that is not SQLite, a SQLite file that is not climb's, a damaged one
 * (PRAGMA quick_check) or a newer schema. A file or directory that is not
 * writable is opened read-only. On failure returns -1 with a message in err. */
int store_open(const char *path, climb_store **out, char *err, size_t errlen);
/* 1 when the store was opened read-only (its file or directory is not writable). */
int store_read_only(const climb_store *st);
/* 1 when msg holds SQLite's message for a write to a read-only database. */
int store_message_is_read_only(const char *msg);
void store_close(climb_store *st);
/* Opens an existing database read-only, for reads that must not write (the prompt
 * line): nothing is created, configured or migrated. 0; 1 when there is no file;
 * 2 when its schema is older than this build's (store_open would migrate it); -1
 * with a message in err when it is not a climb database or cannot be read. */
int store_open_readonly(const char *path, climb_store **out, char *err, size_t errlen);
/* The message of the last failed call. A call that met a damaged database
 * (SQLITE_CORRUPT) says so with store_damage_advice instead of SQLite's words. */
const char *store_error(const climb_store *st);
/* The path the store was opened at. */
const char *store_path(const climb_store *st);

/* Backups and damage (store_backup.c). The rotated copies are named
 * DB.backup-YYYYMMDD-HHMMSS (local time; -2, -3 ... within one second) beside the
 * database; the newest STORE_BACKUPS_KEPT are kept. Every copy is mode 0600. */
enum { STORE_BACKUPS_KEPT = 3 };
/* Writes a copy of the database to dest, or (dest NULL) a rotated copy beside
 * it; out gets its path. 0; 1 when dest exists (never replaced); -1 (store_error). */
int store_backup(climb_store *st, const char *dest, char *out, size_t outlen);
/* A rotated copy, unless the newest one holds the same events and profiles
 * (then out names that one). 0, or -1 (store_error). */
int store_backup_if_changed(climb_store *st, char *out, size_t outlen);
/* The newest rotated copy beside db_path: 0 and its path in out, 1 when none. */
int store_backup_latest(const char *db_path, char *out, size_t len);
/* What a person does about a damaged database, naming the newest copy. */
void store_damage_advice(const char *db_path, const char *what, char *out, size_t len);
/* PRAGMA integrity_check on the file, read-only: 0 fine, 1 damaged (what says
 * SQLite's findings), -1 when it cannot be checked (what says why). */
int store_check_file(const char *path, char *what, size_t len);

/* The default database path: $CLIMB_DB, else $XDG_DATA_HOME/climb/climb.db, else
 * ~/.local/share/climb/climb.db. Returns 0, or -1 when no home is known. */
int store_default_path(char *buf, size_t len);

/* Finds the profile by name; creates it (one transaction with its event) when
 * create is set. *created tells which. Returns 0, 1 when not found, -1 on error. */
int store_profile_get(climb_store *st, const char *name, int create, long long now,
                      profile_row *out, int *created);
void profile_row_free(profile_row *p);

/* Calls fn for each stored criterion state of the profile. fn returns 0 to go on. */
typedef int (*store_criterion_fn)(void *ctx, const criterion_row *c);
int store_criteria_each(climb_store *st, long long profile_id, store_criterion_fn fn, void *ctx);
void criterion_row_free(criterion_row *c);

/* Low-level access for modules that own their own tables (quiz, history, export). */
struct sqlite3 *store_db(climb_store *st);
/* Prepares sql on the store's connection (the caller finalizes it); NULL on
 * failure, with SQLite's message recorded for store_error. */
struct sqlite3_stmt *store_prepare(climb_store *st, const char *sql);
/* Records "what: <SQLite's last message>" for store_error; returns -1. */
int store_db_fail(climb_store *st, const char *what);

/* A prepared statement for `sql` (a string constant, matched by its address)
 * kept for the life of the store and handed back reset with its bindings
 * cleared; for queries on hot paths (a repaint). The caller must not finalize it
 * or use it again before it is done stepping it. NULL on error (store_error). */
struct sqlite3_stmt *store_prepare_cached(climb_store *st, const char *sql);
/* A number that changes whenever another connection (another climb) commits to
 * the database (PRAGMA data_version); -1 on error. */
int store_data_version(climb_store *st);
/* Begins an IMMEDIATE transaction / commits / rolls back. */
int store_begin(climb_store *st);
int store_commit(climb_store *st);
void store_rollback(climb_store *st);
/* Appends one event (the events table is append-only; the kinds are listed in
 * event_kinds.h) inside the caller's transaction; fills uuid_out (37 bytes) when
 * not NULL. */
int store_event_add(climb_store *st, long long profile_id, long long at, const char *kind,
                    const char *item, const char *value, const char *previous,
                    const char *detail, char *uuid_out);
/* Records a failure message (printf-style) for store_error. Returns -1. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int store_fail(climb_store *st, const char *fmt, ...);
/* A new random (version 4) UUID, lower case. */
void store_new_uuid(char out[37]);
/* The row id of the event store_event_add appended last on this connection. */
long long store_event_last_id(climb_store *st);

/* Events and the rows they decide (store_events.c). All run inside the caller's
 * transaction; what a kind means is not here but in src/ops_events.c. */
typedef struct {
    long long id, profile_id, at;
    char uuid[37];
    char kind[16];
    char *item, *value, *previous, *detail; /* NULL when NULL in the table */
} store_event;

void store_event_free(store_event *e);
/* Event `id`: 0 and *out, 1 when there is none, -1 on error. */
int store_event_get(climb_store *st, long long id, store_event *out);
/* The newest event of this kind and item (item NULL: events without an item)
 * recorded after event `after_id`, leaving out what an undo cancelled (an undone
 * event, the reverse an undo wrote): 0 and *out, 1 when none, -1 on error. */
int store_event_newer(climb_store *st, long long profile_id, const char *kind, const char *item,
                      long long after_id, store_event *out);
/* Dates again the event the open transaction has just appended (and only that:
 * the log is otherwise append-only). */
int store_event_set_at(climb_store *st, long long id, long long at);
/* 1 when an 'undo' event names the event with this uuid, 0 when none, -1. */
int store_event_undone(climb_store *st, long long profile_id, const char *uuid);
/* Walks the counted events (those no 'undo' event names) of one kind and item
 * (item NULL: any item), newest first (time, then order recorded), calling fn
 * until it returns non-zero; fn must not start another walk. Returns 0, -1, or
 * fn's positive value. */
typedef int (*store_event_fn)(void *ctx, const store_event *e);
int store_events_counted(climb_store *st, long long profile_id, const char *kind,
                         const char *item, store_event_fn fn, void *ctx);
/* The detail of the last event of kind/item with this value (NULL: any value)
 * recorded before event `before_id`, undone or not: what that value carried when e was written
 * (NULL when none, else newly allocated). 0 or -1. */
int store_event_detail_before(climb_store *st, long long profile_id, const char *kind,
                              const char *item, const char *value, long long before_id,
                              char **detail);

/* The criterion's stored row (a missing row reads as todo with no note). 0 or -1. */
int store_criterion_get(climb_store *st, long long profile_id, const char *id,
                        criterion_row *out);
/* Writes the state columns of one criterion (creating its row when missing),
 * leaving its note alone. */
int store_criterion_put_state(climb_store *st, long long profile_id, const char *id,
                              crit_state state, const char *reason, long long done_at,
                              const char *text_at_done, long long updated_at);
/* Writes the note columns of one criterion, leaving its state alone. */
int store_criterion_put_note(climb_store *st, long long profile_id, const char *id,
                             const char *note, long long note_at, long long updated_at);
/* The profile's row by id: 0 and *out, 1 when it is gone, -1. */
int store_profile_read(climb_store *st, long long profile_id, profile_row *out);
/* Sets the profile's title (NULL clears it). */
int store_profile_put_title(climb_store *st, long long profile_id, const char *title);
/* The names of the settings kept as profile columns, NULL-terminated. */
extern const char *const store_settings[];
/* A setting's stored value: 0 and *value, -1 (unknown name or error). */
int store_setting_get(climb_store *st, long long profile_id, const char *name, int *value);
/* Sets one of store_settings. */
int store_setting_put(climb_store *st, long long profile_id, const char *name, int value);
/* A roadblock flag: 1 and *flagged_at when flagged, 0 when not, -1. */
int store_roadblock_get(climb_store *st, long long profile_id, const char *id,
                        long long *flagged_at);
/* Flags (on) with its time, or removes the flag. */
int store_roadblock_put(climb_store *st, long long profile_id, const char *id, int on,
                        long long flagged_at);

#endif
