/* view_search.c - the Search view: the query line (line_edit.h) with live results
 * from search.h under it, one line each with the match highlighted. While typing,
 * Up/Down choose a result and Enter moves to the list; in the list n/N (or
 * Down/Up) move between matches, Enter jumps to the item and / edits the query.
 * The last query and choice are kept for the next / in the same session. */
#include "climb/view_search.h"
#include "climb/draw.h"
#include "climb/line_edit.h"
#include "climb/search.h"
#include "climb/view_faq.h"
#include "climb/view_resources.h"
#include "climb/view_roadblocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LABEL_W = 14, QUERY_CHARS = 200 };

typedef struct {
    line_edit q;
    int typing;            /* 1 while keys go to the query */
    search_results res;
    int cursor, scroll, page;
    unsigned generation;   /* the model's generation the results borrow from */
} search_state;

/* The session's last query and choice, offered again by the next /. */
static char last_query[LINE_EDIT_MAX];
static int last_cursor;

static void run(tui *t, search_state *s)
{
    search_results_free(&s->res);
    /* GCOVR_EXCL_START: search_run fails only out of memory */
    if (search_run(t->ladder, t->model, s->q.buf, &s->res))
        tui_message(t, 1, "out of memory");
    /* GCOVR_EXCL_STOP */
    s->cursor = s->scroll = 0;
    s->generation = t->model->generation;
}

/* The hits borrow the model's notes: after a reload they are found again. */
static void keep_fresh(tui *t, search_state *s)
{
    if (s->generation == t->model->generation)
        return;
    int cursor = s->cursor, scroll = s->scroll;
    run(t, s);
    if (s->res.n > 0) {
        s->cursor = cursor < (int)s->res.n ? cursor : (int)s->res.n - 1;
        s->scroll = scroll <= s->cursor ? scroll : s->cursor;
    }
}

/* "Criterion P2", "Note P3", "Roadblock", ... */
static void hit_label(const tui *t, const search_hit *h, char *buf, size_t len)
{
    if (h->kind == HIT_CRITERION || h->kind == HIT_NOTE || h->kind == HIT_PHASE)
        snprintf(buf, len, "%s P%d", search_kind_name(h->kind),
                 t->ladder->phases[h->index].number);
    else
        snprintf(buf, len, "%s", search_kind_name(h->kind));
}

/* One result row: label, field, then the excerpt with the match highlighted. */
static void draw_hit(tui *t, WINDOW *w, int y, int width, const search_hit *h, int selected)
{
    attr_t base = selected ? draw_style(ST_CURSOR) : A_NORMAL;
    attr_t mark = selected ? draw_style(ST_CURSOR) | A_UNDERLINE : draw_style(ST_MARK);
    char label[64], excerpt[512], field[96];
    draw_fill(w, y, 1, width, base);
    if (selected)
        draw_text(w, y, 1, 1, draw_glyph(GL_CURSOR), base);
    hit_label(t, h, label, sizeof label);
    draw_text(w, y, 3, LABEL_W - 1, label, selected ? base : draw_style(ST_HEADING));
    int x = 3 + LABEL_W, room = width - x;
    snprintf(field, sizeof field, "%s: ", h->field);
    x += draw_text(w, y, x, room, field, selected ? base : draw_style(ST_DIM));
    room = width + 1 - x;
    if (room <= 0)
        return;
    size_t at, hl;
    search_excerpt(h, room / 3, excerpt, sizeof excerpt, &at, &hl);
    char saved = excerpt[at];
    excerpt[at] = '\0';
    int used = draw_text(w, y, x, room, excerpt, base);
    excerpt[at] = saved;
    if (used >= room)
        return;
    saved = excerpt[at + hl];
    excerpt[at + hl] = '\0';
    used += draw_text(w, y, x + used, room - used, excerpt + at, mark);
    excerpt[at + hl] = saved;
    if (used < room)
        draw_text(w, y, x + used, room - used, excerpt + at + hl, base);
}

/* The view's own commands; the grammar's keys run VIEW_CMD_* (view.h). */
enum {
    CMD_TO_LIST = 1, CMD_TAB_TO_LIST, CMD_CLEAR, CMD_PREV_MATCH, CMD_NEXT_MATCH, CMD_JUMP,
    CMD_EDIT
};

/* While typing: keys that are not text, then the line-editing keys (q, j, k, g
 * and G are text here; Esc closes the search, which holds nothing to lose). */
static const view_key TYPING_KEYS[] = {
    {'\n', KEY_ENTER, CMD_TO_LIST, "Enter", "go to the list of matches"},
    {'\r', 0, CMD_TO_LIST, "Ctrl-M", NULL},
    {'\t', 0, CMD_TAB_TO_LIST, "Tab", "go to the list, when something matches"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close the search"},
    {0, KEY_UP, VIEW_CMD_UP, "Up", "choose the match above"},
    {0, KEY_DOWN, VIEW_CMD_DOWN, "Down", "choose the match below"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "choose a page of matches up"},
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "choose a page of matches down"},
    {21, 0, CMD_CLEAR, "Ctrl-U", "clear the query"},
    LINE_EDIT_KEY_ROWS("typed into the query (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

/* In the list of matches. */
static const view_key LIST_KEYS[] = {
    {'\n', KEY_ENTER, CMD_JUMP, "Enter", "go to the selected match and close"},
    {'\r', 0, CMD_JUMP, "Ctrl-M", NULL},
    {'n', 0, CMD_NEXT_MATCH, "n", "next match (after the last: the first)"},
    {'N', 0, CMD_PREV_MATCH, "N", "previous match (before the first: the last)"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "next match"},
    {'\t', 0, VIEW_CMD_DOWN, "Tab", NULL},
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "previous match"},
    {0, KEY_BTAB, VIEW_CMD_UP, "Shift-Tab", NULL},
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "a page of matches down"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "a page of matches up"},
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "first match"},
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "last match"},
    {'/', 0, CMD_EDIT, "/", "edit the query"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close the search"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_hint_item TYPING_HINT[] = {
    {0, 0, "type to search"}, {VIEW_CMD_UP, VIEW_CMD_DOWN, "choose"},
    {CMD_TO_LIST, 0, "to the list"}, {CMD_CLEAR, 0, "clear"}, {VIEW_CMD_CLOSE, 0, "close"},
    {0, 0, NULL},
};

static const view_hint_item LIST_HINT[] = {
    {CMD_NEXT_MATCH, CMD_PREV_MATCH, "next/previous"}, {CMD_JUMP, 0, "go to it"},
    {CMD_EDIT, 0, "edit the query"}, {VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL},
};

static void search_draw(tui *t, void *state)
{
    search_state *s = state;
    keep_fresh(t, s);
    int h = t->rows - 2, wd = t->cols;
    if (h < 6 || wd < 30) /* GCOVR_EXCL_BR_LINE: views are drawn from 40x12 up (tui.c) */
        return; /* GCOVR_EXCL_LINE: a guard, see above */
    WINDOW *w = newwin(h, wd, 1, 0);
    if (!w) /* GCOVR_EXCL_BR_LINE: newwin fails only out of memory */
        return; /* GCOVR_EXCL_LINE: out of memory */
    draw_box(w, "Search the ladder and your notes", 1);
    draw_text(w, 1, 2, 8, "Search:", draw_style(ST_HEADING));
    if (s->typing)
        line_edit_draw(&s->q, w, 1, 10, wd - 12, A_NORMAL);
    else
        draw_text(w, 1, 10, wd - 12, s->q.buf, A_NORMAL);
    char count[96];
    if (!s->q.buf[strspn(s->q.buf, " ")])
        snprintf(count, sizeof count, "type a word: levels, phases, criteria, roadblocks, "
                                      "resources, FAQ and your notes are searched");
    else if (s->res.n == 0)
        snprintf(count, sizeof count, "no match");
    else
        snprintf(count, sizeof count, "match %d of %zu", s->cursor + 1, s->res.n);
    draw_text(w, 2, 2, wd - 4, count, draw_style(ST_DIM));
    s->page = h - 6;
    if (s->cursor < s->scroll)
        s->scroll = s->cursor;
    if (s->page > 0 && s->cursor >= s->scroll + s->page)
        s->scroll = s->cursor - s->page + 1;
    for (int i = 0; i < s->page && (size_t)(s->scroll + i) < s->res.n; i++)
        draw_hit(t, w, 4 + i, wd - 2, &s->res.hits[s->scroll + i], s->scroll + i == s->cursor);
    char hint[256];
    if (s->typing)
        view_hint(TYPING_KEYS, TYPING_HINT, wd - 4, hint, sizeof hint);
    else
        view_hint(LIST_KEYS, LIST_HINT, wd - 4, hint, sizeof hint);
    draw_text(w, h - 2, 2, wd - 4, hint, draw_style(ST_DIM));
    wnoutrefresh(w);
    delwin(w);
}

static void move_cursor(search_state *s, int by, int wrap)
{
    int n = (int)s->res.n;
    if (n == 0)
        return;
    int next = s->cursor + by;
    if (wrap)
        next = ((next % n) + n) % n;
    else
        next = next < 0 ? 0 : next >= n ? n - 1 : next;
    s->cursor = next;
}

/* Selects level i in the Ladder pane, with its phase when it has one. */
static void select_level(tui *t, int i)
{
    for (size_t p = 0; p < t->ladder->n_phases; p++)
        if (content_level_index(t->ladder, t->ladder->phases[p].level) == i)
            tui_select_phase(t, (int)p);
    t->level_cursor = i;
    t->focus = PANE_LADDER;
}

/* Closes the view and shows the item of hit h (copied: the view's state goes). */
static int jump(tui *t, search_hit h)
{
    char what[160];
    if (strcmp(search_kind_name(h.kind), h.field) == 0)
        snprintf(what, sizeof what, "%s", h.field);
    else
        snprintf(what, sizeof what, "%s, %s", search_kind_name(h.kind), h.field);
    tui_pop_view(t);
    switch (h.kind) {
    case HIT_CRITERION: case HIT_NOTE:
        tui_select_phase(t, h.index);
        t->crit_cursor = h.sub;
        t->focus = PANE_CHECKLIST;
        break;
    case HIT_PHASE:
        tui_select_phase(t, h.index);
        t->focus = PANE_PHASE;
        /* the summary is on the Explanation tab, the table's cells on the Table tab */
        if (strcmp(h.field, "Summary") == 0)
            t->phase_tab = 1;
        else if (strcmp(h.field, "Phase") != 0 && strcmp(h.field, "Where to start") != 0)
            t->phase_tab = 0;
        break;
    case HIT_LEVEL: select_level(t, h.index); break;
    case HIT_TIMELINE: {
        int lv = content_level_index(t->ladder, t->ladder->timelines[h.index].from_level);
        if (lv >= 0)
            select_level(t, lv);
        break;
    }
    case HIT_ROADBLOCK: roadblocks_view_open(t, h.index); break;
    case HIT_RESOURCE: resources_view_open(t, h.index); break;
    case HIT_FAQ: faq_view_open(t, h.index); break;
    case HIT_QUESTION:
        tui_message(t, 0, "question %d of %zu of the placement quiz: %s", h.index + 1,
                    t->ladder->n_questions, t->ladder->questions[h.index].text);
        return DIRTY_ALL;
    default: break;
    }
    tui_message(t, 0, "found in: %s", what);
    return DIRTY_ALL;
}

const view_key *const search_key_tables[] = {TYPING_KEYS, LIST_KEYS, NULL};

static const view_key *search_keys(void *state)
{
    const search_state *s = state;
    return s->typing ? TYPING_KEYS : LIST_KEYS;
}

static int typing_key(tui *t, search_state *s, int key, int is_char)
{
    int cmd = view_key_cmd(TYPING_KEYS, key, is_char);
    switch (cmd) {
    case VIEW_CMD_UP: case VIEW_CMD_DOWN:
        move_cursor(s, cmd == VIEW_CMD_UP ? -1 : 1, 0);
        return DIRTY_ALL;
    case VIEW_CMD_PAGE_UP: case VIEW_CMD_PAGE_DOWN:
        move_cursor(s, cmd == VIEW_CMD_PAGE_UP ? -s->page : s->page, 0);
        return DIRTY_ALL;
    case CMD_TAB_TO_LIST:
        if (s->res.n > 0)
            s->typing = 0;
        return DIRTY_ALL;
    case CMD_CLEAR:
        line_edit_init(&s->q, NULL, QUERY_CHARS);
        run(t, s);
        return DIRTY_ALL;
    case VIEW_CMD_CLOSE:
        tui_pop_view(t);
        return DIRTY_ALL;
    case CMD_TO_LIST:
        if (s->res.n == 0) {
            tui_message(t, 0, s->q.buf[0] ? "no match" : "type something to search for");
            return DIRTY_BARS;
        }
        s->typing = 0;
        return DIRTY_ALL;
    default: break;
    }
    char before[LINE_EDIT_MAX];
    memcpy(before, s->q.buf, sizeof before);
    line_edit_command(&s->q, cmd, key, is_char);
    if (strcmp(before, s->q.buf) != 0)
        run(t, s);
    return DIRTY_ALL;
}

static int list_key(tui *t, search_state *s, int key, int is_char)
{
    switch (view_key_cmd(LIST_KEYS, key, is_char)) {
    case CMD_JUMP:
        if (s->res.n > 0)
            return jump(t, s->res.hits[s->cursor]);
        break;
    case CMD_NEXT_MATCH: move_cursor(s, 1, 1); return DIRTY_ALL;
    case CMD_PREV_MATCH: move_cursor(s, -1, 1); return DIRTY_ALL;
    case VIEW_CMD_DOWN: move_cursor(s, 1, 0); return DIRTY_ALL;
    case VIEW_CMD_UP: move_cursor(s, -1, 0); return DIRTY_ALL;
    case VIEW_CMD_PAGE_DOWN: move_cursor(s, s->page, 0); return DIRTY_ALL;
    case VIEW_CMD_PAGE_UP: move_cursor(s, -s->page, 0); return DIRTY_ALL;
    case VIEW_CMD_FIRST: move_cursor(s, -s->cursor, 0); return DIRTY_ALL;
    case VIEW_CMD_LAST: move_cursor(s, (int)s->res.n, 0); return DIRTY_ALL;
    case CMD_EDIT: s->typing = 1; return DIRTY_ALL;
    case VIEW_CMD_CLOSE: tui_pop_view(t); return DIRTY_ALL;
    default: break;
    }
    tui_message(t, 0, "n/N move between matches, Enter goes to one, / edits, Esc closes");
    return DIRTY_BARS;
}

static int search_handle(tui *t, void *state, int key, int is_char, action a)
{
    search_state *s = state;
    (void)a;
    return s->typing ? typing_key(t, s, key, is_char) : list_key(t, s, key, is_char);
}

static void search_close(void *state)
{
    search_state *s = state;
    snprintf(last_query, sizeof last_query, "%s", s->q.buf);
    last_cursor = s->cursor;
    search_results_free(&s->res);
    free(s);
}

static const view_ops search_view = {"search", search_draw, search_handle, search_close, search_keys};

void search_view_open(tui *t)
{
    search_state *s = calloc(1, sizeof *s);
    if (!s) { /* GCOVR_EXCL_START: calloc fails only out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    line_edit_init(&s->q, last_query, QUERY_CHARS);
    s->typing = 1;
    run(t, s);
    if (last_cursor >= 0 && (size_t)last_cursor < s->res.n)
        s->cursor = last_cursor;
    tui_push_view(t, &search_view, s);
}
