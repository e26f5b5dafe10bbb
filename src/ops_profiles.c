/* ops_profiles.c - the profiles of a database from a front end: creating,
 * renaming, deleting and switching to one. The open profile's model follows a
 * rename of it; switching loads the new profile before letting the old one go. */
#include "ops_internal.h"

#include "climb/clock.h"
#include "climb/store_profiles.h"

#include <string.h>

/* STORE_* results to OPS_*, with the message the person reads. */
static int result(climb_model *m, int rc, const char *name)
{
    if (rc == STORE_EXISTS) {
        store_fail(m->store, "a profile named %s already exists", name);
        return OPS_EXISTS;
    }
    if (rc == STORE_NOT_FOUND) {
        store_fail(m->store, "no profile named %s", name);
        return OPS_NOT_FOUND;
    }
    return rc;
}

int ops_profile_create(climb_model *m, const char *name)
{
    return result(m, store_profile_create(m->store, name, clock_now()), name);
}

int ops_profile_rename(climb_model *m, const char *old_name, const char *new_name)
{
    int rc = store_profile_rename(m->store, old_name, new_name, clock_now());
    if (rc != 0)
        return result(m, rc, rc == STORE_EXISTS ? new_name : old_name);
    return strcmp(old_name, m->profile.name) == 0 ? model_reload_profile(m) : 0;
}

int ops_profile_delete(climb_model *m, const char *name)
{
    if (strcmp(name, m->profile.name) == 0) {
        store_fail(m->store, "profile %s is open; switch to another one first", name);
        return OPS_INVALID;
    }
    return result(m, store_profile_delete(m->store, name), name);
}

int ops_profile_switch(climb_model *m, const char *name, int create, int *created)
{
    climb_model fresh;
    int rc = model_open(&fresh, m->ladder, m->store, name, create, created);
    if (rc != 0)
        return rc < 0 ? -1 : result(m, STORE_NOT_FOUND, name);
    model_close(m);
    *m = fresh; /* the model owns only heap data: moving the struct moves it */
    return 0;
}
