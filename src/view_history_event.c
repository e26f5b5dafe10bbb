/* view_history_event.c - one event of the history's timeline in full, as a
 * reading view (doc_view): when it was recorded (and when the work was done, for
 * a tick or note given a date), what happened, the criterion with its id and
 * text, the value before and after (a note or an evidence entry whole), the
 * reason or detail, and for an undo what it took back and the reverse event it
 * wrote. q or Esc goes back to the timeline. */
#include "climb/view_history_event.h"
#include "climb/clock.h"
#include "climb/doc_view.h"
#include "climb/history_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const view_key EVENT_KEYS[] = {
    DOC_KEY_ROWS('\n', "Enter"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const history_event_key_tables[] = {EVENT_KEYS, NULL};

static const view_hint_item EVENT_HINT[] = {DOC_HINT_ITEMS};

static void ev_draw(tui *t, void *state)
{
    doc_draw(t, state, "Event", EVENT_KEYS, EVENT_HINT);
}

static const view_key *ev_keys(void *state)
{
    (void)state;
    return EVENT_KEYS;
}

static int ev_handle(tui *t, void *state, int key, int is_char, action a)
{
    (void)a;
    int r = doc_command(t, state, view_key_cmd(EVENT_KEYS, key, is_char));
    return r == NOT_HANDLED ? DIRTY_NONE : r;
}

static void ev_close(void *state)
{
    doc_clear(state);
    free(state);
}

static const view_ops event_view = {"history event", ev_draw, ev_handle, ev_close, ev_keys};

static int add(doc *d, char *heading, char *p1, char *p2)
{
    doc_item it = {heading, NULL, {p1, p2, NULL}, 0};
    return doc_add(d, it);
}

static char *value_or_none(const char *s)
{
    return s ? doc_strf("%s", s) : doc_strf("(none)");
}

/* "2026-03-14 09:30", and the time the work was done when the event names one. */
static char *when(const hist_event *e)
{
    char at[32], done[32];
    long long work;
    clock_format_local_minute(e->at, at, sizeof at);
    int dated = (!strcmp(e->kind, "state") || !strcmp(e->kind, "note")) && e->detail &&
                clock_parse_iso(e->detail, &work) == 0;
    if (!dated)
        return doc_strf("recorded %s", at);
    clock_format_local_date(work, done, sizeof done);
    return doc_strf("recorded %s; the work was done %s", at, done);
}

static int add_criterion(tui *t, doc *d, const hist_words *w)
{
    if (!w->crit_id)
        return 0;
    const climb_phase *ph = NULL;
    const climb_criterion *c = content_criterion(t->ladder, w->crit_id, &ph);
    return add(d, doc_strf("Criterion"),
               ph ? doc_strf("%s (Phase %d)", w->crit_id, ph->number) : doc_strf("%s", w->crit_id),
               c ? doc_strf("%s", c->text) : doc_strf("no longer in this ladder"));
}

static int build(tui *t, doc *d, const hist_event *e, const hist_event *rev)
{
    hist_words w;
    history_row_words(t->ladder, e, &w);
    int undo = strcmp(e->kind, "undo") == 0;
    d->intro = doc_strf("%s%s%s%s%s", w.what, undo ? ": " : "", w.undone,
                        w.crit_id ? " " : "", w.crit_id ? w.crit_id : "");
    int rc = add(d, doc_strf("When"), when(e), NULL);
    if (undo) {
        rc |= add(d, doc_strf("What"),
                  doc_strf("undo: took back a %s event (%s)",
                           e->undone_kind ? e->undone_kind : "?", w.undone),
                  rev ? doc_strf("and wrote its reverse: %s set back to %s", rev->kind,
                                 rev->value ? rev->value : "(none)")
                      : NULL);
        rc |= add_criterion(t, d, &w);
        /* The undone event went from undone_previous to undone_value; the undo
         * brought back the first. */
        rc |= add(d, doc_strf("Before the undo"), value_or_none(e->undone_value), NULL);
        rc |= add(d, doc_strf("After the undo"), value_or_none(e->undone_previous), NULL);
        if (w.info[0])
            rc |= add(d, doc_strf("About"), doc_strf("%s", w.info), NULL);
        return rc ? -1 : 0;
    }
    rc |= add(d, doc_strf("What"), doc_strf("%s (a %s event)", w.what, e->kind), NULL);
    rc |= add_criterion(t, d, &w);
    if (w.info[0])
        rc |= add(d, doc_strf("About"), doc_strf("%s", w.info), NULL);
    rc |= add(d, doc_strf("Before"), value_or_none(e->previous), NULL);
    rc |= add(d, doc_strf("After"), value_or_none(e->value), NULL);
    if (e->detail && !(strcmp(e->kind, "state") == 0 && strcmp(e->value ? e->value : "", "n/a")))
        rc |= add(d, doc_strf(strcmp(e->kind, "state") == 0 ? "Reason" : "Detail"),
                  doc_strf("%s", e->detail), NULL);
    return rc ? -1 : 0;
}

void history_event_view_open(tui *t, const hist_event *e, const hist_event *rev)
{
    doc *d = calloc(1, sizeof *d);
    /* GCOVR_EXCL_START: calloc and doc_add fail only when out of memory */
    if (!d || build(t, d, e, rev)) {
        if (d)
            ev_close(d);
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    tui_push_view(t, &event_view, d);
}
