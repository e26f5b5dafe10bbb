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

static void draw_level_row(tui *t, WINDOW *w, int row, int i, int width, int focused,
                           ladder_marks mk)
{
    const climb_level *lv = &t->ladder->levels[i];
    int selected = i == t->level_cursor;
    attr_t a = selected ? draw_style(focused ? ST_CURSOR : ST_CURSOR_DIM) : A_NORMAL;
    char tenure[32];
    ladder_tenure(lv, 1, tenure, sizeof tenure);
    draw_fill(w, row, 1, width, a);
    if (selected)
        draw_text(w, row, 2, 1, draw_glyph(GL_CURSOR), a);
    if (i == mk.title)
        draw_text(w, row, 3, 1, draw_glyph(GL_TITLE), a | draw_style(ST_MARK));
    if (i == mk.placed)
        draw_text(w, row, 4, 1, draw_glyph(GL_PLACED), a | draw_style(ST_MARK));
    draw_text(w, row, 5, width - 12, lv->name, a);
    draw_text(w, row, width - 6, 7, tenure, a);
}

/* The selected level's detail under the list; returns the next free row. */
static int draw_detail(tui *t, WINDOW *w, int row, int h, int width)
{
    const climb_level *lv = &t->ladder->levels[t->level_cursor];
    char line[128], tenure[32], pay[64];
    ladder_tenure(lv, 0, tenure, sizeof tenure);
    ladder_pay(lv, pay, sizeof pay);
    snprintf(line, sizeof line, "%s %s %s", lv->name, draw_glyph(GL_DOT), tenure);
    draw_text(w, row++, 2, width - 2, line, draw_style(ST_HEADING));
    if (row < h - 1) {
        snprintf(line, sizeof line, "US pay %s", pay);
        draw_text(w, row++, 2, width - 2, line, A_NORMAL);
    }
    for (size_t k = 0; k < t->ladder->n_timelines && row < h - 1; k++) { /* usual time up */
        const climb_timeline *tl = &t->ladder->timelines[k];
        const climb_level *to = content_level(t->ladder, tl->to_level);
        if (!to || strcmp(tl->from_level, lv->id) != 0)
            continue;
        snprintf(line, sizeof line, "To %s: usually %d-%d years", to->name, tl->years_min,
                 tl->years_max);
        if (text_width(line) > width - 2) /* the narrow side-by-side pane */
            snprintf(line, sizeof line, "To %s: %d-%d y", to->name, tl->years_min, tl->years_max);
        row += draw_wrapped(w, row, 2, width - 2, 0, h - 1 - row, line, A_NORMAL);
    }
    static const char *const labels[] = {"Unlocks: ", "Plateau: "};
    const char *texts[] = {lv->unlocks, lv->plateau};
    for (int k = 0; k < 2 && row < h - 1; k++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s%s", labels[k], texts[k]);
        row += draw_wrapped(w, row, 2, width - 2, 0, h - 1 - row, buf, A_NORMAL);
    }
    return row;
}

static void ladder_draw(tui *t, WINDOW *w, int focused)
{
    int h, wd;
    getmaxyx(w, h, wd);
    werase(w);
    draw_box(w, "Ladder", focused);
    char reach[128];
    ladder_progress(t->ladder, model_progress_level(t->model), model_progress_operating(t->model),
                    reach, sizeof reach);
    ladder_marks mk = marks_of(t);
    int row = 1;
    for (int i = 0; i < (int)t->ladder->n_levels && row < h - 1; i++, row++)
        draw_level_row(t, w, row, i, wd - 2, focused, mk);
    int legend = row + 4 < h - 1 ? 2 : 0; /* two legend lines when the pane has room */
    if (row + 1 < h - 1 - legend)
        row = draw_detail(t, w, row + 1, h - legend, wd - 2);
    if (legend) {
        char line[160];
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
    (void)w;
    (void)x;
    if (y >= 1 && y <= (int)t->ladder->n_levels)
        return move_to_level(t, y - 1) | DIRTY_PANES;
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
