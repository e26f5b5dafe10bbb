/* view_confirm.c - the yes/no question view, and the "Save, discard, or keep
 * editing?" question asked before typed text would be lost. */
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

/* ---- Save, discard, or keep editing? ---- */

typedef struct {
    char question[256];
    ask_fn fn;
    void *ctx;
} ask_state;

/* Keeping on editing closes the question: the grammar's close (q, Esc). */
enum { ASK_CMD_SAVE = 1, ASK_CMD_DISCARD, ASK_CMD_KEEP = VIEW_CMD_CLOSE };

static const view_key ASK_KEYS[] = {
    {'s', 0, ASK_CMD_SAVE, "s", "save the text and close"},
    {'S', 0, ASK_CMD_SAVE, "S", NULL},
    {'d', 0, ASK_CMD_DISCARD, "d", "discard the changes and close"},
    {'D', 0, ASK_CMD_DISCARD, "D", NULL},
    {27, 0, ASK_CMD_KEEP, "Esc", "keep editing"},
    {'q', 0, ASK_CMD_KEEP, "q", NULL},
    {'e', 0, ASK_CMD_KEEP, "e", NULL},
    {3, 0, ASK_CMD_KEEP, "Ctrl-C", NULL},
    {0, 0, 0, NULL, NULL},
};

const view_key *const ask_key_tables[] = {ASK_KEYS, NULL};

static const view_key *ask_keys(void *state)
{
    (void)state;
    return ASK_KEYS;
}

static const view_hint_item ASK_HINT[] = {
    {ASK_CMD_SAVE, 0, "save"}, {ASK_CMD_DISCARD, 0, "discard"}, {ASK_CMD_KEEP, 0, "keep editing"},
    {0, 0, NULL},
};

static void ask_draw(tui *t, void *state)
{
    ask_state *as = state;
    char hint[160];
    view_hint(ASK_KEYS, ASK_HINT, (int)sizeof hint, hint, sizeof hint);
    int w = t->cols - 4 < 60 ? t->cols - 4 : 60;
    int lines = draw_wrapped_lines(as->question, w - 4);
    int hint_lines = draw_wrapped_lines(hint, w - 4);
    int h = lines + hint_lines + 3 < t->rows ? lines + hint_lines + 3 : t->rows;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Unsaved text", 1);
    draw_wrapped(win, 1, 2, w - 4, 0, h - 2 - hint_lines, as->question, A_NORMAL);
    draw_wrapped(win, h - 1 - hint_lines, 2, w - 4, 0, hint_lines, hint,
                 draw_style(ST_HEADING));
    wnoutrefresh(win);
    delwin(win);
}

static int ask_handle(tui *t, void *state, int key, int is_char, action a)
{
    ask_state *as = state;
    (void)a;
    int cmd = view_key_cmd(ASK_KEYS, key, is_char);
    if (!cmd)
        return DIRTY_NONE;
    ask_fn fn = as->fn;
    void *ctx = as->ctx;
    tui_pop_view(t);
    if (cmd != ASK_CMD_KEEP)
        fn(t, ctx, cmd == ASK_CMD_SAVE ? ASK_SAVE : ASK_DISCARD);
    return DIRTY_ALL;
}

static const view_ops ask_view = {"unsaved text", ask_draw, ask_handle, free, ask_keys};

int ask_save_open(tui *t, const char *question, ask_fn fn, void *ctx)
{
    ask_state *as = calloc(1, sizeof *as);
    if (!as)
        return -1;
    snprintf(as->question, sizeof as->question, "%s", question);
    as->fn = fn;
    as->ctx = ctx;
    return tui_push_view(t, &ask_view, as);
}
