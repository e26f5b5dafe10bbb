/* tui.c - the full-screen interface: terminal set-up and restore, the layout of
 * the three panes, the title and key lines, and the one event loop. Handlers say
 * what changed; the loop repaints only those windows and calls doupdate() once
 * before reading the next key. */
#include "climb/tui.h"
#include "climb/config.h"
#include "climb/draw.h"
#include "climb/input.h"
#include "climb/ladder_text.h"
#include "climb/view.h"
#include "climb/checklist_actions.h"
#include "climb/wrap_cache.h"
#include "climb/text.h"
#include "climb/view_profiles.h"
#include "climb/view_quiz.h"
#include "climb/view_ladder_update.h"
#include "climb/view_faq.h"
#include "climb/view_resources.h"
#include "climb/view_roadblocks.h"
#include "climb/view_search.h"
#include "climb/view_export.h"
#include "climb/view_history.h"
#include "climb/view_evidence.h"
#include "climb/view_checkin.h"
#include "climb/view_overview.h"
#include "climb/ops.h"
#include "climb/pane_size.h"
#include "climb/tui_unsaved.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    MIN_COLS = 40, MIN_ROWS = 12, WIDE_COLS = 80,
    LADDER_MIN_W = 23, LADDER_MAX_W = 46, /* the Ladder pane: 28% of the width, within these */
    MESSAGE_SECONDS = 4,
};

static const pane_ops *const PANES[PANE_COUNT] = {&ladder_pane, &phase_pane, &checklist_pane};
static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static long long now_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

void tui_message(tui *t, int is_error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->message, sizeof t->message, fmt, ap);
    va_end(ap);
    t->message_is_error = is_error;
    t->message_seq++;
    t->message_ms = now_ms();
}

/* Takes the message away; the pane rows it covered repaint. */
static int clear_message(tui *t)
{
    if (!t->message[0])
        return DIRTY_NONE;
    t->message[0] = '\0';
    /* Without a view the message lay over the panes' last body row, whose cells
     * their windows still hold: showing that row again is enough. */
    return t->n_views ? DIRTY_ALL : DIRTY_UNDER_MESSAGE;
}

/* Shows again the row the message covered: each window over it, stdscr first. */
static void show_under_message(tui *t)
{
    int row = t->rows - 2;
    WINDOW *under[1 + PANE_COUNT] = {stdscr};
    for (int i = 0; i < PANE_COUNT; i++)
        under[1 + i] = t->win[i];
    for (int i = 0; i < 1 + PANE_COUNT; i++) {
        WINDOW *w = under[i];
        if (!w || row < getbegy(w) || row >= getbegy(w) + getmaxy(w))
            continue;
        touchline(w, row - getbegy(w), 1);
        wnoutrefresh(w);
    }
}

int tui_push_view(tui *t, const view_ops *ops, void *state)
{
    if (t->n_views == VIEW_STACK) {
        if (ops->close)
            ops->close(state);
        return -1;
    }
    t->views[t->n_views] = ops;
    t->view_state[t->n_views++] = state;
    return 0;
}

void tui_pop_view(tui *t)
{
    if (t->n_views == 0)
        return;
    t->n_views--;
    if (t->views[t->n_views]->close)
        t->views[t->n_views]->close(t->view_state[t->n_views]);
}

void tui_select_phase(tui *t, int p)
{
    t->phase = p;
    t->crit_cursor = t->phase_scroll = t->check_scroll = 0;
    int level = content_level_index(t->ladder, t->ladder->phases[p].level);
    if (level >= 0)
        t->level_cursor = level;
}

static void free_windows(tui *t)
{
    for (int i = 0; i < PANE_COUNT; i++) {
        if (t->win[i])
            delwin(t->win[i]);
        t->win[i] = NULL;
    }
    if (t->title_bar)
        delwin(t->title_bar);
    if (t->key_bar)
        delwin(t->key_bar);
    if (t->message_bar)
        delwin(t->message_bar);
    t->title_bar = t->key_bar = t->message_bar = NULL;
}

/* Rows for the Phase pane above the Checklist (side by side): its need when both
 * fit; otherwise at most half (less when the Checklist needs less than the rest),
 * and the Checklist at least 6 rows. */
static int phase_rows_wide(tui *t, int body, int width)
{
    int phase = phase_pane_rows(t, width), check = checklist_pane_rows(t, width);
    if (phase + check <= body)
        return phase; /* the Checklist, which grows as notes are shown, keeps the rest */
    int half = body / 2;
    if (phase > half)
        phase = check < body - half ? body - check : half;
    if (body - phase < 6)
        phase = body - 6;
    return phase < 3 ? 3 : phase;
}

/* The stacked layout (under 80 columns), Checklist first: on a very short
 * screen the Phase pane and the Ladder are one summary line each. Otherwise the
 * Ladder gets what its list and the selected level's detail need, up to a third
 * of the height; the pane being read (the Checklist, or the Phase pane while it
 * has the focus or shows the explanation) gets two thirds of the rest, or all
 * the other leaves, but no more than it needs while the other needs more; rows
 * nobody needs go back to the Ladder, then to the pane being read. */
static void stacked_rows(tui *t, int body, int *check, int *phase, int *ladder)
{
    if (body < 16) { /* 40x12 and the like */
        *phase = *ladder = 1;
        *check = body - 2;
        return;
    }
    int want_ladder = ladder_pane_rows(t, t->cols), want_phase = phase_pane_rows(t, t->cols - 2);
    int want_check = checklist_pane_rows(t, t->cols - 2);
    *ladder = want_ladder < body / 3 ? want_ladder : body / 3;
    int rest = body - *ladder;
    int reading = t->focus == PANE_PHASE || t->phase_tab; /* the explanation is read */
    int *first = reading ? phase : check, *second = first == phase ? check : phase;
    int want_first = first == phase ? want_phase : want_check;
    int want_second = first == phase ? want_check : want_phase;
    *first = rest * 2 / 3 > rest - want_second ? rest * 2 / 3 : rest - want_second;
    if (*first > want_first)
        *first = want_first;
    *second = rest - *first;
    if (*second > want_second) { /* rows to spare: the Ladder's detail, then the reader */
        int spare = *second - want_second, more = want_ladder - *ladder;
        more = more < 0 ? 0 : more < spare ? more : spare;
        *ladder += more;
        *second = want_second;
        *first += spare - more;
    }
}

/* Lays the panes out for the current size: side by side from 80 columns, stacked
 * (Checklist first) below that, "too small" under the minimum. */
static void layout(tui *t)
{
    free_windows(t);
    getmaxyx(stdscr, t->rows, t->cols);
    t->too_small = t->cols < MIN_COLS || t->rows < MIN_ROWS;
    if (t->too_small)
        return;
    int body = t->rows - 2;
    t->title_bar = newwin(1, t->cols, 0, 0);
    t->key_bar = newwin(1, t->cols, t->rows - 1, 0);
    t->message_bar = newwin(1, t->cols, t->rows - 2, 0);
    if (t->cols >= WIDE_COLS) {
        int lw = t->cols * 28 / 100;
        lw = lw < LADDER_MIN_W ? LADDER_MIN_W : lw > LADDER_MAX_W ? LADDER_MAX_W : lw;
        int right = t->cols - lw, top = phase_rows_wide(t, body, right - 2);
        t->phase_rows = top;
        t->win[PANE_LADDER] = newwin(body, lw, 1, 0);
        t->win[PANE_PHASE] = newwin(top, right, 1, lw);
        t->win[PANE_CHECKLIST] = newwin(body - top, right, 1 + top, lw);
    } else {
        int check, phase, ladder;
        stacked_rows(t, body, &check, &phase, &ladder);
        t->phase_rows = phase;
        t->win[PANE_CHECKLIST] = newwin(check, t->cols, 1, 0);
        t->win[PANE_PHASE] = newwin(phase, t->cols, 1 + check, 0);
        t->win[PANE_LADDER] = newwin(ladder, t->cols, 1 + check + phase, 0);
    }
}

/* 1 when the panes would now share the height differently (another phase, the
 * other tab, notes shown in full): the loop lays them out again. */
static int split_changed(tui *t)
{
    if (t->too_small || !t->win[PANE_PHASE])
        return 0;
    int body = t->rows - 2, phase;
    if (t->cols >= WIDE_COLS) {
        phase = phase_rows_wide(t, body, getmaxx(t->win[PANE_PHASE]) - 2);
    } else {
        int check, ladder;
        stacked_rows(t, body, &check, &phase, &ladder);
    }
    return phase != t->phase_rows;
}

/* Title and quiz placement for the title bar ("" when unset), each ending in " · ". */
static void title_segments(tui *t, char *title, size_t tlen, char *placed, size_t plen)
{
    const climb_level *lv =
        t->model->profile.title ? content_level(t->ladder, t->model->profile.title) : NULL;
    quiz_attempt at;
    char edge[32] = "";
    title[0] = placed[0] = '\0';
    if (lv)
        snprintf(title, tlen, "%s title %s %s ", draw_glyph(GL_TITLE), lv->name,
                 draw_glyph(GL_DOT));
    if (model_placement(t->model, &at) == 0) {
        if (at.on_edge_of)
            snprintf(edge, sizeof edge, ", edge of %d", at.on_edge_of);
        snprintf(placed, plen, "%s quiz Phase %d%s %s ", draw_glyph(GL_PLACED), at.phase, edge,
                 draw_glyph(GL_DOT));
    }
}

static void draw_title_bar(tui *t)
{
    WINDOW *w = t->title_bar;
    attr_t a = draw_style(ST_TITLE_BAR);
    char left[512], short_left[320], right[512], short_right[512], title[96], placed[96];
    char reach[128];
    int done, total;
    ladder_progress(t->ladder, model_progress_level(t->model), model_progress_operating(t->model),
                    reach, sizeof reach);
    model_phase_counts(t->model, (size_t)t->phase, &done, &total);
    const char *ro = ops_read_only(t->model) ? " (read-only)" : "";
    snprintf(left, sizeof left, " climb %s %s %s %s%s", draw_glyph(GL_DOT), t->ladder->name,
             draw_glyph(GL_DOT), t->model->profile.name, ro);
    snprintf(short_left, sizeof short_left, " climb %s %s%s", draw_glyph(GL_DOT),
             t->model->profile.name, ro);
    title_segments(t, title, sizeof title, placed, sizeof placed);
    char checkin[96] = "";
    if (*checkin_view_bar())
        snprintf(checkin, sizeof checkin, "%s %s ", checkin_view_bar(), draw_glyph(GL_DOT));
    snprintf(right, sizeof right, "%s%s%sticks reach %s %s phase %d: %d/%d ", checkin, title,
             placed, reach, draw_glyph(GL_DOT),
             t->ladder->phases[t->phase].number, done, total);
    snprintf(short_right, sizeof short_right, "%s%s%sphase %d: %d/%d ", checkin, title, placed,
             t->ladder->phases[t->phase].number, done, total);
    /* Drop the ladder's name first, then "ticks reach", before clipping. */
    const char *l = left, *r = right;
    if (text_width(l) + text_width(r) + 1 > t->cols)
        l = short_left;
    if (text_width(l) + text_width(r) + 1 > t->cols)
        r = short_right;
    draw_fill(w, 0, 0, t->cols, a);
    int rw = text_width(r);
    if (text_width(l) + rw + 1 <= t->cols) {
        draw_text(w, 0, 0, t->cols - rw - 1, l, a);
        draw_text(w, 0, t->cols - rw, rw, r, a);
    } else { /* narrow: the name, then as much of the rest as fits */
        int used = draw_text(w, 0, 0, t->cols, l, a);
        draw_text(w, 0, used + 1, t->cols - used - 1, r, a);
    }
    wnoutrefresh(w);
}

/* The key of an action the key line names: its first key that is not a Ctrl
 * combination (q rather than Ctrl-C, a rebound ; rather than Ctrl-C), else its
 * first; "" when it has none. */
static void first_key(action a, char *buf, size_t len)
{
    char all[128];
    keymap_keys(a, all, sizeof all);
    const char *pick = all;
    for (const char *k = all; *k; k += strcspn(k, " "), k += *k == ' ') {
        if (strncmp(k, "Ctrl-", 5) != 0) {
            pick = k;
            break;
        }
    }
    snprintf(buf, len, "%.*s", (int)strcspn(pick, " "), pick);
}

/* The key line from the key table, so a rebound key shows its new key:
 * "Space tick  o overview  i explain  1-4 phase  Tab pane  ? help  q quit" (the
 * arrows are left to help, so the line fits 80 columns), shorter when narrow. */
static void key_line(char *buf, size_t len, int cols)
{
    char tick[32], overview[32], explain[32], pane[32], help[32], quit[32];
    first_key(ACT_TOGGLE, tick, sizeof tick);
    first_key(ACT_OVERVIEW, overview, sizeof overview);
    first_key(ACT_PHASE_TAB, explain, sizeof explain);
    first_key(ACT_NEXT_PANE, pane, sizeof pane);
    first_key(ACT_HELP, help, sizeof help);
    first_key(ACT_QUIT, quit, sizeof quit);
    if (cols >= 72)
        snprintf(buf, len, "%s tick  %s overview  %s explain  1-4 phase  %s pane  %s help  %s quit",
                 tick, overview, explain, pane, help, quit);
    else if (cols >= 52) /* narrow: tick, the overview, moving, help and quit */
        snprintf(buf, len, "%s tick  %s overview  %s pane  %s help  %s quit", tick, overview, pane,
                 help, quit);
    else
        snprintf(buf, len, "%s tick  %s pane  %s help  %s quit", tick, pane, help, quit);
}

/* The key line is always the key hints; messages have their own row above it. */
static void draw_key_bar(tui *t)
{
    WINDOW *w = t->key_bar;
    char keys[256];
    werase(w);
    key_line(keys, sizeof keys, t->cols);
    draw_text(w, 0, 1, t->cols - 2, keys, draw_style(ST_KEYS));
    wnoutrefresh(w);
}

/* The message, over the last body row while it lasts (the panes do not move);
 * while a view is open, in the key line, whose main-view keys do not apply then
 * (a view's own keys are inside it). */
static void draw_message(tui *t)
{
    WINDOW *w = t->n_views ? t->key_bar : t->message_bar;
    if (!t->message[0] || !w)
        return;
    attr_t a = draw_style(t->message_is_error ? ST_ERROR : ST_MESSAGE);
    draw_fill(w, 0, 0, t->cols, a);
    draw_text(w, 0, 1, t->cols - 2, t->message, a);
    wnoutrefresh(w);
}

static void draw_too_small(tui *t)
{
    werase(stdscr);
    char msg[64];
    snprintf(msg, sizeof msg, "terminal too small (%dx%d); need %dx%d", t->cols, t->rows,
             MIN_COLS, MIN_ROWS);
    for (int y = 0; y < t->rows; y++) /* wrap the message over the few rows there are */
        if (draw_wrapped(stdscr, 0, 0, t->cols, 0, t->rows, msg, A_BOLD) <= y + 1)
            break;
    wnoutrefresh(stdscr);
}

static void paint(tui *t, int dirty)
{
    if (t->too_small) {
        draw_too_small(t);
        doupdate();
        return;
    }
    if (dirty & DIRTY_LAYOUT) {
        werase(stdscr);
        wnoutrefresh(stdscr);
    }
    if (dirty & DIRTY_UNDER_MESSAGE)
        show_under_message(t);
    for (int i = 0; i < PANE_COUNT; i++) {
        if (dirty & (1 << i)) {
            PANES[i]->draw(t, t->win[i], t->focus == i);
            wnoutrefresh(t->win[i]);
        }
    }
    if (dirty & DIRTY_BARS) {
        draw_title_bar(t);
        draw_key_bar(t);
    }
    /* Views draw over the panes; a view that changes repaints what lies under it. */
    for (int i = 0; i < t->n_views && dirty; i++)
        t->views[i]->draw(t, t->view_state[i]);
    if (dirty)
        draw_message(t); /* over whatever repainted under it */
    doupdate();
}

/* Moves the focus; only the two panes whose border and cursor change repaint. */
static int focus_to(tui *t, int pane)
{
    int before = t->focus;
    t->focus = pane;
    return (1 << before) | (1 << pane);
}

/* Actions every pane shares; the focused pane gets the rest first. */
static int dispatch(tui *t, action a)
{
    int r = PANES[t->focus]->handle(t, a);
    if (r != NOT_HANDLED)
        return r;
    switch (a) {
    case ACT_QUIT: t->quit = 1; return DIRTY_NONE;
    case ACT_SUSPEND: /* curses's own SIGTSTP handler leaves and restores the screen */
        raise(SIGTSTP);
        return DIRTY_LAYOUT;
    case ACT_HELP: help_open(t); return DIRTY_ALL;
    case ACT_QUIZ: quiz_view_open(t); return DIRTY_ALL;
    case ACT_OVERVIEW: overview_view_open(t); return DIRTY_ALL;
    case ACT_PHASE_TAB:
        t->phase_tab = !t->phase_tab;
        t->phase_scroll = 0; /* and the focus, so that Up/Down scroll what was chosen */
        return focus_to(t, PANE_PHASE) | DIRTY_PHASE;
    case ACT_PROFILES: profiles_view_open(t); return DIRTY_ALL;
    case ACT_SET_TITLE:
        tui_message(t, 0, "Press t in the Ladder pane (h goes there) on the level you hold.");
        return DIRTY_BARS;
    case ACT_SET_TARGET:
        tui_message(t, 0, "Press T in the Ladder pane (h goes there) on the level you aim for.");
        return DIRTY_BARS;
    case ACT_ROADBLOCKS: roadblocks_view_open(t, 0); return DIRTY_ALL;
    case ACT_RESOURCES: resources_view_open(t, -1); return DIRTY_ALL;
    case ACT_FAQ: faq_view_open(t, 0); return DIRTY_ALL;
    case ACT_SEARCH: search_view_open(t); return DIRTY_ALL;
    case ACT_EXPORT: export_view_open(t); return DIRTY_ALL;
    case ACT_HISTORY: history_view_open(t); return DIRTY_ALL;
    case ACT_EVIDENCE: evidence_view_open(t); return DIRTY_ALL;
    case ACT_CHECK: evidence_check_view_open(t); return DIRTY_ALL;
    case ACT_CHECKIN: checkin_view_open(t); return DIRTY_ALL;
    case ACT_UNDO: return history_undo(t);
    case ACT_REDO: return history_redo(t);
    case ACT_STALE: return checklist_stale_period(t);
    case ACT_REDRAW: clear_message(t); clearok(curscr, TRUE); return DIRTY_LAYOUT;
    case ACT_NOTES: t->show_notes = !t->show_notes; return DIRTY_CHECKLIST;
    case ACT_NEXT_PANE: return focus_to(t, (t->focus + 1) % PANE_COUNT);
    case ACT_PREV_PANE: return focus_to(t, (t->focus + PANE_COUNT - 1) % PANE_COUNT);
    case ACT_LEFT: return focus_to(t, PANE_LADDER);
    case ACT_RIGHT: return focus_to(t, t->focus == PANE_LADDER ? PANE_CHECKLIST : t->focus);
    case ACT_PHASE1: case ACT_PHASE2: case ACT_PHASE3: case ACT_PHASE4: {
        int p = a - ACT_PHASE1;
        if (p >= (int)t->ladder->n_phases)
            return DIRTY_NONE;
        tui_select_phase(t, p);
        t->focus = PANE_CHECKLIST;
        return DIRTY_ALL;
    }
    default: return DIRTY_NONE;
    }
}

/* Applies a <resize COLSxROWS> from a key file, as a terminal resize would. */
static int headless_resize(const key_source *in)
{
    resize_term(in->resize_rows, in->resize_cols);
    return DIRTY_LAYOUT;
}

/* Clicks select a pane and an item (pane click ops); the wheel scrolls the pane
 * under the pointer. Views and a too-small screen ignore the mouse. */
static int handle_mouse(tui *t)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || t->n_views > 0 || t->too_small)
        return DIRTY_NONE;
    for (int i = 0; i < PANE_COUNT; i++) {
        int y = ev.y, x = ev.x;
        if (!wmouse_trafo(t->win[i], &y, &x, FALSE))
            continue;
        if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
            action a = ev.bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN;
            int r = PANES[i]->handle(t, a);
            return r == NOT_HANDLED ? DIRTY_NONE : r;
        }
        if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) {
            t->focus = i;
            return PANES[i]->click(t, t->win[i], y, x) | DIRTY_PANES;
        }
    }
    return DIRTY_NONE;
}

/* A key for the innermost view: F1, or '?' when the view neither binds it nor
 * takes text, opens the help of its key table; Ctrl-L redraws unless the view
 * binds it to something else; anything else goes to the view. */
static int key_for_view(tui *t, int key, int is_char, action a)
{
    const view_ops *top = t->views[t->n_views - 1];
    void *state = t->view_state[t->n_views - 1];
    const view_key *table = top->keys ? top->keys(state) : NULL;
    int cmd = view_key_cmd(table, key, is_char);
    if (is_char && key == 12 && (cmd == 0 || cmd == VIEW_CMD_REDRAW)) {
        clearok(curscr, TRUE);
        return DIRTY_LAYOUT;
    }
    if (is_char && (key == 3 || key == 26) && cmd == 0) /* Ctrl-C, Ctrl-Z: as in the main view */
        return dispatch(t, a);
    int help = !is_char && key == KEY_F(1) && !view_key_cmd(table, key, is_char);
    if (is_char && key == '?' && !view_key_cmd(table, key, is_char) && !view_keys_take_text(table))
        help = 1;
    if (table && help) {
        help_open_view(t, top->name, table);
        return DIRTY_ALL;
    }
    return top->handle(t, state, key, is_char, a);
}

static int handle_key(tui *t, key_source *in, int key, int is_char)
{
    if (key == KEY_MOUSE && !is_char)
        return handle_mouse(t);
    if (key == INPUT_RESIZE_TOKEN)
        return headless_resize(in);
    if (key == KEY_RESIZE && !is_char)
        return DIRTY_LAYOUT;
    action a = keymap_action(key, is_char);
    if (t->too_small)
        return a == ACT_QUIT ? (t->quit = 1, DIRTY_NONE) : DIRTY_NONE;
    if (t->n_views > 0)
        return key_for_view(t, key, is_char, a);
    if (key == INPUT_PASTE && !is_char) { /* never read as keys: say where text goes */
        tui_message(t, 0, "pasted text goes into a field: n writes a note on the selected "
                          "criterion, / searches; nothing was changed");
        return DIRTY_BARS;
    }
    if (a == ACT_NONE) {
        tui_message(t, 0, "no action on that key; press ? for help");
        return DIRTY_BARS;
    }
    return dispatch(t, a);
}

/* Clamps the cursors after the model changed under them. */
static void keep_cursors(tui *t)
{
    int n = (int)t->ladder->phases[t->phase].n_criteria;
    if (t->crit_cursor >= n)
        t->crit_cursor = n > 0 ? n - 1 : 0;
}

/* Another climb (a command in another terminal, say) committed to the database:
 * the model is loaded again so every view shows what is stored. Checked after
 * every key and every idle second, in every view (views that keep rows of their
 * own notice the model's generation move and read them again). */
static int reload_if_changed(tui *t)
{
    int rc = ops_refresh(t->model);
    if (rc == 0)
        return DIRTY_NONE;
    if (rc != OPS_RELOADED) {
        tui_message(t, 1, rc == OPS_NOT_FOUND ? "profile %s was deleted elsewhere; quit to leave it"
                                              : "cannot reload profile %s", t->model->profile.name);
        return DIRTY_BARS;
    }
    keep_cursors(t);
    if (!t->message[0])
        tui_message(t, 0, "Reloaded: the database was changed by another climb.");
    return DIRTY_ALL;
}

/* A read that fails at once, many times in a row, means the terminal closed
 * (end of file on stdin): a real timeout waits the full second. */
static int input_closed(int *quick_errors)
{
    static struct timespec last;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
    last = now;
    *quick_errors = ms < 100 ? *quick_errors + 1 : 0;
    return *quick_errors >= 50;
}

static void run_loop(tui *t, key_source *in)
{
    int dirty = DIRTY_LAYOUT, quick_errors = 0;
    while (!t->quit && !stop_requested) {
        if (!(dirty & DIRTY_LAYOUT) && (dirty & (DIRTY_PANES | DIRTY_BARS)) && split_changed(t))
            dirty |= DIRTY_LAYOUT;
        if (dirty & DIRTY_LAYOUT) {
            layout(t);
            dirty |= DIRTY_ALL;
        }
        if (dirty)
            paint(t, dirty);
        int is_char = 0, key = input_next(in, &is_char);
        if (key == INPUT_END)
            break;
        if (key == ERR) { /* timeout or interrupted read: check the stop flag */
            if (input_closed(&quick_errors))
                break; /* the terminal is gone: quit rather than spin */
            dirty = reload_if_changed(t);
            dirty |= checkin_view_refresh(t);
            if (t->message[0] && now_ms() - t->message_ms >= MESSAGE_SECONDS * 1000)
                dirty |= clear_message(t);
            continue;
        }
        quick_errors = 0;
        unsigned seq = t->message_seq; /* a message older than this key goes with it */
        dirty = handle_key(t, in, key, is_char);
        if (t->message_seq == seq)
            dirty |= clear_message(t);
        dirty |= reload_if_changed(t);
        dirty |= checkin_view_refresh(t);
    }
}

/* Holds stderr in a temporary file while curses owns the screen. */
static int hold_stderr(FILE **held)
{
    *held = tmpfile();
    if (!*held)
        return -1;
    int saved = dup(STDERR_FILENO);
    fflush(stderr);
    dup2(fileno(*held), STDERR_FILENO);
    return saved;
}

static void release_stderr(FILE *held, int saved)
{
    if (saved < 0)
        return;
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    rewind(held);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, held)) > 0)
        fwrite(buf, 1, n, stderr);
    fclose(held);
}

static SCREEN *open_screen(const app *a, int headless)
{
    const char *term = getenv("TERM");
    if (headless && (!term || !*term))
        term = "xterm-256color";
    SCREEN *s = newterm(term, stdout, stdin);
    if (!s) {
        app_error("cannot use the terminal type '%s'", term ? term : "(unset)");
        return NULL;
    }
    (void)a;
    set_term(s);
    raw(); /* Ctrl-C and Ctrl-Z arrive as keys: an editor holding text asks first */
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    /* The bytes of one key's sequence arrive together; a key pressed after Esc
     * comes later. A long wait would read Esc then q as Alt-q (input.c). */
    set_escdelay(5);
    wtimeout(stdscr, 1000);
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    if (!headless)
        input_terminal_start(); /* modified keys terminfo names; bracketed paste */
    draw_init();
    return s;
}

static int phase_index(const climb_ladder *l, int number)
{
    for (size_t p = 0; number && p < l->n_phases; p++)
        if (l->phases[p].number == number)
            return (int)p;
    return -1;
}

/* The phase the TUI opens on: the config file's (set start-phase = N) when
 * given; else the one last viewed with this profile; else the quiz placement's;
 * else the first. */
int tui_opening_phase(tui *t)
{
    app *a = t->app;
    int number = 0, p;
    quiz_attempt at;
    if (a->config && (p = phase_index(&a->ladder, a->config->start_phase)) >= 0)
        return p;
    if (ops_last_phase(&a->model, &number) == 0 && (p = phase_index(&a->ladder, number)) >= 0)
        return p;
    if (model_placement(&a->model, &at) == 0 && (p = phase_index(&a->ladder, at.phase)) >= 0)
        return p;
    return 0;
}

int tui_run(app *a)
{
    key_source in;
    char err[256];
    memset(&in, 0, sizeof in);
    if (a->opt.keys_path && input_open_file(&in, a->opt.keys_path, err, sizeof err)) {
        app_error("%s", err);
        return EXIT_USAGE;
    }
    if (!in.from_file && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        app_error("the full-screen view needs a terminal; see climb --help for commands");
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK) {
        input_close(&in);
        return rc;
    }
    tui t;
    memset(&t, 0, sizeof t);
    t.app = a;
    t.model = &a->model;
    t.ladder = &a->ladder;
    t.focus = PANE_CHECKLIST;
    tui_select_phase(&t, tui_opening_phase(&t));
    ladder_update_check(&t);
    ops_undo_track(1); /* u undoes the changes of this run only */
    FILE *held = NULL;
    int saved = hold_stderr(&held);
    signal(SIGINT, on_stop_signal);
    signal(SIGTERM, on_stop_signal);
    signal(SIGHUP, on_stop_signal);
    SCREEN *s = open_screen(a, in.from_file);
    char kept_said[4700] = "";
    int kept = 0;
    if (s) {
        checkin_view_refresh(&t);
        if (a->config_errors)
            tui_message(&t, 1, "the config file has errors; climb config shows them");
        char unsaved[4200];
        int n_unsaved = tui_unsaved_earlier(app_db_path(a), unsaved, sizeof unsaved);
        if (n_unsaved > 0)
            tui_message(&t, 1, "text not saved when climb last had to stop is kept in %s%s",
                        unsaved, n_unsaved > 1 ? " (and more files beside it)" : "");
        if (a->profile_created)
            quiz_view_offer(&t); /* first launch of a new profile: offered once */
        else
            checkin_view_offer(&t); /* when a check-in is due */
        run_loop(&t, &in);
        /* stopped by a signal or the terminal gone, an editor may still hold text */
        kept = tui_keep_unsaved(&t, kept_said, sizeof kept_said);
        ops_remember_phase(t.model, t.ladder->phases[t.phase].number); /* opens here next */
        while (t.n_views > 0)
            tui_pop_view(&t);
        free_windows(&t);
        input_terminal_end();
        endwin();
        delscreen(s);
        wrap_cache_clear();
    }
    ops_undo_track(0);
    release_stderr(held, saved);
    if (kept)
        app_error("%s", kept_said);
    input_close(&in);
    return !s || kept < 0 ? EXIT_RUNTIME : EXIT_OK;
}
