/* ops_profiles.c - the profiles of a database from a front end: creating,
 * renaming, deleting and switching to one. The open profile's model follows a
 * rename of it; switching loads the new profile before letting the old one go. */
#include "ops_internal.h"

#include "climb/clock.h"
#include "climb/store_profiles.h"

#include <string.h>

/* STORE_* results to OPS_*, with the message the person reads. */
static int result(climb_store *st, int rc, const char *name)
{
    if (rc == STORE_EXISTS) {
        store_fail(st, "a profile named %s already exists", name);
        return OPS_EXISTS;
    }
    if (rc == STORE_NOT_FOUND) {
        store_fail(st, "no profile named %s", name);
        return OPS_NOT_FOUND;
    }
    return rc;
}

int ops_db_profile_create(climb_store *st, const char *name)
{
    return result(st, store_profile_create(st, name, clock_now()), name);
}

/* A rename to the same name still looks the profile up (in the store's
 * transaction), then says that nothing changed rather than "renamed ana to ana". */
int ops_db_profile_rename(climb_store *st, const char *old_name, const char *new_name)
{
    int rc = store_profile_rename(st, old_name, new_name, clock_now());
    if (rc != 0)
        return result(st, rc, rc == STORE_EXISTS ? new_name : old_name);
    if (strcmp(old_name, new_name) == 0) {
        store_fail(st, "%s already has that name; nothing changed", old_name);
        return OPS_UNCHANGED;
    }
    return 0;
}

int ops_db_profile_delete(climb_store *st, const char *name)
{
    return result(st, store_profile_delete(st, name), name);
}

int ops_profile_create(climb_model *m, const char *name)
{
    return ops_db_profile_create(m->store, name);
}

int ops_profile_rename(climb_model *m, const char *old_name, const char *new_name)
{
    int rc = ops_db_profile_rename(m->store, old_name, new_name);
    if (rc != 0)
        return rc;
    return strcmp(old_name, m->profile.name) == 0 ? model_reload_profile(m) : 0;
}

int ops_profile_delete(climb_model *m, const char *name)
{
    if (strcmp(name, m->profile.name) == 0) {
        store_fail(m->store, "profile %s is open; switch to another one first", name);
        return OPS_INVALID;
    }
    return ops_db_profile_delete(m->store, name);
}

int ops_profile_switch(climb_model *m, const char *name, int create, int *created)
{
    climb_model fresh;
    int rc = model_open(&fresh, m->ladder, m->store, name, create, created);
    if (rc != 0)
        return rc < 0 ? -1 : result(m->store, STORE_NOT_FOUND, name);
    model_close(m);
    *m = fresh; /* the model owns only heap data: moving the struct moves it */
    return 0;
}
