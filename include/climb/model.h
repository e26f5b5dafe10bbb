/* model.h - the progress model: one profile's state of every criterion of the
 * ladder, held in memory beside the ladder: criteria, title and settings, the
 * latest quiz placement and the roadblock flags, so painting reads memory only.
 * Changes go through ops.h, which reloads what it committed. No curses, no SQL. */
#ifndef CLIMB_MODEL_H
#define CLIMB_MODEL_H

#include "climb/content.h"
#include "climb/quiz.h"
#include "climb/records.h"
#include "climb/roadblocks.h"

#include <stddef.h>

typedef struct climb_store climb_store;

typedef struct {
    crit_state state;
    long long done_at;
    char *note;
    long long note_at;
    char *reason;
    char *text_at_done;
    evidence_row *entries; /* dated evidence, oldest first (the note comes before) */
    size_t n_entries;
} model_crit;

/* A criterion the profile has progress on that the ladder no longer has. */
typedef struct {
    char *id;
    char *text;            /* its wording when last seen, else its id */
    int phase;             /* the phase number it belonged to, 0 when unknown */
    model_crit c;
} model_retired;

typedef struct {
    const climb_ladder *ladder;
    climb_store *store;
    profile_row profile;
    int stale_months;      /* evidence older than this is flagged */
    int has_placement;     /* the profile took the quiz */
    quiz_attempt placement; /* its latest attempt, when has_placement */
    roadblock_flags flags; /* the roadblocks flagged, by id */
    int data_version;      /* PRAGMA data_version when last loaded */
    unsigned generation;   /* moves on every reload: views keeping copies compare it */
    model_crit *crit;      /* all criteria, phase by phase */
    size_t *first;         /* first[p]: index in crit of phase p's first criterion */
    size_t n_crit;
    model_retired *retired; /* progress on criteria the ladder has retired */
    size_t n_retired;
} climb_model;

/* Loads the profile `user` (created when `create` is set; *created says whether it
 * was) and its states. Returns 0, 1 when the profile does not exist, -1 on error
 * (message in store_error(st)). */
int model_open(climb_model *m, const climb_ladder *l, climb_store *st, const char *user,
               int create, int *created);
void model_close(climb_model *m);

model_crit *model_crit_at(const climb_model *m, size_t phase, size_t index);
/* Finds a criterion by id: 0 and its phase and index, or -1. */
int model_find(const climb_model *m, const char *id, size_t *phase, size_t *index);

/* Criteria done and criteria that apply (not n/a) in phase p. */
void model_phase_counts(const climb_model *m, size_t phase, int *done, int *applicable);
/* The phase being worked on: the first with criteria still to meet, or -1 when
 * every phase's criteria are met. */
int model_working_phase(const climb_model *m);
/* The same, but the last phase when every phase's criteria are met. */
size_t model_phase_at_hand(const climb_model *m);
/* Index of the level the profile's progress reaches: the level of the first phase
 * with criteria still to meet; when all are met, the last phase's next_level, or
 * its own level when that phase is about operating at it (content `operating`). */
int model_progress_level(const climb_model *m);
/* 1 when every phase is met and the last one is about operating at its level:
 * the progress is then "operating at" model_progress_level, not just reaching it. */
int model_progress_operating(const climb_model *m);

/* Reading again what the operations layer committed (model.c, from the store):
 * everything, one criterion, the profile row, the roadblock flags, the latest
 * quiz placement. 0, or -1 (message in the store's error; OPS_NOT_FOUND-like 1
 * from model_reload when the profile is gone). */
int model_reload(climb_model *m);
int model_reload_criterion(climb_model *m, const char *criterion_id);
int model_reload_profile(climb_model *m);
int model_reload_flags(climb_model *m);
int model_reload_placement(climb_model *m);

/* Finds an evidence entry by its id or a unique prefix of it (4 characters at
 * least): 0 with its criterion's phase and index and its place among the
 * criterion's entries, 1 when none, 2 when the prefix is ambiguous. */
int model_find_entry(const climb_model *m, const char *id, size_t *phase, size_t *index,
                     size_t *k);
/* The time of the criterion's newest evidence (its note or an entry), 0 when none. */
long long model_evidence_at(const model_crit *c);
/* The latest quiz placement: 0 and *out, or 1 when the profile never took it. */
int model_placement(const climb_model *m, quiz_attempt *out);
/* 1 when the criterion's evidence (its note, else the date it was met) is older than
 * the profile's stale period; only done criteria can be stale. */
int model_is_stale(const climb_model *m, const model_crit *c, long long now);

#endif
