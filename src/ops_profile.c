/* ops_profile.c - changes to the open profile other than its criteria: the title,
 * the stale period, the first-launch quiz offer, roadblock flags and quiz
 * attempts. Each reads the current value inside its transaction and writes an
 * event only when something differs; the model is reloaded from what committed. */
#include "ops_internal.h"

#include "climb/clock.h"
#include "climb/rules.h"
#include "climb/store_quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ops_set_title(climb_model *m, const char *level_id, int *changed)
{
    profile_row row;
    ops_group g = {{0}, 0};
    int dummy;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (!level_id || !*level_id) {
        store_fail(m->store, "a title names a level");
        return OPS_INVALID;
    }
    if (store_begin(m->store))
        return -1;
    int rc = store_profile_read(m->store, m->profile.id, &row);
    if (rc != 0)
        return ops_abort(m, rc < 0 ? -1 : (store_fail(m->store, "the profile is gone"), -1));
    if (!(row.title && strcmp(row.title, level_id) == 0)) {
        rc = ops_apply(m, &g, "title", NULL, level_id, row.title, NULL);
        *changed = rc == 0;
    }
    profile_row_free(&row);
    if (rc != 0 || ops_commit(m, &g, 1)) {
        *changed = 0;
        return ops_abort(m, -1);
    }
    return model_reload_profile(m);
}

int ops_set_setting(climb_model *m, const char *name, int value, int undoable)
{
    ops_group g = {{0}, 0};
    int before;
    char now[16], was[16];
    if (store_begin(m->store))
        return -1;
    if (store_setting_get(m->store, m->profile.id, name, &before))
        return ops_abort(m, -1);
    snprintf(now, sizeof now, "%d", value);
    snprintf(was, sizeof was, "%d", before);
    if (before != value && ops_apply(m, &g, "setting", name, now, was, NULL))
        return ops_abort(m, -1);
    if (ops_commit(m, &g, undoable))
        return ops_abort(m, -1);
    return model_reload_profile(m);
}

int ops_set_stale_months(climb_model *m, int months)
{
    const char *why = rules_check_stale_months(months);
    if (why) {
        store_fail(m->store, "the stale period %s (not %d)", why, months);
        return OPS_INVALID;
    }
    return ops_set_setting(m, "stale_months", months, 1);
}

int ops_mark_quiz_offered(climb_model *m)
{
    return ops_set_setting(m, "quiz_offered", 1, 0);
}

int ops_roadblock_set(climb_model *m, const char *roadblock_id, int on, int *changed)
{
    ops_group g = {{0}, 0};
    int dummy;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (store_begin(m->store))
        return -1;
    int was_on = store_roadblock_get(m->store, m->profile.id, roadblock_id, NULL);
    if (was_on < 0)
        return ops_abort(m, -1);
    if (!was_on != !on) {
        if (ops_apply(m, &g, "roadblock", roadblock_id, on ? "on" : "off", on ? "off" : "on",
                      NULL))
            return ops_abort(m, -1);
        *changed = 1;
    }
    if (ops_commit(m, &g, 1)) {
        *changed = 0;
        return ops_abort(m, -1);
    }
    return model_reload_flags(m);
}

int ops_quiz_take(climb_model *m, const quiz_answer *answers, size_t n, quiz_placement *p,
                  quiz_attempt *out)
{
    if (quiz_place(m->ladder, answers, n, p)) {
        store_fail(m->store, "the ladder's placement bands do not cover these answers");
        return OPS_INVALID;
    }
    if (store_begin(m->store))
        return -1;
    if (store_quiz_record(m->store, m->profile.id, clock_now(), answers, n, p, out) ||
        store_commit(m->store))
        return ops_abort(m, -1);
    return model_reload_placement(m);
}
