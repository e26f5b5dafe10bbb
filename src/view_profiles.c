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

static void draw_row(tui *t, WINDOW *w, int y, int width, const profile_info *p, int on)
{
    attr_t a = on ? draw_style(ST_CURSOR) : A_NORMAL;
    const climb_level *lv = p->title ? content_level(t->ladder, p->title) : NULL;
    char right[96], placed[24] = "no quiz";
    if (p->has_placement)
        snprintf(placed, sizeof placed, "Phase %d%s", p->placement.phase,
                 p->placement.on_edge_of ? "+" : "");
    snprintf(right, sizeof right, "%-10.10s %-8s %3d/%-3d", lv ? lv->name : "-", placed,
             p->done, p->applicable);
    int rw = (int)strlen(right);
    draw_fill(w, y, 1, width, a);
    if (on)
        draw_text(w, y, 2, 1, draw_glyph(GL_CURSOR), a);
    if (strcmp(p->name, t->model->profile.name) == 0)
        draw_text(w, y, 3, 1, "*", a | draw_style(ST_MARK));
    draw_text(w, y, 5, width - rw - 6, p->name, a);
    if (width - rw - 1 > 10)
        draw_text(w, y, width - rw, rw, right, a);
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
    int w = t->cols - 4 < 70 ? t->cols - 4 : 70;
    int h = (int)s->n + 9 < t->rows - 2 ? (int)s->n + 9 : t->rows - 2;
    if (w < 30 || h < 8)
        return;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Profiles", 1);
    draw_text(win, 1, 5, w - 30, "name", draw_style(ST_DIM));
    draw_text(win, 1, w - 2 - 23, 23, "title      quiz     met", draw_style(ST_DIM));
    int rows = h - 6, top = (int)s->cursor >= rows ? (int)s->cursor - rows + 1 : 0;
    for (int i = 0; i < rows && top + i < (int)s->n; i++)
        draw_row(t, win, 2 + i, w - 2, &s->list[top + i], top + i == (int)s->cursor);
    char buf[400];
    if (s->mode != MODE_LIST) {
        draw_text(win, h - 4, 2, w - 4, prompt(s, buf, sizeof buf), draw_style(ST_HEADING));
        line_edit_draw(&s->edit, win, h - 3, 2, w - 4, A_NORMAL);
    } else if (s->error[0] == '\0') {
        snprintf(buf, sizeof buf, "* profile in use   %s", "Enter switch to the selected one");
        draw_text(win, h - 3, 2, w - 4, buf, draw_style(ST_DIM));
    }
    if (s->error[0])
        draw_text(win, h - (s->mode == MODE_LIST ? 3 : 5), 2, w - 4, s->error,
                  draw_style(s->ok ? ST_MESSAGE : ST_ERROR));
    char hint[160];
    if (s->mode == MODE_LIST)
        view_hint(LIST_KEYS, LIST_HINT, w - 4, hint, sizeof hint);
    else
        view_hint(EDIT_KEYS, EDIT_HINT, w - 4, hint, sizeof hint);
    draw_text(win, h - 2, 2, w - 4, hint, draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

int profiles_view_switch(tui *t, const char *name, int created)
{
    app *a = t->app;
    if (ops_profile_switch(t->model, name, 0, NULL) != 0) {
        tui_message(t, 1, "cannot open profile %s: %s", name, ops_error(t->model));
        return -1;
    }
    snprintf(a->user, sizeof a->user, "%s", name);
    a->profile_created = created;
    tui_select_phase(t, 0);
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
    if (ops_profile_rename(t->model, old, name) != 0) {
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
    if (!s) {
        tui_message(t, 1, "out of memory");
        return;
    }
    if (reload(t, s, NULL)) {
        tui_message(t, 1, "%s", s->error);
        switcher_free(s);
        return;
    }
    tui_push_view(t, &profiles_view, s);
}
