/* store.h - climb's SQLite database: opening it safely (ownership, schema version,
 * migrations), profiles, criterion state and the append-only event log. Every
 * change of user data is one BEGIN IMMEDIATE transaction that writes the state and
 * its event together. Knows nothing of the ladder's wording or of the terminal. */
#ifndef CLIMB_STORE_H
#define CLIMB_STORE_H

#include <stddef.h>

#define CLIMB_APP_ID 0x436C6D62 /* "Clmb" in PRAGMA application_id */

typedef struct climb_store climb_store;

typedef enum { STATE_TODO, STATE_DOING, STATE_DONE, STATE_NA } crit_state;

const char *store_state_name(crit_state s);          /* "todo", "doing", "done", "n/a" */
int store_state_parse(const char *name, crit_state *out); /* 0 or -1 */

typedef struct {
    long long id;
    char *name;
    char *title;        /* level id or NULL */
    long long created_at;
    int quiz_offered;
    int stale_months;   /* evidence older than this many months is flagged */
} store_profile;

typedef struct {
    char *criterion_id;
    crit_state state;
    long long done_at;  /* 0 when never done */
    char *note;         /* NULL when none */
    long long note_at;
    char *reason;
    char *text_at_done;
} store_criterion;

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
/* The message of the last failed call. */
const char *store_error(const climb_store *st);

/* The default database path: $CLIMB_DB, else $XDG_DATA_HOME/climb/climb.db, else
 * ~/.local/share/climb/climb.db. Returns 0, or -1 when no home is known. */
int store_default_path(char *buf, size_t len);

/* Finds the profile by name; creates it (one transaction with its event) when
 * create is set. *created tells which. Returns 0, 1 when not found, -1 on error. */
int store_profile_get(climb_store *st, const char *name, int create, long long now,
                      store_profile *out, int *created);
void store_profile_free(store_profile *p);

/* Calls fn for each stored criterion state of the profile. fn returns 0 to go on. */
typedef int (*store_criterion_fn)(void *ctx, const store_criterion *c);
int store_criteria_each(climb_store *st, long long profile_id, store_criterion_fn fn, void *ctx);
void store_criterion_free(store_criterion *c);

/* Sets a criterion's state; with note != NULL also replaces its note. `text` is
 * the criterion's current wording (kept when it becomes done). One transaction:
 * the state row and one event per thing that changed. *changed is 0 when nothing
 * differed (no event written). The resulting row is stored in *after. */
int store_set_state(climb_store *st, long long profile_id, const char *criterion_id,
                    crit_state state, const char *note, const char *text, long long now,
                    int *changed, store_criterion *after);

/* The same with a reason, required for STATE_NA (kept with the state and written
 * as the event's detail); ignored for other states. Setting n/a again with a new
 * reason records the new reason as a change. */
int store_set_state_reason(climb_store *st, long long profile_id, const char *criterion_id,
                           crit_state state, const char *reason, const char *note,
                           const char *text, long long now, int *changed,
                           store_criterion *after);

/* Sets how many months evidence stays fresh (1-120), with a 'setting' event. */
int store_set_stale_months(climb_store *st, long long profile_id, int months, long long now);

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
/* Event kinds (the events table is append-only; every change writes one):
 *   profile   value=name                     a profile was created
 *   rename    value=new name, previous=old
 *   state     item=criterion, value=new state, previous=old, detail=reason (n/a)
 *   note      item=criterion, value=new note (NULL: cleared), previous=old
 *   quiz      value=answers "no,once,regularly,no,no", detail="phase=3 on_edge_of=4"
 *             (its quiz_attempts row has the same event_uuid)
 *   title     value=level id, previous=old level id
 *   roadblock item=roadblock id, value="on" or "off"
 *   setting   item=setting name (e.g. stale_months), value, previous
 *   undo      item=uuid of the event undone, value=its kind
 * Appends one event inside the caller's transaction; fills uuid_out (37 bytes) when
 * not NULL. */
int store_event_add(climb_store *st, long long profile_id, long long at, const char *kind,
                    const char *item, const char *value, const char *previous,
                    const char *detail, char *uuid_out);
/* Records a failure message (printf-style) for store_error. Returns -1. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int store_fail(climb_store *st, const char *fmt, ...);

#endif
