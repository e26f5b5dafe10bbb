/* view_faq.c - the FAQ view: the ladder's questions, each with its answer, in a
 * scrollable reading view. */
#include "climb/view_faq.h"
#include "climb/doc_view.h"

#include <stdlib.h>

static const view_key FAQ_KEYS[] = {
    DOC_KEY_ROWS('F', "F"),
    {0, 0, 0, NULL, NULL},
};

static const view_hint_item FAQ_HINT[] = {DOC_HINT_ITEMS};

static void faq_draw(tui *t, void *state)
{
    doc_draw(t, state, "Frequently asked questions", FAQ_KEYS, FAQ_HINT);
}

const view_key *const faq_key_tables[] = {FAQ_KEYS, NULL};

static const view_key *faq_keys(void *state)
{
    (void)state;
    return FAQ_KEYS;
}

static int faq_handle(tui *t, void *state, int key, int is_char, action a)
{
    (void)a;
    int r = doc_command(t, state, view_key_cmd(FAQ_KEYS, key, is_char));
    if (r != NOT_HANDLED)
        return r;
    tui_message(t, 0, "Up/Down move between questions; Esc closes");
    return DIRTY_BARS;
}

static void faq_close(void *state)
{
    doc_clear(state);
    free(state);
}

static const view_ops faq_view = {"faq", faq_draw, faq_handle, faq_close, faq_keys};

void faq_view_open(tui *t, int index)
{
    const climb_ladder *l = t->ladder;
    doc *d = calloc(1, sizeof *d);
    int failed = !d;
    if (d) {
        d->empty = doc_strf("This ladder has no questions and answers.");
        for (size_t i = 0; i < l->n_faqs && !failed; i++) {
            doc_item it = {doc_strf("%s", l->faqs[i].question), NULL,
                           {doc_strf("%s", l->faqs[i].answer), NULL, NULL}, 0};
            failed = doc_add(d, it) != 0;
        }
    }
    if (failed) { /* GCOVR_EXCL_START: failed only when out of memory */
        if (d)
            faq_close(d);
        tui_message(t, 1, "out of memory");
        return; /* GCOVR_EXCL_STOP */
    }
    if (index >= 0 && (size_t)index < d->n)
        doc_select(d, index);
    tui_push_view(t, &faq_view, d);
}
