/* tui_help.c - the help overlay: every action and its keys, generated from the
 * key tables in keymap.h so it always matches what the keys do. */
#include "climb/draw.h"
#include "climb/view.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int scroll;
} help_state;

static int help_rows(void)
{
    return ACT_COUNT - 1;
}

static void help_draw(tui *t, void *state)
{
    help_state *hs = state;
    int w = t->cols - 4 < 66 ? t->cols - 4 : 66;
    int h = t->rows - 2 < help_rows() + 4 ? t->rows - 2 : help_rows() + 4;
    if (w < 20 || h < 5)
        return;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    draw_box(win, "Help: keys", 1);
    int visible = h - 3;
    if (hs->scroll > help_rows() - visible)
        hs->scroll = help_rows() - visible > 0 ? help_rows() - visible : 0;
    for (int i = 0; i < visible && hs->scroll + i < help_rows(); i++) {
        action a = (action)(hs->scroll + i + 1);
        char keys[64];
        keymap_keys(a, keys, sizeof keys);
        draw_text(win, 1 + i, 2, 20, keys, draw_style(ST_HEADING));
        draw_text(win, 1 + i, 23, w - 25, keymap_help(a), A_NORMAL);
    }
    draw_text(win, h - 2, 2, w - 4, "Up/Down scroll, any other key closes", draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

static int help_handle(tui *t, void *state, int key, int is_char, action a)
{
    help_state *hs = state;
    (void)key;
    (void)is_char;
    if (a == ACT_UP && hs->scroll > 0)
        hs->scroll--;
    else if (a == ACT_DOWN)
        hs->scroll++;
    else if (a != ACT_UP)
        tui_pop_view(t);
    return DIRTY_ALL;
}

const view_ops help_view = {"help", help_draw, help_handle, free};

void help_open(tui *t)
{
    help_state *hs = calloc(1, sizeof *hs);
    if (!hs) {
        tui_message(t, 1, "out of memory");
        return;
    }
    tui_push_view(t, &help_view, hs);
}
