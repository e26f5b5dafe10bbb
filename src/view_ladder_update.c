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

/* Enter and Space continue to the ladder, which is closing the summary. */
static const view_key SUMMARY_KEYS[] = {
    {'\n', KEY_ENTER, VIEW_CMD_CLOSE, "Enter", "continue to the ladder"},
    {'\r', 0, VIEW_CMD_CLOSE, "Ctrl-M", NULL},
    {' ', 0, VIEW_CMD_CLOSE, "Space", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    VIEW_SCROLL_KEY_ROWS,
    {0, 0, 0, NULL, NULL},
};

const view_key *const ladder_update_key_tables[] = {SUMMARY_KEYS, NULL};

static const view_hint_item SUMMARY_HINT[] = {
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "scroll"}, {VIEW_CMD_CLOSE, 0, "continue"}, {0, 0, NULL},
};

/* Lines the entries take at the screen's width. */
static int summary_lines(tui *t, summary_state *ss)
{
    char buf[4096];
    int n = 0;
    for (size_t i = 0; i < ss->diff.n_items; i++) {
        entry_text(&ss->diff.items[i], buf, sizeof buf);
        n += draw_wrapped_lines(buf, t->cols - 6);
    }
    return n;
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
    char hint[160];
    view_hint(SUMMARY_KEYS, SUMMARY_HINT, t->cols - 4, hint, sizeof hint);
    draw_text(w, t->rows - 2, 2, t->cols - 4, hint, draw_style(ST_DIM));
    wnoutrefresh(w);
    delwin(w);
}

static const view_key *summary_keys(void *state)
{
    (void)state;
    return SUMMARY_KEYS;
}

static int summary_handle(tui *t, void *state, int key, int is_char, action a)
{
    summary_state *ss = state;
    (void)a;
    int page = t->rows - 7 > 1 ? t->rows - 7 : 1;
    switch (view_key_cmd(SUMMARY_KEYS, key, is_char)) {
    case VIEW_CMD_DOWN: ss->scroll++; break;
    case VIEW_CMD_UP: ss->scroll--; break;
    case VIEW_CMD_PAGE_DOWN: ss->scroll += page; break;
    case VIEW_CMD_PAGE_UP: ss->scroll -= page; break;
    case VIEW_CMD_FIRST: ss->scroll = 0; break;
    case VIEW_CMD_LAST: ss->scroll = summary_lines(t, ss) - page; break;
    case VIEW_CMD_CLOSE: tui_pop_view(t); return DIRTY_ALL;
    default:
        tui_message(t, 0, "Enter continues to the ladder; Up/Down scroll");
        return DIRTY_BARS;
    }
    int most = summary_lines(t, ss) - 1;
    ss->scroll = ss->scroll > most ? most : ss->scroll;
    ss->scroll = ss->scroll < 0 ? 0 : ss->scroll;
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
