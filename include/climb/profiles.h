/* profiles.h - one profile per person: listing them with their title, latest quiz
 * placement and progress; creating, renaming and deleting one; setting the title
 * and marking the first-launch quiz offer. Each change is one transaction with
 * its event. Used alike by the CLI (`climb users`, `climb title`) and the TUI. */
#ifndef CLIMB_PROFILES_H
#define CLIMB_PROFILES_H

#include "climb/model.h"
#include "climb/quiz_store.h"

#include <stddef.h>

/* Results besides 0 and -1 (error, message in store_error). */
enum { PROFILE_NOT_FOUND = 1, PROFILE_EXISTS = 2 };

typedef struct {
    char *name;
    char *title;             /* level id or NULL */
    long long created_at;
    int has_placement;
    quiz_attempt placement;  /* the latest attempt when has_placement */
    int done, applicable;    /* criteria met and criteria that apply, whole ladder */
    int progress_level;      /* level index the ticks reach (model_progress_level) */
} profile_info;

/* Every profile, by name. Returns 0 and a new array (free with profiles_free). */
int profiles_list(climb_store *st, const climb_ladder *l, profile_info **out, size_t *n);
void profiles_free(profile_info *list, size_t n);

/* Creates a profile (with its 'profile' event). 0, PROFILE_EXISTS or -1. The name
 * must already have passed app_check_user_name. */
int profiles_create(climb_store *st, const char *name, long long now);
/* Renames a profile (with its 'rename' event). 0, PROFILE_NOT_FOUND,
 * PROFILE_EXISTS (the new name is taken) or -1. */
int profiles_rename(climb_store *st, const char *old_name, const char *new_name,
                    long long now);
/* Deletes a profile and only its data (ticks, notes, attempts, events). No event
 * survives it: the events are that profile's own. 0, PROFILE_NOT_FOUND or -1. */
int profiles_delete(climb_store *st, const char *name);

/* Finds a level by id or by name (case-insensitive): its index, or -1. */
int profiles_find_level(const climb_ladder *l, const char *id_or_name);
/* Sets the open profile's title to level_id (with its 'title' event) and updates
 * the model. *changed (may be NULL) is 0 when it already was. 0 or -1. */
int profiles_set_title(climb_model *m, const char *level_id, int *changed);
/* Marks that the first-launch quiz was offered (a 'setting' event), so it is never
 * offered again unasked. 0 or -1. */
int profiles_mark_quiz_offered(climb_model *m);
/* The open profile's latest placement: 0, PROFILE_NOT_FOUND when no attempt, -1. */
int profiles_placement(climb_model *m, quiz_attempt *out);
/* Level index a placement phase stands for (the phase's level), or -1. */
int profiles_placement_level(const climb_ladder *l, int phase);
/* When the title (level id, may be NULL) and the placement (may be NULL) name
 * different levels, writes the one sentence that says so into buf and returns 1;
 * else returns 0 and leaves buf empty. */
int profiles_mismatch(const climb_ladder *l, const char *title, const quiz_attempt *placement,
                      char *buf, size_t len);

#endif
