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
    draw_text(win, h - 2, 2, w - 4, "y yes   n or Esc no", draw_style(ST_HEADING));
    wnoutrefresh(win);
    delwin(win);
}

static int confirm_handle(tui *t, void *state, int key, int is_char, action a)
{
    confirm_state *cs = state;
    (void)a;
    if (!is_char)
        return DIRTY_NONE;
    if (key == 'y' || key == 'Y') {
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
    if (key == 'n' || key == 'N' || key == 27 || key == 'q') {
        tui_pop_view(t);
        return DIRTY_ALL;
    }
    return DIRTY_NONE;
}

static const view_ops confirm_view = {"confirm", confirm_draw, confirm_handle, confirm_close};

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
