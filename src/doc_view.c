/* doc_view.c - the scrollable reading view behind the roadblocks, resources and
 * FAQ views: lays items out as wrapped lines, keeps the selected one in sight and
 * draws only the visible lines, all text through draw_text/draw_wrapped; runs the
 * reading keys' commands (DOC_KEY_ROWS). */
#include "climb/doc_view.h"
#include "climb/draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HEAD_X = 2, PARA_X = 6 };

char *doc_strf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static void item_free(doc_item *it)
{
    free(it->heading);
    free(it->meta);
    for (int k = 0; k < DOC_PARAS; k++)
        free(it->paras[k]);
}

int doc_add(doc *d, doc_item item)
{
    doc_item *grown = item.heading ? realloc(d->items, (d->n + 1) * sizeof *grown) : NULL;
    if (!grown) { /* GCOVR_EXCL_START: realloc or doc_strf failed: out of memory */
        item_free(&item);
        return -1;
    } /* GCOVR_EXCL_STOP */
    d->items = grown;
    d->items[d->n++] = item;
    return 0;
}

void doc_clear(doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        item_free(&d->items[i]);
    free(d->items);
    free(d->intro);
    free(d->empty);
    d->items = NULL;
    d->intro = d->empty = NULL;
    d->n = 0;
}

void doc_select(doc *d, int i)
{
    d->cursor = i;
    d->follow = 1;
}

/* Lines the item takes at the given widths (heading, indented paragraphs). */
static int item_lines(const doc_item *it, int hw, int pw)
{
    int n = draw_wrapped_lines(it->heading, hw);
    if (it->meta)
        n += draw_wrapped_lines(it->meta, pw);
    for (int k = 0; k < DOC_PARAS; k++)
        if (it->paras[k])
            n += draw_wrapped_lines(it->paras[k], pw);
    return n;
}

static int intro_lines(const doc *d, int hw)
{
    return d->intro ? draw_wrapped_lines(d->intro, hw) + 1 : 0;
}

/* First line of item i (items are separated by one blank line). */
static int item_top(const doc *d, size_t i, int hw, int pw)
{
    int top = intro_lines(d, hw);
    for (size_t k = 0; k < i; k++)
        top += item_lines(&d->items[k], hw, pw) + 1;
    return top;
}

typedef struct {
    WINDOW *w;
    int scroll, visible;
} canvas;

/* Draws s wrapped from virtual line `line`; returns the lines it takes. */
static int block(const canvas *c, int line, int x, int width, const char *s, attr_t a,
                 int fill)
{
    int n = draw_wrapped_lines(s, width);
    int skip = c->scroll > line ? c->scroll - line : 0;
    int y = 1 + line + skip - c->scroll;
    int rows = c->visible + 1 - y;
    if (skip >= n || rows <= 0)
        return n;
    if (fill)
        for (int k = 0; k < n - skip && k < rows; k++)
            draw_fill(c->w, y + k, 1, getmaxx(c->w) - 2, a);
    draw_wrapped(c->w, y, x, width, skip, rows, s, a);
    return n;
}

static void clamp_scroll(doc *d, int total, int hw, int pw)
{
    if (d->n == 0)
        d->follow = d->paged = 0;
    if (d->follow) {
        int top = item_top(d, (size_t)d->cursor, hw, pw);
        int bottom = top + item_lines(&d->items[d->cursor], hw, pw);
        if (d->cursor == 0)
            top = 0; /* keep the introduction in sight above the first item */
        if (bottom > d->scroll + d->page)
            d->scroll = bottom - d->page;
        if (top < d->scroll)
            d->scroll = top;
        d->follow = 0;
    }
    if (d->scroll > total - d->page)
        d->scroll = total - d->page;
    if (d->scroll < 0)
        d->scroll = 0;
    if (d->paged) { /* after a page move the cursor goes to an item in sight */
        d->paged = 0;
        int top = item_top(d, (size_t)d->cursor, hw, pw);
        int bottom = top + item_lines(&d->items[d->cursor], hw, pw);
        if (bottom <= d->scroll || top >= d->scroll + d->page) {
            for (size_t i = 0; i < d->n; i++) {
                top = item_top(d, i, hw, pw);
                if (top + item_lines(&d->items[i], hw, pw) > d->scroll) {
                    d->cursor = (int)i;
                    break;
                }
            }
        }
    }
}

void doc_draw(tui *t, doc *d, const char *title, const view_key *table,
              const view_hint_item *items)
{
    int h = t->rows - 2, wd = t->cols;
    if (h < 5 || wd < 20)
        return;
    WINDOW *w = newwin(h, wd, 1, 0);
    if (!w)
        return;
    draw_box(w, title, 1);
    int hw = wd - HEAD_X - 4, pw = wd - PARA_X - 2;
    d->page = h - 3;
    int total = item_top(d, d->n, hw, pw) - (d->n > 0); /* no blank line after the last */
    clamp_scroll(d, total, hw, pw);
    canvas c = {w, d->scroll, d->page};
    int line = 0;
    if (d->intro)
        line += block(&c, line, HEAD_X, hw + 2, d->intro, A_NORMAL, 0) + 1;
    if (d->n == 0 && d->empty)
        block(&c, line, HEAD_X, hw + 2, d->empty, draw_style(ST_DIM), 0);
    for (size_t i = 0; i < d->n; i++) {
        const doc_item *it = &d->items[i];
        int selected = (int)i == d->cursor;
        attr_t ha = selected ? draw_style(ST_CURSOR)
                             : draw_style(it->marked ? ST_MARK : ST_HEADING);
        int y = 1 + line - d->scroll;
        line += block(&c, line, HEAD_X + 2, hw, it->heading, ha, selected);
        if (selected && y >= 1 && y <= d->page)
            draw_text(w, y, HEAD_X, 1, draw_glyph(GL_CURSOR), ha);
        if (it->meta)
            line += block(&c, line, PARA_X, pw, it->meta, draw_style(ST_DIM), 0);
        for (int k = 0; k < DOC_PARAS; k++)
            if (it->paras[k])
                line += block(&c, line, PARA_X, pw, it->paras[k], A_NORMAL, 0);
        line++;
    }
    char more[64] = "";
    if (d->scroll + d->page < total)
        snprintf(more, sizeof more, "PgDn more");
    int mw = (int)strlen(more);
    char hint[256];
    view_hint(table, items, wd - 6 - mw, hint, sizeof hint);
    draw_text(w, h - 2, 2, wd - 6 - mw, hint, draw_style(ST_DIM));
    if (mw)
        draw_text(w, h - 2, wd - 2 - mw, mw, more, draw_style(ST_DIM));
    wnoutrefresh(w);
    delwin(w);
}

/* Applies a moving command (up, down, page, home, end): 1 when it was one. */
static int doc_move(doc *d, int cmd)
{
    int n = (int)d->n;
    switch (cmd) {
    case VIEW_CMD_UP:
        if (d->cursor > 0)
            doc_select(d, d->cursor - 1);
        else
            d->scroll = 0;
        return 1;
    case VIEW_CMD_DOWN:
        if (d->cursor + 1 < n)
            doc_select(d, d->cursor + 1);
        return 1;
    case VIEW_CMD_PAGE_UP:
        d->scroll -= d->page > 1 ? d->page - 1 : 1;
        d->paged = 1;
        return 1;
    case VIEW_CMD_PAGE_DOWN:
        d->scroll += d->page > 1 ? d->page - 1 : 1;
        d->paged = 1;
        return 1;
    case VIEW_CMD_FIRST: doc_select(d, 0); d->scroll = 0; return 1;
    case VIEW_CMD_LAST:
        if (n > 0)
            doc_select(d, n - 1);
        return 1;
    default: return 0;
    }
}

int doc_command(tui *t, doc *d, int cmd)
{
    if (doc_move(d, cmd))
        return DIRTY_ALL;
    if (cmd == VIEW_CMD_REDRAW) {
        clearok(curscr, TRUE);
        return DIRTY_LAYOUT;
    }
    if (cmd == VIEW_CMD_CLOSE) {
        tui_pop_view(t);
        return DIRTY_ALL;
    }
    return NOT_HANDLED;
}
