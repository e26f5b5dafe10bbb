/* view_roadblocks.c - the Roadblocks view: the ladder's introduction to them (how
 * to read them), then each roadblock with why it happens and what unlocks it, and
 * whether the person flagged it ("this is me") and when.
 * Space flags or unflags the selected one through ops.h (one transaction
 * with its event). */
#include "climb/view_roadblocks.h"
#include "climb/clock.h"
#include "climb/doc_view.h"
#include "climb/draw.h"
#include "climb/roadblocks.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    doc d;
    int n_flagged;
    unsigned generation; /* the model's generation the items were built at */
} rb_state;

/* (Re)builds the items from the ladder and the stored flags. */
static int build(tui *t, rb_state *s)
{
    const climb_ladder *l = t->ladder;
    doc_clear(&s->d);
    s->n_flagged = 0;
    s->generation = t->model->generation;
    s->d.intro = doc_strf("%s%sFlag the ones that describe you (Space): they are kept with "
                          "the date, in your history and exports.",
                          l->roadblocks_intro ? l->roadblocks_intro : "",
                          l->roadblocks_intro ? " " : "");
    s->d.empty = doc_strf("This ladder lists no roadblocks.");
    for (size_t i = 0; i < l->n_roadblocks; i++) {
        const climb_roadblock *rb = &l->roadblocks[i];
        long long at = roadblocks_flagged_at(&t->model->flags, rb->id);
        char date[16] = "";
        if (at)
            clock_format_local_date(at, date, sizeof date);
        s->n_flagged += at != 0;
        doc_item it = {doc_strf("[%c] %s", at ? 'x' : ' ', rb->title),
                       at ? doc_strf("this is me %s flagged %s", draw_glyph(GL_DOT), date) : NULL,
                       {doc_strf("Why it happens: %s", rb->why),
                        doc_strf("What unlocks it: %s", rb->unlock), NULL},
                       at != 0};
        if (doc_add(&s->d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    return 0;
}

static int toggle(tui *t, rb_state *s)
{
    if (s->d.n == 0)
        return DIRTY_NONE;
    const climb_roadblock *rb = &t->ladder->roadblocks[s->d.cursor];
    int on = roadblocks_flagged_at(&t->model->flags, rb->id) == 0, changed;
    if (ops_roadblock_set(t->model, rb->id, on, &changed)) {
        tui_message(t, 1, "not saved: %s", ops_error(t->model));
        return DIRTY_BARS;
    }
    if (build(t, s)) { /* GCOVR_EXCL_START: build fails only when out of memory */
        tui_message(t, 1, "out of memory");
        tui_pop_view(t);
        return DIRTY_ALL;
    } /* GCOVR_EXCL_STOP */
    tui_message(t, 0, "%s %s", on ? "flagged:" : "unflagged:", rb->title);
    return DIRTY_ALL;
}

enum { CMD_TOGGLE = 1 };

static const view_key RB_KEYS[] = {
    {' ', 0, CMD_TOGGLE, "Space", "this is me: flag or unflag the selected one"},
    {'\n', KEY_ENTER, CMD_TOGGLE, "Enter", NULL},
    {'\r', 0, CMD_TOGGLE, "Ctrl-M", NULL},
    DOC_KEY_ROWS('R', "R"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const roadblocks_key_tables[] = {RB_KEYS, NULL};

static const view_hint_item RB_HINT[] = {{CMD_TOGGLE, 0, "this is me"}, DOC_HINT_ITEMS};

static void rb_draw(tui *t, void *state)
{
    rb_state *s = state;
    char title[64];
    if (s->generation != t->model->generation &&
        build(t, s)) /* GCOVR_EXCL_BR_LINE: build fails only when out of memory */
        tui_message(t, 1, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    snprintf(title, sizeof title, "Roadblocks %s %d flagged", draw_glyph(GL_DOT), s->n_flagged);
    doc_draw(t, &s->d, title, RB_KEYS, RB_HINT);
}


static const view_key *rb_keys(void *state)
{
    (void)state;
    return RB_KEYS;
}

static int rb_handle(tui *t, void *state, int key, int is_char, action a)
{
    rb_state *s = state;
    (void)a;
    int cmd = view_key_cmd(RB_KEYS, key, is_char);
    if (cmd == CMD_TOGGLE)
        return toggle(t, s);
    int r = doc_command(t, &s->d, cmd);
    if (r != NOT_HANDLED)
        return r;
    tui_message(t, 0, "Space flags the selected roadblock; Esc closes");
    return DIRTY_BARS;
}

static void rb_close(void *state)
{
    rb_state *s = state;
    doc_clear(&s->d);
    free(s);
}

static const view_ops roadblocks_view = {"roadblocks", rb_draw, rb_handle, rb_close, rb_keys};

void roadblocks_view_open(tui *t, int index)
{
    rb_state *s = calloc(1, sizeof *s);
    if (!s || build(t, s)) { /* GCOVR_EXCL_BR_LINE: both fail only out of memory */
        if (s) /* GCOVR_EXCL_START: out of memory */
            rb_close(s);
        tui_message(t, 1, "out of memory");
        return; /* GCOVR_EXCL_STOP */
    }
    if (index >= 0 && (size_t)index < s->d.n)
        doc_select(&s->d, index);
    tui_push_view(t, &roadblocks_view, s);
}
