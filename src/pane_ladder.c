/* pane_ladder.c - the Ladder pane: the five levels with their tenure, the person's
 * title and latest quiz placement marked (t sets the title to the selected level),
 * the level the ticks reach, and the selected level's detail (unlock,
 * plateau, pay, usual time to the next level). Moving the cursor here also
 * selects that level's phase. */
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/ladder_text.h"
#include "climb/text.h"
#include "climb/profiles.h"
#include "climb/target_pace.h"
#include "climb/view.h"
#include "climb/view_editor.h"
#include "climb/pane_size.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int title;   /* level index of the title, or -1 */
    int placed;  /* level index of the latest quiz placement, or -1 */
} ladder_marks;

static ladder_marks marks_of(tui *t)
{
    ladder_marks mk = {-1, -1};
    quiz_attempt at;
    if (t->model->profile.title)
        mk.title = content_level_index(t->ladder, t->model->profile.title);
    if (model_placement(t->model, &at) == 0)
        mk.placed = profiles_placement_level(t->ladder, at.phase);
    return mk;
}

static void draw_level_row(tui *t, WINDOW *w, int row, int x, int i, int width, int focused,
                           ladder_marks mk)
{
    const climb_level *lv = &t->ladder->levels[i];
    int selected = i == t->level_cursor;
    attr_t a = selected ? draw_style(focused ? ST_CURSOR : ST_CURSOR_DIM) : A_NORMAL;
    char tenure[32];
    ladder_tenure(lv, width < 28, tenure, sizeof tenure); /* "10+ years" when there is room */
    int tw = text_width(tenure);
    draw_fill(w, row, x, width, a);
    if (selected)
        draw_text(w, row, x + 1, 1, draw_glyph(GL_CURSOR), a);
    if (i == mk.title)
        draw_text(w, row, x + 2, 1, draw_glyph(GL_TITLE), a | draw_style(ST_MARK));
    if (i == mk.placed)
        draw_text(w, row, x + 3, 1, draw_glyph(GL_PLACED), a | draw_style(ST_MARK));
    draw_text(w, row, x + 4, width - 5 - tw, lv->name, a);
    draw_text(w, row, x + width - tw - 1, tw, tenure, a);
}

/* The level rows from row y, `rows` of them, scrolled so the cursor shows. */
static void draw_levels(tui *t, WINDOW *w, int y, int x, int rows, int width, int focused)
{
    ladder_marks mk = marks_of(t);
    int n = (int)t->ladder->n_levels;
    int first = t->level_cursor >= rows ? t->level_cursor - rows + 1 : 0;
    for (int i = first; i < n && i - first < rows; i++)
        draw_level_row(t, w, y + i - first, x, i, width, focused, mk);
    if (first > 0 || first + rows < n) { /* a mark that more levels are out of sight */
        char more[16];
        snprintf(more, sizeof more, "%d/%d", t->level_cursor + 1, n);
        draw_text(w, getmaxy(w) - 1, x + width - (int)strlen(more) - 1, (int)strlen(more), more,
                  draw_style(ST_DIM));
    }
}

enum { PARAS = 6 };

/* The paragraphs under the level list: the title-vs-quiz sentence while it is
 * true, then the selected level's detail. */
typedef struct {
    char text[PARAS][1024];
    style st[PARAS];
    int n;
} paragraphs;

static void add(paragraphs *p, style st, const char *a, const char *b)
{
    if (p->n == PARAS)
        return;
    snprintf(p->text[p->n], sizeof p->text[p->n], "%s%s", a, b);
    p->st[p->n++] = st;
}

static void detail_paragraphs(tui *t, int heading, int width, paragraphs *p)
{
    const climb_level *lv = &t->ladder->levels[t->level_cursor];
    char tenure[32], pay[64], sentence[512] = "";
    quiz_attempt at;
    p->n = 0;
    if (t->model->profile.title && model_placement(t->model, &at) == 0)
        profiles_mismatch(t->ladder, t->model->profile.title, &at, sentence, sizeof sentence);
    if (*sentence)
        add(p, ST_MESSAGE, sentence, "");
    ladder_tenure(lv, 0, tenure, sizeof tenure);
    ladder_pay(lv, pay, sizeof pay);
    if (heading) {
        char line[128];
        snprintf(line, sizeof line, "%s %s ", lv->name, draw_glyph(GL_DOT));
        add(p, ST_HEADING, line, tenure);
    }
    char next[96] = "";
    for (size_t k = 0; k < t->ladder->n_timelines; k++) { /* usual time up */
        const climb_timeline *tl = &t->ladder->timelines[k];
        const climb_level *to = content_level(t->ladder, tl->to_level);
        char span[64];
        if (!to || strcmp(tl->from_level, lv->id) != 0)
            continue;
        snprintf(span, sizeof span, ": usually %d-%d years", tl->years_min, tl->years_max);
        if (!heading || (int)(strlen(to->name) + strlen(span) + 3) > width) /* narrow */
            snprintf(span, sizeof span, ": %d-%d y", tl->years_min, tl->years_max);
        snprintf(next, sizeof next, "%s %s%s", heading ? "To" : " to", to->name, span);
        break;
    }
    if (heading) { /* a line each in the side-by-side pane; one line beside the list */
        add(p, ST_NORMAL, "US pay ", pay);
        if (*next)
            add(p, ST_NORMAL, next, "");
    } else {
        char line[160];
        snprintf(line, sizeof line, "US pay %s%s", pay, *next ? ";" : "");
        add(p, ST_NORMAL, line, next);
    }
    add(p, ST_NORMAL, "Unlocks: ", lv->unlocks);
    add(p, ST_NORMAL, "Plateau: ", lv->plateau);
}

/* Draws the paragraphs into `rows` rows: each gets a line first, then the
 * first ones the rest of what they need; a paragraph cut short, or the last one
 * drawn when others are left out, ends with "…". */
static void draw_paragraphs(WINDOW *w, int y, int x, int rows, int width, const paragraphs *p)
{
    int give[PARAS] = {0}, left = rows, shown = 0;
    for (int k = 0; k < p->n && left > 0; k++, left--, shown++)
        give[k] = 1;
    for (int k = 0; k < shown && left > 0; k++) {
        int more = draw_wrapped_lines(p->text[k], width) - 1;
        more = more < left ? more : left;
        give[k] += more;
        left -= more;
    }
    for (int k = 0; k < shown; k++)
        y += draw_wrapped_more(w, y, x, width, give[k], p->text[k], draw_style(p->st[k]),
                               k == shown - 1 && shown < p->n);
}

/* One line, for a very short screen: the selected level and its pay. */
static void ladder_draw_line(tui *t, WINDOW *w)
{
    const climb_level *lv = &t->ladder->levels[t->level_cursor];
    char tenure[32], pay[64], line[256];
    ladder_tenure(lv, 0, tenure, sizeof tenure);
    ladder_pay(lv, pay, sizeof pay);
    snprintf(line, sizeof line, "Ladder: %s %s %s %s %s", draw_glyph(GL_CURSOR), lv->name,
             tenure, draw_glyph(GL_DOT), pay);
    werase(w);
    draw_text(w, 0, 0, getmaxx(w), line, draw_style(ST_DIM));
}

int ladder_pane_rows(tui *t)
{
    return (int)t->ladder->n_levels + 2;
}

enum { LIST_W = 24 }; /* the level list beside the detail in a wide, short pane */

/* 1 when the detail goes beside the level list: a wide pane too short for both
 * one above the other (the stacked layout). */
static int detail_beside(const tui *t, WINDOW *w)
{
    return getmaxx(w) >= LIST_W + 24 && getmaxy(w) - 2 < (int)t->ladder->n_levels + 6;
}

static void ladder_draw(tui *t, WINDOW *w, int focused)
{
    int h, wd;
    getmaxyx(w, h, wd);
    if (h < 3) {
        ladder_draw_line(t, w);
        return;
    }
    werase(w);
    draw_box(w, "Ladder", focused);
    int n = (int)t->ladder->n_levels, inner = h - 2;
    paragraphs p;
    if (detail_beside(t, w)) {
        int dw = wd - LIST_W - 4;
        draw_levels(t, w, 1, 1, inner, LIST_W, focused);
        detail_paragraphs(t, 0, dw, &p);
        draw_paragraphs(w, 1, LIST_W + 2, inner, dw, &p);
        return;
    }
    int list = n < inner ? n : inner;
    draw_levels(t, w, 1, 1, list, wd - 2, focused);
    int legend = inner - list >= 12 ? 2 : 0; /* two legend lines when the pane has room */
    if (inner - list - legend >= 2) {
        detail_paragraphs(t, 1, wd - 4, &p);
        draw_paragraphs(w, 2 + list, 2, inner - list - 1 - legend, wd - 4, &p);
    }
    if (legend) {
        char line[160], reach[128];
        ladder_progress(t->ladder, model_progress_level(t->model),
                        model_progress_operating(t->model), reach, sizeof reach);
        snprintf(line, sizeof line, "%s title (t)  %s quiz", draw_glyph(GL_TITLE),
                 draw_glyph(GL_PLACED));
        draw_text(w, h - 3, 2, wd - 4, line, draw_style(ST_DIM));
        snprintf(line, sizeof line, "ticks reach %s", reach);
        if (text_width(line) > wd - 4) /* "operating at Staff" alone, rather than cut */
            snprintf(line, sizeof line, "%s", reach);
        draw_text(w, h - 2, 2, wd - 4, line, draw_style(ST_DIM));
    }
}

/* The phase whose level is `level`, or -1 (Principal has none). */
static int phase_of_level(const climb_ladder *l, int level)
{
    for (size_t p = 0; p < l->n_phases; p++)
        if (content_level_index(l, l->phases[p].level) == level)
            return (int)p;
    return -1;
}

/* Moves the cursor to level `next`, selecting its phase when it has one. */
static int move_to_level(tui *t, int next)
{
    t->level_cursor = next;
    int p = phase_of_level(t->ladder, next);
    if (p >= 0 && p != t->phase) {
        t->phase = p;
        t->crit_cursor = t->phase_scroll = t->check_scroll = 0;
        return DIRTY_PANES | DIRTY_BARS;
    }
    return DIRTY_LADDER;
}

static int ladder_click(tui *t, WINDOW *w, int y, int x)
{
    int h = getmaxy(w), n = (int)t->ladder->n_levels, rows = n < h - 2 ? n : h - 2;
    int first = t->level_cursor >= rows ? t->level_cursor - rows + 1 : 0;
    if (h >= 3 && y >= 1 && y <= rows && (x <= LIST_W || !detail_beside(t, w)) &&
        first + y - 1 < n)
        return move_to_level(t, first + y - 1) | DIRTY_PANES;
    return DIRTY_PANES;
}

/* t: the level under the cursor becomes the person's title (one transaction). */
static int set_title(tui *t)
{
    const climb_level *lv = &t->ladder->levels[t->level_cursor];
    int changed;
    if (ops_set_title(t->model, lv->id, &changed))
        tui_message(t, 1, "title not saved: %s", ops_error(t->model));
    else if (changed)
        tui_message(t, 0, "Your title is now %s.", lv->name);
    else
        tui_message(t, 0, "%s is already your title.", lv->name);
    return DIRTY_LADDER | DIRTY_BARS;
}

/* After the target editor: a date aims for the level; an empty line clears it. */
static void target_done(tui *t, void *ctx, const char *text)
{
    const climb_level *lv = &t->ladder->levels[*(int *)ctx];
    long long at = 0;
    int changed;
    if (!text)
        return;
    if (*text && history_parse_date(text, 0, &at) != 0) {
        tui_message(t, 1, "not a date (YYYY-MM-DD): %s; the target is as it was", text);
        return;
    }
    if (ops_set_target(t->model, *text ? lv->id : NULL, at, &changed) != 0) {
        tui_message(t, 1, "target not saved: %s", ops_error(t->model));
        return;
    }
    target_pace tp;
    target_pace_compute(t->model, clock_now(), &tp);
    tui_message(t, 0, "%s", tp.kind == PACE_NONE ? "No target now." : tp.sentence);
}

/* T: asks by when the level under the cursor is the aim (H shows the pace). */
static int set_target(tui *t)
{
    int *level = malloc(sizeof *level);
    if (!level)
        return DIRTY_NONE;
    *level = t->level_cursor;
    char title[160];
    snprintf(title, sizeof title, "Aim for %s by when? YYYY-MM-DD (empty: no target)",
             t->ladder->levels[*level].name);
    editor_request req = {title, NULL, 0, 0, 32, NULL};
    editor_open(t, &req, target_done, level, free);
    return DIRTY_ALL;
}

static int ladder_handle(tui *t, action a)
{
    int n = (int)t->ladder->n_levels, next = t->level_cursor;
    switch (a) {
    case ACT_UP: next--; break;
    case ACT_DOWN: next++; break;
    case ACT_HOME: case ACT_PAGE_UP: next = 0; break;
    case ACT_END: case ACT_PAGE_DOWN: next = n - 1; break;
    case ACT_TOGGLE:
        tui_message(t, 0, "Tab to the Checklist pane (or press 1-4) to tick a criterion");
        return DIRTY_BARS;
    case ACT_SET_TITLE: return set_title(t);
    case ACT_SET_TARGET: return set_target(t);
    default: return NOT_HANDLED;
    }
    if (next < 0 || next >= n)
        return DIRTY_NONE;
    return move_to_level(t, next);
}

const pane_ops ladder_pane = {"Ladder", ladder_draw, ladder_handle, ladder_click};
