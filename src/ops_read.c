/* ops_read.c - what the front ends read beyond the model: pages and streams of
 * the history, chart buckets, the list of profiles, the quiz attempts, and what a
 * ladder update changed. Thin: each names the open profile for a store query. */
#include "ops_internal.h"

#include "climb/store_history.h"
#include "climb/store_ladder_seen.h"
#include "climb/store_profiles.h"
#include "climb/store_quiz.h"

#include <stdlib.h>

int ops_history_page_older(climb_model *m, const hist_filter *f, hist_key from, hist_event *out,
                           size_t max, size_t *n)
{
    return history_page_older(m->store, m->profile.id, f, from, out, max, n);
}

int ops_history_page_newer(climb_model *m, const hist_filter *f, hist_key from, hist_event *out,
                           size_t max, size_t *n)
{
    return history_page_newer(m->store, m->profile.id, f, from, out, max, n);
}

int ops_history_each(climb_model *m, const hist_filter *f, hist_event_fn fn, void *ctx)
{
    return history_each(m->store, m->profile.id, f, fn, ctx);
}

int ops_history_buckets(climb_model *m, hist_period p, const char *const *criteria, size_t n_crit,
                        long long first, size_t n, long long now, hist_bucket *out)
{
    return history_buckets(m->store, m->profile.id, p, criteria, n_crit, first, n, now, out);
}

long long ops_history_chart_first(climb_model *m, hist_period p, long long now,
                                  size_t max_periods, size_t *n_periods)
{
    return history_chart_first(m->store, m->profile.id, p, now, max_periods, n_periods);
}

int ops_history_first_done(climb_model *m, const char *const *criteria, size_t n_crit,
                           long long *at)
{
    return history_first_done(m->store, m->profile.id, criteria, n_crit, at);
}

int ops_history_title_set_at(climb_model *m, long long *at)
{
    return history_title_set_at(m->store, m->profile.id, at);
}

int ops_quiz_each(climb_model *m, quiz_attempt_fn fn, void *ctx)
{
    return store_quiz_each(m->store, m->profile.id, fn, ctx);
}

int ops_ladder_diff(climb_model *m, ladder_diff *out)
{
    return ladder_update_diff(m->store, m->ladder, out);
}

int ops_ladder_record(climb_model *m)
{
    if (store_read_only(m->store))
        return 0; /* remembered on the next run that can write */
    return ladder_update_record(m->store, m->ladder);
}

/* Fills one entry from the profile's model (read only: nothing is created). */
static int fill_info(climb_store *st, const climb_ladder *l, const char *name,
                     profile_info *pi)
{
    climb_model m;
    int rc = model_open(&m, l, st, name, 0, NULL);
    if (rc != 0)
        return rc < 0 ? -1 : 0; /* deleted meanwhile: leave it out */
    pi->name = m.profile.name;
    pi->title = m.profile.title;
    m.profile.name = m.profile.title = NULL;
    pi->created_at = m.profile.created_at;
    for (size_t p = 0; p < m.ladder->n_phases; p++) {
        int done, applicable;
        model_phase_counts(&m, p, &done, &applicable);
        pi->done += done;
        pi->applicable += applicable;
    }
    pi->progress_level = model_progress_level(&m);
    pi->progress_operating = model_progress_operating(&m);
    pi->has_placement = m.has_placement;
    pi->placement = m.placement;
    model_close(&m);
    return 0;
}

int ops_profiles_list(climb_store *st, const climb_ladder *l, profile_info **out, size_t *n)
{
    char **names;
    size_t count, filled = 0;
    *out = NULL;
    *n = 0;
    if (store_profile_names(st, &names, &count))
        return -1;
    profile_info *list = calloc(count ? count : 1, sizeof *list);
    int rc = list ? 0 : store_fail(st, "out of memory");
    for (size_t i = 0; rc == 0 && i < count; i++) {
        rc = fill_info(st, l, names[i], &list[filled]);
        if (rc == 0 && list[filled].name)
            filled++;
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    if (rc != 0) {
        profiles_free(list, filled + 1);
        return -1;
    }
    *out = list;
    *n = filled;
    return 0;
}
