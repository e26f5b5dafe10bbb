/* view_history.c - the history view (H): a chart of criteria met per week or month
 * (cumulative or per period) with the quiz placements under it, time in the
 * current phase against the ladder's typical span, the forecast, and the timeline
 * newest first, one screenful at a time (keyset pages, never the whole log).
 *
 * The chart covers the whole history, from the period of the first event to now,
 * a window of it at a time: Left/Right move the window a period, and with the
 * chart focused (Tab) Home/End go to the first and last period. Every period has
 * a column; the year row names each year under its first period.
 *
 * The timeline has a cursor; Enter opens the selected event in full
 * (view_history_event.c). An undo and the reverse event it wrote are one row,
 * and internal events (event_kinds.h) are hidden until `a` shows them: rows are
 * made by history_rows (history_text.c) from the raw events read a chunk at a
 * time, and scrolling moves `top`, the keyset position the page starts below,
 * over whole rows. One key table per mode (timeline, chart, filter bar, date
 * prompt) dispatches the keys, and help and the footer are made from it. */
#include "climb/view_history.h"
#include "climb/chart.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/history.h"
#include "climb/history_text.h"
#include "climb/text.h"
#include "climb/line_edit.h"
#include "climb/view_history_event.h"
#include "climb/view_history_summary.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ROWS = 256, CHUNK = 64, MAX_RAW = 8192, MAX_CHART_H = 8, STAMP_W = 18 };
/* Rows besides the bars, the summary and the timeline rows: the title bar, the
 * chart heading, the axis, the month, year and quiz rows, the timeline heading
 * and the footer. */
enum { FIXED_LINES = 8, SUMMARY_LINES = HISTORY_SUMMARY_LINES, SUMMARY_WRAP = 2 };
enum { MODE_LIST, MODE_CHART, MODE_FILTER, MODE_DATE };

static const struct {
    const char *kind, *label;
} KIND_FILTERS[] = {{NULL, "all kinds"}, {"state", "ticks"},        {"note", "notes"},
                    {"quiz", "quiz"},    {"title", "title"},        {"roadblock", "roadblocks"},
                    {"undo", "undo"}};
enum { N_KIND_FILTERS = sizeof KIND_FILTERS / sizeof *KIND_FILTERS };

/* Raw events of the log as read, in one order, and the rows made of them. */
typedef struct {
    hist_event *ev;
    size_t n, cap;
    hist_row rows[MAX_ROWS];
    size_t n_rows;
    int ended;                   /* the log has no more events that way */
} raw_page;

typedef struct {
    hist_period period;
    int cumulative;
    int phase_filter;            /* -1: every phase */
    int kind_filter;             /* index into KIND_FILTERS */
    int show_internal;           /* show internal events (a) */
    const char **ids;            /* every criterion id, phase by phase */
    hist_key top;                /* rows shown are older than this */
    raw_page page;               /* newest first from top */
    int cursor;                  /* selected row on screen */
    int rows_for;                /* visible rows the page was loaded for; -1: reload */
    unsigned generation;         /* the model's generation the rows were read at */
    int more_below;
    hist_bucket *buckets;
    size_t n_buckets;
    size_t chart_total;          /* periods from the first event's to now */
    size_t chart_back;           /* periods after the last one shown, up to now */
    int bar_w;
    int chart_for;               /* columns the chart was loaded for; -1: reload */
    char summary[SUMMARY_LINES][HISTORY_SUMMARY_LEN];
    int summary_valid;
    int mode, filter_field;
    line_edit date;              /* the "go to date" prompt (d) */
    char status[512];
    int status_error;
} hist_view;

static void page_free(raw_page *p)
{
    for (size_t i = 0; i < p->n; i++)
        history_event_free(&p->ev[i]);
    free(p->ev);
    memset(p, 0, sizeof *p);
}

static void invalidate(hist_view *v)
{
    v->rows_for = v->chart_for = -1;
    v->summary_valid = 0;
}

static void hv_close(void *state)
{
    hist_view *v = state;
    page_free(&v->page);
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

static hist_key key_of(const hist_event *e)
{
    hist_key k = {e->at, e->id};
    return k;
}

/* Reads raw events from `from` (older ones newest first, or with newer the newer
 * ones oldest first) a chunk at a time until they make `want` rows or the log
 * ends. 0, or -1 with the status set. */
static int read_rows(tui *t, hist_view *v, hist_key from, int newer, size_t want, raw_page *p)
{
    hist_filter f;
    make_filter(t, v, &f);
    memset(p, 0, sizeof *p);
    if (want > MAX_ROWS)
        want = MAX_ROWS;
    while (!p->ended) {
        if (p->n + CHUNK > p->cap) {
            hist_event *grown = realloc(p->ev, (p->cap + CHUNK * 4) * sizeof *grown);
            if (!grown) { /* GCOVR_EXCL_START: realloc fails only when out of memory */
                set_status(v, 1, "out of memory");
                return -1;
            } /* GCOVR_EXCL_STOP */
            p->ev = grown;
            p->cap += CHUNK * 4;
        }
        hist_key at = p->n ? key_of(&p->ev[p->n - 1]) : from;
        size_t got = 0;
        int rc = newer ? ops_history_page_newer(t->model, &f, at, p->ev + p->n, CHUNK, &got)
                       : ops_history_page_older(t->model, &f, at, p->ev + p->n, CHUNK, &got);
        if (rc) {
            set_status(v, 1, ops_error(t->model));
            return -1;
        }
        p->n += got;
        p->ended = got < CHUNK || p->n >= MAX_RAW;
        size_t used;
        p->n_rows = history_rows(p->ev, p->n, !newer, v->show_internal, p->ended, p->rows, want,
                                 &used);
        if (p->n_rows >= want)
            break;
    }
    return 0;
}

static int shown_rows(const hist_view *v, int visible)
{
    return (int)v->page.n_rows < visible ? (int)v->page.n_rows : visible;
}

static void load_rows(tui *t, hist_view *v, int visible)
{
    page_free(&v->page);
    read_rows(t, v, v->top, 0, (size_t)visible + 1, &v->page);
    v->more_below = v->page.n_rows > (size_t)visible;
    v->rows_for = visible;
    int shown = shown_rows(v, visible);
    if (v->cursor >= shown)
        v->cursor = shown > 0 ? shown - 1 : 0;
}

/* The oldest raw event of row i of the page: the next page starts below it. */
static hist_key row_bottom(const hist_view *v, size_t i)
{
    return key_of(&v->page.ev[v->page.rows[i].last]);
}

static void scroll_down(hist_view *v, int by)
{
    if (!v->more_below || v->page.n_rows < 2 || by < 1)
        return;
    size_t i = (size_t)by - 1 < v->page.n_rows - 2 ? (size_t)by - 1 : v->page.n_rows - 2;
    v->top = row_bottom(v, i);
    v->rows_for = -1;
}

/* Moves `top` so that the page starts `by` rows newer, read from `from` (or from
 * the very first event when from_start); fewer rows than that: the newest. Returns
 * the rows moved. */
static int move_top_up(tui *t, hist_view *v, hist_key from, int by)
{
    raw_page up;
    if (read_rows(t, v, from, 1, (size_t)by + 1, &up)) {
        page_free(&up);
        return 0;
    }
    int moved = (int)up.n_rows;
    if (up.n_rows > (size_t)by) {
        v->top = key_of(&up.ev[up.rows[by - 1].last + 1]);
        moved = by;
    } else {
        v->top = history_key_newest();
    }
    page_free(&up);
    v->rows_for = -1;
    return moved;
}

static int at_newest(const hist_view *v)
{
    return v->top.at == history_key_newest().at && v->top.id == history_key_newest().id;
}

static int scroll_up(tui *t, hist_view *v, int by)
{
    if (at_newest(v) || by < 1)
        return 0;
    return move_top_up(t, v, v->top, by);
}

/* End/G: the oldest rows, the cursor on the last. */
static void go_end(tui *t, hist_view *v, int visible)
{
    hist_key start = {LLONG_MIN, LLONG_MIN};
    move_top_up(t, v, start, visible);
    v->cursor = INT_MAX;
}

static void load_chart(tui *t, hist_view *v)
{
    int month = v->period == HIST_MONTH;
    int min_bw = month ? 5 : 2, max_bw = month ? 8 : 3;
    size_t n_ids;
    const char *const *ids = scope_ids(t, v, &n_ids);
    int avail = t->cols - 2 - chart_axis_width((int)n_ids, "quiz");
    long long now = clock_now();
    size_t total = 1;
    ops_history_chart_first(t->model, v->period, now, SIZE_MAX, &total);
    int bw = avail / (int)(total ? total : 1);
    bw = bw < min_bw ? min_bw : bw > max_bw ? max_bw : bw;
    size_t slots = avail / bw > 1 ? (size_t)(avail / bw) : 1;
    size_t n = total < slots ? total : slots;
    v->chart_total = total;
    if (v->chart_back > total - n)
        v->chart_back = total - n;
    v->bar_w = bw;
    v->chart_for = t->cols;
    hist_bucket *b = realloc(v->buckets, n * sizeof *b);
    if (!b) { /* GCOVR_EXCL_START: realloc fails only when out of memory */
        set_status(v, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    v->buckets = b;
    long long first = history_period_add(v->period, history_period_start(v->period, now),
                                         -(int)(v->chart_back + n - 1));
    if (ops_history_buckets(t->model, v->period, ids, n_ids, first, n, now, b)) {
        set_status(v, 1, ops_error(t->model));
        v->n_buckets = 0;
        return;
    }
    v->n_buckets = n;
}

/* Chart commands: Left/Right move the window a period, Home/End to the ends. */
static void chart_move(hist_view *v, long by)
{
    size_t room = v->chart_total - v->n_buckets; /* periods that can be before */
    long back = (long)v->chart_back + by;
    v->chart_back = back < 0 ? 0 : (size_t)back > room ? room : (size_t)back;
    v->chart_for = -1;
}
static void load_summary(tui *t, hist_view *v)
{
    history_summary(t, v->ids, v->summary);
    v->summary_valid = 1;
}

/* Rows of the summary for the screen: each sentence wrapped to at most
 * SUMMARY_WRAP rows. */
static int summary_rows(const tui *t, const hist_view *v)
{
    int n = 0;
    for (int i = 0; i < SUMMARY_LINES; i++) {
        int k = v->summary[i][0] ? draw_wrapped_lines(v->summary[i], t->cols - 2) : 0;
        n += k > SUMMARY_WRAP ? SUMMARY_WRAP : k;
    }
    return n;
}

/* Rows of the chart's bars, of the summary and of the timeline for the screen:
 * the chart and at least two timeline rows first, the summary in what is left,
 * then the bars and the timeline share the rest. */
static void lay_out(const tui *t, const hist_view *v, int *chart_h, int *summary, int *rows)
{
    int avail = t->rows - FIXED_LINES;
    int natural = v->summary_valid ? summary_rows(t, v) : SUMMARY_LINES;
    int room = avail - 3 > 0 ? avail - 3 : 0;
    *summary = natural < room ? natural : room;
    int spare = avail - *summary, h = spare / 2;
    *chart_h = h < 1 ? 1 : h > MAX_CHART_H ? MAX_CHART_H : h;
    *rows = spare - *chart_h < 1 ? 1 : spare - *chart_h;
}

/* Draws s wrapped in at most max_rows rows from y; when it needs more, the last
 * row ends with "…". Returns the rows used. */
static int draw_capped(WINDOW *w, int y, int width, int max_rows, const char *s)
{
    if (max_rows < 1 || width < 1)
        return 0;
    text_span spans[16];
    size_t total = text_wrap(s, width, spans, 16);
    if ((int)total <= max_rows) {
        draw_wrapped(w, y, 1, width, 0, max_rows, s, A_NORMAL);
        return (int)total;
    }
    if (max_rows > 1)
        draw_wrapped(w, y, 1, width, 0, max_rows - 1, s, A_NORMAL);
    size_t at = spans[max_rows - 1 < 16 ? max_rows - 1 : 15].start;
    char *rest = malloc(strlen(s + at) + 1);
    if (rest) { /* the rest of the text on one row, so that it is cut with "…" */
        size_t k = 0;
        for (const char *c = s + at; *c; c++)
            rest[k++] = *c == '\n' ? ' ' : *c;
        rest[k] = '\0';
        draw_text(w, y + max_rows - 1, 1, width, rest, A_NORMAL); /* wider than width */
        free(rest);
    }
    return max_rows;
}

/* Draws the chart from row y; returns the rows used (height + 4). */
static int draw_chart(tui *t, hist_view *v, WINDOW *w, int y, int height)
{
    size_t n = v->n_buckets, m = n ? n : 1;
    int *values = malloc(m * sizeof *values);
    char (*months)[8] = malloc(m * sizeof *months), (*years)[8] = malloc(m * sizeof *years);
    char (*quiz)[8] = malloc(m * sizeof *quiz);
    const char **ptrs = malloc(4 * m * sizeof *ptrs), **keys = ptrs ? ptrs + 3 * m : NULL;
    chart_text ct = {0};
    if (values && months && years && quiz && ptrs) {
        for (size_t i = 0; i < n; i++) {
            const hist_bucket *b = &v->buckets[i];
            values[i] = v->cumulative ? b->met : b->newly;
            keys[i] = b->key;
            if (b->quiz_phase)
                snprintf(quiz[i], sizeof quiz[i], "%d%s", b->quiz_phase, b->quiz_edge ? "+" : "");
            else
                snprintf(quiz[i], sizeof quiz[i], "%s", draw_glyph(GL_DOT));
        }
        chart_period_labels(keys, n, v->period == HIST_WEEK, months, years);
        for (size_t i = 0; i < n; i++) {
            ptrs[i] = months[i];
            ptrs[m + i] = years[i];
            ptrs[2 * m + i] = quiz[i];
        }
        chart_spec spec = {values, n, ptrs, height, v->bar_w, draw_utf8(),
                           ptrs + m, ptrs + 2 * m, "quiz"};
        chart_render(&spec, &ct);
    }
    for (int i = 0; i < ct.n_lines; i++) {
        attr_t a = i < height ? draw_style(ST_DONE)
                   : i == ct.year_line ? draw_style(ST_HEADING) : A_NORMAL;
        draw_text(w, y + i, 1, t->cols - 2, ct.lines[i], a);
    }
    /* Arrows beside the month row when there are periods either side. */
    int right = 1 + ct.axis_width + (int)n * v->bar_w;
    if (v->chart_total > n + v->chart_back)
        draw_text(w, y + height + 1, 1, 1, draw_utf8() ? "◂" : "<", A_BOLD);
    if (v->chart_back && right < t->cols - 1)
        draw_text(w, y + height + 1, right, 1, draw_utf8() ? "▸" : ">", A_BOLD);
    chart_free(&ct);
    free(values);
    free(months);
    free(years);
    free(quiz);
    free(ptrs);
    return height + 4;
}

/* The chart's heading: what it counts, the periods shown, and how many more
 * there are either side. */
static void chart_heading(const hist_view *v, char *buf, size_t len)
{
    char range[64] = "", more[96] = "";
    if (v->n_buckets) {
        const char *a = v->buckets[0].key, *b = v->buckets[v->n_buckets - 1].key;
        snprintf(range, sizeof range, " %s %s to %s", draw_glyph(GL_DOT), a, b);
    }
    size_t before = v->chart_total - v->n_buckets - v->chart_back;
    const char *unit = v->period == HIST_MONTH ? "month" : "week";
    if (before && v->chart_back)
        snprintf(more, sizeof more, " (%zu earlier, %zu later %ss: Left/Right)", before,
                 v->chart_back, unit);
    else if (before)
        snprintf(more, sizeof more, " (%zu earlier %s%s: Left)", before, unit,
                 before == 1 ? "" : "s");
    else if (v->chart_back)
        snprintf(more, sizeof more, " (%zu later %s%s: Right)", v->chart_back, unit,
                 v->chart_back == 1 ? "" : "s");
    snprintf(buf, len, "%s%s%s, by %s%s%s", v->mode == MODE_CHART ? draw_glyph(GL_CURSOR) : "",
             v->mode == MODE_CHART ? " " : "",
             v->cumulative ? "Criteria met (cumulative)" : "Criteria newly met in each period",
             v->period == HIST_MONTH ? "month" : "week (Monday to Sunday)", range, more);
}

/* One timeline row: time, what happened, then the criterion's id, the person's
 * text and the criterion's text, each cut with "…" so that all three show. */
static void draw_row(tui *t, hist_view *v, WINDOW *w, int y, size_t r, int selected)
{
    const hist_row *row = &v->page.rows[r];
    const hist_event *e = &v->page.ev[row->ev];
    hist_words hw;
    history_row_words(t->ladder, e, &hw);
    char stamp[32];
    int narrow = t->cols < 80;
    if (narrow)
        clock_format_local_date(e->at, stamp, sizeof stamp);
    else
        clock_format_local_minute(e->at, stamp, sizeof stamp);
    int stamp_w = narrow ? 11 : STAMP_W, what_w = narrow ? 9 : 14;
    attr_t base = selected ? draw_style(v->mode == MODE_CHART ? ST_CURSOR_DIM : ST_CURSOR)
                           : A_NORMAL;
    int x = 1, end = t->cols - 1;
    if (selected)
        draw_fill(w, y, 1, t->cols - 2, base);
    draw_text(w, y, x, stamp_w, stamp, selected ? base : draw_style(ST_DIM));
    x += stamp_w;
    attr_t a = selected ? base
               : strcmp(hw.what, "ticked") == 0 ? draw_style(ST_DONE)
               : strcmp(e->kind, "undo") == 0   ? draw_style(ST_MARK)
                                                : A_BOLD;
    char what[80];
    snprintf(what, sizeof what, "%s%s%s", hw.what, hw.undone[0] ? ": " : "", hw.undone);
    int used = draw_text(w, y, x, end - x, what, a);
    x += used >= what_w ? used + 1 : what_w;
    if (hw.crit_id && x < end)
        x += draw_text(w, y, x, end - x, hw.crit_id, selected ? base : A_BOLD) + 2;
    if (hw.quote && x < end) {
        int room = end - x, keep = !hw.crit_text ? 0 : room > 60 ? room / 3 : room > 40 ? 20 : 0;
        char *q = malloc(strlen(hw.quote) + 3);
        if (q) {
            for (char *c = strcpy(q + 1, hw.quote); *c; c++)
                if (*c == '\n' || *c == '\t')
                    *c = ' '; /* one row: the whole text is in the detail view */
            q[0] = '"';
            strcat(q, "\"");
            x += draw_text(w, y, x, room - keep, q, base) + 2;
            free(q);
        }
    }
    if (hw.crit_text && x + 4 < end)
        x += draw_text(w, y, x, end - x, hw.crit_text, selected ? base : draw_style(ST_DIM));
    if (hw.info[0] && x < end)
        draw_text(w, y, x, end - x, hw.info, base);
}
/* The view's own commands; those of the key grammar (docs/keys.md) have the
 * numbers of view.h's shared vocabulary (VIEW_CMD_CLOSE...). */
enum {
    CMD_WEEK = 1, CMD_MONTH, CMD_CUMULATIVE, CMD_FILTER, CMD_UNDO, CMD_REDO, CMD_DATE,
    CMD_INTERNAL, CMD_OPEN, CMD_FOCUS, CMD_OLDER, CMD_NEWER, CMD_FILTER_DONE, CMD_FIELD,
    CMD_PREV_VALUE, CMD_NEXT_VALUE, CMD_GO, CMD_CANCEL,
    CMD_CLOSE = VIEW_CMD_CLOSE, CMD_UP = VIEW_CMD_UP, CMD_DOWN = VIEW_CMD_DOWN,
    CMD_PAGE_UP = VIEW_CMD_PAGE_UP, CMD_PAGE_DOWN = VIEW_CMD_PAGE_DOWN,
    CMD_FIRST = VIEW_CMD_FIRST, CMD_LAST = VIEW_CMD_LAST, CMD_REDRAW = VIEW_CMD_REDRAW
};

/* Rows both the timeline's and the chart's tables have. */
#define COMMON_KEYS                                                                          \
    {'k', KEY_UP, CMD_UP, "Up k", "select the newer event"},                                  \
    {'j', KEY_DOWN, CMD_DOWN, "Down j", "select the older event"},                            \
    {0, KEY_PPAGE, CMD_PAGE_UP, "PgUp", "a page of newer events"},                            \
    {0, KEY_NPAGE, CMD_PAGE_DOWN, "PgDn", "a page of older events"},                          \
    {'\n', KEY_ENTER, CMD_OPEN, "Enter", "open the selected event in full"},                  \
    {'\r', 0, CMD_OPEN, "Ctrl-M", NULL},                                                      \
    {'h', KEY_LEFT, CMD_OLDER, "Left h", "chart: show an earlier period"},                    \
    {'l', KEY_RIGHT, CMD_NEWER, "Right l", "chart: show a later period"},                     \
    {'w', 0, CMD_WEEK, "w", "chart by week"},                                                 \
    {'m', 0, CMD_MONTH, "m", "chart by month"},                                               \
    {'c', 0, CMD_CUMULATIVE, "c", "chart cumulative or per period"},                          \
    {'f', 0, CMD_FILTER, "f", "filter the timeline by phase and kind"},                       \
    {'a', 0, CMD_INTERNAL, "a", "show or hide internal events (settings)"},                   \
    {'d', 0, CMD_DATE, "d", "go to a date in the timeline"},                                  \
    {'u', 0, CMD_UNDO, "u", "undo the last change made in this run"},                         \
    {18, 0, CMD_REDO, "Ctrl-R", "redo the change undone last"},                               \
    {27, 0, CMD_CLOSE, "Esc", "close History, back to the ladder"},                           \
    {'q', 0, CMD_CLOSE, "q", NULL},                                                           \
    {'H', 0, CMD_CLOSE, "H", NULL},                                                           \
    {12, 0, CMD_REDRAW, "Ctrl-L", "redraw the screen"}

static const view_key LIST_KEYS[] = {
    {'g', KEY_HOME, CMD_FIRST, "Home g", "the newest event"},
    {'G', KEY_END, CMD_LAST, "End G", "the oldest event"},
    {'\t', 0, CMD_FOCUS, "Tab", "the chart: Home/End go to its ends"},
    {0, KEY_BTAB, CMD_FOCUS, "Shift-Tab", NULL},
    COMMON_KEYS,
    {0, 0, 0, NULL, NULL},
};

static const view_key CHART_KEYS[] = {
    {'g', KEY_HOME, CMD_FIRST, "Home g", "the first period of the chart"},
    {'G', KEY_END, CMD_LAST, "End G", "the last period of the chart (now)"},
    {'\t', 0, CMD_FOCUS, "Tab", "back to the timeline"},
    {0, KEY_BTAB, CMD_FOCUS, "Shift-Tab", NULL},
    COMMON_KEYS,
    {0, 0, 0, NULL, NULL},
};

static const view_key FILTER_KEYS[] = {
    {'h', KEY_LEFT, CMD_PREV_VALUE, "Left h", "the previous phase or kind"},
    {'l', KEY_RIGHT, CMD_NEXT_VALUE, "Right l", "the next phase or kind"},
    {'\t', 0, CMD_FIELD, "Tab", "switch between phase and kind"},
    {0, KEY_BTAB, CMD_FIELD, "Shift-Tab", NULL},
    {'\n', KEY_ENTER, CMD_FILTER_DONE, "Enter", "done: back to the timeline keys"},
    {'\r', 0, CMD_FILTER_DONE, "Ctrl-M", NULL},
    {' ', 0, CMD_FILTER_DONE, "Space", NULL},
    {'f', 0, CMD_FILTER_DONE, "f", NULL},
    {27, 0, CMD_CLOSE, "Esc", "close the filter bar (the filter stays)"},
    {'q', 0, CMD_CLOSE, "q", NULL},
    {12, 0, CMD_REDRAW, "Ctrl-L", "redraw the screen"},
    {0, 0, 0, NULL, NULL},
};

static const view_key DATE_KEYS[] = {
    {'\n', KEY_ENTER, CMD_GO, "Enter", "show the events up to that date"},
    {'\r', 0, CMD_GO, "Ctrl-M", NULL},
    {27, 0, CMD_CANCEL, "Esc", "cancel"},
    LINE_EDIT_KEY_ROWS("the date, YYYY-MM-DD, typed (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

/* The chart's table comes last, after those of the timeline, the filter bar and
 * the date prompt. */
const view_key *const history_key_tables[] = {LIST_KEYS, FILTER_KEYS, DATE_KEYS, CHART_KEYS,
                                              NULL};

static const view_key *hv_keys(void *state)
{
    const hist_view *v = state;
    return v->mode == MODE_DATE     ? DATE_KEYS
           : v->mode == MODE_FILTER ? FILTER_KEYS
           : v->mode == MODE_CHART  ? CHART_KEYS
                                    : LIST_KEYS;
}

static const view_hint_item LIST_HINTS[] = {
    {CMD_OPEN, 0, "open"},      {CMD_INTERNAL, 0, "internal"},  {CMD_OLDER, CMD_NEWER, "months"},
    {CMD_FOCUS, 0, "chart"},    {CMD_FILTER, 0, "filter"},      {CMD_DATE, 0, "date"},
    {CMD_UNDO, 0, "undo"},      {CMD_WEEK, CMD_MONTH, "week/month"},
    {CMD_CUMULATIVE, 0, "per period"}, {CMD_CLOSE, 0, "back"}, {0, 0, NULL},
};

static const view_hint_item CHART_HINTS[] = {
    {CMD_OLDER, CMD_NEWER, "scroll"}, {CMD_FIRST, CMD_LAST, "first/last"},
    {CMD_FOCUS, 0, "timeline"},       {CMD_WEEK, CMD_MONTH, "week/month"},
    {CMD_CUMULATIVE, 0, "per period"}, {CMD_CLOSE, 0, "back"}, {0, 0, NULL},
};

/* The footer, from the view's key table (view_hint); the item of a says whether
 * internal events are hidden or shown. */
static void footer(const hist_view *v, int width, char *buf, size_t len)
{
    enum { N_LIST = sizeof LIST_HINTS / sizeof *LIST_HINTS };
    if (v->mode == MODE_CHART) {
        view_hint(CHART_KEYS, CHART_HINTS, width, buf, len);
        return;
    }
    view_hint_item items[N_LIST];
    memcpy(items, LIST_HINTS, sizeof items);
    for (size_t i = 0; i < N_LIST; i++)
        if (items[i].cmd == CMD_INTERNAL)
            items[i].word = v->show_internal ? "hide internal" : "show internal";
    view_hint(LIST_KEYS, items, width, buf, len);
}

static void draw_bottom(tui *t, hist_view *v, WINDOW *w, int y)
{
    char line[512];
    if (v->mode == MODE_DATE) {
        snprintf(line, sizeof line, "Go to date (YYYY-MM-DD), Enter to go, Esc to cancel, F1 help: ");
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
                 "Filter %sphase: < %s >%s %skind: < %s >%s  Left/Right change  Tab switch"
                 "  Enter done  ? help", f0 ? "[" : " ", phase, f0 ? "]" : " ", f0 ? " " : "[",
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
    footer(v, t->cols - 2, line, sizeof line);
    draw_text(w, y, 1, t->cols - 2, line, draw_style(ST_KEYS));
}

static void draw_title(tui *t, hist_view *v, WINDOW *w)
{
    attr_t bar = draw_style(ST_TITLE_BAR);
    char left[256], right[256], phase[32];
    if (v->phase_filter < 0)
        snprintf(phase, sizeof phase, "all phases");
    else
        snprintf(phase, sizeof phase, "phase %d", t->ladder->phases[v->phase_filter].number);
    snprintf(left, sizeof left, " History %s %s", draw_glyph(GL_DOT), t->model->profile.name);
    snprintf(right, sizeof right, "%s %s %s %s %s %s %s ",
             v->period == HIST_MONTH ? "by month" : "by week", draw_glyph(GL_DOT), phase,
             draw_glyph(GL_DOT), KIND_FILTERS[v->kind_filter].label, draw_glyph(GL_DOT),
             v->show_internal ? "internal shown" : "internal hidden");
    draw_fill(w, 0, 0, t->cols, bar);
    int used = draw_text(w, 0, 0, t->cols / 2, left, bar);
    int rw = text_width(right);
    if (used + rw < t->cols)
        draw_text(w, 0, t->cols - rw, rw, right, bar);
}

/* Loads what a change (here or in another climb), a resize or a command made
 * stale. */
static void bring_up_to_date(tui *t, hist_view *v, int *chart_h, int *summary, int *visible)
{
    if (v->generation != t->model->generation) {
        invalidate(v);
        v->generation = t->model->generation;
    }
    if (!v->summary_valid)
        load_summary(t, v);
    lay_out(t, v, chart_h, summary, visible);
    if (v->rows_for != *visible)
        load_rows(t, v, *visible);
    if (v->chart_for != t->cols)
        load_chart(t, v);
}

static void hv_draw(tui *t, void *state)
{
    hist_view *v = state;
    int chart_h, summary, visible;
    bring_up_to_date(t, v, &chart_h, &summary, &visible);
    WINDOW *w = newwin(t->rows, t->cols, 0, 0);
    if (!w) /* GCOVR_EXCL_BR_LINE: newwin fails only when out of memory */
        return; /* GCOVR_EXCL_LINE: out of memory */
    draw_title(t, v, w);
    char heading[256];
    chart_heading(v, heading, sizeof heading);
    draw_text(w, 1, 1, t->cols - 2, heading,
              draw_style(v->mode == MODE_CHART ? ST_CURSOR : ST_HEADING));
    int y = 2 + draw_chart(t, v, w, 2, chart_h);
    for (int i = 0; i < SUMMARY_LINES && summary > 0; i++) {
        if (!v->summary[i][0])
            continue;
        int k = draw_capped(w, y, t->cols - 2, summary < SUMMARY_WRAP ? summary : SUMMARY_WRAP,
                            v->summary[i]);
        y += k;
        summary -= k;
    }
    char tl[160];
    const char *mark = v->mode == MODE_LIST ? draw_glyph(GL_CURSOR) : "";
    const char *gap = *mark ? " " : "";
    if (at_newest(v))
        snprintf(tl, sizeof tl, "%s%sTimeline, newest first", mark, gap);
    else {
        char date[32];
        clock_format_local_minute(v->top.at, date, sizeof date);
        snprintf(tl, sizeof tl, "%s%sTimeline, newest first, before %s (Home: latest)", mark, gap,
                 date);
    }
    draw_text(w, y++, 1, t->cols - 2, tl, draw_style(ST_HEADING));
    if (v->page.n_rows == 0)
        draw_text(w, y, 1, t->cols - 2, at_newest(v) ? "No events yet." : "No earlier events.",
                  draw_style(ST_DIM));
    for (int i = 0; i < shown_rows(v, visible); i++)
        draw_row(t, v, w, y + i, (size_t)i, i == v->cursor);
    draw_bottom(t, v, w, t->rows - 1);
    wnoutrefresh(w);
    delwin(w);
}

static int do_undo(tui *t, hist_view *v, int redo)
{
    undo_result r;
    undo_outcome o = redo ? ops_redo(t->model, &r) : ops_undo(t->model, &r);
    set_status(v, o == UNDO_ERROR || o == UNDO_REFUSED, r.message);
    if (o == UNDO_DONE) {
        v->top = history_key_newest();
        v->cursor = 0;
        invalidate(v);
    }
    return DIRTY_ALL;
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
        v->cursor = 0;
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
    case CMD_FILTER_DONE:
    case CMD_CLOSE: v->mode = MODE_LIST; break;
    case CMD_FIELD: v->filter_field = !v->filter_field; break;
    case CMD_PREV_VALUE: step = -1; break;
    case CMD_NEXT_VALUE: step = 1; break;
    case CMD_REDRAW: clearok(curscr, TRUE); return DIRTY_LAYOUT;
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
        v->cursor = 0;
        v->rows_for = v->chart_for = -1;
    }
    return DIRTY_BARS;
}

/* Up, Down, PgUp, PgDn over the timeline's rows: the cursor moves, and the page
 * scrolls when it would leave the screen. */
static void move_cursor(tui *t, hist_view *v, int cmd, int visible)
{
    int shown = shown_rows(v, visible);
    switch (cmd) {
    case CMD_UP:
        if (v->cursor > 0)
            v->cursor--;
        else
            scroll_up(t, v, 1);
        break;
    case CMD_DOWN:
        if (v->cursor + 1 < shown)
            v->cursor++;
        else
            scroll_down(v, 1);
        break;
    case CMD_PAGE_UP:
        if (!scroll_up(t, v, visible))
            v->cursor = 0;
        break;
    case CMD_PAGE_DOWN:
        if (v->more_below)
            scroll_down(v, visible);
        else
            v->cursor = shown > 0 ? shown - 1 : 0;
        break;
    default: break;
    }
}

static void open_event(tui *t, hist_view *v, int visible)
{
    if (v->cursor >= shown_rows(v, visible))
        return;
    const hist_row *r = &v->page.rows[v->cursor];
    history_event_view_open(t, &v->page.ev[r->ev],
                            r->rev == HIST_ROW_NONE ? NULL : &v->page.ev[r->rev]);
}

static int hv_handle(tui *t, void *state, int key, int is_char, action a)
{
    hist_view *v = state;
    (void)a;
    if (v->mode == MODE_DATE)
        return handle_date(v, key, is_char);
    if (v->mode == MODE_FILTER)
        return handle_filter(t, v, key, is_char);
    int chart_h, summary, visible, chart = v->mode == MODE_CHART;
    bring_up_to_date(t, v, &chart_h, &summary, &visible);
    int cmd = view_key_cmd(chart ? CHART_KEYS : LIST_KEYS, key, is_char);
    switch (cmd) {
    case CMD_CLOSE: tui_pop_view(t); return DIRTY_ALL;
    case CMD_WEEK: v->period = HIST_WEEK; v->chart_back = 0; v->chart_for = -1; break;
    case CMD_MONTH: v->period = HIST_MONTH; v->chart_back = 0; v->chart_for = -1; break;
    case CMD_CUMULATIVE: v->cumulative = !v->cumulative; break;
    case CMD_FILTER: v->mode = MODE_FILTER; v->filter_field = 0; break;
    case CMD_INTERNAL:
        v->show_internal = !v->show_internal;
        v->top = history_key_newest();
        v->cursor = 0;
        v->rows_for = -1;
        break;
    case CMD_UNDO: return do_undo(t, v, 0);
    case CMD_REDO: return do_undo(t, v, 1);
    case CMD_DATE:
        line_edit_init(&v->date, NULL, 25);
        v->mode = MODE_DATE;
        break;
    case CMD_FOCUS: v->mode = chart ? MODE_LIST : MODE_CHART; break;
    case CMD_OLDER: chart_move(v, 1); break;
    case CMD_NEWER: chart_move(v, -1); break;
    case CMD_OPEN: open_event(t, v, visible); return DIRTY_ALL;
    case CMD_UP:
    case CMD_DOWN:
    case CMD_PAGE_UP:
    case CMD_PAGE_DOWN: move_cursor(t, v, cmd, visible); break;
    case CMD_FIRST:
        if (chart)
            chart_move(v, (long)v->chart_total);
        else {
            v->top = history_key_newest();
            v->cursor = 0;
            v->rows_for = -1;
        }
        break;
    case CMD_LAST:
        if (chart)
            chart_move(v, -(long)v->chart_total);
        else
            go_end(t, v, visible);
        break;
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
    /* GCOVR_EXCL_START: calloc and malloc fail only when out of memory */
    if (v)
        v->ids = malloc((t->model->n_crit ? t->model->n_crit : 1) * sizeof *v->ids);
    if (!v || !v->ids) {
        free(v);
        tui_message(t, 1, "out of memory");
        return;
    }
    /* GCOVR_EXCL_STOP */
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
