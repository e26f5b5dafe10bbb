/* view_history.c - the history view (H): a chart of criteria met per week or month
 * (cumulative or per period) with the quiz placements under it, time in the
 * current phase against the ladder's typical span, the forecast, and the timeline
 * newest first, one screenful at a time (keyset pages, never the whole log).
 * Keys: w/m week/month, c cumulative or per period, f filter by phase and kind,
 * g go to a date, u undo, arrows/PgUp/PgDn/Home/End scroll, Esc or H back; one
 * key table per mode (list, filter, date) dispatches them and help lists it. */
#include "climb/view_history.h"
#include "climb/chart.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/forecast.h"
#include "climb/target_pace.h"
#include "climb/history.h"
#include "climb/history_text.h"
#include "climb/ladder_text.h"
#include "climb/text.h"
#include "climb/line_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ROWS = 256, FIXED_LINES = 7, MAX_CHART_H = 8, WHAT_W = 14, STAMP_W = 18 };
enum { SUMMARY_LINES = 3, SUMMARY_WRAP = 2 };
enum { MODE_LIST, MODE_FILTER, MODE_DATE };

static const struct {
    const char *kind, *label;
} KIND_FILTERS[] = {{NULL, "all kinds"}, {"state", "ticks"},        {"note", "notes"},
                    {"quiz", "quiz"},    {"title", "title"},        {"roadblock", "roadblocks"},
                    {"undo", "undo"}};
enum { N_KIND_FILTERS = sizeof KIND_FILTERS / sizeof *KIND_FILTERS };

typedef struct {
    hist_period period;
    int cumulative;
    int phase_filter;            /* -1: every phase */
    int kind_filter;             /* index into KIND_FILTERS */
    const char **ids;            /* every criterion id, phase by phase */
    hist_key top;                /* rows shown are older than this */
    hist_event rows[MAX_ROWS];
    size_t n_rows;
    int rows_for;                /* visible rows the page was loaded for; -1: reload */
    unsigned generation;         /* the model's generation the rows were read at */
    int more_below;
    hist_bucket *buckets;
    size_t n_buckets;
    int bar_w;
    int chart_for;               /* columns the chart was loaded for; -1: reload */
    char summary[SUMMARY_LINES][768];
    int summary_valid;
    int mode, filter_field;
    line_edit date;              /* the "go to date" prompt (g) */
    char status[512];
    int status_error;
} hist_view;

static void free_rows(hist_view *v)
{
    for (size_t i = 0; i < v->n_rows; i++)
        history_event_free(&v->rows[i]);
    v->n_rows = 0;
}

static void invalidate(hist_view *v)
{
    v->rows_for = v->chart_for = -1;
    v->summary_valid = 0;
}

static void hv_close(void *state)
{
    hist_view *v = state;
    free_rows(v);
    free(v->buckets);
    free(v->ids);
    free(v);
}

/* The criteria the chart and the timeline are about: one phase, or all. */
static const char *const *scope_ids(tui *t, hist_view *v, size_t *n)
{
    if (v->phase_filter < 0) {
        *n = t->model->n_crit;
        return v->ids;
    }
    *n = t->ladder->phases[v->phase_filter].n_criteria;
    return v->ids + t->model->first[v->phase_filter];
}

static void make_filter(tui *t, hist_view *v, hist_filter *f)
{
    history_filter_init(f);
    f->kind = KIND_FILTERS[v->kind_filter].kind;
    if (v->phase_filter >= 0)
        f->items = scope_ids(t, v, &f->n_items);
}

static void set_status(hist_view *v, int error, const char *msg)
{
    snprintf(v->status, sizeof v->status, "%s", msg);
    v->status_error = error;
}

/* Rows the summary takes: each sentence wrapped to at most SUMMARY_WRAP rows. */
static int summary_rows(const tui *t, const hist_view *v)
{
    int n = 0;
    for (int i = 0; i < SUMMARY_LINES; i++) {
        int k = v->summary[i][0] ? draw_wrapped_lines(v->summary[i], t->cols - 2) : 0;
        n += k > SUMMARY_WRAP ? SUMMARY_WRAP : k;
    }
    return n;
}

/* Rows of the chart and of the timeline for the current screen size. */
static void lay_out(const tui *t, const hist_view *v, int *chart_h, int *rows)
{
    int spare = t->rows - FIXED_LINES - (v->summary_valid ? summary_rows(t, v) : SUMMARY_LINES);
    int h = spare / 2;
    *chart_h = h < 1 ? 1 : h > MAX_CHART_H ? MAX_CHART_H : h;
    *rows = spare - *chart_h < 1 ? 1 : spare - *chart_h;
}

static void load_rows(tui *t, hist_view *v, int visible)
{
    hist_filter f;
    make_filter(t, v, &f);
    free_rows(v);
    size_t want = (size_t)visible + 1 < MAX_ROWS ? (size_t)visible + 1 : MAX_ROWS;
    if (ops_history_page_older(t->model, &f, v->top, v->rows, want,
                           &v->n_rows))
        set_status(v, 1, ops_error(t->model));
    v->more_below = v->n_rows > (size_t)visible;
    v->rows_for = visible;
}

static void load_chart(tui *t, hist_view *v)
{
    int min_bw = v->period == HIST_MONTH ? 4 : 2, max_bw = v->period == HIST_MONTH ? 6 : 3;
    int avail = t->cols - 8;
    size_t slots = avail / min_bw > 1 ? (size_t)(avail / min_bw) : 1, n;
    long long now = clock_now();
    long long first = ops_history_chart_first(t->model, v->period, now,
                                          slots, &n);
    int bw = avail / (int)n;
    v->bar_w = bw < min_bw ? min_bw : bw > max_bw ? max_bw : bw;
    hist_bucket *b = realloc(v->buckets, n * sizeof *b);
    v->chart_for = t->cols;
    if (!b) {
        set_status(v, 1, "out of memory");
        return;
    }
    v->buckets = b;
    size_t n_ids;
    const char *const *ids = scope_ids(t, v, &n_ids);
    if (ops_history_buckets(t->model, v->period, ids, n_ids, first, n,
                        now, b)) {
        set_status(v, 1, ops_error(t->model));
        v->n_buckets = 0;
        return;
    }
    v->n_buckets = n;
}

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

static void phase_line(tui *t, hist_view *v, int p, long long now, char *buf, size_t len)
{
    const climb_ladder *l = t->ladder;
    const climb_phase *ph = &l->phases[p];
    int done, applicable;
    model_phase_counts(t->model, (size_t)p, &done, &applicable);
    long long first = 0;
    ops_history_first_done(t->model, v->ids + t->model->first[p],
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

static void load_summary(tui *t, hist_view *v)
{
    long long now = clock_now();
    int p = model_working_phase(t->model);
    if (p < 0) {
        snprintf(v->summary[0], sizeof v->summary[0], "Every phase's criteria are met.");
        v->summary[2][0] = '\0';
    } else {
        phase_line(t, v, p, now, v->summary[0], sizeof v->summary[0]);
        forecast_line(t, p, now, v->summary[2], sizeof v->summary[2]);
    }
    title_line(t, now, v->summary[1], sizeof v->summary[1]);
    target_pace tp; /* whether the pace reaches the target, after the title */
    target_pace_compute(t->model, now, &tp);
    if (tp.kind != PACE_NONE) {
        size_t used = strlen(v->summary[1]);
        snprintf(v->summary[1] + used, sizeof v->summary[1] - used, ". %s", tp.sentence);
    }
    v->summary_valid = 1;
}

static void bar_label(hist_period p, const hist_bucket *b, size_t i, char *buf, size_t len)
{
    static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (p == HIST_WEEK) {
        snprintf(buf, len, "%s", b->key + 5); /* MM-DD of the Monday */
        return;
    }
    int month = atoi(b->key + 5);
    if (month == 1 && i > 0)
        snprintf(buf, len, "%.4s", b->key);
    else
        snprintf(buf, len, "%s", MONTHS[(month + 11) % 12]);
}

/* Draws the chart from row y; returns the rows used (height + 3). */
static int draw_chart(tui *t, hist_view *v, WINDOW *w, int y, int height)
{
    size_t n = v->n_buckets;
    int *values = malloc((n ? n : 1) * sizeof *values);
    char (*labels)[8] = malloc((n ? n : 1) * sizeof *labels);
    const char **label_ptrs = malloc((n ? n : 1) * sizeof *label_ptrs);
    chart_text ct = {0};
    if (values && labels && label_ptrs) {
        for (size_t i = 0; i < n; i++) {
            values[i] = v->cumulative ? v->buckets[i].met : v->buckets[i].newly;
            bar_label(v->period, &v->buckets[i], i, labels[i], sizeof labels[i]);
            label_ptrs[i] = labels[i];
        }
        chart_spec spec = {values, n, label_ptrs, height, v->bar_w, draw_utf8(), NULL, NULL, NULL};
        chart_render(&spec, &ct);
    }
    for (int i = 0; i < ct.n_lines; i++)
        draw_text(w, y + i, 1, t->cols - 2, ct.lines[i], i < height ? draw_style(ST_DONE) : A_NORMAL);
    /* Quiz placements under the bars: the phase of each period's last attempt. */
    int qy = y + height + 2, x = 1 + ct.axis_width;
    for (size_t i = 0; i < n && x < t->cols - 1; i++, x += v->bar_w) {
        char cell[8];
        if (v->buckets[i].quiz_phase)
            snprintf(cell, sizeof cell, "%d%s", v->buckets[i].quiz_phase,
                     v->buckets[i].quiz_edge ? "+" : "");
        else
            snprintf(cell, sizeof cell, "%s", draw_glyph(GL_DOT));
        draw_text(w, qy, x, t->cols - 1 - x, cell, v->buckets[i].quiz_phase ? A_BOLD : draw_style(ST_DIM));
    }
    if (x + 2 < t->cols - 1)
        draw_text(w, qy, x + 1, t->cols - 2 - x, "quiz placement",
                  draw_style(ST_DIM));
    chart_free(&ct);
    free(values);
    free(labels);
    free(label_ptrs);
    return height + 3;
}

static void draw_row(tui *t, WINDOW *w, int y, const hist_event *e)
{
    char stamp[32], what[32], about[1024];
    clock_format_local_minute(e->at, stamp, sizeof stamp);
    history_text_what(e, what, sizeof what);
    history_text_about(t->ladder, e, about, sizeof about);
    draw_text(w, y, 1, STAMP_W, stamp, draw_style(ST_DIM));
    attr_t a = strcmp(what, "ticked") == 0 ? draw_style(ST_DONE)
               : strcmp(e->kind, "undo") == 0 ? draw_style(ST_MARK) : A_BOLD;
    draw_text(w, y, 1 + STAMP_W, WHAT_W, what, a);
    draw_text(w, y, 1 + STAMP_W + WHAT_W, t->cols - 2 - STAMP_W - WHAT_W, about, A_NORMAL);
}

static void draw_bottom(tui *t, hist_view *v, WINDOW *w, int y)
{
    char line[512];
    if (v->mode == MODE_DATE) {
        snprintf(line, sizeof line,
                 "Go to date (YYYY-MM-DD), Enter to go, Esc to cancel, F1 keys: ");
        int used = draw_text(w, y, 1, t->cols - 2, line, draw_style(ST_HEADING));
        line_edit_draw(&v->date, w, y, 1 + used, t->cols - 2 - used, A_NORMAL);
        return;
    }
    if (v->mode == MODE_FILTER) {
        char phase[32];
        if (v->phase_filter < 0)
            snprintf(phase, sizeof phase, "all phases");
        else
            snprintf(phase, sizeof phase, "phase %d", t->ladder->phases[v->phase_filter].number);
        int f0 = v->filter_field == 0;
        snprintf(line, sizeof line,
                 "Filter %sphase: < %s >%s %skind: < %s >%s  ? keys  Left/Right change,"
                 " Tab switch, Enter done", f0 ? "[" : " ", phase, f0 ? "]" : " ", f0 ? " " : "[",
                 KIND_FILTERS[v->kind_filter].label, f0 ? " " : "]");
        draw_text(w, y, 1, t->cols - 2, line, draw_style(ST_HEADING));
        return;
    }
    if (v->status[0]) {
        draw_text(w, y, 1, t->cols - 2, v->status,
                  draw_style(v->status_error ? ST_ERROR : ST_MESSAGE));
        v->status[0] = '\0';
        return;
    }
    draw_text(w, y, 1, t->cols - 2,
              "Esc back  w/m week/month  c cumulative/per period  f filter  g date  u undo"
              "  arrows scroll  ? keys",
              draw_style(ST_KEYS));
}

static void hv_draw(tui *t, void *state)
{
    if (((hist_view *)state)->generation != t->model->generation) { /* a change, here or elsewhere */
        invalidate(state);
        ((hist_view *)state)->generation = t->model->generation;
    }
    hist_view *v = state;
    int chart_h, visible;
    if (!v->summary_valid)
        load_summary(t, v);
    lay_out(t, v, &chart_h, &visible);
    if (v->rows_for != visible)
        load_rows(t, v, visible);
    if (v->chart_for != t->cols)
        load_chart(t, v);
    WINDOW *w = newwin(t->rows, t->cols, 0, 0);
    if (!w)
        return;
    attr_t bar = draw_style(ST_TITLE_BAR);
    char left[256], right[256], phase[32];
    if (v->phase_filter < 0)
        snprintf(phase, sizeof phase, "all phases");
    else
        snprintf(phase, sizeof phase, "phase %d", t->ladder->phases[v->phase_filter].number);
    snprintf(left, sizeof left, " History %s %s", draw_glyph(GL_DOT), t->model->profile.name);
    snprintf(right, sizeof right, "%s %s %s %s %s ", v->period == HIST_MONTH ? "by month" : "by week",
             draw_glyph(GL_DOT), phase, draw_glyph(GL_DOT), KIND_FILTERS[v->kind_filter].label);
    draw_fill(w, 0, 0, t->cols, bar);
    int used = draw_text(w, 0, 0, t->cols / 2, left, bar);
    int rw = text_width(right);
    if (used + rw < t->cols)
        draw_text(w, 0, t->cols - rw, rw, right, bar);
    char heading[160];
    snprintf(heading, sizeof heading, "%s, by %s",
             v->cumulative ? "Criteria met (cumulative)" : "Criteria newly met in each period",
             v->period == HIST_MONTH ? "month" : "week (Monday to Sunday, local time)");
    draw_text(w, 1, 1, t->cols - 2, heading, draw_style(ST_HEADING));
    int y = 2 + draw_chart(t, v, w, 2, chart_h);
    for (int i = 0; i < SUMMARY_LINES; i++) {
        if (!v->summary[i][0])
            continue;
        int k = draw_wrapped(w, y, 1, t->cols - 2, 0, SUMMARY_WRAP, v->summary[i], A_NORMAL);
        y += k > SUMMARY_WRAP ? SUMMARY_WRAP : k;
    }
    char tl[160];
    if (v->top.at == history_key_newest().at)
        snprintf(tl, sizeof tl, "Timeline, newest first");
    else {
        char date[32];
        clock_format_local_minute(v->top.at, date, sizeof date);
        snprintf(tl, sizeof tl, "Timeline, newest first, before %s (Home: latest)", date);
    }
    draw_text(w, y++, 1, t->cols - 2, tl, draw_style(ST_HEADING));
    if (v->n_rows == 0)
        draw_text(w, y, 1, t->cols - 2,
                  v->top.at == history_key_newest().at ? "No events yet." : "No earlier events.",
                  draw_style(ST_DIM));
    for (int i = 0; i < visible && (size_t)i < v->n_rows; i++)
        draw_row(t, w, y + i, &v->rows[i]);
    draw_bottom(t, v, w, t->rows - 1);
    wnoutrefresh(w);
    delwin(w);
}

/* Scrolling moves `top`, the position the page starts below. */
static hist_key key_of(const hist_event *e)
{
    hist_key k = {e->at, e->id};
    return k;
}

static void scroll_up(tui *t, hist_view *v, int by)
{
    if (v->top.at == history_key_newest().at || by < 1)
        return;
    hist_filter f;
    make_filter(t, v, &f);
    hist_event newer[MAX_ROWS];
    size_t n = 0, want = (size_t)by < MAX_ROWS ? (size_t)by : MAX_ROWS;
    if (ops_history_page_newer(t->model, &f, v->top, newer, want, &n))
        set_status(v, 1, ops_error(t->model));
    v->top = n < want ? history_key_newest() : key_of(&newer[n - 1]);
    for (size_t i = 0; i < n; i++)
        history_event_free(&newer[i]);
    v->rows_for = -1;
}

static void scroll_down(hist_view *v, int by)
{
    if (!v->more_below || v->n_rows == 0 || by < 1)
        return;
    size_t last = v->n_rows - 1; /* the extra row past the screen */
    size_t i = (size_t)by - 1 < last ? (size_t)by - 1 : last - 1;
    v->top = key_of(&v->rows[i]);
    v->rows_for = -1;
}

static void go_end(tui *t, hist_view *v, int visible)
{
    hist_filter f;
    make_filter(t, v, &f);
    hist_event oldest[MAX_ROWS];
    size_t n = 0, want = (size_t)visible + 1 < MAX_ROWS ? (size_t)visible + 1 : MAX_ROWS;
    hist_key start = {-1LL - 0x7fffffffffffffffLL, -1LL - 0x7fffffffffffffffLL};
    if (ops_history_page_newer(t->model, &f, start, oldest, want, &n))
        set_status(v, 1, ops_error(t->model));
    v->top = n < want ? history_key_newest() : key_of(&oldest[n - 1]);
    for (size_t i = 0; i < n; i++)
        history_event_free(&oldest[i]);
    v->rows_for = -1;
}

static int do_undo(tui *t, hist_view *v, int redo)
{
    undo_result r;
    undo_outcome o = redo ? ops_redo(t->model, &r) : ops_undo(t->model, &r);
    set_status(v, o == UNDO_ERROR || o == UNDO_REFUSED, r.message);
    if (o == UNDO_DONE) {
        v->top = history_key_newest();
        invalidate(v);
    }
    return DIRTY_ALL;
}

enum {
    CMD_CLOSE = 1, CMD_WEEK, CMD_MONTH, CMD_CUMULATIVE, CMD_FILTER, CMD_UNDO, CMD_DATE,
    CMD_UP, CMD_DOWN, CMD_PAGE_UP, CMD_PAGE_DOWN, CMD_NEWEST, CMD_OLDEST, CMD_QUIT, CMD_REDRAW,
    CMD_FILTER_DONE, CMD_FIELD, CMD_PREV_VALUE, CMD_NEXT_VALUE, CMD_GO, CMD_CANCEL, CMD_REDO
};

static const view_key LIST_KEYS[] = {
    {27, 0, CMD_CLOSE, "Esc", "back to the ladder"},
    {'H', 0, CMD_CLOSE, "H", NULL},
    {'w', 0, CMD_WEEK, "w", "chart by week"},
    {'m', 0, CMD_MONTH, "m", "chart by month"},
    {'c', 0, CMD_CUMULATIVE, "c", "chart cumulative or per period"},
    {'f', 0, CMD_FILTER, "f", "filter the timeline by phase and kind"},
    {'g', 0, CMD_DATE, "g", "go to a date in the timeline"},
    {'u', 0, CMD_UNDO, "u", "undo the last change made in this run"},
    {18, 0, CMD_REDO, "Ctrl-R", "redo the change undone last"},
    {'k', KEY_UP, CMD_UP, "Up k", "scroll the timeline to newer events"},
    {'j', KEY_DOWN, CMD_DOWN, "Down j", "scroll the timeline to older events"},
    {0, KEY_PPAGE, CMD_PAGE_UP, "PgUp", "a page of newer events"},
    {0, KEY_NPAGE, CMD_PAGE_DOWN, "PgDn", "a page of older events"},
    {0, KEY_HOME, CMD_NEWEST, "Home", "the latest events"},
    {'G', KEY_END, CMD_OLDEST, "End G", "the first events"},
    {12, 0, CMD_REDRAW, "Ctrl-L", "redraw the screen"},
    {'q', 0, CMD_QUIT, "q", "quit climb (every change is already saved)"},
    {0, 0, 0, NULL, NULL},
};

static const view_key FILTER_KEYS[] = {
    {'h', KEY_LEFT, CMD_PREV_VALUE, "Left h", "the previous phase or kind"},
    {'l', KEY_RIGHT, CMD_NEXT_VALUE, "Right l", "the next phase or kind"},
    {'\t', 0, CMD_FIELD, "Tab", "switch between phase and kind"},
    {0, KEY_BTAB, CMD_FIELD, "Shift-Tab", NULL},
    {'k', KEY_UP, CMD_FIELD, "Up k", "the same: switch between phase and kind"},
    {'j', KEY_DOWN, CMD_FIELD, "Down j", NULL},
    {'\n', KEY_ENTER, CMD_FILTER_DONE, "Enter", "done: back to the timeline keys"},
    {'\r', 0, CMD_FILTER_DONE, "Ctrl-M", NULL},
    {' ', 0, CMD_FILTER_DONE, "Space", NULL},
    {27, 0, CMD_FILTER_DONE, "Esc", "close the filter bar (the filter stays)"},
    {'f', 0, CMD_FILTER_DONE, "f", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_key DATE_KEYS[] = {
    {'\n', KEY_ENTER, CMD_GO, "Enter", "show the events up to that date"},
    {'\r', 0, CMD_GO, "Ctrl-M", NULL},
    {27, 0, CMD_CANCEL, "Esc", "cancel"},
    LINE_EDIT_KEY_ROWS("the date, YYYY-MM-DD, typed (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const history_key_tables[] = {LIST_KEYS, FILTER_KEYS, DATE_KEYS, NULL};

static const view_key *hv_keys(void *state)
{
    const hist_view *v = state;
    return v->mode == MODE_DATE ? DATE_KEYS : v->mode == MODE_FILTER ? FILTER_KEYS : LIST_KEYS;
}

static int handle_date(hist_view *v, int key, int is_char)
{
    int cmd = view_key_cmd(DATE_KEYS, key, is_char);
    if (cmd != CMD_GO && cmd != CMD_CANCEL) {
        line_edit_command(&v->date, cmd, key, is_char);
        return DIRTY_BARS;
    }
    v->mode = MODE_LIST;
    if (cmd == CMD_CANCEL)
        return DIRTY_BARS;
    long long at;
    char msg[160];
    if (history_parse_date(v->date.buf, 1, &at) == 0) {
        v->top = history_key_at(at - 1);
        v->rows_for = -1;
        snprintf(msg, sizeof msg, "showing events up to %.32s", v->date.buf);
        set_status(v, 0, msg);
    } else {
        snprintf(msg, sizeof msg, "not a date: '%.32s' (YYYY-MM-DD)", v->date.buf);
        set_status(v, 1, msg);
    }
    return DIRTY_BARS;
}

static int handle_filter(tui *t, hist_view *v, int key, int is_char)
{
    int step = 0;
    switch (view_key_cmd(FILTER_KEYS, key, is_char)) {
    case CMD_FILTER_DONE: v->mode = MODE_LIST; break;
    case CMD_FIELD: v->filter_field = !v->filter_field; break;
    case CMD_PREV_VALUE: step = -1; break;
    case CMD_NEXT_VALUE: step = 1; break;
    default: break;
    }
    if (step && v->filter_field == 0) {
        int n = (int)t->ladder->n_phases + 1; /* -1 (all) .. n_phases-1 */
        v->phase_filter = (v->phase_filter + 1 + step + n) % n - 1;
    } else if (step) {
        v->kind_filter = (v->kind_filter + step + N_KIND_FILTERS) % N_KIND_FILTERS;
    }
    if (step) {
        v->top = history_key_newest();
        v->rows_for = v->chart_for = -1;
    }
    return DIRTY_BARS;
}

static int hv_handle(tui *t, void *state, int key, int is_char, action a)
{
    hist_view *v = state;
    (void)a;
    if (v->mode == MODE_DATE)
        return handle_date(v, key, is_char);
    if (v->mode == MODE_FILTER)
        return handle_filter(t, v, key, is_char);
    int chart_h, visible;
    lay_out(t, v, &chart_h, &visible);
    switch (view_key_cmd(LIST_KEYS, key, is_char)) {
    case CMD_CLOSE: tui_pop_view(t); return DIRTY_ALL;
    case CMD_WEEK: v->period = HIST_WEEK; v->chart_for = -1; return DIRTY_BARS;
    case CMD_MONTH: v->period = HIST_MONTH; v->chart_for = -1; return DIRTY_BARS;
    case CMD_CUMULATIVE: v->cumulative = !v->cumulative; return DIRTY_BARS;
    case CMD_FILTER: v->mode = MODE_FILTER; v->filter_field = 0; return DIRTY_BARS;
    case CMD_UNDO: return do_undo(t, v, 0);
    case CMD_REDO: return do_undo(t, v, 1);
    case CMD_DATE:
        line_edit_init(&v->date, NULL, 25);
        v->mode = MODE_DATE;
        return DIRTY_BARS;
    case CMD_UP: scroll_up(t, v, 1); break;
    case CMD_DOWN: scroll_down(v, 1); break;
    case CMD_PAGE_UP: scroll_up(t, v, visible); break;
    case CMD_PAGE_DOWN: scroll_down(v, visible); break;
    case CMD_NEWEST: v->top = history_key_newest(); v->rows_for = -1; break;
    case CMD_OLDEST: go_end(t, v, visible); break;
    case CMD_QUIT: t->quit = 1; return DIRTY_NONE;
    case CMD_REDRAW: clearok(curscr, TRUE); return DIRTY_LAYOUT;
    default: return DIRTY_NONE;
    }
    return DIRTY_BARS;
}

static const view_ops history_view = {"history", hv_draw, hv_handle, hv_close, hv_keys};

void history_view_open(tui *t)
{
    hist_view *v = calloc(1, sizeof *v);
    const climb_ladder *l = t->ladder;
    if (v)
        v->ids = malloc((t->model->n_crit ? t->model->n_crit : 1) * sizeof *v->ids);
    if (!v || !v->ids) {
        free(v);
        tui_message(t, 1, "out of memory");
        return;
    }
    size_t k = 0;
    for (size_t p = 0; p < l->n_phases; p++)
        for (size_t i = 0; i < l->phases[p].n_criteria; i++)
            v->ids[k++] = l->phases[p].criteria[i].id;
    v->period = HIST_MONTH;
    v->cumulative = 1;
    v->phase_filter = -1;
    v->top = history_key_newest();
    invalidate(v);
    tui_push_view(t, &history_view, v);
}

int history_undo(tui *t)
{
    undo_result r;
    undo_outcome o = ops_undo(t->model, &r);
    tui_message(t, o == UNDO_ERROR || o == UNDO_REFUSED, "%s", r.message);
    return DIRTY_ALL;
}

int history_redo(tui *t)
{
    undo_result r;
    undo_outcome o = ops_redo(t->model, &r);
    tui_message(t, o == UNDO_ERROR || o == UNDO_REFUSED, "%s", r.message);
    return DIRTY_ALL;
}
