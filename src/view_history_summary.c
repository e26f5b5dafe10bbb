/* view_history_summary.c - the sentences under the history chart, from the model
 * and the log: the phase worked on (met so far, its first tick, the typical span
 * to the next level and the level's tenure), the title (since when, its typical
 * tenure, whether the pace reaches the target) and the forecast of the phase. */
#include "climb/view_history_summary.h"
#include "climb/clock.h"
#include "climb/forecast.h"
#include "climb/ladder_text.h"
#include "climb/target_pace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const climb_timeline *step_timeline(const climb_ladder *l, const climb_phase *ph)
{
    for (size_t i = 0; i < l->n_timelines; i++)
        if (ph->next_level && strcmp(l->timelines[i].from_level, ph->level) == 0 &&
            strcmp(l->timelines[i].to_level, ph->next_level) == 0)
            return &l->timelines[i];
    return NULL;
}

static const char *level_name(const climb_ladder *l, const char *id)
{
    const climb_level *lv = id ? content_level(l, id) : NULL;
    return lv ? lv->name : id ? id : "?";
}

/* "2025-04-10, 11 mo ago" */
static void when_ago(long long at, long long now, char *buf, size_t len)
{
    char date[16], span[32];
    clock_format_local_date(at, date, sizeof date);
    forecast_span_text(now > at ? now - at : 0, span, sizeof span);
    snprintf(buf, len, "%s, %s ago", date, span);
}

static void phase_line(tui *t, const char *const *ids, int p, long long now, char *buf,
                       size_t len)
{
    const climb_ladder *l = t->ladder;
    const climb_phase *ph = &l->phases[p];
    int done, applicable;
    model_phase_counts(t->model, (size_t)p, &done, &applicable);
    long long first = 0;
    ops_history_first_done(t->model, ids + t->model->first[p],
                       ph->n_criteria, &first);
    char since[64] = "no tick yet", typical[96] = "", tenure[160] = "";
    if (first)
        when_ago(first, now, since, sizeof since);
    const climb_timeline *tl = step_timeline(l, ph);
    if (tl)
        snprintf(typical, sizeof typical, "; %s to %s typically %d-%d y", level_name(l, ph->level),
                 level_name(l, ph->next_level), tl->years_min, tl->years_max);
    const climb_level *lv = content_level(l, ph->level);
    if (lv) {
        char range[24];
        ladder_tenure(lv, 1, range, sizeof range);
        snprintf(tenure, sizeof tenure, "; %s tenure %s", lv->name, range);
    }
    snprintf(buf, len, "Phase %d, %d/%d met: first tick %s%s%s", ph->number, done, applicable,
             since, typical, tenure);
}

static void title_line(tui *t, long long now, char *buf, size_t len)
{
    const climb_ladder *l = t->ladder;
    const char *title = t->model->profile.title;
    if (!title) {
        snprintf(buf, len, "No title set: press t on your level in the Ladder pane.");
        return;
    }
    long long at = 0;
    ops_history_title_set_at(t->model, &at);
    char since[64] = "", tenure[32] = "";
    if (at)
        when_ago(at, now, since, sizeof since);
    const climb_level *lv = content_level(l, title);
    if (lv)
        ladder_tenure(lv, 1, tenure, sizeof tenure);
    snprintf(buf, len, "Title %s%s%s%s%s", level_name(l, title), at ? " since " : "", since,
             lv ? "; typical tenure " : "", tenure);
}

static void forecast_line(tui *t, int p, long long now, char *buf, size_t len)
{
    const climb_phase *ph = &t->ladder->phases[p];
    long long *ticks = malloc((ph->n_criteria ? ph->n_criteria : 1) * sizeof *ticks);
    size_t n = 0;
    int done, applicable;
    model_phase_counts(t->model, (size_t)p, &done, &applicable);
    for (size_t i = 0; ticks && i < ph->n_criteria; i++) {
        const model_crit *c = model_crit_at(t->model, (size_t)p, i);
        if (c->state == STATE_DONE && c->done_at)
            ticks[n++] = c->done_at;
    }
    forecast f;
    forecast_compute(ticks, n, applicable - done, now, &f);
    free(ticks);
    if (f.kind == FORECAST_DATE) {
        char date[16], every[32];
        clock_format_local_date(f.date, date, sizeof date);
        forecast_span_text(f.interval, every, sizeof every);
        snprintf(buf, len, "Forecast: phase %d complete around %s (%d to go, one per %s); %s.",
                 ph->number, date, f.remaining, every, f.basis);
    } else {
        snprintf(buf, len, "Forecast for phase %d: %s.", ph->number, f.basis);
    }
}

void history_summary(tui *t, const char *const *ids,
                     char out[HISTORY_SUMMARY_LINES][HISTORY_SUMMARY_LEN])
{
    long long now = clock_now();
    int p = model_working_phase(t->model);
    if (p < 0) {
        snprintf(out[0], HISTORY_SUMMARY_LEN, "Every phase's criteria are met.");
        out[2][0] = '\0';
    } else {
        phase_line(t, ids, p, now, out[0], HISTORY_SUMMARY_LEN);
        forecast_line(t, p, now, out[2], HISTORY_SUMMARY_LEN);
    }
    title_line(t, now, out[1], HISTORY_SUMMARY_LEN);
    target_pace tp; /* whether the pace reaches the target, after the title */
    target_pace_compute(t->model, now, &tp);
    if (tp.kind != PACE_NONE) {
        size_t used = strlen(out[1]);
        snprintf(out[1] + used, HISTORY_SUMMARY_LEN - used, ". %s", tp.sentence);
    }
}

