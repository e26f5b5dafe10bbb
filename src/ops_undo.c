/* ops_undo.c - undo and redo of the changes made in this run. Each operation
 * that commits undoable events hands them here as one group (ops_remember);
 * undoing a group takes its events back newest first through the event table
 * (ops_event_reverse) in one BEGIN IMMEDIATE transaction, and the reverse events
 * it wrote become a group on the redo list; redoing takes those back the same
 * way. Before anything is written, each event must still be the newest of its
 * kind for its item: if another climb (or anything else) changed the item after
 * it, the whole undo is refused with the name of what changed it, nothing is
 * written, and the group is dropped (it can never be taken back) so the next
 * undo reaches the change before it. Comparing events, not values, catches a change that ended back at the
 * same value. */
#include "ops_internal.h"

#include "climb/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    ops_group *v;
    size_t n, cap;
} group_list;

static struct {
    int on;
    group_list undo, redo;
} U;

static int push(group_list *l, const ops_group *g)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        ops_group *grown = realloc(l->v, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->v = grown;
        l->cap = cap;
    }
    l->v[l->n++] = *g;
    return 0;
}

void ops_undo_track(int on)
{
    free(U.undo.v);
    free(U.redo.v);
    memset(&U, 0, sizeof U);
    U.on = on;
}

size_t ops_undo_depth(void)
{
    return U.undo.n;
}

size_t ops_redo_depth(void)
{
    return U.redo.n;
}

void ops_remember(const ops_group *g)
{
    if (!U.on)
        return;
    U.redo.n = 0; /* a new change: what was undone can no longer be redone */
    push(&U.undo, g);
}

/* The wording of an event's item: the criterion or roadblock text, else its id. */
static const char *item_words(const climb_model *m, const store_event *e)
{
    const climb_phase *ph = NULL;
    const climb_criterion *c = e->item ? content_criterion(m->ladder, e->item, &ph) : NULL;
    if (c)
        return c->text;
    for (size_t i = 0; e->item && i < m->ladder->n_roadblocks; i++)
        if (strcmp(m->ladder->roadblocks[i].id, e->item) == 0)
            return m->ladder->roadblocks[i].title;
    return e->item ? e->item : "";
}

/* Why event e cannot be taken back (a sentence in buf), or 0 when it can. */
static int blocked(climb_model *m, const store_event *e, char *buf, size_t len)
{
    store_event later;
    int rc = store_event_undone(m->store, e->profile_id, e->uuid);
    if (rc != 0) {
        if (rc > 0)
            snprintf(buf, len, "it was already undone");
        return rc;
    }
    rc = store_event_newer(m->store, e->profile_id, e->kind, e->item, e->id, &later);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    char when[32], what[256];
    clock_format_local_date(later.at, when, sizeof when);
    snprintf(what, sizeof what, "%s", item_words(m, e));
    snprintf(buf, len, "changed since, perhaps in another climb (%s %s -> %s, %s): %s",
             later.kind, later.previous ? later.previous : "none",
             later.value ? later.value : "none", when, what);
    store_event_free(&later);
    return 1;
}

/* Takes the events of g back, newest first, into *reverse. UNDO_* outcome. */
static undo_outcome take_back(climb_model *m, const ops_group *g, ops_group *reverse,
                              const char *verb, undo_result *r)
{
    store_event ev[OPS_GROUP_MAX];
    size_t n = 0;
    undo_outcome out = UNDO_DONE;
    char why[440] = "";
    int redo = strcmp(verb, "redone") == 0;
    memset(reverse, 0, sizeof *reverse);
    if (store_begin(m->store)) {
        snprintf(r->message, sizeof r->message, "not %s: %s", verb, ops_error(m));
        return UNDO_ERROR;
    }
    for (size_t k = g->n; k-- > 0 && out == UNDO_DONE;) {
        int rc = store_event_get(m->store, g->ids[k], &ev[n]);
        if (rc == 1)
            continue; /* gone with its profile */
        if (rc < 0) {
            out = UNDO_ERROR;
            break;
        }
        store_event *e = &ev[n++];
        if (e->profile_id != m->profile.id) {
            snprintf(why, sizeof why, "that change belongs to another profile");
            out = UNDO_REFUSED;
        } else if ((rc = blocked(m, e, why, sizeof why)) != 0) {
            out = rc < 0 ? UNDO_ERROR : UNDO_REFUSED;
        } else {
            ops_hint h = ops_hint_for(m, e->item);
            long long id;
            if (ops_event_reverse(m->store, e, clock_now(), &h, &id))
                out = UNDO_ERROR;
            else
                reverse->ids[reverse->n++] = id;
        }
    }
    if (out == UNDO_DONE && store_commit(m->store))
        out = UNDO_ERROR;
    if (out != UNDO_DONE)
        store_rollback(m->store);
    const store_event *last = n ? &ev[n - 1] : NULL;
    if (out == UNDO_ERROR) {
        snprintf(r->message, sizeof r->message, "not %s: %s", verb, ops_error(m));
    } else if (out == UNDO_REFUSED) {
        snprintf(r->message, sizeof r->message, "not %s: %s", verb, why);
    } else if (!last) {
        out = UNDO_NOTHING;
        snprintf(r->message, sizeof r->message, "nothing to %s: that profile is gone", verb);
    } else {
        /* An undo is worded by the change it took back ("undone: ticked ..."); a
         * redo takes back an undo's reverse, so it is worded by the change it
         * wrote again ("redone: ticked ...", not the reverse's "unticked"). */
        store_event again;
        int fresh = redo && reverse->n &&
                    store_event_get(m->store, reverse->ids[reverse->n - 1], &again) == 0;
        const store_event *said = fresh ? &again : last;
        char words[400];
        ops_event_words(said, item_words(m, said), words, sizeof words);
        snprintf(r->message, sizeof r->message, "%s: %s", verb, words);
        snprintf(r->kind, sizeof r->kind, "%s", said->kind);
        snprintf(r->item, sizeof r->item, "%s", said->item ? said->item : "");
        if (fresh)
            store_event_free(&again);
    }
    for (size_t k = 0; k < n; k++)
        store_event_free(&ev[k]);
    return out;
}

/* Undo or redo: the newest group of `from`, taken back, goes to `to`. */
static undo_outcome step(climb_model *m, group_list *from, group_list *to, const char *verb,
                         const char *none, undo_result *r)
{
    memset(r, 0, sizeof *r);
    if (from->n == 0) {
        snprintf(r->message, sizeof r->message, "%s", none);
        return r->outcome = UNDO_NOTHING;
    }
    ops_group reverse;
    undo_outcome o = take_back(m, &from->v[from->n - 1], &reverse, verb, r);
    if (o == UNDO_DONE || o == UNDO_NOTHING) {
        from->n--;
        if (reverse.n)
            push(to, &reverse);
        model_reload(m);
    } else if (o == UNDO_REFUSED) {
        from->n--; /* it can never be taken back now; the one before it still can */
        size_t len = strlen(r->message);
        if (from->n && len < sizeof r->message)
            snprintf(r->message + len, sizeof r->message - len, "; press the key again for the"
                                                                " change before it");
    }
    return r->outcome = o;
}

undo_outcome ops_undo(climb_model *m, undo_result *r)
{
    return step(m, &U.undo, &U.redo, "undone", "nothing to undo in this run", r);
}

undo_outcome ops_redo(climb_model *m, undo_result *r)
{
    return step(m, &U.redo, &U.undo, "redone", "nothing to redo", r);
}
