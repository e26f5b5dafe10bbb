/* view_ladder_update.c - the ladder-update summary view. */
#include "climb/view_ladder_update.h"
#include "climb/draw.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    ladder_diff diff;
    int scroll;
} summary_state;

static void summary_close(void *state)
{
    summary_state *ss = state;
    ladder_diff_free(&ss->diff);
    free(ss);
}

/* One entry's text: "reworded (phase 2) p2-x: old → new". */
static void entry_text(const ladder_change *c, char *buf, size_t len)
{
    const char *arrow = draw_utf8() ? "→" : "->";
    if (c->old_text && c->new_text)
        snprintf(buf, len, "reworded, phase %d, %s: \"%s\" %s \"%s\"", c->phase, c->id,
                 c->old_text, arrow, c->new_text);
    else if (c->new_text)
        snprintf(buf, len, "added, phase %d, %s: %s", c->phase, c->id, c->new_text);
    else
        snprintf(buf, len, "retired, phase %d, %s: %s (its history is kept)", c->phase, c->id,
                 c->old_text);
}

static void summary_draw(tui *t, void *state)
{
    summary_state *ss = state;
    WINDOW *w = newwin(t->rows, t->cols, 0, 0);
    if (!w)
        return;
    char head[160], buf[4096];
    snprintf(head, sizeof head, "The ladder changed: %zu reworded, %zu added, %zu retired",
             ss->diff.reworded, ss->diff.added, ss->diff.retired);
    draw_box(w, "Ladder update", 1);
    draw_text(w, 1, 2, t->cols - 4, head, draw_style(ST_HEADING));
    draw_text(w, 2, 2, t->cols - 4,
              "Your progress is kept by criterion: ticks, notes and history stay where they were.",
              A_NORMAL);
    int row = 4, skip = ss->scroll;
    for (size_t i = 0; i < ss->diff.n_items && row < t->rows - 2; i++) {
        entry_text(&ss->diff.items[i], buf, sizeof buf);
        int lines = draw_wrapped_lines(buf, t->cols - 6);
        if (skip >= lines) {
            skip -= lines;
            continue;
        }
        row += draw_wrapped(w, row, 4, t->cols - 6, skip, t->rows - 2 - row, buf, A_NORMAL) -
               skip;
        skip = 0;
    }
    draw_text(w, t->rows - 2, 2, t->cols - 4, "Up/Down scroll   Enter continue   ? keys",
              draw_style(ST_DIM));
    wnoutrefresh(w);
    delwin(w);
}

enum { CMD_UP = 1, CMD_DOWN, CMD_CLOSE };

static const view_key SUMMARY_KEYS[] = {
    {'k', KEY_UP, CMD_UP, "Up k", "scroll up"},
    {'j', KEY_DOWN, CMD_DOWN, "Down j", "scroll down"},
    {'\n', KEY_ENTER, CMD_CLOSE, "Enter", "continue to the ladder"},
    {27, 0, CMD_CLOSE, "Esc", NULL},
    {'q', 0, CMD_CLOSE, "q", NULL},
    {' ', 0, CMD_CLOSE, "Space", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_key *summary_keys(void *state)
{
    (void)state;
    return SUMMARY_KEYS;
}

static int summary_handle(tui *t, void *state, int key, int is_char, action a)
{
    summary_state *ss = state;
    (void)a;
    switch (view_key_cmd(SUMMARY_KEYS, key, is_char)) {
    case CMD_DOWN: ss->scroll++; break;
    case CMD_UP: ss->scroll -= ss->scroll > 0; break;
    case CMD_CLOSE: tui_pop_view(t); break;
    default: return DIRTY_NONE;
    }
    return DIRTY_ALL;
}

static const view_ops summary_view = {"the ladder update", summary_draw, summary_handle,
                                      summary_close, summary_keys};

void ladder_update_check(tui *t)
{
    summary_state *ss = calloc(1, sizeof *ss);
    if (!ss || ops_ladder_diff(t->model, &ss->diff) != 0) {
        free(ss);
        tui_message(t, 1, "could not compare the ladder: %s", ops_error(t->model));
        return;
    }
    int changed = ss->diff.first_seen || ss->diff.n_items > 0;
    if (changed && ops_ladder_record(t->model) != 0) /* no write when unchanged */
        tui_message(t, 1, "could not record the ladder: %s", ops_error(t->model));
    if (ss->diff.first_seen || ss->diff.n_items == 0)
        summary_close(ss);
    else
        tui_push_view(t, &summary_view, ss);
}
