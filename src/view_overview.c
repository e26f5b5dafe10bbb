/* view_overview.c - the overview view: where the ladder comes from (its source and
 * year), its key points in order, each level with its tenure, pay, what unlocks
 * it and its plateau (in full, where the Ladder pane may have to cut them), then
 * each typical timeline between two levels with the reason it takes that long. A
 * reading view on doc_view.c. */
#include "climb/view_overview.h"
#include "climb/doc_view.h"
#include "climb/ladder_text.h"

#include <stdlib.h>

static const view_key OVERVIEW_KEYS[] = {
    DOC_KEY_ROWS('o', "o"),
    {0, 0, 0, NULL, NULL},
};

static const view_hint_item OVERVIEW_HINT[] = {DOC_HINT_ITEMS};

static void overview_draw(tui *t, void *state)
{
    doc_draw(t, state, "Overview", OVERVIEW_KEYS, OVERVIEW_HINT);
}

const view_key *const overview_key_tables[] = {OVERVIEW_KEYS, NULL};

static const view_key *overview_keys(void *state)
{
    (void)state;
    return OVERVIEW_KEYS;
}

static int overview_handle(tui *t, void *state, int key, int is_char, action a)
{
    (void)a;
    int r = doc_command(t, state, view_key_cmd(OVERVIEW_KEYS, key, is_char));
    if (r != NOT_HANDLED)
        return r;
    tui_message(t, 0, "Up/Down move between the points; Esc closes");
    return DIRTY_BARS;
}

static void overview_close(void *state)
{
    doc_clear(state);
    free(state);
}

static const view_ops overview_view = {"overview", overview_draw, overview_handle,
                                       overview_close, overview_keys};

static const char *level_name(const climb_ladder *l, const char *id)
{
    const climb_level *lv = content_level(l, id);
    return lv ? lv->name : id;
}

/* The items: one per key point, then one per timeline. 0, or -1 out of memory. */
static int build(const climb_ladder *l, doc *d)
{
    d->intro = doc_strf("%s. Source: %s.", l->name, l->source);
    d->empty = doc_strf("This ladder has no key points or timelines.");
    if (!d->intro || !d->empty) /* GCOVR_EXCL_BR_LINE: doc_strf fails only when out of memory */
        return -1; /* GCOVR_EXCL_LINE: out of memory */
    for (size_t i = 0; i < l->n_insights; i++) {
        doc_item it = {doc_strf("Key point %zu of %zu", i + 1, l->n_insights), NULL,
                       {doc_strf("%s", l->insights[i]), NULL, NULL}, 0};
        if (doc_add(d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    for (size_t i = 0; i < l->n_levels; i++) {
        const climb_level *lv = &l->levels[i];
        char tenure[32], pay[48];
        ladder_tenure(lv, 0, tenure, sizeof tenure);
        ladder_pay(lv, pay, sizeof pay);
        doc_item it = {doc_strf("%s: %s, US pay %s", lv->name, tenure, pay), NULL,
                       {doc_strf("What unlocks advancement: %s", lv->unlocks),
                        doc_strf("Most common plateau: %s", lv->plateau), NULL},
                       0};
        if (doc_add(d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    for (size_t i = 0; i < l->n_timelines; i++) {
        const climb_timeline *tl = &l->timelines[i];
        doc_item it = {doc_strf("%s to %s: typically %d-%d years", level_name(l, tl->from_level),
                                level_name(l, tl->to_level), tl->years_min, tl->years_max),
                       doc_strf("Why it takes that long"), {doc_strf("%s", tl->why), NULL, NULL},
                       0};
        if (doc_add(d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    return 0;
}

void overview_view_open(tui *t)
{
    doc *d = calloc(1, sizeof *d);
    if (!d || build(t->ladder, d)) { /* GCOVR_EXCL_BR_LINE: both fail only out of memory */
        if (d) /* GCOVR_EXCL_START: out of memory */
            overview_close(d);
        tui_message(t, 1, "out of memory");
        return; /* GCOVR_EXCL_STOP */
    }
    tui_push_view(t, &overview_view, d);
}
