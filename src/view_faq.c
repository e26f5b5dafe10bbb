/* view_faq.c - the FAQ view: the ladder's questions, each with its answer, in a
 * scrollable reading view. */
#include "climb/view_faq.h"
#include "climb/doc_view.h"

#include <stdlib.h>

static void faq_draw(tui *t, void *state)
{
    doc_draw(t, state, "Frequently asked questions", "Up/Down move  PgUp/PgDn scroll  Esc close");
}

static int faq_handle(tui *t, void *state, int key, int is_char, action a)
{
    (void)is_char;
    if (doc_move(state, a))
        return DIRTY_ALL;
    if (a == ACT_HELP) {
        help_open(t);
        return DIRTY_ALL;
    }
    if (a == ACT_REDRAW) {
        clearok(curscr, TRUE);
        return DIRTY_LAYOUT;
    }
    if (a == ACT_QUIT || a == ACT_FAQ || key == 27) {
        tui_pop_view(t);
        return DIRTY_ALL;
    }
    tui_message(t, 0, "Up/Down move between questions; Esc closes");
    return DIRTY_BARS;
}

static void faq_close(void *state)
{
    doc_clear(state);
    free(state);
}

static const view_ops faq_view = {"faq", faq_draw, faq_handle, faq_close, NULL};

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
    if (failed) {
        if (d)
            faq_close(d);
        tui_message(t, 1, "out of memory");
        return;
    }
    if (index >= 0 && (size_t)index < d->n)
        doc_select(d, index);
    tui_push_view(t, &faq_view, d);
}
