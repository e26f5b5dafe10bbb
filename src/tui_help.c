/* tui_help.c - the help overlay: every key of the current view and what it does,
 * generated from the tables that dispatch the keys: keymap.h for the main view,
 * each view's own view_key table for the others (view_help_rows). The box is as
 * wide as its longest row needs, up to the screen; a help text that does not fit
 * wraps under itself. It scrolls with the grammar's keys (docs/keys.md), shows
 * which lines are in sight, and q, Esc, ? or F1 close it; other keys do not. */
#include "climb/draw.h"
#include "climb/text.h"
#include "climb/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HELP_ROWS_MAX = 96 };

typedef struct {
    char title[64];
    size_t n;
    view_help_row rows[HELP_ROWS_MAX];
    int scroll;  /* first line in sight */
    int page;    /* lines in sight at the last draw */
    int nudge;   /* an unbound key was pressed: say what closes help */
} help_state;

/* ? and F1 close help too: they opened it. */
static const view_key HELP_KEYS[] = {
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "scroll up a line"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "scroll down a line"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "scroll up a page"},
    {' ', KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn Space", "scroll down a page"},
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "go to the top"},
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "go to the end"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close this help"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {'?', 0, VIEW_CMD_CLOSE, "?", NULL},
    {0, KEY_F(1), VIEW_CMD_CLOSE, "F1", NULL},
    {0, 0, 0, NULL, NULL},
};

const view_key *const help_key_tables[] = {HELP_KEYS, NULL};

static const view_hint_item HELP_HINT[] = {
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "scroll"},
    {VIEW_CMD_PAGE_UP, VIEW_CMD_PAGE_DOWN, "page"},
    {VIEW_CMD_CLOSE, 0, "close"},
    {0, 0, NULL},
};

static void add_row(help_state *hs, const char *keys, const char *help)
{
    if (hs->n == HELP_ROWS_MAX)
        return;
    snprintf(hs->rows[hs->n].keys, sizeof hs->rows[0].keys, "%s", keys);
    hs->rows[hs->n++].help = help;
}

static void rows_from_keymap(help_state *hs)
{
    for (int i = 1; i < ACT_COUNT; i++) {
        char keys[64];
        keymap_keys((action)i, keys, sizeof keys);
        add_row(hs, keys, keymap_help((action)i));
    }
}

/* The box's geometry for a screen: its size, the key column's width and the
 * help text's, and how many lines the rows take at that width. */
typedef struct {
    int w, h, key_w, text_w, lines;
} help_box;

static int row_lines(const help_state *hs, size_t i, int text_w)
{
    int n = draw_wrapped_lines(hs->rows[i].help, text_w);
    return n > 0 ? n : 1;
}

static help_box measure(const tui *t, const help_state *hs)
{
    help_box b = {0, 0, 0, 0, 0};
    int text_need = 0;
    for (size_t i = 0; i < hs->n; i++) {
        int kw = text_width(hs->rows[i].keys), tw = text_width(hs->rows[i].help);
        b.key_w = kw > b.key_w ? kw : b.key_w;
        text_need = tw > text_need ? tw : text_need;
    }
    b.key_w += 2;
    int need = 2 + b.key_w + text_need + 2, title = text_width(hs->title) + 8;
    need = need < title ? title : need;
    need = need < 48 ? 48 : need; /* room for the footer and the position */
    b.w = need < t->cols - 2 ? need : t->cols - 2;
    if (b.key_w > b.w / 3)
        b.key_w = b.w / 3;
    b.text_w = b.w - 4 - b.key_w;
    for (size_t i = 0; i < hs->n; i++)
        b.lines += row_lines(hs, i, b.text_w);
    b.h = b.lines + 3 < t->rows - 2 ? b.lines + 3 : t->rows - 2;
    return b;
}

static void draw_footer(WINDOW *win, const help_box *b, const help_state *hs)
{
    char pos[48] = "", hint[160];
    int last = hs->scroll + hs->page < b->lines ? hs->scroll + hs->page : b->lines;
    if (hs->scroll > 0 || last < b->lines)
        snprintf(pos, sizeof pos, "%d-%d of %d", hs->scroll + 1, last, b->lines);
    int pw = (int)strlen(pos), room = b->w - 4 - (pw ? pw + 2 : 0);
    if (hs->nudge)
        snprintf(hint, sizeof hint, "q, Esc, ? or F1 close this help");
    else
        view_hint(HELP_KEYS, HELP_HINT, room, hint, sizeof hint);
    draw_text(win, b->h - 2, 2, room, hint, draw_style(hs->nudge ? ST_MESSAGE : ST_DIM));
    if (pw)
        draw_text(win, b->h - 2, b->w - 2 - pw, pw, pos, draw_style(ST_DIM));
}

static void help_draw(tui *t, void *state)
{
    help_state *hs = state;
    help_box b = measure(t, hs);
    if (b.w < 20 || b.h < 5)
        return;
    WINDOW *win = newwin(b.h, b.w, (t->rows - b.h) / 2, (t->cols - b.w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, hs->title, 1);
    hs->page = b.h - 3;
    if (hs->scroll > b.lines - hs->page)
        hs->scroll = b.lines - hs->page;
    if (hs->scroll < 0)
        hs->scroll = 0;
    int line = 0; /* the first line of row i among all lines */
    for (size_t i = 0; i < hs->n && line < hs->scroll + hs->page; i++) {
        int n = row_lines(hs, i, b.text_w), skip = hs->scroll - line;
        skip = skip > 0 ? skip : 0;
        if (skip < n) {
            int y = 1 + line + skip - hs->scroll, rows = hs->page - (y - 1);
            if (skip == 0)
                draw_text(win, y, 2, b.key_w - 1, hs->rows[i].keys, draw_style(ST_HEADING));
            draw_wrapped(win, y, 2 + b.key_w, b.text_w, skip, rows, hs->rows[i].help, A_NORMAL);
        }
        line += n;
    }
    draw_footer(win, &b, hs);
    wnoutrefresh(win);
    delwin(win);
}

static int help_handle(tui *t, void *state, int key, int is_char, action a)
{
    help_state *hs = state;
    int page = hs->page > 1 ? hs->page - 1 : 1;
    (void)a;
    hs->nudge = 0;
    switch (view_key_cmd(HELP_KEYS, key, is_char)) {
    case VIEW_CMD_UP: hs->scroll--; break;
    case VIEW_CMD_DOWN: hs->scroll++; break;
    case VIEW_CMD_PAGE_UP: hs->scroll -= page; break;
    case VIEW_CMD_PAGE_DOWN: hs->scroll += page; break;
    case VIEW_CMD_FIRST: hs->scroll = 0; break;
    case VIEW_CMD_LAST: hs->scroll = HELP_ROWS_MAX * 8; break; /* clamped when drawn */
    case VIEW_CMD_CLOSE: tui_pop_view(t); break;
    default: hs->nudge = 1; break;
    }
    return DIRTY_ALL;
}

/* No keys op: the loop hands help every key, ? and F1 included (they close it). */
const view_ops help_view = {"help", help_draw, help_handle, free, NULL};

static void open_with(tui *t, help_state *hs)
{
    if (!hs) { /* GCOVR_EXCL_START: the allocation fails only when out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    tui_push_view(t, &help_view, hs);
}

void help_open(tui *t)
{
    help_state *hs = calloc(1, sizeof *hs);
    if (hs) {
        snprintf(hs->title, sizeof hs->title, "Help: keys");
        rows_from_keymap(hs);
    }
    open_with(t, hs);
}

void help_open_view(tui *t, const char *view_name, const view_key *table)
{
    help_state *hs = calloc(1, sizeof *hs);
    if (hs) {
        snprintf(hs->title, sizeof hs->title, "Help: keys of %s", view_name);
        hs->n = view_help_rows(table, hs->rows, HELP_ROWS_MAX);
    }
    open_with(t, hs);
}
