/* pane_phase.c - the Phase pane, in two tabs switched with i, [ or ] (the choice
 * is kept in tui.phase_tab while climb runs): the selected phase's comparison
 * table, the stage before beside this stage, one row per dimension, cells wrapped
 * at word boundaries; and its explanation, the phase's title and summary wrapped
 * to the pane. Either scrolls when taller than the pane, with a position
 * indicator in the bottom border beside the names of the tabs. */
#include "climb/draw.h"
#include "climb/pane_size.h"
#include "climb/view.h"

#include <stdio.h>
#include <string.h>

/* The explanation wraps at most this wide, a comfortable line to read. */
enum { TEXT_MAX_W = 100 };

typedef struct {
    int label_w, col_w[2], x[3];
} table_cols;

static table_cols columns(int width)
{
    table_cols c;
    c.label_w = width >= 48 ? 13 : 9;
    int rest = width - c.label_w - 2;
    c.col_w[0] = rest / 2;
    c.col_w[1] = rest - c.col_w[0] - 1;
    c.x[0] = 1;
    c.x[1] = 1 + c.label_w + 1;
    c.x[2] = c.x[1] + c.col_w[0] + 1;
    return c;
}

/* Height of one table row: the taller of its two cells (and the label). */
static int row_height(const climb_phase *ph, int d, const table_cols *c)
{
    int h = draw_wrapped_lines(climb_dimension_labels[d], c->label_w);
    int a = draw_wrapped_lines(ph->before[d], c->col_w[0]);
    int b = draw_wrapped_lines(ph->now[d], c->col_w[1]);
    h = a > h ? a : h;
    return b > h ? b : h;
}

static int table_lines(const climb_phase *ph, const table_cols *c)
{
    int n = 1;
    for (int d = 0; d < CLIMB_DIMENSIONS; d++)
        n += row_height(ph, d, c);
    return n;
}

/* Draws virtual line `line` of the table at screen row y. */
static void draw_line(WINDOW *w, int y, const climb_phase *ph, const table_cols *c, int line)
{
    attr_t head = draw_style(ST_HEADING);
    if (line == 0) {
        draw_text(w, y, c->x[1], c->col_w[0], ph->before_label, head);
        draw_text(w, y, c->x[2], c->col_w[1], ph->this_label, head);
        return;
    }
    line--;
    for (int d = 0; d < CLIMB_DIMENSIONS; d++) {
        int rh = row_height(ph, d, c);
        if (line < rh) {
            draw_wrapped(w, y, c->x[0], c->label_w, line, 1, climb_dimension_labels[d], head);
            draw_wrapped(w, y, c->x[1], c->col_w[0], line, 1, ph->before[d], draw_style(ST_DIM));
            draw_wrapped(w, y, c->x[2], c->col_w[1], line, 1, ph->now[d], A_NORMAL);
            return;
        }
        line -= rh;
    }
}

/* The explanation tab: the phase's full title, a blank line, its summary. */
static int text_lines(const climb_phase *ph, int width)
{
    return draw_wrapped_lines(ph->title, width) + 1 + draw_wrapped_lines(ph->summary, width);
}

static void draw_text_tab(WINDOW *w, const climb_phase *ph, int width, int scroll, int visible)
{
    int title = draw_wrapped_lines(ph->title, width);
    if (scroll < title)
        draw_wrapped(w, 1, 1, width, scroll, visible, ph->title, draw_style(ST_HEADING));
    int y = 1 + title + 1 - scroll, skip = y < 1 ? 1 - y : 0;
    if (y + skip <= visible)
        draw_wrapped(w, y + skip, 1, width, skip, visible + 1 - (y + skip), ph->summary, A_NORMAL);
}

/* The tab names at the left of the bottom border, the chosen one in brackets and
 * highlighted. Returns the column after them. */
static int draw_tabs(WINDOW *w, int tab, int width)
{
    static const char *const NAMES[] = {"[Table] Explanation (i)", "Table [Explanation] (i)"};
    return 2 + draw_text(w, getmaxy(w) - 1, 2, width - 2, NAMES[tab], draw_style(ST_DIM));
}

int phase_pane_rows(tui *t, int width)
{
    const climb_phase *ph = &t->ladder->phases[t->phase];
    table_cols c = columns(width);
    int text_w = width < TEXT_MAX_W ? width : TEXT_MAX_W;
    return 2 + (t->phase_tab ? text_lines(ph, text_w) : table_lines(ph, &c));
}

static void phase_title(tui *t, char *buf, size_t len)
{
    const climb_phase *ph = &t->ladder->phases[t->phase];
    const climb_level *lv = content_level(t->ladder, ph->level);
    snprintf(buf, len, "Phase %d %s %s: %s", ph->number, draw_glyph(GL_DOT),
             lv ? lv->name : ph->level, ph->title);
}

static void phase_draw(tui *t, WINDOW *w, int focused)
{
    int h, wd;
    getmaxyx(w, h, wd);
    werase(w);
    const climb_phase *ph = &t->ladder->phases[t->phase];
    char title[512];
    phase_title(t, title, sizeof title);
    if (h < 3) { /* a very short screen: the phase's name on one line */
        draw_text(w, 0, 0, wd, title, draw_style(ST_HEADING));
        return;
    }
    draw_box(w, title, focused);
    table_cols c = columns(wd - 2);
    int text_w = wd - 2 < TEXT_MAX_W ? wd - 2 : TEXT_MAX_W;
    /* The table's header row (line 0) stays put; the dimension rows scroll under it. */
    int head = t->phase_tab ? 0 : 1, visible = h - 2 - head;
    int total = (t->phase_tab ? text_lines(ph, text_w) : table_lines(ph, &c)) - head;
    if (t->phase_scroll > total - visible)
        t->phase_scroll = total - visible > 0 ? total - visible : 0;
    if (t->phase_tab) {
        draw_text_tab(w, ph, text_w, t->phase_scroll, visible);
    } else {
        draw_line(w, 1, ph, &c, 0);
        for (int y = 0; y < visible && t->phase_scroll + y < total; y++)
            draw_line(w, 2 + y, ph, &c, 1 + t->phase_scroll + y);
    }
    int used = draw_tabs(w, t->phase_tab, wd - 2);
    if (total > visible && visible > 0) {
        char more[32];
        snprintf(more, sizeof more, " %d/%d ", t->phase_scroll + visible < total
                                                   ? t->phase_scroll + visible : total, total);
        int len = (int)strlen(more);
        if (wd - 1 - len > used)
            draw_text(w, h - 1, wd - 1 - len, len, more, draw_style(ST_DIM));
    }
}

static int phase_handle(tui *t, action a)
{
    int before = t->phase_scroll;
    switch (a) {
    case ACT_UP: t->phase_scroll--; break;
    case ACT_DOWN: t->phase_scroll++; break;
    case ACT_PAGE_UP: t->phase_scroll -= 5; break;
    case ACT_PAGE_DOWN: t->phase_scroll += 5; break;
    case ACT_HOME: t->phase_scroll = 0; break;
    case ACT_END: t->phase_scroll = 1 << 20; break;
    case ACT_TOGGLE:
        tui_message(t, 0, "Tab to the Checklist pane to tick a criterion");
        return DIRTY_BARS;
    default: return NOT_HANDLED;
    }
    if (t->phase_scroll < 0)
        t->phase_scroll = 0; /* the top clamp; draw clamps the bottom */
    return t->phase_scroll == before ? DIRTY_NONE : DIRTY_PHASE;
}

static int phase_click(tui *t, WINDOW *w, int y, int x)
{
    (void)t;
    (void)w;
    (void)y;
    (void)x;
    return DIRTY_PANES; /* focusing the pane is all a click does here */
}

const pane_ops phase_pane = {"Phase", phase_draw, phase_handle, phase_click};
