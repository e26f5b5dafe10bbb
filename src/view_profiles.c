/* view_profiles.c - the profile switcher (P): lists every profile with its title,
 * placement and progress; Enter switches to the selected one (the model is closed
 * and reopened on it), n creates and switches, r renames, d deletes once the name
 * is typed again. Names are typed in a line_edit and checked like --user. One key
 * table per mode (list, typing a name) dispatches the keys and help lists it. */
#include "climb/view_profiles.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/line_edit.h"
#include "climb/profiles.h"
#include "climb/text.h"
#include "climb/view_quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { MODE_LIST, MODE_CREATE, MODE_RENAME, MODE_DELETE } switcher_mode;

typedef struct {
    profile_info *list;
    size_t n;
    size_t cursor;
    switcher_mode mode;
    line_edit edit;
    char error[2 * LINE_EDIT_MAX + 128]; /* the last problem, or what was done */
    int ok;           /* error holds a success message */
    unsigned generation; /* the model's generation the list was read at */
} switcher;

static void switcher_free(void *state)
{
    switcher *s = state;
    profiles_free(s->list, s->n);
    free(s);
}

/* Reloads the list, keeping the cursor on `name` when given. */
static int reload(tui *t, switcher *s, const char *name)
{
    profiles_free(s->list, s->n);
    s->list = NULL;
    s->n = 0;
    if (ops_profiles_list(t->model->store, t->ladder, &s->list, &s->n)) {
        snprintf(s->error, sizeof s->error, "%s", ops_error(t->model));
        return -1;
    }
    s->generation = t->model->generation;
    const char *want = name ? name : t->model->profile.name;
    s->cursor = 0;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->list[i].name, want) == 0)
            s->cursor = i;
    return 0;
}

static const char *selected(const switcher *s)
{
    return s->cursor < s->n ? s->list[s->cursor].name : NULL;
}

/* Copies the selected name (before the list changes under it); "" when none. */
static void copy_selected(const switcher *s, char *buf, size_t len)
{
    const char *name = selected(s);
    snprintf(buf, len, "%s", name ? name : "");
}

/* The columns of the list, one set for the header and the rows, in display
 * columns (text.c): where each starts and how wide it is (0: not shown). The
 * name takes what is left; when the window is narrow the title goes first, then
 * the quiz, then the count. */
typedef struct {
    int name_x, name_w, title_x, title_w, quiz_x, quiz_w, met_x, met_w;
} columns;

enum { COL_GAP = 2, NAME_X = 5, NAME_MIN = 8 };

static const char *level_name(tui *t, const profile_info *p)
{
    const climb_level *lv = p->title ? content_level(t->ladder, p->title) : NULL;
    return lv ? lv->name : "-";
}

static void quiz_cell(const profile_info *p, char *buf, size_t len)
{
    if (p->has_placement)
        snprintf(buf, len, "Phase %d%s", p->placement.phase,
                 p->placement.on_edge_of ? "+" : "");
    else
        snprintf(buf, len, "no quiz");
}

static void met_cell(const profile_info *p, char *buf, size_t len)
{
    snprintf(buf, len, "%d/%d", p->done, p->applicable);
}

static int widest(int w, const char *s)
{
    int sw = text_width(s);
    return sw > w ? sw : w;
}

/* What the list needs at its widest: the widths of every cell. */
static columns natural_columns(tui *t, const switcher *s)
{
    columns c = {NAME_X, text_width("name"), 0, text_width("title"), 0, text_width("quiz"), 0,
                 text_width("met")};
    for (size_t i = 0; i < s->n; i++) {
        char buf[64];
        c.name_w = widest(c.name_w, s->list[i].name);
        c.title_w = widest(c.title_w, level_name(t, &s->list[i]));
        quiz_cell(&s->list[i], buf, sizeof buf);
        c.quiz_w = widest(c.quiz_w, buf);
        met_cell(&s->list[i], buf, sizeof buf);
        c.met_w = widest(c.met_w, buf);
    }
    return c;
}

static int columns_width(const columns *c)
{
    int w = NAME_X + c->name_w;
    w += c->title_w ? COL_GAP + c->title_w : 0;
    w += c->quiz_w ? COL_GAP + c->quiz_w : 0;
    return w + (c->met_w ? COL_GAP + c->met_w : 0);
}

/* The columns for a window w wide: right-hand columns from the right edge
 * (one space inside the border), dropped while the name would get fewer than
 * NAME_MIN columns; the name gets the rest. */
static columns fit_columns(columns c, int w)
{
    int right = w - 2; /* the last column inside the border, plus one space */
    int *drop[] = {&c.title_w, &c.quiz_w, &c.met_w};
    for (int i = 0; i < 3; i++) {
        int natural = c.name_w;
        c.name_w = NAME_MIN;
        int fits = columns_width(&c) <= right;
        c.name_w = natural;
        if (fits)
            break;
        *drop[i] = 0;
    }
    int x = right;
    if (c.met_w)
        c.met_x = (x -= c.met_w), x -= COL_GAP;
    if (c.quiz_w)
        c.quiz_x = (x -= c.quiz_w), x -= COL_GAP;
    if (c.title_w)
        c.title_x = (x -= c.title_w), x -= COL_GAP;
    c.name_w = x - NAME_X;
    return c;
}

/* Draws s right-aligned in [x, x + width). */
static void draw_right(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
    int sw = text_width(s);
    draw_text(w, y, sw < width ? x + width - sw : x, width, s, a);
}

static void draw_header(WINDOW *w, const columns *c)
{
    attr_t a = draw_style(ST_DIM);
    draw_text(w, 1, c->name_x, c->name_w, "name", a);
    if (c->title_w)
        draw_text(w, 1, c->title_x, c->title_w, "title", a);
    if (c->quiz_w)
        draw_text(w, 1, c->quiz_x, c->quiz_w, "quiz", a);
    if (c->met_w)
        draw_right(w, 1, c->met_x, c->met_w, "met", a);
}

static void draw_row(tui *t, WINDOW *w, int y, int width, const columns *c,
                     const profile_info *p, int on)
{
    attr_t a = on ? draw_style(ST_CURSOR) : A_NORMAL;
    char buf[64];
    draw_fill(w, y, 1, width, a);
    if (on)
        draw_text(w, y, 2, 1, draw_glyph(GL_CURSOR), a);
    if (strcmp(p->name, t->model->profile.name) == 0)
        draw_text(w, y, 3, 1, "*", a | draw_style(ST_MARK));
    draw_text(w, y, c->name_x, c->name_w, p->name, a);
    if (c->title_w)
        draw_text(w, y, c->title_x, c->title_w, level_name(t, p), a);
    if (c->quiz_w) {
        quiz_cell(p, buf, sizeof buf);
        draw_text(w, y, c->quiz_x, c->quiz_w, buf, a);
    }
    if (c->met_w) {
        met_cell(p, buf, sizeof buf);
        draw_right(w, y, c->met_x, c->met_w, buf, a);
    }
}

static const char *prompt(const switcher *s, char *buf, size_t len)
{
    char name[256];
    copy_selected(s, name, sizeof name);
    switch (s->mode) {
    case MODE_CREATE: return "Name of the new profile:";
    case MODE_RENAME: snprintf(buf, len, "New name for %s:", name); return buf;
    case MODE_DELETE:
        snprintf(buf, len, "Type %s again to delete it and all its data:", name);
        return buf;
    default: return "";
    }
}

/* The view's own commands; the grammar's keys run VIEW_CMD_* (view.h). */
enum { CMD_SWITCH = 1, CMD_NEW, CMD_RENAME, CMD_DELETE, CMD_ACCEPT, CMD_CANCEL, CMD_CLEAR };

static const view_key LIST_KEYS[] = {
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "select the profile above"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "select the profile below"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "a page of profiles up"},
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "a page of profiles down"},
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "the first profile"},
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "the last profile"},
    {'\n', KEY_ENTER, CMD_SWITCH, "Enter", "switch to the selected profile"},
    {'\r', 0, CMD_SWITCH, "Ctrl-M", NULL},
    {'n', 0, CMD_NEW, "n", "create a profile and switch to it"},
    {'r', 0, CMD_RENAME, "r", "rename the selected profile"},
    {'d', 0, CMD_DELETE, "d", "delete the selected profile (retype its name)"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {'P', 0, VIEW_CMD_CLOSE, "P", NULL},
    {0, 0, 0, NULL, NULL},
};

/* Typing a name: to create, rename, or confirm a deletion (q is text here). */
static const view_key EDIT_KEYS[] = {
    {'\n', KEY_ENTER, CMD_ACCEPT, "Enter", "accept the name (a deletion needs it to match)"},
    {'\r', 0, CMD_ACCEPT, "Ctrl-M", NULL},
    {27, 0, CMD_CANCEL, "Esc", "cancel: back to the list"},
    {21, 0, CMD_CLEAR, "Ctrl-U", "clear the name"},
    LINE_EDIT_KEY_ROWS("typed into the name (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const profiles_key_tables[] = {LIST_KEYS, EDIT_KEYS, NULL};

static const view_hint_item LIST_HINT[] = {
    {CMD_SWITCH, 0, "switch"}, {CMD_NEW, 0, "new"}, {CMD_RENAME, 0, "rename"},
    {CMD_DELETE, 0, "delete"}, {VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL},
};
static const view_hint_item EDIT_HINT[] = {
    {CMD_ACCEPT, 0, "accept"}, {CMD_CANCEL, 0, "cancel"}, {0, 0, NULL},
};

static void switcher_draw(tui *t, void *state)
{
    switcher *s = state;
    if (s->generation != t->model->generation) {
        char keep[256];
        copy_selected(s, keep, sizeof keep);
        reload(t, s, *keep ? keep : NULL);
    }
    columns natural = natural_columns(t, s);
    int want = columns_width(&natural) + 2 > 70 ? columns_width(&natural) + 2 : 70;
    int w = t->cols - 4 < want ? t->cols - 4 : want;
    char keys[160];
    if (s->mode == MODE_LIST)
        view_hint(LIST_KEYS, LIST_HINT, (int)sizeof keys, keys, sizeof keys);
    else
        view_hint(EDIT_KEYS, EDIT_HINT, (int)sizeof keys, keys, sizeof keys);
    int fr = draw_hints_rows(keys, w - 4) > 1 && t->rows >= 14 ? 2 : 1; /* footer rows */
    int h = (int)s->n + 8 + fr < t->rows - 2 ? (int)s->n + 8 + fr : t->rows - 2;
    if (w < 30 || h < 8)
        return;
    columns cols = fit_columns(natural, w);
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Profiles", 1);
    draw_header(win, &cols);
    /* From the bottom: the footer, then the name being typed (with its prompt
     * and any error above) or one line of message, then the list. */
    int foot = h - 1 - fr;
    int below = s->mode == MODE_LIST ? 1 : s->error[0] ? 3 : 2;
    int rows = foot - below - 1 - 2; /* one blank row above what is below the list */
    if (rows < 1)
        rows = 1, below = foot - 3 < below ? foot - 3 : below;
    int top = (int)s->cursor >= rows ? (int)s->cursor - rows + 1 : 0;
    for (int i = 0; i < rows && top + i < (int)s->n; i++)
        draw_row(t, win, 2 + i, w - 2, &cols, &s->list[top + i], top + i == (int)s->cursor);
    char buf[400];
    if (s->mode != MODE_LIST) {
        draw_text(win, foot - 2, 2, w - 4, prompt(s, buf, sizeof buf), draw_style(ST_HEADING));
        line_edit_draw(&s->edit, win, foot - 1, 2, w - 4, A_NORMAL);
    } else if (s->error[0] == '\0') {
        snprintf(buf, sizeof buf, "* profile in use   %s", "Enter switch to the selected one");
        draw_text(win, foot - 1, 2, w - 4, buf, draw_style(ST_DIM));
    }
    if (s->error[0] && below >= (s->mode == MODE_LIST ? 1 : 3))
        draw_text(win, foot - below, 2, w - 4, s->error,
                  draw_style(s->ok ? ST_MESSAGE : ST_ERROR));
    draw_hints(win, foot, 2, w - 4, fr, keys, draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

int profiles_view_switch(tui *t, const char *name, int created)
{
    app *a = t->app;
    ops_remember_phase(t->model, t->ladder->phases[t->phase].number); /* the one left opens here */
    if (ops_profile_switch(t->model, name, 0, NULL) != 0) {
        tui_message(t, 1, "cannot open profile %s: %s", name, ops_error(t->model));
        return -1;
    }
    snprintf(a->user, sizeof a->user, "%s", name);
    a->profile_created = created;
    tui_select_phase(t, tui_opening_phase(t));
    t->focus = PANE_CHECKLIST;
    if (created)
        quiz_view_offer(t);
    return 0;
}

/* Switches and leaves the switcher. The name is copied first: popping frees s. */
static int switch_and_close(tui *t, switcher *s, const char *name, int created)
{
    char copy[LINE_EDIT_MAX];
    snprintf(copy, sizeof copy, "%s", name);
    (void)s;
    tui_pop_view(t);
    if (profiles_view_switch(t, copy, created) == 0 && !created)
        tui_message(t, 0, "Now using profile %s.", copy);
    return DIRTY_ALL;
}

static int accept_create(tui *t, switcher *s, const char *name)
{
    if (ops_profile_create(t->model, name) != 0) {
        snprintf(s->error, sizeof s->error, "%s", ops_error(t->model));
        return DIRTY_ALL;
    }
    return switch_and_close(t, s, name, 1);
}

static int accept_rename(tui *t, switcher *s, const char *name)
{
    char old[256];
    copy_selected(s, old, sizeof old);
    int current = strcmp(old, t->model->profile.name) == 0;
    int rc = ops_profile_rename(t->model, old, name);
    if (rc == OPS_UNCHANGED) { /* said as what happened, not as an error */
        s->mode = MODE_LIST;
        snprintf(s->error, sizeof s->error, "%s", ops_error(t->model));
        s->ok = 1;
        return DIRTY_ALL;
    }
    if (rc != 0) {
        snprintf(s->error, sizeof s->error, "%s", ops_error(t->model));
        return DIRTY_ALL;
    }
    if (current) /* the model follows; the name commands use too */
        snprintf(t->app->user, sizeof t->app->user, "%.255s", name); /* names: 64 at most */
    s->mode = MODE_LIST;
    reload(t, s, name);
    snprintf(s->error, sizeof s->error, "renamed %s to %s", old, name);
    s->ok = 1;
    return DIRTY_ALL;
}

static int accept_delete(tui *t, switcher *s, const char *typed)
{
    char name[256];
    copy_selected(s, name, sizeof name);
    if (strcmp(typed, name) != 0) {
        snprintf(s->error, sizeof s->error, "the name does not match; nothing was deleted");
        line_edit_init(&s->edit, NULL, 64);
        return DIRTY_ALL;
    }
    if (ops_profile_delete(t->model, name) != 0) {
        snprintf(s->error, sizeof s->error, "%s", ops_error(t->model));
        return DIRTY_ALL;
    }
    s->mode = MODE_LIST;
    reload(t, s, NULL);
    snprintf(s->error, sizeof s->error, "deleted profile %s and its data", name);
    s->ok = 1;
    return DIRTY_ALL;
}

static const view_key *switcher_keys(void *state)
{
    const switcher *s = state;
    return s->mode == MODE_LIST ? LIST_KEYS : EDIT_KEYS;
}

static int handle_edit(tui *t, switcher *s, int key, int is_char)
{
    int cmd = view_key_cmd(EDIT_KEYS, key, is_char);
    if (cmd == CMD_CANCEL) {
        s->mode = MODE_LIST;
        s->error[0] = '\0';
        return DIRTY_ALL;
    }
    if (cmd == CMD_CLEAR) {
        line_edit_init(&s->edit, NULL, 64);
        return DIRTY_ALL;
    }
    if (cmd != CMD_ACCEPT) {
        line_edit_command(&s->edit, cmd, key, is_char);
        return DIRTY_ALL;
    }
    const char *text = s->edit.buf;
    s->error[0] = '\0';
    s->ok = 0;
    if (s->mode == MODE_DELETE)
        return accept_delete(t, s, text);
    const char *bad = app_check_user_name(text);
    if (bad) {
        snprintf(s->error, sizeof s->error, "%s", bad);
        return DIRTY_ALL;
    }
    return s->mode == MODE_CREATE ? accept_create(t, s, text) : accept_rename(t, s, text);
}

static int switcher_handle(tui *t, void *state, int key, int is_char, action a)
{
    switcher *s = state;
    (void)a;
    if (s->mode != MODE_LIST)
        return handle_edit(t, s, key, is_char);
    s->error[0] = '\0';
    s->ok = 0;
    size_t page = t->rows > 9 ? (size_t)t->rows - 9 : 1; /* the rows in sight, less one */
    switch (view_key_cmd(LIST_KEYS, key, is_char)) {
    case VIEW_CMD_UP:
        if (s->cursor > 0)
            s->cursor--;
        break;
    case VIEW_CMD_DOWN:
        if (s->cursor + 1 < s->n)
            s->cursor++;
        break;
    case VIEW_CMD_PAGE_UP: s->cursor = s->cursor > page ? s->cursor - page : 0; break;
    case VIEW_CMD_PAGE_DOWN:
        s->cursor = s->cursor + page < s->n ? s->cursor + page : (s->n ? s->n - 1 : 0);
        break;
    case VIEW_CMD_FIRST: s->cursor = 0; break;
    case VIEW_CMD_LAST: s->cursor = s->n ? s->n - 1 : 0; break;
    case CMD_SWITCH:
        if (selected(s))
            return switch_and_close(t, s, selected(s), 0);
        break;
    case CMD_NEW:
        s->mode = MODE_CREATE;
        line_edit_init(&s->edit, NULL, 64);
        break;
    case CMD_RENAME:
        if (selected(s)) {
            s->mode = MODE_RENAME;
            line_edit_init(&s->edit, selected(s), 64);
        }
        break;
    case CMD_DELETE:
        if (!selected(s))
            break;
        if (strcmp(selected(s), t->model->profile.name) == 0) {
            snprintf(s->error, sizeof s->error,
                     "%s is in use; switch to another profile before deleting it", selected(s));
        } else {
            s->mode = MODE_DELETE;
            line_edit_init(&s->edit, NULL, 64);
        }
        break;
    case VIEW_CMD_CLOSE: tui_pop_view(t); break;
    default:
        snprintf(s->error, sizeof s->error, "no action on that key; ? lists this view's keys");
        s->ok = 1;
        break;
    }
    return DIRTY_ALL;
}

const view_ops profiles_view = {"profiles", switcher_draw, switcher_handle, switcher_free, switcher_keys};

void profiles_view_open(tui *t)
{
    switcher *s = calloc(1, sizeof *s);
    if (!s) { /* GCOVR_EXCL_START: calloc fails only when out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    if (reload(t, s, NULL)) {
        tui_message(t, 1, "%s", s->error);
        switcher_free(s);
        return;
    }
    tui_push_view(t, &profiles_view, s);
}
