/* view_confirm.c - the yes/no question view. */
#include "climb/view_confirm.h"
#include "climb/draw.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    char question[512];
    confirm_fn yes;
    void *ctx;
    void (*free_ctx)(void *);
} confirm_state;

static void confirm_close(void *state)
{
    confirm_state *cs = state;
    if (cs->free_ctx)
        cs->free_ctx(cs->ctx);
    free(cs);
}

/* No is closing the question: n, Esc and q all answer it. */
enum { CMD_YES = 1 };

static const view_key CONFIRM_KEYS[] = {
    {'y', 0, CMD_YES, "y", "yes: go ahead"},
    {'Y', 0, CMD_YES, "Y", NULL},
    {'n', 0, VIEW_CMD_CLOSE, "n", "no: leave things as they are"},
    {'N', 0, VIEW_CMD_CLOSE, "N", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

const view_key *const confirm_key_tables[] = {CONFIRM_KEYS, NULL};

static const view_hint_item CONFIRM_HINT[] = {
    {CMD_YES, 0, "yes"}, {VIEW_CMD_CLOSE, 0, "or Esc no"}, {0, 0, NULL},
};

static void confirm_draw(tui *t, void *state)
{
    confirm_state *cs = state;
    int w = t->cols - 4 < 60 ? t->cols - 4 : 60;
    int lines = draw_wrapped_lines(cs->question, w - 4);
    int h = lines + 4 < t->rows ? lines + 4 : t->rows;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Confirm", 1);
    draw_wrapped(win, 1, 2, w - 4, 0, h - 3, cs->question, A_NORMAL);
    char hint[128];
    view_hint(CONFIRM_KEYS, CONFIRM_HINT, w - 4, hint, sizeof hint);
    draw_text(win, h - 2, 2, w - 4, hint, draw_style(ST_HEADING));
    wnoutrefresh(win);
    delwin(win);
}

static const view_key *confirm_keys(void *state)
{
    (void)state;
    return CONFIRM_KEYS;
}

static int confirm_handle(tui *t, void *state, int key, int is_char, action a)
{
    confirm_state *cs = state;
    (void)a;
    int cmd = view_key_cmd(CONFIRM_KEYS, key, is_char);
    if (cmd == CMD_YES) {
        confirm_fn yes = cs->yes;
        void *ctx = cs->ctx;
        void (*free_ctx)(void *) = cs->free_ctx;
        cs->free_ctx = NULL;
        tui_pop_view(t);
        yes(t, ctx);
        if (free_ctx)
            free_ctx(ctx);
        return DIRTY_ALL;
    }
    if (cmd == VIEW_CMD_CLOSE) {
        tui_pop_view(t);
        return DIRTY_ALL;
    }
    return DIRTY_NONE;
}

static const view_ops confirm_view = {"confirm", confirm_draw, confirm_handle, confirm_close,
                                      confirm_keys};

void confirm_open(tui *t, const char *question, confirm_fn yes, void *ctx,
                  void (*free_ctx)(void *))
{
    confirm_state *cs = calloc(1, sizeof *cs);
    if (!cs) {
        if (free_ctx)
            free_ctx(ctx);
        tui_message(t, 1, "out of memory");
        return;
    }
    snprintf(cs->question, sizeof cs->question, "%s", question);
    cs->yes = yes;
    cs->ctx = ctx;
    cs->free_ctx = free_ctx;
    tui_push_view(t, &confirm_view, cs);
}
