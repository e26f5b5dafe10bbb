/* ops_target.c - the level a person aims for and by when, and the name their
 * promotion packet is written for: profile columns decided by 'target' and 'name'
 * events through the event table. */
#include "ops_internal.h"

#include "climb/clock.h"

#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int ops_set_target(climb_model *m, const char *level_id, long long at, int *changed)
{
    int dummy;
    char when[32] = "";
    ops_group g = {{0}, 0};
    profile_row row;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (level_id && content_level_index(m->ladder, level_id) < 0) {
        store_fail(m->store, "no level %s in the ladder", level_id);
        return OPS_INVALID;
    }
    if (level_id && at + 86400 <= clock_now()) { /* the whole day is over */
        char day[16];
        clock_format_local_date(at, day, sizeof day);
        store_fail(m->store, "%s has passed; a target needs a date from today on", day);
        return OPS_INVALID;
    }
    if (level_id)
        clock_format_utc(at, when, sizeof when);
    if (store_begin(m->store))
        return -1;
    int rc = store_profile_read(m->store, m->profile.id, &row);
    if (rc != 0)
        return ops_abort(m, -1);
    if (!same(row.target_level, level_id) || (level_id && row.target_at != at)) {
        rc = ops_apply(m, &g, "target", NULL, level_id, row.target_level, level_id ? when : NULL);
        *changed = rc == 0;
    }
    profile_row_free(&row);
    if (rc != 0 || ops_commit(m, &g, 1)) {
        *changed = 0;
        return ops_abort(m, -1);
    }
    return model_reload_profile(m);
}

int ops_set_display_name(climb_model *m, const char *name, int *changed)
{
    int dummy;
    ops_group g = {{0}, 0};
    profile_row row;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (name && !*name)
        name = NULL;
    if (name && strlen(name) > 200) {
        store_fail(m->store, "a name is at most 200 bytes");
        return OPS_INVALID;
    }
    if (store_begin(m->store))
        return -1;
    int rc = store_profile_read(m->store, m->profile.id, &row);
    if (rc != 0)
        return ops_abort(m, -1);
    if (!same(row.display_name, name)) {
        rc = ops_apply(m, &g, "name", NULL, name, row.display_name, NULL);
        *changed = rc == 0;
    }
    profile_row_free(&row);
    if (rc != 0 || ops_commit(m, &g, 1)) {
        *changed = 0;
        return ops_abort(m, -1);
    }
    return model_reload_profile(m);
}
