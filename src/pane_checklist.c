/* pane_checklist.c - the Checklist pane: the criteria to meet before moving up
 * from the selected phase, each [x]/[ ] with the date it was met, the evidence note
 * under the selected one, and a done/total count in the title. Space or Enter
 * ticks and unticks through the model (one transaction each). */
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/view.h"

#include <stdio.h>

enum { MARK_W = 4, DATE_W = 11 };

static const char *mark(crit_state s)
{
    static const char *const marks[] = {"[ ]", "[~]", "[x]", "[-]"};
    return marks[s];
}

static int text_width_for(int width)
{
    return width - MARK_W - DATE_W;
}

/* The note line as shown under the selected criterion. */
static void note_text(const model_crit *mc, char *buf, size_t len)
{
    snprintf(buf, len, "note: %s", mc->note);
}

static int note_lines(const model_crit *mc, int width)
{
    char buf[4096];
    note_text(mc, buf, sizeof buf);
    return draw_wrapped_lines(buf, width - MARK_W);
}

/* Lines the item takes: its wrapped text, plus its note when selected. */
static int item_lines(tui *t, size_t i, int width)
{
    const climb_criterion *c = &t->ladder->phases[t->phase].criteria[i];
    int n = draw_wrapped_lines(c->text, text_width_for(width));
    const model_crit *mc = model_crit_at(t->model, (size_t)t->phase, i);
    if ((int)i == t->crit_cursor && mc->note)
        n += note_lines(mc, width);
    return n;
}

/* Keeps the selected item inside the visible rows. */
static void scroll_to_cursor(tui *t, int width, int visible)
{
    int top = 0;
    for (int i = 0; i < t->crit_cursor; i++)
        top += item_lines(t, (size_t)i, width);
    int bottom = top + item_lines(t, (size_t)t->crit_cursor, width);
    if (top < t->check_scroll)
        t->check_scroll = top;
    else if (bottom > t->check_scroll + visible)
        t->check_scroll = bottom - visible;
    if (t->check_scroll < 0)
        t->check_scroll = 0;
}

/* Draws item i starting at virtual line `line`; returns lines used. */
static int draw_item(tui *t, WINDOW *w, size_t i, int line, int width, int h, int focused)
{
    const climb_criterion *c = &t->ladder->phases[t->phase].criteria[i];
    const model_crit *mc = model_crit_at(t->model, (size_t)t->phase, i);
    int selected = (int)i == t->crit_cursor;
    attr_t a = mc->state == STATE_DONE ? draw_style(ST_DONE)
               : mc->state == STATE_NA ? draw_style(ST_DIM) : A_NORMAL;
    if (selected)
        a = draw_style(focused ? ST_CURSOR : ST_CURSOR_DIM);
    int tw = text_width_for(width), n = draw_wrapped_lines(c->text, tw);
    for (int k = 0; k < n; k++) {
        int y = 1 + line + k - t->check_scroll;
        if (y < 1 || y >= h - 1)
            continue;
        draw_fill(w, y, 1, width, a);
        if (k == 0)
            draw_text(w, y, 1, 3, mark(mc->state), a);
        draw_wrapped(w, y, 1 + MARK_W, tw, k, 1, c->text, a);
        if (k == 0 && mc->state == STATE_DONE) {
            char date[16];
            clock_format_local_date(mc->done_at, date, sizeof date);
            draw_text(w, y, 1 + width - DATE_W + 1, DATE_W - 1, date, a);
        }
    }
    if (selected && mc->note) {
        char buf[4096];
        note_text(mc, buf, sizeof buf);
        int nl = note_lines(mc, width);
        for (int k = 0; k < nl; k++) {
            int y = 1 + line + n + k - t->check_scroll;
            if (y >= 1 && y < h - 1)
                draw_wrapped(w, y, 1 + MARK_W, width - MARK_W, k, 1, buf, draw_style(ST_DIM));
        }
        n += nl;
    }
    return n;
}

static void checklist_draw(tui *t, WINDOW *w, int focused)
{
    int h, wd;
    getmaxyx(w, h, wd);
    werase(w);
    const climb_phase *ph = &t->ladder->phases[t->phase];
    int done, total;
    model_phase_counts(t->model, (size_t)t->phase, &done, &total);
    char title[512];
    snprintf(title, sizeof title, "%s %s %d/%d", ph->criteria_heading, draw_glyph(GL_DOT), done,
             total);
    draw_box(w, title, focused);
    if (ph->n_criteria == 0) {
        draw_text(w, 1, 2, wd - 4, "No criteria for this phase.", draw_style(ST_DIM));
        return;
    }
    scroll_to_cursor(t, wd - 2, h - 2);
    int line = 0;
    for (size_t i = 0; i < ph->n_criteria; i++)
        line += draw_item(t, w, i, line, wd - 2, h, focused);
}

static int toggle(tui *t)
{
    size_t p = (size_t)t->phase, i = (size_t)t->crit_cursor;
    const climb_criterion *c = &t->ladder->phases[p].criteria[i];
    crit_state next = model_crit_at(t->model, p, i)->state == STATE_DONE ? STATE_TODO : STATE_DONE;
    if (model_set_state(t->model, p, i, next, NULL, NULL) != 0) {
        tui_message(t, 1, "not saved: %s", store_error(t->model->store));
        return DIRTY_BARS;
    }
    tui_message(t, 0, "%s %s", next == STATE_DONE ? "met:" : "no longer met:", c->text);
    return DIRTY_PANES | DIRTY_BARS;
}

static int checklist_handle(tui *t, action a)
{
    int n = (int)t->ladder->phases[t->phase].n_criteria, next = t->crit_cursor;
    if (n == 0)
        return a == ACT_TOGGLE ? DIRTY_NONE : NOT_HANDLED;
    switch (a) {
    case ACT_UP: next--; break;
    case ACT_DOWN: next++; break;
    case ACT_HOME: case ACT_PAGE_UP: next = 0; break;
    case ACT_END: case ACT_PAGE_DOWN: next = n - 1; break;
    case ACT_TOGGLE: return toggle(t);
    default: return NOT_HANDLED;
    }
    if (next < 0 || next >= n || next == t->crit_cursor)
        return DIRTY_NONE;
    t->crit_cursor = next;
    return DIRTY_CHECKLIST;
}

const pane_ops checklist_pane = {"Checklist", checklist_draw, checklist_handle};
