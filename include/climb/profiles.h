/* profiles.h - one profile per person as the front ends show it: the list entry
 * with title, latest quiz placement and progress, finding a level, and the
 * sentence when title and placement disagree. Changes go through ops.h. */
#ifndef CLIMB_PROFILES_H
#define CLIMB_PROFILES_H

#include "climb/content.h"
#include "climb/quiz.h"

#include <stddef.h>

typedef struct {
    char *name;
    char *title;             /* level id or NULL */
    long long created_at;
    int has_placement;
    quiz_attempt placement;  /* the latest attempt when has_placement */
    int done, applicable;    /* criteria met and criteria that apply, whole ladder */
    int progress_level;      /* level index the ticks reach (model_progress_level) */
    int progress_operating;  /* and operating at it (model_progress_operating) */
} profile_info;

void profiles_free(profile_info *list, size_t n);

/* Finds a level by id or by name (case-insensitive): its index, or -1. */
int profiles_find_level(const climb_ladder *l, const char *id_or_name);
/* Level index a placement phase stands for (the phase's level), or -1. */
int profiles_placement_level(const climb_ladder *l, int phase);
/* When the title (level id, may be NULL) and the placement (may be NULL) name
 * different levels, writes the one sentence that says so into buf and returns 1;
 * else returns 0 and leaves buf empty. */
int profiles_mismatch(const climb_ladder *l, const char *title, const quiz_attempt *placement,
                      char *buf, size_t len);

#endif
