/* history_text.c - words for events: the verb of each kind and the ladder text of
 * the item it is about; and the timeline's rows: undo folded with its reverse
 * event, internal events hidden, the parts of a row. */
#include "climb/history_text.h"
#include "climb/event_kinds.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static int is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

void history_text_what(const hist_event *e, char *buf, size_t len)
{
    const char *w = e->kind;
    if (is(e->kind, "state"))
        w = is(e->value, "done")       ? "ticked"
            : is(e->previous, "done") ? "unticked"
            : is(e->value, "n/a")      ? "n/a"
            : is(e->value, "doing")    ? "doing"
                                       : "to do";
    else if (is(e->kind, "note"))
        w = e->value ? "note" : "note cleared";
    else if (is(e->kind, "roadblock"))
        w = is(e->value, "on") ? "roadblock" : "roadblock off";
    else if (is(e->kind, "rename"))
        w = "renamed";
    else if (is(e->kind, "profile"))
        w = "created";
    else if (is(e->kind, "evidence"))
        w = !e->value ? "evidence removed" : e->previous ? "evidence edited" : "evidence";
    else if (is(e->kind, "target"))
        w = e->value ? "target" : "target cleared";
    else if (is(e->kind, "checkin"))
        w = "check-in";
    snprintf(buf, len, "%s", w);
}

static const char *level_name(const climb_ladder *l, const char *id)
{
    const climb_level *lv = id ? content_level(l, id) : NULL;
    return lv ? lv->name : id ? id : "none";
}

static const char *criterion_text(const climb_ladder *l, const char *id)
{
    const climb_phase *ph;
    const climb_criterion *c = id ? content_criterion(l, id, &ph) : NULL;
    return c ? c->text : id ? id : "";
}

static const char *roadblock_title(const climb_ladder *l, const char *id)
{
    for (size_t i = 0; id && i < l->n_roadblocks; i++)
        if (strcmp(l->roadblocks[i].id, id) == 0)
            return l->roadblocks[i].title;
    return id ? id : "";
}

/* "Phase 2 reviewed: 3 criteria, 1 changed" from item=p2 value="reviewed=3 changed=1". */
static void checkin_about(const climb_ladder *l, const hist_event *e, char *buf, size_t len)
{
    int reviewed = 0, changed = 0, number = 0;
    if (e->value)
        sscanf(e->value, "reviewed=%d changed=%d", &reviewed, &changed);
    for (size_t p = 0; e->item && p < l->n_phases; p++)
        if (strcmp(l->phases[p].id, e->item) == 0)
            number = l->phases[p].number;
    if (number)
        snprintf(buf, len, "Phase %d reviewed: %d %s, %d changed", number, reviewed,
                 reviewed == 1 ? "criterion" : "criteria", changed);
    else
        snprintf(buf, len, "%d %s reviewed, %d changed", reviewed,
                 reviewed == 1 ? "criterion" : "criteria", changed);
}

static void quiz_about(const hist_event *e, char *buf, size_t len)
{
    int phase = 0, edge = 0;
    if (e->detail)
        sscanf(e->detail, "phase=%d on_edge_of=%d", &phase, &edge);
    if (phase && edge)
        snprintf(buf, len, "placed in Phase %d, on the edge of Phase %d", phase, edge);
    else if (phase)
        snprintf(buf, len, "placed in Phase %d", phase);
    else
        snprintf(buf, len, "quiz taken");
}

/* "TEXT" on CRITERION, the criterion named in the entry's JSON detail. */
static void evidence_about(const climb_ladder *l, const hist_event *e, char *buf, size_t len)
{
    json_t *d = e->detail ? json_loads(e->detail, 0, NULL) : NULL;
    const char *crit = json_string_value(json_object_get(d, "criterion"));
    const char *text = e->value ? e->value : e->previous ? e->previous : "";
    snprintf(buf, len, "\"%s\" on %s", text, criterion_text(l, crit));
    json_decref(d);
}

/* The event an undo event undid, as far as the undo records it (pointers into e). */
static void undone_of(const hist_event *e, hist_event *undone)
{
    memset(undone, 0, sizeof *undone);
    snprintf(undone->kind, sizeof undone->kind, "%s", e->undone_kind ? e->undone_kind : "");
    undone->item = e->detail;
    undone->value = e->undone_value;
    undone->previous = e->undone_previous;
}

/* What the event an undo undid was and what it was about, in words. */
static void undone_words(const climb_ladder *l, const hist_event *e, char what[32],
                         char about[512])
{
    hist_event undone;
    undone_of(e, &undone);
    history_text_what(&undone, what, 32);
    history_text_about(l, &undone, about, 512);
}

void history_text_about(const climb_ladder *l, const hist_event *e, char *buf, size_t len)
{
    if (is(e->kind, "state") && is(e->value, "n/a") && e->detail)
        snprintf(buf, len, "%s (%s)", criterion_text(l, e->item), e->detail);
    else if (is(e->kind, "state") || (is(e->kind, "note") && !e->value))
        snprintf(buf, len, "%s", criterion_text(l, e->item));
    else if (is(e->kind, "note"))
        snprintf(buf, len, "\"%s\" on %s", e->value, criterion_text(l, e->item));
    else if (is(e->kind, "quiz"))
        quiz_about(e, buf, len);
    else if (is(e->kind, "checkin"))
        checkin_about(l, e, buf, len);
    else if (is(e->kind, "title"))
        snprintf(buf, len, "%s (was %s)", level_name(l, e->value), level_name(l, e->previous));
    else if (is(e->kind, "roadblock"))
        snprintf(buf, len, "%s", roadblock_title(l, e->item));
    else if (is(e->kind, "undo")) {
        char what[32], about[512];
        undone_words(l, e, what, about);
        snprintf(buf, len, "took back \"%s\": %s", what, about);
    } else if (is(e->kind, "rename"))
        snprintf(buf, len, "%s -> %s", e->previous ? e->previous : "", e->value ? e->value : "");
    else if (is(e->kind, "evidence"))
        evidence_about(l, e, buf, len);
    else if (is(e->kind, "target") && e->value)
        snprintf(buf, len, "%s by %.10s", level_name(l, e->value), e->detail ? e->detail : "?");
    else if (is(e->kind, "target"))
        snprintf(buf, len, "was %s", level_name(l, e->previous));
    else if (is(e->kind, "setting"))
        snprintf(buf, len, "%s: %s -> %s", e->item ? e->item : "", e->previous ? e->previous : "",
                 e->value ? e->value : "");
    else
        snprintf(buf, len, "%s", e->value ? e->value : e->item ? e->item : "");
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int history_row_internal(const hist_event *e)
{
    return event_kind_internal(e->kind) ||
           (is(e->kind, "undo") && event_kind_internal(e->undone_kind));
}

int history_row_folds(const hist_event *u, const hist_event *rev)
{
    if (!is(u->kind, "undo") || is(rev->kind, "undo"))
        return 0;
    if (u->previous)
        return strcmp(u->previous, rev->uuid) == 0;
    return rev->at == u->at && is(rev->kind, u->undone_kind) && same(rev->item, u->detail) &&
           same(rev->value, u->undone_previous) && same(rev->previous, u->undone_value);
}

size_t history_rows(const hist_event *ev, size_t n, int newest_first, int show_internal,
                    int complete, hist_row *out, size_t max, size_t *used)
{
    size_t rows = 0, i = 0;
    while (i < n && rows < max) {
        hist_row r = {i, HIST_ROW_NONE, i, i};
        if (i + 1 == n && !complete && (newest_first ? is(ev[i].kind, "undo") : 1))
            break; /* its partner may be the next event read */
        if (newest_first && i + 1 < n && history_row_folds(&ev[i], &ev[i + 1]))
            r.rev = r.last = i + 1;
        else if (!newest_first && i + 1 < n && history_row_folds(&ev[i + 1], &ev[i]))
            r.ev = r.last = i + 1, r.rev = i;
        i = r.last + 1;
        if (show_internal || !history_row_internal(&ev[r.ev]))
            out[rows++] = r;
    }
    *used = i;
    return rows;
}

/* The criterion an evidence event is about, from its JSON detail, copied into buf. */
static const char *evidence_criterion(const hist_event *e, char *buf, size_t len)
{
    json_t *d = e->detail ? json_loads(e->detail, 0, NULL) : NULL;
    const char *c = json_string_value(json_object_get(d, "criterion"));
    snprintf(buf, len, "%s", c ? c : "");
    json_decref(d);
    return *buf ? buf : NULL;
}

static void words_of(const climb_ladder *l, const hist_event *e, hist_words *w, char *crit,
                     size_t crit_len)
{
    history_text_what(e, w->what, sizeof w->what);
    const char *id = NULL;
    if (is(e->kind, "state") || is(e->kind, "note"))
        id = e->item;
    else if (is(e->kind, "evidence"))
        id = evidence_criterion(e, crit, crit_len);
    const climb_phase *ph;
    const climb_criterion *c = id ? content_criterion(l, id, &ph) : NULL;
    w->crit_id = id;
    w->crit_text = c ? c->text : NULL;
    if (is(e->kind, "note"))
        w->quote = e->value ? e->value : e->previous;
    else if (is(e->kind, "evidence"))
        w->quote = e->value ? e->value : e->previous;
    else if (is(e->kind, "state") && is(e->value, "n/a"))
        w->quote = e->detail;
    else if (!id)
        history_text_about(l, e, w->info, sizeof w->info);
}

void history_row_words(const climb_ladder *l, const hist_event *e, hist_words *w)
{
    memset(w, 0, sizeof *w);
    if (!is(e->kind, "undo")) {
        words_of(l, e, w, w->id_buf, sizeof w->id_buf);
        return;
    }
    hist_event undone;
    undone_of(e, &undone);
    words_of(l, &undone, w, w->id_buf, sizeof w->id_buf);
    snprintf(w->undone, sizeof w->undone, "%s", w->what);
    snprintf(w->what, sizeof w->what, "undid");
}

void history_text_undid(const climb_ladder *l, const hist_event *e, char *buf, size_t len)
{
    char what[32], about[512];
    undone_words(l, e, what, about);
    snprintf(buf, len, "%s: %s", what, about);
}
