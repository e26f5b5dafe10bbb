/* view_checkin.c - a check-in as a TUI view: the offer when one is due, one
 * screen per criterion of the phase being worked on, and a summary. Each state
 * or note change is saved at once through the operations layer (ops_set_state;
 * the note through the Checklist's own editor, so a note changed elsewhere meanwhile
 * is handled as there); the check-in itself is recorded (ops_checkin_record) when
 * the last criterion is passed. Esc before that leaves no check-in, only the
 * changes already made. What each criterion was when the check-in began is kept
 * here to count and show what changed. */
#include "climb/view_checkin.h"
#include "climb/checklist_actions.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/ops_checkin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { STAGE_OFFER, STAGE_CRIT, STAGE_SUMMARY } checkin_stage;

typedef struct {
    crit_state state;
    char *note;
} before_row;

typedef struct {
    checkin_stage stage;
    size_t phase, i, n;  /* the phase walked, the criterion shown, how many */
    before_row *before;  /* each criterion as the check-in found it */
    char due[256];       /* the offer's sentence */
    int changed;         /* counted at the summary */
    int saved;           /* the check-in event was recorded */
    const char *hint;
} checkin_state;

static const char *const MARKS[] = {"[ ]", "[~]", "[x]", "[-]"};
static const char *const STATE_WORDS[] = {"not started", "in progress", "met",
                                          "not applicable"};

/* --- the title bar's words, refreshed outside painting ---------------------- */

static struct {
    long long profile;
    unsigned generation;
    time_t read_at;
    char text[64];
} bar;

const char *checkin_view_bar(void)
{
    return bar.text;
}

int checkin_view_refresh(tui *t)
{
    climb_model *m = t->model;
    time_t wall = time(NULL);
    if (bar.read_at && bar.profile == m->profile.id && bar.generation == m->generation &&
        wall - bar.read_at < 60)
        return DIRTY_NONE;
    checkin_facts f;
    char text[64] = "";
    long long now = clock_now();
    if (ops_checkin_facts(m, now, &f) == 0 && f.cadence_days > 0) {
        if (checkin_is_due(&f, now)) {
            snprintf(text, sizeof text, "check-in due");
        } else {
            int left = f.cadence_days - checkin_days_since(f.last_update, now);
            snprintf(text, sizeof text, "next check-in in %d %s", left, left == 1 ? "day" : "days");
        }
    }
    bar.profile = m->profile.id;
    bar.generation = m->generation;
    bar.read_at = wall;
    if (strcmp(text, bar.text) == 0)
        return DIRTY_NONE;
    snprintf(bar.text, sizeof bar.text, "%s", text);
    return DIRTY_BARS;
}

/* --- drawing ------------------------------------------------------------------ */

typedef struct {
    WINDOW *w;
    int x, width, y, bottom;
} flow;

static void put(flow *f, const char *s, attr_t a)
{
    if (f->y < f->bottom)
        f->y += draw_wrapped(f->w, f->y, f->x, f->width, 0, f->bottom - f->y, s, a);
}

static void gap(flow *f)
{
    f->y++;
}

static const climb_phase *phase_of(tui *t, const checkin_state *cs)
{
    return &t->ladder->phases[cs->phase];
}

static void draw_offer(tui *t, checkin_state *cs, flow *f)
{
    char line[512];
    put(f, "A check-in is due", draw_style(ST_HEADING));
    gap(f);
    put(f, cs->due, A_NORMAL);
    gap(f);
    snprintf(line, sizeof line,
             "It walks the %zu criteria of Phase %d (%s), one screen each: what changed since"
             " you last looked? Changes are saved as you make them.",
             cs->n, phase_of(t, cs)->number, phase_of(t, cs)->title);
    put(f, line, A_NORMAL);
    gap(f);
    put(f, "Enter: start the check-in   s or Esc: later (C starts one any time)",
        draw_style(ST_MARK));
}

static void draw_criterion(tui *t, checkin_state *cs, flow *f)
{
    const climb_criterion *c = &phase_of(t, cs)->criteria[cs->i];
    const model_crit *mc = model_crit_at(t->model, cs->phase, cs->i);
    char line[512], date[16] = "";
    snprintf(line, sizeof line, "Phase %d %s criterion %zu of %zu", phase_of(t, cs)->number,
             draw_glyph(GL_DOT), cs->i + 1, cs->n);
    put(f, line, draw_style(ST_HEADING));
    gap(f);
    put(f, c->text, A_BOLD);
    gap(f);
    if (mc->state == STATE_DONE)
        clock_format_local_date(mc->done_at, date, sizeof date);
    snprintf(line, sizeof line, "Now: %s %s%s%s", MARKS[mc->state], STATE_WORDS[mc->state],
             *date ? " since " : "", date);
    put(f, line, A_NORMAL);
    if (mc->state == STATE_NA && mc->reason) {
        snprintf(line, sizeof line, "Reason: %s", mc->reason);
        put(f, line, draw_style(ST_DIM));
    }
    snprintf(line, sizeof line, "Evidence: %s", mc->note ? mc->note : "none yet");
    put(f, line, mc->note ? A_NORMAL : draw_style(ST_DIM));
    if (model_is_stale(t->model, mc, clock_now()))
        put(f, "This evidence is stale: is there something newer?", draw_style(ST_MARK));
    gap(f);
    put(f, "What changed? 1 not started, 2 in progress, 3 met; n writes the evidence.",
        A_NORMAL);
    if (cs->hint) {
        gap(f);
        put(f, cs->hint, draw_style(ST_MARK));
    }
}

/* One line per criterion: its mark now and what the check-in changed. */
static void draw_summary(tui *t, checkin_state *cs, flow *f)
{
    char line[768], when[32];
    snprintf(line, sizeof line, "Check-in of Phase %d (%s): %zu %s reviewed, %d changed",
             phase_of(t, cs)->number, phase_of(t, cs)->title, cs->n,
             cs->n == 1 ? "criterion" : "criteria", cs->changed);
    put(f, line, draw_style(ST_HEADING));
    gap(f);
    for (size_t i = 0; i < cs->n; i++) {
        const model_crit *mc = model_crit_at(t->model, cs->phase, i);
        const before_row *b = &cs->before[i];
        int note_changed = !((!b->note && !mc->note) ||
                             (b->note && mc->note && strcmp(b->note, mc->note) == 0));
        char what[128] = "no change";
        if (mc->state != b->state)
            snprintf(what, sizeof what, "was %s%s", STATE_WORDS[b->state],
                     note_changed ? "; evidence updated" : "");
        else if (note_changed)
            snprintf(what, sizeof what, "evidence updated");
        snprintf(line, sizeof line, "%s %s  (%s)", MARKS[mc->state],
                 phase_of(t, cs)->criteria[i].text, what);
        put(f, line, mc->state != b->state || note_changed ? A_BOLD : A_NORMAL);
    }
    gap(f);
    if (!cs->saved) {
        put(f, "The check-in was not recorded; the changes above are saved.", draw_style(ST_MARK));
        return;
    }
    clock_format_local_minute(clock_now(), when, sizeof when);
    snprintf(line, sizeof line, "Check-in saved %s; it shows in History (H).", when);
    put(f, line, draw_style(ST_DIM));
    if (t->model->profile.checkin_days > 0) {
        char next[16];
        clock_format_local_date(clock_now() + (long long)t->model->profile.checkin_days * 86400,
                                next, sizeof next);
        snprintf(line, sizeof line, "Next check-in due %s.", next);
        put(f, line, draw_style(ST_DIM));
    }
}

/* The view's own commands; the grammar's keys run VIEW_CMD_* (view.h): closing
 * is "later" at the offer and leaving (no check-in recorded) at a criterion. */
enum { CMD_START = 1, CMD_STATE, CMD_NOTE, CMD_NEXT, CMD_BACK };

static const view_key OFFER_KEYS[] = {
    {'\n', KEY_ENTER, CMD_START, "Enter", "start the check-in"},
    {'\r', 0, CMD_START, "Ctrl-M", NULL},
    {'y', 0, CMD_START, "y", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "not now (C starts one any time)"},
    {'s', 0, VIEW_CMD_CLOSE, "s", NULL},
    {'n', 0, VIEW_CMD_CLOSE, "n", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_key CRIT_KEYS[] = {
    {'1', 0, CMD_STATE, "1", "not started"},
    {'2', 0, CMD_STATE, "2", "in progress"},
    {'3', 0, CMD_STATE, "3", "met"},
    {'n', 0, CMD_NOTE, "n", "write the evidence note"},
    {'\n', KEY_ENTER, CMD_NEXT, "Enter", "next criterion (after the last: the summary)"},
    {'\r', 0, CMD_NEXT, "Ctrl-M", NULL},
    {0, KEY_RIGHT, CMD_NEXT, "Right", NULL},
    {127, KEY_BACKSPACE, CMD_BACK, "Backspace", "previous criterion"},
    {8, 0, CMD_BACK, "Ctrl-H", NULL},
    {0, KEY_LEFT, CMD_BACK, "Left", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "leave; changes stay, no check-in recorded"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_key SUMMARY_KEYS[] = {
    {'\n', KEY_ENTER, VIEW_CMD_CLOSE, "Enter", "close"},
    {'\r', 0, VIEW_CMD_CLOSE, "Ctrl-M", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

const view_key *const checkin_key_tables[] = {OFFER_KEYS, CRIT_KEYS, SUMMARY_KEYS, NULL};

static const view_hint_item OFFER_HINT[] = {
    {CMD_START, 0, "start"}, {VIEW_CMD_CLOSE, 0, "later"}, {0, 0, NULL},
};
static const view_hint_item CRIT_HINT[] = {
    {CMD_STATE, 0, "state"}, {CMD_NOTE, 0, "evidence"}, {CMD_NEXT, 0, "next"},
    {CMD_BACK, 0, "back"}, {VIEW_CMD_CLOSE, 0, "leave"}, {0, 0, NULL},
};
static const view_hint_item SUMMARY_HINT[] = {{VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL}};

/* The footer of the stage in front, from its key table. */
static void footer(const checkin_state *cs, int width, char *buf, size_t len)
{
    static const view_key *const tables[] = {OFFER_KEYS, CRIT_KEYS, SUMMARY_KEYS};
    static const view_hint_item *const hints[] = {OFFER_HINT, CRIT_HINT, SUMMARY_HINT};
    view_hint(tables[cs->stage], hints[cs->stage], width, buf, len);
}

static void checkin_draw(tui *t, void *state)
{
    checkin_state *cs = state;
    WINDOW *win = draw_screen_window(t->rows, t->cols); /* all but the title bar */
    if (!win)
        return;
    int w = getmaxx(win), h = getmaxy(win);
    draw_box(win, cs->stage == STAGE_SUMMARY ? "Check-in summary" : "Check-in", 1);
    flow f = {win, 2, w - 4 < 76 ? w - 4 : 76, 1, h - 2};
    if (cs->stage == STAGE_OFFER)
        draw_offer(t, cs, &f);
    else if (cs->stage == STAGE_CRIT)
        draw_criterion(t, cs, &f);
    else
        draw_summary(t, cs, &f);
    char hint[256];
    footer(cs, w - 4, hint, sizeof hint);
    draw_text(win, h - 2, 2, w - 4, hint, draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

/* --- keys ----------------------------------------------------------------------- */

static const view_key *checkin_keys(void *state)
{
    const checkin_state *cs = state;
    return cs->stage == STAGE_OFFER  ? OFFER_KEYS
           : cs->stage == STAGE_CRIT ? CRIT_KEYS
                                     : SUMMARY_KEYS;
}

/* Shows criterion i in the panes behind too: the note editor works on it. */
static void show_criterion(tui *t, checkin_state *cs, size_t i)
{
    cs->i = i;
    cs->hint = NULL;
    tui_select_phase(t, (int)cs->phase);
    t->crit_cursor = (int)i;
}

/* Counts what changed and records the check-in; moves to the summary. */
static void finish(tui *t, checkin_state *cs)
{
    cs->changed = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const model_crit *mc = model_crit_at(t->model, cs->phase, i);
        const before_row *b = &cs->before[i];
        cs->changed += mc->state != b->state ||
                       !((!b->note && !mc->note) ||
                         (b->note && mc->note && strcmp(b->note, mc->note) == 0));
    }
    ops_checkin_summary s = {cs->phase, (int)cs->n, cs->changed};
    cs->saved = ops_checkin_record(t->model, &s) == 0;
    if (!cs->saved)
        tui_message(t, 1, "check-in not recorded: %s", ops_error(t->model));
    cs->stage = STAGE_SUMMARY;
    checkin_view_refresh(t);
}

static int handle_criterion(tui *t, checkin_state *cs, int cmd, int key)
{
    switch (cmd) {
    case CMD_STATE: {
        crit_state s = key == '1' ? STATE_TODO : key == '2' ? STATE_DOING : STATE_DONE;
        if (ops_set_state(t->model, cs->phase, cs->i, s, NULL, NULL) != 0)
            tui_message(t, 1, "not saved: %s", ops_error(t->model));
        cs->hint = NULL;
        break;
    }
    case CMD_NOTE: checklist_note(t); break; /* the editor opens over this view */
    case CMD_NEXT:
        if (cs->i + 1 < cs->n)
            show_criterion(t, cs, cs->i + 1);
        else
            finish(t, cs);
        break;
    case CMD_BACK:
        if (cs->i > 0)
            show_criterion(t, cs, cs->i - 1);
        else
            cs->hint = "This is the first criterion; Esc leaves the check-in.";
        break;
    case VIEW_CMD_CLOSE:
        tui_pop_view(t);
        tui_message(t, 0, "Check-in left; changes made are saved, no check-in was recorded.");
        break;
    default: cs->hint = "1 2 3 set the state, n the evidence; Enter next, Esc leaves.";
    }
    return DIRTY_ALL;
}

static int checkin_handle(tui *t, void *state, int key, int is_char, action a)
{
    checkin_state *cs = state;
    int cmd = view_key_cmd(checkin_keys(cs), key, is_char);
    (void)a;
    switch (cs->stage) {
    case STAGE_OFFER:
        if (cmd == CMD_START) {
            cs->stage = STAGE_CRIT;
            show_criterion(t, cs, 0);
        } else if (cmd == VIEW_CMD_CLOSE) {
            tui_pop_view(t);
            tui_message(t, 0, "Check-in later; press C to start one any time.");
        }
        return DIRTY_ALL;
    case STAGE_CRIT: return handle_criterion(t, cs, cmd, key);
    default:
        if (cmd == VIEW_CMD_CLOSE)
            tui_pop_view(t);
        return DIRTY_ALL;
    }
}

static void checkin_close(void *state)
{
    checkin_state *cs = state;
    for (size_t i = 0; i < cs->n; i++)
        free(cs->before[i].note);
    free(cs->before);
    free(cs);
}

const view_ops checkin_view = {"check-in", checkin_draw, checkin_handle, checkin_close,
                               checkin_keys};

static void open_at(tui *t, checkin_stage stage, const char *due)
{
    size_t p = ops_checkin_phase(t->model);
    size_t n = t->ladder->n_phases ? t->ladder->phases[p].n_criteria : 0;
    checkin_state *cs = n ? calloc(1, sizeof *cs) : NULL;
    if (cs)
        cs->before = calloc(n, sizeof *cs->before);
    if (!cs || !cs->before) {
        free(cs);
        tui_message(t, 1, n ? "out of memory" : "this ladder has no criteria to check in on");
        return;
    }
    cs->stage = stage;
    cs->phase = p;
    cs->n = n;
    for (size_t i = 0; i < n; i++) {
        const model_crit *mc = model_crit_at(t->model, p, i);
        cs->before[i].state = mc->state;
        cs->before[i].note = mc->note ? strdup(mc->note) : NULL;
    }
    snprintf(cs->due, sizeof cs->due, "%s", due ? due : "");
    if (stage == STAGE_CRIT)
        show_criterion(t, cs, 0);
    tui_push_view(t, &checkin_view, cs);
}

void checkin_view_open(tui *t)
{
    open_at(t, STAGE_CRIT, NULL);
}

void checkin_view_offer(tui *t)
{
    checkin_facts f;
    char due[256];
    long long now = clock_now();
    if (ops_checkin_facts(t->model, now, &f) != 0 || !checkin_is_due(&f, now))
        return;
    checkin_due_sentence(&f, now, due, sizeof due);
    due[0] = 'C'; /* a sentence of its own here: "Check-in due: ..." */
    open_at(t, STAGE_OFFER, due);
}
