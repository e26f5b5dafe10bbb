/* pane_checklist.c - the Checklist pane: the criteria to meet before moving up
 * from the selected phase, each [ ] todo, [~] in progress, [x] met (with its date)
 * or [-] not applicable (dimmed, with its reason), a done/applicable count in the
 * title, stale evidence flagged, the wording a criterion had when it was ticked if
 * the ladder has reworded it since, and on every row with evidence a marker with
 * the count and the first line of the newest (N shows every note in full), so a
 * row keeps its height whichever is selected. The bottom border says where the
 * cursor is when not every item fits. */
#include "climb/checklist_actions.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/pane_size.h"
#include "climb/view.h"

#include <stdio.h>
#include <string.h>

enum { MARK_W = 4, DATE_W = 12, EXTRA_MAX = 8, EXTRA_LEN = 4096, ENTRIES_SHOWN = 3,
       NARROW_W = 50 /* below this the date goes under the text, which keeps the width */ };

typedef struct {
    char text[EXTRA_MAX][EXTRA_LEN];
    style st[EXTRA_MAX];
    int one_line[EXTRA_MAX]; /* drawn on one line, cut with "…", rather than wrapped */
    int n;
} extras;

static void extra(extras *x, style st, int one_line)
{
    x->st[x->n] = st;
    x->one_line[x->n++] = one_line;
}

/* The first line of s, at most 200 bytes, with "…" when there is more. */
static void first_line(char *buf, size_t len, const char *s)
{
    size_t line = strcspn(s, "\n");
    snprintf(buf, len, "%.*s%s", (int)(line < 200 ? line : 200), s,
             line > 200 || s[line] ? "…" : "");
}

/* The evidence marker of a row: "✎ 2 · 2026-03-05: the newest entry's first
 * line", or "✎ 1 · note: the note's first line". */
static void marker(const model_crit *mc, char *buf, size_t len)
{
    char head[256], date[16];
    size_t count = mc->n_entries + (mc->note != NULL);
    if (mc->n_entries) {
        const evidence_row *e = &mc->entries[mc->n_entries - 1];
        clock_format_local_date(e->happened_at, date, sizeof date);
        first_line(head, sizeof head, e->text);
        snprintf(buf, len, "%s %zu %s %s: %s", draw_glyph(GL_NOTE), count, draw_glyph(GL_DOT),
                 date, head);
    } else {
        first_line(head, sizeof head, mc->note);
        snprintf(buf, len, "%s %zu %s note: %s", draw_glyph(GL_NOTE), count, draw_glyph(GL_DOT),
                 head);
    }
}

static const char *mark(crit_state s)
{
    static const char *const marks[] = {"[ ]", "[~]", "[x]", "[-]"};
    return marks[s];
}

static int text_width_for(int width)
{
    return width - MARK_W - (width < NARROW_W ? 0 : DATE_W);
}

/* The lines shown under a criterion, besides its own text. */
static void item_extras(tui *t, size_t i, int width, extras *x)
{
    const climb_criterion *c = &t->ladder->phases[t->phase].criteria[i];
    const model_crit *mc = model_crit_at(t->model, (size_t)t->phase, i);
    x->n = 0;
    if (width < NARROW_W && mc->state == STATE_DONE) { /* the date column's, narrow */
        char date[16];
        clock_format_local_date(mc->done_at, date, sizeof date);
        snprintf(x->text[x->n], EXTRA_LEN, "met %s", date);
        extra(x, ST_DIM, 1);
    }
    if (mc->state == STATE_NA && mc->reason) {
        snprintf(x->text[x->n], EXTRA_LEN, "not applicable: %s", mc->reason);
        extra(x, ST_DIM, 0);
    }
    if (mc->state == STATE_DONE && mc->text_at_done && strcmp(mc->text_at_done, c->text) != 0) {
        snprintf(x->text[x->n], EXTRA_LEN, "worded when ticked: %s", mc->text_at_done);
        extra(x, ST_DIM, 0);
    }
    if ((mc->note || mc->n_entries) && !t->show_notes) { /* on every row (E lists them) */
        marker(mc, x->text[x->n], EXTRA_LEN);
        extra(x, ST_DIM, 1);
    } else if (mc->note || mc->n_entries) { /* N: the note and the newest entries in full */
        size_t count = mc->n_entries + (mc->note != NULL);
        snprintf(x->text[x->n], EXTRA_LEN, "%s %zu %s %s%s", draw_glyph(GL_NOTE), count,
                 draw_glyph(GL_DOT), mc->note ? "note: " : "", mc->note ? mc->note : "");
        if (!mc->note) /* the marker line then holds the newest entry */
            x->text[x->n][strlen(x->text[x->n]) - 1] = '\0';
        extra(x, ST_DIM, 0);
        for (size_t k = 0; k < mc->n_entries && k < ENTRIES_SHOWN; k++) {
            const evidence_row *e = &mc->entries[mc->n_entries - 1 - k];
            char date[16];
            clock_format_local_date(e->happened_at, date, sizeof date);
            snprintf(x->text[x->n], EXTRA_LEN, "%s: %s", date, e->text);
            extra(x, ST_DIM, 0);
        }
    }
    if (model_is_stale(t->model, mc, clock_now())) {
        snprintf(x->text[x->n], EXTRA_LEN,
                 "stale: this evidence is over %d months old; worth a fresh look",
                 t->model->stale_months);
        extra(x, ST_MESSAGE, 1);
    }
}

/* Lines one extra takes at the width. */
static int extra_lines(const extras *x, int k, int width)
{
    return x->one_line[k] ? 1 : draw_wrapped_lines(x->text[k], width);
}

/* Lines the item takes: its wrapped text plus its extra lines. */
static int item_lines(tui *t, size_t i, int width)
{
    const climb_criterion *c = &t->ladder->phases[t->phase].criteria[i];
    extras x;
    int n = draw_wrapped_lines(c->text, text_width_for(width));
    item_extras(t, i, width, &x);
    for (int k = 0; k < x.n; k++)
        n += extra_lines(&x, k, width - MARK_W);
    return n;
}

static int all_lines(tui *t, int width)
{
    int n = 0;
    for (size_t i = 0; i < t->ladder->phases[t->phase].n_criteria; i++)
        n += item_lines(t, i, width);
    return n;
}

int checklist_pane_rows(tui *t, int width)
{
    const climb_phase *ph = &t->ladder->phases[t->phase];
    int retired = 0;
    for (size_t r = 0; r < t->model->n_retired; r++)
        retired += t->model->retired[r].phase == ph->number;
    return 2 + (ph->n_criteria ? all_lines(t, width) : 1) + 2 * retired;
}

/* Keeps the selected item inside the visible rows, its first line always shown
 * (an item taller than the pane starts at the top, never mid-text), and no
 * empty rows below the last item while earlier ones are scrolled away. */
static void scroll_to_cursor(tui *t, int width, int visible)
{
    int top = 0;
    for (int i = 0; i < t->crit_cursor; i++)
        top += item_lines(t, (size_t)i, width);
    int bottom = top + item_lines(t, (size_t)t->crit_cursor, width);
    if (bottom > t->check_scroll + visible)
        t->check_scroll = bottom - visible;
    if (top < t->check_scroll)
        t->check_scroll = top;
    int total = all_lines(t, width);
    if (t->check_scroll > total - visible && total - visible < top)
        t->check_scroll = total - visible;
    if (t->check_scroll < 0)
        t->check_scroll = 0;
}

static attr_t item_attr(const model_crit *mc, int selected, int focused)
{
    if (selected)
        return draw_style(focused ? ST_CURSOR : ST_CURSOR_DIM);
    return mc->state == STATE_DONE ? draw_style(ST_DONE)
           : mc->state == STATE_NA ? draw_style(ST_DIM) : A_NORMAL;
}

/* Draws the first line's date column: when it was met, flagged when stale. */
static void draw_date(tui *t, WINDOW *w, int y, int width, const model_crit *mc, attr_t a)
{
    char date[16], cell[24];
    if (mc->state != STATE_DONE || width < NARROW_W)
        return;
    clock_format_local_date(mc->done_at, date, sizeof date);
    int stale = model_is_stale(t->model, mc, clock_now());
    snprintf(cell, sizeof cell, "%s%s", stale ? "!" : " ", date);
    draw_text(w, y, 1 + width - DATE_W + 1, DATE_W - 1, cell,
              stale ? (a | draw_style(ST_MESSAGE)) : a);
}

/* Draws item i starting at virtual line `line`; returns lines used. */
static int draw_item(tui *t, WINDOW *w, size_t i, int line, int width, int h, int focused)
{
    const climb_criterion *c = &t->ladder->phases[t->phase].criteria[i];
    const model_crit *mc = model_crit_at(t->model, (size_t)t->phase, i);
    attr_t a = item_attr(mc, (int)i == t->crit_cursor, focused);
    int tw = text_width_for(width), n = draw_wrapped_lines(c->text, tw);
    for (int k = 0; k < n; k++) {
        int y = 1 + line + k - t->check_scroll;
        if (y < 1 || y >= h - 1)
            continue;
        draw_fill(w, y, 1, width, a);
        if (k == 0) {
            draw_text(w, y, 1, 3, mark(mc->state), a);
            draw_date(t, w, y, width, mc, a);
        }
        draw_wrapped(w, y, 1 + MARK_W, tw, k, 1, c->text, a);
    }
    extras x;
    item_extras(t, i, width, &x);
    for (int e = 0; e < x.n; e++) {
        int lines = extra_lines(&x, e, width - MARK_W);
        for (int k = 0; k < lines; k++) {
            int y = 1 + line + n + k - t->check_scroll;
            if (y < 1 || y >= h - 1)
                continue;
            if (x.one_line[e])
                draw_text(w, y, 1 + MARK_W, width - MARK_W, x.text[e], draw_style(x.st[e]));
            else
                draw_wrapped(w, y, 1 + MARK_W, width - MARK_W, k, 1, x.text[e],
                             draw_style(x.st[e]));
        }
        n += lines;
    }
    return n;
}

/* Criteria this phase used to have that the profile made progress on: shown
 * dimmed below the current ones, not counted. */
static void draw_retired(tui *t, WINDOW *w, int line, int width, int h)
{
    const climb_model *m = t->model;
    for (size_t r = 0; r < m->n_retired; r++) {
        const model_retired *mr = &m->retired[r];
        char buf[EXTRA_LEN], date[16] = "";
        if (mr->phase != t->ladder->phases[t->phase].number)
            continue;
        if (mr->c.state == STATE_DONE)
            clock_format_local_date(mr->c.done_at, date, sizeof date);
        snprintf(buf, sizeof buf, "retired from the ladder, was %s%s%s: %s",
                 crit_state_name(mr->c.state), *date ? " " : "", date, mr->text);
        int lines = draw_wrapped_lines(buf, width);
        for (int k = 0; k < lines; k++, line++) {
            int y = 1 + line - t->check_scroll;
            if (y >= 1 && y < h - 1)
                draw_wrapped(w, y, 1, width, k, 1, buf, draw_style(ST_DIM));
        }
    }
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
    draw_retired(t, w, line, wd - 2, h);
    if (checklist_pane_rows(t, wd - 2) > h || t->check_scroll > 0) { /* where the cursor is */
        char pos[48];
        snprintf(pos, sizeof pos, " %d/%zu ", t->crit_cursor + 1, ph->n_criteria);
        int pw = (int)strlen(pos);
        draw_text(w, h - 1, wd - 1 - pw, pw, pos, draw_style(ST_DIM));
    }
}

static int checklist_handle(tui *t, action a)
{
    int n = (int)t->ladder->phases[t->phase].n_criteria, next = t->crit_cursor;
    if (n == 0)
        return NOT_HANDLED;
    switch (a) {
    case ACT_UP: next--; break;
    case ACT_DOWN: next++; break;
    case ACT_HOME: case ACT_PAGE_UP: next = 0; break;
    case ACT_END: case ACT_PAGE_DOWN: next = n - 1; break;
    case ACT_TOGGLE: return checklist_toggle(t);
    case ACT_DOING: return checklist_doing(t);
    case ACT_NOT_APPLICABLE: return checklist_not_applicable(t);
    case ACT_NOTE: return checklist_note(t);
    default: return NOT_HANDLED;
    }
    if (next < 0 || next >= n || next == t->crit_cursor)
        return DIRTY_NONE;
    t->crit_cursor = next;
    return DIRTY_CHECKLIST;
}

/* Selects the item under the click; a click on its [ ] box also ticks it. */
static int checklist_click(tui *t, WINDOW *w, int y, int x)
{
    int h, wd, line = t->check_scroll + y - 1;
    getmaxyx(w, h, wd);
    int n = (int)t->ladder->phases[t->phase].n_criteria;
    if (y < 1 || y >= h - 1)
        return DIRTY_PANES;
    for (int i = 0, top = 0; i < n; i++) {
        int lines = item_lines(t, (size_t)i, wd - 2);
        if (line >= top && line < top + lines) {
            int on_box = line == top && x >= 1 && x <= 3;
            t->crit_cursor = i;
            return on_box ? checklist_toggle(t) | DIRTY_PANES : DIRTY_PANES;
        }
        top += lines;
    }
    return DIRTY_PANES;
}

const pane_ops checklist_pane = {"Checklist", checklist_draw, checklist_handle, checklist_click};
