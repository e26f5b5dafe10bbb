/* store_profiles.h - the profiles table: names, create, rename, delete. */
#ifndef CLIMB_STORE_PROFILES_H
#define CLIMB_STORE_PROFILES_H

#include "climb/store.h"

#include <stddef.h>

/* Results besides 0 and -1 (error, message in store_error). */
enum { STORE_NOT_FOUND = 1, STORE_EXISTS = 2 };

/* Every profile name, by name without case (a new array of new strings). 0 or -1. */
int store_profile_names(climb_store *st, char ***names, size_t *n);
/* Creates a profile with its 'profile' event: 0, STORE_EXISTS or -1. */
int store_profile_create(climb_store *st, const char *name, long long now);
/* Renames a profile (with its 'rename' event). 0, STORE_NOT_FOUND, STORE_EXISTS (the
 * new name is taken) or -1. */
int store_profile_rename(climb_store *st, const char *old_name, const char *new_name,
                         long long now);
/* Deletes a profile and only its data (ticks, notes, attempts, events). 0,
 * STORE_NOT_FOUND or -1. */
int store_profile_delete(climb_store *st, const char *name);

#endif
