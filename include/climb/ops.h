/* ops.h - the operations layer: every change a person can make, for the CLI and
 * every TUI view alike, and the reads they show. Each change is one BEGIN
 * IMMEDIATE transaction that reads the current row, appends its event and lets
 * the event table (ops_events.c) write what that event decides, commits, then
 * refreshes the model from what was committed. Nothing here draws or prints.
 *
 * Results: 0 done; -1 error (ops_error(m) says what); or one of OPS_* below for a
 * refusal the person can act on (the message is in ops_error(m) too). */
#ifndef CLIMB_OPS_H
#define CLIMB_OPS_H

#include "climb/history.h"
#include "climb/import.h"
#include "climb/ladder_update.h"
#include "climb/model.h"
#include "climb/profiles.h"
#include "climb/quiz.h"

#include <stddef.h>

enum { OPS_NOT_FOUND = 1, OPS_EXISTS = 2, OPS_CONFLICT = 3, OPS_INVALID = 4,
       OPS_UNCHANGED = 5 /* nothing to do: not an error; the message says so */,
       OPS_RELOADED = 6 /* ops_refresh read the model again (apart from OPS_NOT_FOUND) */ };

/* The message of the last failed or refused operation on m's database, or on
 * a database with no profile open yet. */
const char *ops_error(const climb_model *m);
const char *ops_db_error(const climb_store *st);

/* --- criteria (ops_criteria.c) --- */
/* A change of one criterion: its state, its note, or both in one transaction. */
typedef struct {
    int set_state;          /* change the state to `state` */
    crit_state state;
    const char *reason;     /* required with STATE_NA, ignored otherwise */
    const char *note;       /* the new note; NULL leaves it, "" removes it */
    const char *note_base;  /* with note: the note the person started editing from; */
    int check_base;         /* when set, refuse (OPS_CONFLICT) if the stored note differs */
    long long when;         /* when the work happened (tick/note --date), 0: now; past only */
} ops_crit_change;

int ops_criterion(climb_model *m, size_t phase, size_t index, const ops_crit_change *c,
                  int *changed);
/* The usual cases of ops_criterion. reason only for STATE_NA. */
int ops_set_state(climb_model *m, size_t phase, size_t index, crit_state state,
                  const char *reason, int *changed);
int ops_set_note(climb_model *m, size_t phase, size_t index, const char *note, int *changed);

/* --- evidence entries (ops_evidence.c) --- */
enum { EVIDENCE_TEXT_MAX = 64 * 1024, EVIDENCE_LINKS_MAX = 20, EVIDENCE_LINK_MAX = 2048 };

/* An entry as a person gives it: text, links, and when the work happened (0: now). */
typedef struct {
    const char *text;
    const char *const *links;
    size_t n_links;
    long long happened_at;
} ops_entry;

/* Adds an entry to a criterion; *entry_out (37 bytes, may be NULL) gets its id.
 * OPS_INVALID for empty text, a bad link, or a date in the future. */
int ops_evidence_add(climb_model *m, size_t phase, size_t index, const ops_entry *e,
                     char *entry_out);
/* Changes an entry (found by id or unique prefix): its text when e->text is not
 * NULL, its links when links is not NULL (n_links 0 with a non-NULL links removes
 * them), its date when happened_at is not 0. OPS_NOT_FOUND, OPS_INVALID. */
int ops_evidence_edit(climb_model *m, const char *entry, const ops_entry *e, int *changed);
int ops_evidence_remove(climb_model *m, const char *entry);
/* Checks an entry before anything is written: NULL when fine, else what is wrong. */
const char *ops_entry_problem(const ops_entry *e, long long now);

/* --- the packet's name and the target (ops_target.c) --- */
/* The level aimed for (id) and the date by which (UTC seconds); level NULL clears it.
 * OPS_INVALID for a level the ladder lacks or a day that is over (import may
 * still bring a past target: it replays what was set then). */
int ops_set_target(climb_model *m, const char *level_id, long long at, int *changed);
/* The name a promotion packet is written for; NULL or "" goes back to the profile's. */
int ops_set_display_name(climb_model *m, const char *name, int *changed);

/* --- profile (ops_profile.c) --- */
/* Sets the title to a level id (not NULL; check it with profiles_find_level). */
int ops_set_title(climb_model *m, const char *level_id, int *changed);
/* 1..120 months, else OPS_INVALID. */
int ops_set_stale_months(climb_model *m, int months);
/* Marks that the first-launch quiz was offered (not undoable). */
int ops_mark_quiz_offered(climb_model *m);
int ops_roadblock_set(climb_model *m, const char *roadblock_id, int on, int *changed);
/* Places the answers with the ladder's bands and records the attempt with its
 * event; the model's placement follows. OPS_INVALID when no band covers them. */
int ops_quiz_take(climb_model *m, const quiz_answer *answers, size_t n, quiz_placement *p,
                  quiz_attempt *out);

/* Profiles other than the open one; OPS_EXISTS / OPS_NOT_FOUND as they say; a
 * rename to the name it has is OPS_UNCHANGED ("... nothing changed"). */
int ops_profile_create(climb_model *m, const char *name);
int ops_profile_rename(climb_model *m, const char *old_name, const char *new_name);
int ops_profile_delete(climb_model *m, const char *name);
/* The same from the shell, where no profile is open: in st's database. Messages
 * through ops_db_error(st). */
int ops_db_profile_create(climb_store *st, const char *name);
int ops_db_profile_rename(climb_store *st, const char *old_name, const char *new_name);
int ops_db_profile_delete(climb_store *st, const char *name);
/* Opens another profile in m (created when `create`), the old one closed only
 * when the new one loaded. OPS_NOT_FOUND when missing. */
int ops_profile_switch(climb_model *m, const char *name, int create, int *created);

/* --- undo and redo (ops_undo.c) --- */
/* Starts remembering the changes this process makes (the TUI, once). */
void ops_undo_track(int on);
size_t ops_undo_depth(void);
size_t ops_redo_depth(void);

typedef enum {
    UNDO_DONE,      /* taken back (or redone) */
    UNDO_NOTHING,   /* nothing left in this run */
    UNDO_REFUSED,   /* something changed the item after; nothing was written */
    UNDO_ERROR,     /* database error; nothing was written */
} undo_outcome;

typedef struct {
    undo_outcome outcome;
    char kind[16];        /* kind of the event taken back ("" when none) */
    char item[128];       /* its item ("" when none) */
    char message[512];    /* one sentence for the person */
} undo_result;

/* Undoes the newest remembered change of m's profile, unless anything changed
 * its item after it: then nothing is written, the message names what changed
 * it, and that change is forgotten (it can never be undone), so the next undo
 * reaches the one before. The model follows. */
undo_outcome ops_undo(climb_model *m, undo_result *r);
/* Makes the newest undo again, on the same terms. */
undo_outcome ops_redo(climb_model *m, undo_result *r);

/* --- outside changes (ops_refresh.c) --- */
/* Reloads the model when another connection committed since the last call:
 * OPS_RELOADED, 0 nothing new, OPS_NOT_FOUND the profile was deleted, -1. */
int ops_refresh(climb_model *m);

/* --- import (ops_import.c) --- */
/* Merges a checked snapshot into the profile `user` of st's database (created
 * when missing), in one transaction; see import.h. A rotated backup is written
 * first (unless the newest one already holds the database as it is). 0, or -1
 * with err. */
int ops_import(climb_store *st, const climb_ladder *l, const import_snapshot *s,
               const char *user, import_result *r, char *err, size_t errlen);

/* --- backups and damage (ops_backup.c) --- */
/* Copies the database to dest, or (dest NULL) to a rotated copy beside it
 * (DB.backup-YYYYMMDD-HHMMSS, the newest three kept); out gets the copy's path.
 * 0; OPS_EXISTS when dest exists (it is never replaced); -1 (ops_db_error). */
int ops_backup(climb_store *st, const char *dest, char *out, size_t outlen);
/* PRAGMA integrity_check on the database at db_path, read-only. 0 fine; 1
 * damaged, with advice naming the newest backup in msg; -1 cannot check (msg). */
int ops_check(const char *db_path, char *msg, size_t len);
/* 1 when m's database was opened read-only: every change is refused. */
int ops_read_only(const climb_model *m);

/* --- view state (ops_view_state.c): not an event, no undo, no History line --- */
/* The phase number the TUI last showed for the profile: 0 and *number, 1 when
 * never recorded, -1 on error. */
int ops_last_phase(climb_model *m, int *number);
/* Remembers it (one transaction; nothing on a read-only database). 0 or -1. */
int ops_remember_phase(climb_model *m, int number);

/* --- reads for the front ends (ops_read.c) --- */
int ops_history_page_older(climb_model *m, const hist_filter *f, hist_key from, hist_event *out,
                           size_t max, size_t *n);
int ops_history_page_newer(climb_model *m, const hist_filter *f, hist_key from, hist_event *out,
                           size_t max, size_t *n);
int ops_history_each(climb_model *m, const hist_filter *f, hist_event_fn fn, void *ctx);
int ops_history_buckets(climb_model *m, hist_period p, const char *const *criteria, size_t n_crit,
                        long long first, size_t n, long long now, hist_bucket *out);
long long ops_history_chart_first(climb_model *m, hist_period p, long long now,
                                  size_t max_periods, size_t *n_periods);
int ops_history_first_done(climb_model *m, const char *const *criteria, size_t n_crit,
                           long long *at);
int ops_history_title_set_at(climb_model *m, long long *at);
/* Every profile of the database, by name (free with profiles_free); the CLI
 * lists them before any profile is open. 0 or -1 (store_error). */
int ops_profiles_list(climb_store *st, const climb_ladder *l, profile_info **out, size_t *n);
/* Every quiz attempt of the profile, newest first. */
int ops_quiz_each(climb_model *m, quiz_attempt_fn fn, void *ctx);
/* What a newer ladder reworded, added or retired since climb last showed it;
 * ops_ladder_record remembers the current wording. */
int ops_ladder_diff(climb_model *m, ladder_diff *out);
int ops_ladder_record(climb_model *m);

#endif
