/* checklist_actions.c - changing the selected criterion from the TUI. Callbacks
 * from the editor and the confirm view carry the criterion's phase and index. */
#include "climb/checklist_actions.h"
#include "climb/view_confirm.h"
#include "climb/view_editor.h"

#include "climb/ops.h"
#include "climb/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NOTE_MAX = 64 * 1024, REASON_MAX = 1024 };

typedef struct {
    size_t phase, index;
    char *base; /* the note editor: the note as it was when editing began */
    crit_state to; /* ask_before_unticking: the state asked for */
} crit_ref;

static crit_ref *selected(tui *t)
{
    crit_ref *r = calloc(1, sizeof *r);
    if (r) { /* GCOVR_EXCL_BR_LINE: calloc fails only when out of memory */
        r->phase = (size_t)t->phase;
        r->index = (size_t)t->crit_cursor;
    }
    return r;
}

static void ref_free(void *ctx)
{
    crit_ref *r = ctx;
    if (r)
        free(r->base);
    free(r);
}

static const climb_criterion *criterion(tui *t, const crit_ref *r)
{
    return &t->ladder->phases[r->phase].criteria[r->index];
}

/* Applies a state change and says what happened in the key line. */
static void set_state(tui *t, const crit_ref *r, crit_state s, const char *reason)
{
    static const char *const said[] = {"not started:", "in progress:", "met:", "not applicable:"};
    if (ops_set_state(t->model, r->phase, r->index, s, reason, NULL) != 0) {
        tui_message(t, 1, "not saved: %s", ops_error(t->model));
        return;
    }
    tui_message(t, 0, "%s %s", said[s], criterion(t, r)->text);
}

static int has_criteria(tui *t)
{
    return t->ladder->phases[t->phase].n_criteria > 0;
}

static void open_reason_editor(tui *t, crit_ref *r);

/* After "yes": the state asked for (n/a first asks its reason). */
static void untick_confirmed(tui *t, void *ctx)
{
    crit_ref *r = ctx;
    if (r->to != STATE_NA) {
        set_state(t, r, r->to, NULL);
        return;
    }
    crit_ref *again = selected(t);
    if (!again) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
        return; /* GCOVR_EXCL_LINE: out of memory */
    again->phase = r->phase;
    again->index = r->index;
    open_reason_editor(t, again);
}

/* Space, p and x on a met criterion with evidence all come here: the same
 * question before it stops counting as met. 1 when it asked (the change then
 * waits for the answer), 0 when there is nothing to ask. */
static int ask_before_unticking(tui *t, crit_state to)
{
    const model_crit *mc = model_crit_at(t->model, (size_t)t->phase, (size_t)t->crit_cursor);
    if (mc->state != STATE_DONE || (!mc->note && !mc->n_entries))
        return 0;
    crit_ref *r = selected(t);
    if (!r) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
        return 1; /* GCOVR_EXCL_LINE: out of memory */
    r->to = to;
    static const char *const into[] = {"not started", "in progress", "met", "not applicable"};
    char question[256];
    snprintf(question, sizeof question,
             "This criterion has evidence. Untick it anyway? It becomes %s; the "
             "evidence is kept.",
             into[to]);
    confirm_open(t, question, untick_confirmed, r, ref_free);
    return 1;
}

int checklist_toggle(tui *t)
{
    if (!has_criteria(t))
        return DIRTY_NONE;
    crit_ref r = {(size_t)t->phase, (size_t)t->crit_cursor, NULL, STATE_TODO};
    const model_crit *mc = model_crit_at(t->model, r.phase, r.index);
    if (ask_before_unticking(t, STATE_TODO))
        return DIRTY_ALL;
    set_state(t, &r, mc->state == STATE_DONE ? STATE_TODO : STATE_DONE, NULL);
    return DIRTY_STATE;
}

int checklist_doing(tui *t)
{
    if (!has_criteria(t))
        return DIRTY_NONE;
    crit_ref r = {(size_t)t->phase, (size_t)t->crit_cursor, NULL, STATE_TODO};
    crit_state now = model_crit_at(t->model, r.phase, r.index)->state;
    crit_state to = now == STATE_DOING ? STATE_TODO : STATE_DOING;
    if (ask_before_unticking(t, to))
        return DIRTY_ALL;
    set_state(t, &r, to, NULL);
    return DIRTY_STATE;
}

static void reason_done(tui *t, void *ctx, const char *text)
{
    if (!text)
        return;
    const char *why = rules_check_reason(text, strlen(text));
    if (why) {
        tui_message(t, 1, "the reason %s; nothing changed", why);
        return;
    }
    set_state(t, ctx, STATE_NA, text);
}

int checklist_not_applicable(tui *t)
{
    if (!has_criteria(t))
        return DIRTY_NONE;
    crit_ref r = {(size_t)t->phase, (size_t)t->crit_cursor, NULL, STATE_TODO};
    const model_crit *mc = model_crit_at(t->model, r.phase, r.index);
    if (mc->state == STATE_NA) {
        set_state(t, &r, STATE_TODO, NULL);
        return DIRTY_STATE;
    }
    if (ask_before_unticking(t, STATE_NA))
        return DIRTY_ALL;
    crit_ref *copy = selected(t);
    if (copy) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
        open_reason_editor(t, copy);
    return DIRTY_ALL;
}

static void open_reason_editor(tui *t, crit_ref *r)
{
    editor_request req = {"Why does this not apply to you?", NULL, 0, 0, REASON_MAX, NULL};
    editor_open(t, &req, reason_done, r, ref_free);
}

static void open_note_editor(tui *t, crit_ref *r, const char *text, const char *title);

/* Saves the note unless another climb changed it while it was being edited: then
 * nothing is written, and the editor opens again on the person's own text, its
 * title saying so; saving that replaces the other change knowingly. */
static void note_done(tui *t, void *ctx, const char *text)
{
    crit_ref *r = ctx;
    int changed;
    if (!text)
        return;
    const char *why = rules_check_note(text, strlen(text));
    ops_crit_change c = {0, STATE_TODO, NULL, text, r->base, 1, 0};
    int rc = why ? OPS_INVALID : ops_criterion(t->model, r->phase, r->index, &c, &changed);
    if (why) { /* the editor opens again on the text, so nothing typed is lost */
        crit_ref *again = selected(t);
        if (!again) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
            return; /* GCOVR_EXCL_LINE: out of memory */
        again->phase = r->phase;
        again->index = r->index;
        open_note_editor(t, again, text, "Not saved: fix the note, or Esc to leave it");
        tui_message(t, 1, "the note %s", why);
    } else if (rc == OPS_CONFLICT) {
        crit_ref *again = selected(t);
        if (!again) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
            return; /* GCOVR_EXCL_LINE: out of memory */
        again->phase = r->phase;
        again->index = r->index;
        char title[256], why_not[512];
        snprintf(why_not, sizeof why_not, "%s", ops_error(t->model));
        /* the model still holds the note as it was: read the other change, so the
         * editor's base is that note and Ctrl-X then saves over it knowingly */
        int fresh = ops_refresh(t->model);
        if (fresh != 0 && fresh != OPS_RELOADED)
            snprintf(why_not, sizeof why_not, "%s", ops_error(t->model));
        snprintf(title, sizeof title, "Note %s elsewhere: Ctrl-X keeps yours, Esc theirs",
                 model_crit_at(t->model, r->phase, r->index)->note ? "changed" : "removed");
        open_note_editor(t, again, text, title);
        tui_message(t, 1, "not saved yet: %s", why_not);
    } else if (rc != 0) {
        tui_message(t, 1, "note not saved: %s", ops_error(t->model));
    } else {
        tui_message(t, 0, changed ? (*text ? "note saved" : "note removed") : "note unchanged");
    }
}

static void open_note_editor(tui *t, crit_ref *r, const char *text, const char *title)
{
    const char *stored = model_crit_at(t->model, r->phase, r->index)->note;
    r->base = strdup(stored ? stored : "");
    if (!r->base) { /* GCOVR_EXCL_START: strdup fails only when out of memory */
        ref_free(r);
        return;
    } /* GCOVR_EXCL_STOP */
    /* Esc asks unless the text is the stored note (after a refused save, it is not) */
    editor_request req = {title, text, 1, 1, NOTE_MAX, r->base};
    editor_open(t, &req, note_done, r, ref_free);
}

int checklist_note(tui *t)
{
    if (!has_criteria(t))
        return DIRTY_NONE;
    crit_ref *r = selected(t);
    if (!r) /* GCOVR_EXCL_BR_LINE: selected fails only when out of memory */
        return DIRTY_NONE; /* GCOVR_EXCL_LINE: out of memory */
    char title[256];
    snprintf(title, sizeof title, "Evidence: %s", criterion(t, r)->id);
    open_note_editor(t, r, model_crit_at(t->model, r->phase, r->index)->note, title);
    return DIRTY_ALL;
}

static void stale_done(tui *t, void *ctx, const char *text)
{
    char *end;
    (void)ctx;
    if (!text)
        return;
    long months = strtol(text, &end, 10);
    while (*end == ' ')
        end++;
    if (end == text || *end || rules_check_stale_months(months)) {
        tui_message(t, 1, "not a number of months from 1 to 120: %s", text);
        return;
    }
    if (ops_set_stale_months(t->model, (int)months) != 0) {
        tui_message(t, 1, "not saved: %s", ops_error(t->model));
        return;
    }
    tui_message(t, 0, "Evidence older than %ld months is now flagged as stale.", months);
}

int checklist_stale_period(tui *t)
{
    char now[16], title[96];
    snprintf(now, sizeof now, "%d", t->model->stale_months);
    snprintf(title, sizeof title, "Flag evidence older than how many months? (now %d)",
             t->model->stale_months);
    editor_request req = {title, now, 0, 0, 8, NULL};
    editor_open(t, &req, stale_done, NULL, NULL);
    return DIRTY_ALL;
}
