/* tui_help.c - the help overlay: every key of the current view and what it does,
 * generated from the tables that dispatch the keys: keymap.h for the main view,
 * each view's own view_key table for the others. */
#include "climb/draw.h"
#include "climb/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HELP_ROWS_MAX = 64 };

typedef struct {
    char title[64];
    int n;
    char keys[HELP_ROWS_MAX][64];
    const char *help[HELP_ROWS_MAX];
    int scroll;
} help_state;

int view_key_cmd(const view_key *table, int key, int is_char)
{
    for (const view_key *k = table; k && k->name; k++)
        if (is_char ? (k->key && k->key == key) : (k->fkey && k->fkey == key))
            return k->cmd;
    return 0;
}

int view_keys_take_text(const view_key *table)
{
    for (const view_key *k = table; k && k->name; k++)
        if (!k->key && !k->fkey)
            return 1;
    return 0;
}

static void add_row(help_state *hs, const char *keys, const char *help)
{
    if (hs->n == HELP_ROWS_MAX)
        return;
    snprintf(hs->keys[hs->n], sizeof hs->keys[0], "%s", keys);
    hs->help[hs->n++] = help;
}

/* Rows from a view table: keys sharing a command are joined on one row. */
static void rows_from_view(help_state *hs, const view_key *table)
{
    for (const view_key *k = table; k->name; k++) {
        if (!k->help && hs->n > 0) {
            char *row = hs->keys[hs->n - 1];
            size_t len = strlen(row);
            snprintf(row + len, sizeof hs->keys[0] - len, " %s", k->name);
        } else {
            add_row(hs, k->name, k->help ? k->help : "");
        }
    }
}

static void rows_from_keymap(help_state *hs)
{
    for (int i = 1; i < ACT_COUNT; i++) {
        char keys[64];
        keymap_keys((action)i, keys, sizeof keys);
        add_row(hs, keys, keymap_help((action)i));
    }
}

static void help_draw(tui *t, void *state)
{
    help_state *hs = state;
    int w = t->cols - 4 < 72 ? t->cols - 4 : 72;
    int h = t->rows - 2 < hs->n + 4 ? t->rows - 2 : hs->n + 4;
    if (w < 20 || h < 5)
        return;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    draw_box(win, hs->title, 1);
    int visible = h - 3, key_w = w >= 60 ? 22 : 14;
    if (hs->scroll > hs->n - visible)
        hs->scroll = hs->n - visible > 0 ? hs->n - visible : 0;
    for (int i = 0; i < visible && hs->scroll + i < hs->n; i++) {
        draw_text(win, 1 + i, 2, key_w - 1, hs->keys[hs->scroll + i], draw_style(ST_HEADING));
        draw_text(win, 1 + i, 2 + key_w, w - 4 - key_w, hs->help[hs->scroll + i], A_NORMAL);
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

const view_ops help_view = {"help", help_draw, help_handle, free, NULL};

static void open_with(tui *t, help_state *hs)
{
    if (!hs) {
        tui_message(t, 1, "out of memory");
        return;
    }
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
        rows_from_view(hs, table);
    }
    open_with(t, hs);
}
