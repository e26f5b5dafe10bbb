/* ops_events.c - the event table: for each kind of event, how the log decides the
 * value it stands for (derive), what its reverse carries, and how undo words it.
 * Forward changes, undo, redo and import all append events and then derive the
 * item from the log, so the three can never disagree.
 *
 * Derivation rule, the same for every kind: the item takes the value of its
 * latest counted event (time, then order recorded; an event an 'undo' names does
 * not count), and the time it holds that value since (done_at, note_at,
 * flagged_at) is when the latest unbroken run of that value began. So undoing an
 * untick gives back the date the criterion was first met, not the time of the
 * undo. Each derive writes only the columns of its own kind. */
#include "climb/ops_events.h"
#include "climb/clock.h"
#include "climb/store_evidence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The newest counted event of an item, and the run of its value. */
typedef struct {
    int n;                 /* events seen */
    char *value, *detail;  /* of the newest */
    long long latest_at;   /* the newest's time */
    long long latest_id;   /* and its row id */
    long long since;       /* when the latest run of `value` began */
    char *since_detail;    /* the detail of the event that began it */
    const char *run_of;    /* when set: follow the latest run of this value instead */
    int in_run;
} item_walk;

static int walk_step(void *ctx, const store_event *e)
{
    item_walk *w = ctx;
    if (w->n++ == 0) {
        w->value = dup_or_null(e->value);
        w->detail = dup_or_null(e->detail);
        w->latest_at = e->at;
        w->latest_id = e->id;
    }
    const char *want = w->run_of ? w->run_of : w->value;
    if (same(e->value, want)) {
        w->since = e->at;
        free(w->since_detail);
        w->since_detail = dup_or_null(e->detail);
        w->in_run = 1;
    } else if (w->in_run || !w->run_of) {
        return 1; /* the latest run has ended */
    }
    return 0;
}

/* The newest counted event the last walk found (ops_event_apply checks it is the
 * event it just appended). */
static struct {
    long long id, at;
} last_walk;

/* Walks the counted events of kind/item; 0 (w filled, w->n == 0 when none) or -1. */
static int walk(climb_store *st, long long pid, const char *kind, const char *item,
                const char *run_of, item_walk *w)
{
    memset(w, 0, sizeof *w);
    w->run_of = run_of;
    int rc = store_events_counted(st, pid, kind, item, walk_step, w) < 0 ? -1 : 0;
    last_walk.id = w->latest_id;
    last_walk.at = w->latest_at;
    return rc;
}

static void walk_free(item_walk *w)
{
    free(w->value);
    free(w->detail);
    free(w->since_detail);
}

/* When the latest run began: the time its first event names (tick --date,
 * note --date) when it names one, else when that event was recorded. */
static long long run_start(const item_walk *w)
{
    long long t;
    if (w->since_detail && clock_parse_iso(w->since_detail, &t) == 0)
        return t;
    return w->since;
}

/* state: the criterion's state and reason from the newest event; done_at from
 * the latest run of 'done'; the wording kept at done stays while done_at does. */
static int derive_state(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    criterion_row row, *current = &row;
    if (walk(st, pid, "state", item, "done", &w))
        return -1;
    int rc = 0, own = 0;
    if (h && h->row && h->row->criterion_id && strcmp(h->row->criterion_id, item) == 0)
        current = (criterion_row *)h->row; /* read in this transaction already */
    else if (w.n > 0)
        own = (rc = store_criterion_get(st, pid, item, &row)) == 0;
    if (w.n > 0 && rc == 0) {
        const criterion_row *cur = current;
        crit_state s;
        if (crit_state_parse(w.value, &s))
            s = STATE_TODO;
        long long done_at = w.in_run ? run_start(&w) : 0;
        const char *text = !done_at                                   ? NULL
                           : done_at == cur->done_at && cur->text_at_done ? cur->text_at_done
                           : h && h->hint_text && h->hint_done_at == done_at ? h->hint_text
                           : h                                          ? h->current_text
                                                                        : NULL;
        rc = store_criterion_put_state(st, pid, item, s, w.detail, done_at, text, w.latest_at);
    }
    if (own)
        criterion_row_free(&row);
    walk_free(&w);
    return rc;
}

/* note: the newest note (NULL: removed), dated from when that text was set. */
static int derive_note(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)h;
    if (walk(st, pid, "note", item, NULL, &w))
        return -1;
    int rc = w.n ? store_criterion_put_note(st, pid, item, w.value, run_start(&w), w.latest_at)
                 : 0;
    walk_free(&w);
    return rc;
}

static int derive_title(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)item;
    (void)h;
    if (walk(st, pid, "title", NULL, NULL, &w))
        return -1;
    int rc = w.n ? store_profile_put_title(st, pid, w.value) : 0;
    walk_free(&w);
    return rc;
}

/* roadblock: flagged while the newest event says "on", since that run began. */
static int derive_roadblock(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)h;
    if (walk(st, pid, "roadblock", item, NULL, &w))
        return -1;
    int rc = w.n ? store_roadblock_put(st, pid, item, same(w.value, "on"), w.since) : 0;
    walk_free(&w);
    return rc;
}

/* setting: the newest value of a setting climb keeps; unknown names are ignored. */
static int derive_setting(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)h;
    int known = 0;
    for (int i = 0; item && store_settings[i]; i++)
        known |= strcmp(store_settings[i], item) == 0;
    if (!known)
        return 0;
    if (walk(st, pid, "setting", item, NULL, &w))
        return -1;
    int rc = w.n && w.value ? store_setting_put(st, pid, item, (int)strtol(w.value, NULL, 10)) : 0;
    walk_free(&w);
    return rc;
}

/* evidence: the entry as its newest event says, or gone when that removed it. */
static int derive_evidence(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)h;
    if (walk(st, pid, "evidence", item, NULL, &w))
        return -1;
    int rc = !w.n       ? 0
             : w.value ? store_evidence_put(st, pid, item, w.value, w.detail, w.since)
                       : store_evidence_delete(st, pid, item);
    walk_free(&w);
    return rc;
}

/* target: the newest level and date; NULL clears it. */
static int derive_target(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    long long at = 0;
    (void)item;
    (void)h;
    if (walk(st, pid, "target", NULL, NULL, &w))
        return -1;
    if (w.value && (!w.detail || clock_parse_iso(w.detail, &at) != 0))
        at = 0;
    int rc = w.n ? store_profile_put_target(st, pid, w.value && at ? w.value : NULL, at) : 0;
    walk_free(&w);
    return rc;
}

static int derive_name(climb_store *st, long long pid, const char *item, const ops_hint *h)
{
    item_walk w;
    (void)item;
    (void)h;
    if (walk(st, pid, "name", NULL, NULL, &w))
        return -1;
    int rc = w.n ? store_profile_put_name(st, pid, w.value) : 0;
    walk_free(&w);
    return rc;
}

/* A reverse carries what the item's event before e carried (links, a date). */
static int detail_before(climb_store *st, const store_event *e, char **detail)
{
    return store_event_detail_before(st, e->profile_id, e->kind, e->item, NULL, e->id, detail);
}

/* A state taken back to n/a carries the reason it had then. */
static int detail_state(climb_store *st, const store_event *e, char **detail)
{
    *detail = NULL;
    if (!same(e->previous, "n/a"))
        return 0;
    return store_event_detail_before(st, e->profile_id, "state", e->item, "n/a", e->id, detail);
}

static void words_state(const store_event *e, const char *what, char *buf, size_t len)
{
    if (same(e->value, "done"))
        snprintf(buf, len, "tick of %s", what);
    else if (same(e->previous, "done"))
        snprintf(buf, len, "untick of %s", what);
    else
        snprintf(buf, len, "%s is %s again", what, e->previous ? e->previous : "todo");
}

static void words_note(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)e;
    snprintf(buf, len, "note change on %s", what);
}

static void words_title(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)what;
    snprintf(buf, len, "title change (back to %s)", e->previous ? e->previous : "no title");
}

static void words_roadblock(const store_event *e, const char *what, char *buf, size_t len)
{
    snprintf(buf, len, "roadblock %s %s", e->value ? e->value : "", what);
}

static void words_evidence(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)what;
    snprintf(buf, len, "evidence %s", !e->previous ? "added"
                                      : !e->value  ? "removed"
                                                   : "change");
}

static void words_target(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)what;
    snprintf(buf, len, "target change (back to %s)", e->previous ? e->previous : "none");
}

static void words_name(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)what;
    snprintf(buf, len, "name change (back to %s)", e->previous ? e->previous : "the profile's");
}

static void words_setting(const store_event *e, const char *what, char *buf, size_t len)
{
    (void)what;
    snprintf(buf, len, "%s change (back to %s)", e->item ? e->item : "setting",
             e->previous ? e->previous : "the default");
}

typedef struct {
    int undoable;
    int (*derive)(climb_store *, long long, const char *, const ops_hint *);
    int (*reverse_detail)(climb_store *, const store_event *, char **);
    void (*words)(const store_event *, const char *, char *, size_t);
} kind_row;

static const kind_row KINDS[EV_COUNT] = {
#define EVENT_KIND_ROW(id, name, undoable, derive, detail, words, internal)                  \
    [EV_##id] = {undoable, derive, detail, words},
    CLIMB_EVENT_KINDS(EVENT_KIND_ROW)
#undef EVENT_KIND_ROW
};

static const kind_row *row_of(const char *kind)
{
    int k = event_kind_of(kind);
    return k < 0 ? NULL : &KINDS[k];
}

int ops_event_undoable(const char *kind)
{
    const kind_row *r = row_of(kind);
    return r && r->undoable;
}

int ops_event_derive(climb_store *st, long long profile_id, const char *kind, const char *item,
                     const ops_hint *h)
{
    const kind_row *r = row_of(kind);
    return r && r->derive ? r->derive(st, profile_id, item, h) : 0;
}

/* Appends the event; *id_out (may be NULL) is its row id. */
static int append(climb_store *st, long long pid, long long at, const char *kind,
                  const char *item, const char *value, const char *previous, const char *detail,
                  long long *id_out, char *uuid_out)
{
    if (!row_of(kind))
        return store_fail(st, "unknown kind of event: %s", kind);
    if (store_event_add(st, pid, at, kind, item, value, previous, detail, uuid_out))
        return -1;
    if (id_out)
        *id_out = store_event_last_id(st);
    return 0;
}

/* Derives the item, and makes sure event `id` (just appended) is what decided it:
 * when a counted event of the item is dated later (an imported clock ahead of
 * this one), the new event takes that date, so the change always takes effect. */
static int derive_with(climb_store *st, long long pid, const char *kind, const char *item,
                       const ops_hint *h, long long id)
{
    const kind_row *r = row_of(kind);
    if (!r->derive)
        return 0;
    last_walk.id = 0;
    if (r->derive(st, pid, item, h))
        return -1;
    if (last_walk.id == 0 || last_walk.id == id)
        return 0;
    return store_event_set_at(st, id, last_walk.at) || r->derive(st, pid, item, h) ? -1 : 0;
}

int ops_event_apply(climb_store *st, long long profile_id, long long at, const char *kind,
                    const char *item, const char *value, const char *previous,
                    const char *detail, const ops_hint *h, long long *id_out)
{
    long long id = 0;
    if (append(st, profile_id, at, kind, item, value, previous, detail, &id, NULL))
        return -1;
    if (id_out)
        *id_out = id;
    return derive_with(st, profile_id, kind, item, h, id);
}

int ops_event_reverse(climb_store *st, const store_event *e, long long now, const ops_hint *h,
                      long long *id_out)
{
    const kind_row *r = row_of(e->kind);
    char *detail = NULL;
    if (!r || !r->undoable)
        return store_fail(st, "a %s change cannot be undone", e->kind);
    if (r->reverse_detail && r->reverse_detail(st, e, &detail))
        return -1;
    /* the reverse first, then the 'undo' naming e (and, as its previous, the
     * reverse), then derive: e no longer counts */
    char reverse[37];
    long long id = 0;
    int rc = append(st, e->profile_id, now, e->kind, e->item, e->previous, e->value, detail,
                    &id, reverse) ||
             store_event_add(st, e->profile_id, now, "undo", e->uuid, e->kind, reverse, e->item,
                             NULL) ||
             derive_with(st, e->profile_id, e->kind, e->item, h, id);
    if (id_out)
        *id_out = id;
    free(detail);
    return rc ? -1 : 0;
}

void ops_event_words(const store_event *e, const char *what, char *buf, size_t len)
{
    const kind_row *r = row_of(e->kind);
    if (r && r->words)
        r->words(e, what, buf, len);
    else
        snprintf(buf, len, "%s change", e->kind);
}
