/* view_evidence_check.c - the evidence check as a reading list (c): the verdict
 * on the case for the next level, then each criterion of the phase worked on and
 * the one before with its status and, for a weak claim, what would make it hold.
 * Built from the model (evidence_check.c); E on an item opens its evidence. */
#include "climb/view_evidence.h"
#include "climb/clock.h"
#include "climb/doc_view.h"
#include "climb/draw.h"
#include "climb/evidence_check.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    doc d;
    evidence_report r;
    unsigned generation;
} check_state;

static int build(tui *t, check_state *s)
{
    int cursor = s->d.cursor;
    doc_clear(&s->d);
    evidence_report_free(&s->r);
    s->generation = t->model->generation;
    if (evidence_check(t->model, clock_now(), &s->r))
        return -1;
    s->d.intro = doc_strf("%s. A claim is weak when it has no evidence, only stale evidence, "
                          "or nothing a reviewer can check (a link or a number).",
                          s->r.verdict);
    for (size_t k = 0; k < s->r.n; k++) {
        const claim *c = &s->r.claims[k];
        const climb_phase *ph = &t->ladder->phases[c->phase];
        doc_item it = {doc_strf("P%d %s %s", ph->number, c->weak ? "!" : c->status <= CLAIM_STALE
                                                                            ? "x" : " ",
                                ph->criteria[c->index].text),
                       doc_strf("%s%s", claim_status_words(c->status), c->weak ? ": weak" : ""),
                       {c->advice[0] ? doc_strf("%s", c->advice) : NULL, NULL, NULL},
                       c->weak};
        if (doc_add(&s->d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    if (cursor >= 0 && (size_t)cursor < s->d.n)
        doc_select(&s->d, cursor);
    return 0;
}

enum { CMD_EVIDENCE = 1 };

static const view_key CHECK_KEYS[] = {
    {'\n', KEY_ENTER, CMD_EVIDENCE, "Enter", "the selected criterion's evidence"},
    {'\r', 0, CMD_EVIDENCE, "Ctrl-M", NULL},
    {'E', 0, CMD_EVIDENCE, "E", NULL},
    DOC_KEY_ROWS('c', "c"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const evidence_check_key_tables[] = {CHECK_KEYS, NULL};

static const view_hint_item CHECK_HINT[] = {{CMD_EVIDENCE, 0, "evidence"}, DOC_HINT_ITEMS};

static const view_key *check_keys(void *state)
{
    (void)state;
    return CHECK_KEYS;
}

static void check_draw(tui *t, void *state)
{
    check_state *s = state;
    if (s->generation != t->model->generation &&
        build(t, s)) /* GCOVR_EXCL_BR_LINE: build fails only when out of memory */
        tui_message(t, 1, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    char title[96];
    snprintf(title, sizeof title, "Evidence check %s %d of %d met", draw_glyph(GL_DOT),
             s->r.met, s->r.applicable);
    doc_draw(t, &s->d, title, CHECK_KEYS, CHECK_HINT);
}

static int check_handle(tui *t, void *state, int key, int is_char, action a)
{
    check_state *s = state;
    (void)a;
    int cmd = view_key_cmd(CHECK_KEYS, key, is_char);
    if (cmd == CMD_EVIDENCE && s->d.n) {
        const claim *c = &s->r.claims[s->d.cursor];
        tui_select_phase(t, (int)c->phase);
        t->crit_cursor = (int)c->index;
        evidence_view_open(t);
        return DIRTY_ALL;
    }
    int r = doc_command(t, &s->d, cmd);
    if (r != NOT_HANDLED)
        return r;
    tui_message(t, 0, "no action on that key; ? lists this view's keys");
    return DIRTY_BARS;
}

static void check_close(void *state)
{
    check_state *s = state;
    doc_clear(&s->d);
    evidence_report_free(&s->r);
    free(s);
}

static const view_ops check_view = {"evidence check", check_draw, check_handle, check_close,
                                    check_keys};

void evidence_check_view_open(tui *t)
{
    check_state *s = calloc(1, sizeof *s);
    if (!s || build(t, s)) { /* GCOVR_EXCL_BR_LINE: both fail only out of memory */
        if (s) /* GCOVR_EXCL_START: out of memory */
            check_close(s);
        tui_message(t, 1, "out of memory");
        return; /* GCOVR_EXCL_STOP */
    }
    tui_push_view(t, &check_view, s);
}
