/* view_evidence.c - the evidence of one criterion as a reading list (doc_view):
 * the note first, then each entry with its date, links and id. a adds an entry,
 * e edits its text, d its date, l its links, x removes it (asking first), o opens
 * its first link with $BROWSER or xdg-open (a short reference such as PR-123, or
 * no browser, is shown whole instead). Every change goes through ops_evidence.c;
 * the list is built again from the model after each one. */
#include "climb/view_evidence.h"
#include "climb/clock.h"
#include "climb/doc_view.h"
#include "climb/draw.h"
#include "climb/history.h"
#include "climb/view_confirm.h"
#include "climb/view_editor.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

typedef struct {
    doc d;
    size_t phase, index;  /* the criterion */
    unsigned generation;  /* the model's, when the items were built */
    char select[37];      /* an entry to put the cursor on at the next build */
} ev_state;

/* Which entry an item shows: -1 for the note. */
static long entry_of(const model_crit *c, size_t item)
{
    return c->note ? (long)item - 1 : (long)item;
}

static const model_crit *crit_of(tui *t, const ev_state *s)
{
    return model_crit_at(t->model, s->phase, s->index);
}

static int build(tui *t, ev_state *s)
{
    const model_crit *c = crit_of(t, s);
    int cursor = s->d.cursor;
    doc_clear(&s->d);
    s->generation = t->model->generation;
    s->d.intro = doc_strf("%s", t->ladder->phases[s->phase].criteria[s->index].text);
    s->d.empty = doc_strf("No evidence yet: a adds what you did, when, and where it shows.");
    char date[16];
    if (c->note) {
        clock_format_local_date(c->note_at, date, sizeof date);
        doc_item it = {doc_strf("%s · note", date), NULL, {doc_strf("%s", c->note), NULL, NULL},
                       0};
        if (doc_add(&s->d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    for (size_t k = 0; k < c->n_entries; k++) {
        const evidence_row *e = &c->entries[k];
        size_t len = 0;
        for (size_t j = 0; j < e->n_links; j++)
            len += strlen(e->links[j]) + 1;
        char *links = calloc(len + 1, 1);
        for (size_t j = 0; links && j < e->n_links; j++) {
            strcat(links, j ? " " : "");
            strcat(links, e->links[j]);
        }
        clock_format_local_date(e->happened_at, date, sizeof date);
        doc_item it = {doc_strf("%s · %.8s", date, e->entry),
                       model_is_stale(t->model, c, clock_now()) ? doc_strf("stale") : NULL,
                       {doc_strf("%s", e->text),
                        links && *links ? doc_strf("links: %s", links) : NULL, NULL},
                       e->n_links > 0};
        free(links);
        if (doc_add(&s->d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    for (size_t k = 0; s->select[0] && k < c->n_entries; k++)
        if (strcmp(c->entries[k].entry, s->select) == 0)
            cursor = (int)(k + (c->note != NULL));
    s->select[0] = '\0';
    if (cursor >= 0 && (size_t)cursor < s->d.n)
        doc_select(&s->d, cursor);
    return 0;
}

/* The selected entry, or NULL (with a message) when it is the note or none. */
static const evidence_row *selected_entry(tui *t, ev_state *s, const char *verb)
{
    const model_crit *c = crit_of(t, s);
    long k = s->d.n ? entry_of(c, (size_t)s->d.cursor) : -2;
    if (k >= 0 && (size_t)k < c->n_entries)
        return &c->entries[k];
    tui_message(t, 0, k == -1 ? "the note has no %s; n in the Checklist edits it"
                              : "no entry selected: a adds one", verb);
    return NULL;
}

/* What the editor callbacks need: the view's criterion and the entry edited. */
typedef struct {
    size_t phase, index;
    char entry[37];
    ev_state *view;  /* under the editor, so alive while it is open */
} edit_ctx;

static edit_ctx *ctx_for(ev_state *s, const evidence_row *e)
{
    edit_ctx *c = calloc(1, sizeof *c);
    if (c) {
        c->phase = s->phase;
        c->index = s->index;
        c->view = s;
        if (e)
            memcpy(c->entry, e->entry, sizeof c->entry);
    }
    return c;
}

static void said(tui *t, int rc, const char *done)
{
    if (rc == 0)
        tui_message(t, 0, "%s", done);
    else
        tui_message(t, 1, "not saved: %s", ops_error(t->model));
}

static void add_done(tui *t, void *ctx, const char *text)
{
    edit_ctx *c = ctx;
    if (!text)
        return;
    ops_entry e = {text, NULL, 0, 0};
    int rc = ops_evidence_add(t->model, c->phase, c->index, &e, c->view->select);
    said(t, rc, "evidence added (d sets its date, l its links)");
}

static void text_done(tui *t, void *ctx, const char *text)
{
    edit_ctx *c = ctx;
    if (!text)
        return;
    ops_entry e = {text, NULL, 0, 0};
    said(t, ops_evidence_edit(t->model, c->entry, &e, NULL), "evidence changed");
}

static void date_done(tui *t, void *ctx, const char *text)
{
    edit_ctx *c = ctx;
    long long at;
    if (!text)
        return;
    if (history_parse_date(text, 0, &at) != 0) {
        tui_message(t, 1, "not a date (YYYY-MM-DD): %s", text);
        return;
    }
    ops_entry e = {NULL, NULL, 0, at};
    said(t, ops_evidence_edit(t->model, c->entry, &e, NULL), "date changed");
}

static void links_done(tui *t, void *ctx, const char *text)
{
    edit_ctx *c = ctx;
    const char *links[EVIDENCE_LINKS_MAX + 1];
    size_t n = 0;
    if (!text)
        return;
    char *copy = strdup(text), *save = NULL;
    for (char *w = copy ? strtok_r(copy, " \t\n", &save) : NULL; w && n <= EVIDENCE_LINKS_MAX;
         w = strtok_r(NULL, " \t\n", &save))
        links[n++] = w;
    ops_entry e = {NULL, links, n, 0};
    if (n > EVIDENCE_LINKS_MAX) /* said alone: nothing was saved */
        tui_message(t, 1, "at most %d links; nothing changed", EVIDENCE_LINKS_MAX);
    else
        said(t, ops_evidence_edit(t->model, c->entry, &e, NULL),
             n ? "links changed" : "links removed");
    free(copy);
}

static void remove_confirmed(tui *t, void *ctx)
{
    edit_ctx *c = ctx;
    said(t, ops_evidence_remove(t->model, c->entry), "evidence removed (u takes it back)");
}

/* Opens a URL with $BROWSER or xdg-open, detached and quiet; 0 when started. */
static int open_url(const char *url)
{
    const char *browser = getenv("BROWSER");
    const char *prog = browser && *browser ? browser : "xdg-open";
    char *argv[] = {(char *)prog, (char *)url, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

enum { CMD_ADD = 1, CMD_TEXT, CMD_DATE, CMD_LINKS, CMD_REMOVE, CMD_OPEN };

static const view_key EV_KEYS[] = {
    {'a', 0, CMD_ADD, "a", "add an entry: what you did, and when"},
    {'e', 0, CMD_TEXT, "e", "edit the selected entry's text"},
    {'\n', KEY_ENTER, CMD_TEXT, "Enter", NULL},
    {'d', 0, CMD_DATE, "d", "set when the work happened"},
    {'l', 0, CMD_LINKS, "l", "set its links (URLs, or refs like PR-123)"},
    {'x', KEY_DC, CMD_REMOVE, "x Del", "remove the entry (asks first)"},
    {'o', 0, CMD_OPEN, "o", "open its first link, or show it whole"},
    DOC_KEY_ROWS('E', "E"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const evidence_key_tables[] = {EV_KEYS, NULL};

static const view_hint_item EV_HINT[] = {
    {CMD_ADD, 0, "add"}, {CMD_TEXT, 0, "edit"}, {CMD_DATE, 0, "date"}, {CMD_LINKS, 0, "links"},
    {CMD_REMOVE, 0, "remove"}, {CMD_OPEN, 0, "open"}, {VIEW_CMD_CLOSE, 0, "close"},
    {0, 0, NULL},
};

static const view_key *ev_keys(void *state)
{
    (void)state;
    return EV_KEYS;
}

static void ev_draw(tui *t, void *state)
{
    ev_state *s = state;
    if (s->generation != t->model->generation &&
        build(t, s)) /* GCOVR_EXCL_BR_LINE: build fails only when out of memory */
        tui_message(t, 1, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    char title[160];
    snprintf(title, sizeof title, "Evidence %s %s %s %zu", draw_glyph(GL_DOT),
             t->ladder->phases[s->phase].criteria[s->index].id, draw_glyph(GL_DOT), s->d.n);
    doc_draw(t, &s->d, title, EV_KEYS, EV_HINT);
}

static int open_editor(tui *t, ev_state *s, const evidence_row *e, const char *title,
                       const char *initial, int multiline, size_t max, editor_done_fn done)
{
    edit_ctx *c = ctx_for(s, e);
    if (!c) /* GCOVR_EXCL_BR_LINE: ctx_for fails only when out of memory */
        return DIRTY_NONE; /* GCOVR_EXCL_LINE: out of memory */
    editor_request req = {title, initial, multiline, multiline, max, NULL};
    editor_open(t, &req, done, c, free);
    return DIRTY_ALL;
}

static int ev_handle(tui *t, void *state, int key, int is_char, action a)
{
    ev_state *s = state;
    const evidence_row *e;
    char buf[4096], date[16];
    (void)a;
    switch (view_key_cmd(EV_KEYS, key, is_char)) {
    case CMD_ADD:
        return open_editor(t, s, NULL, "New evidence: what you did (Ctrl-X saves)", NULL, 1,
                           EVIDENCE_TEXT_MAX, add_done);
    case CMD_TEXT:
        if (!(e = selected_entry(t, s, "entry text")))
            return DIRTY_BARS;
        return open_editor(t, s, e, "Evidence (Ctrl-X saves)", e->text, 1, EVIDENCE_TEXT_MAX,
                           text_done);
    case CMD_DATE:
        if (!(e = selected_entry(t, s, "date of its own")))
            return DIRTY_BARS;
        clock_format_local_date(e->happened_at, date, sizeof date);
        snprintf(buf, sizeof buf, "When did it happen? YYYY-MM-DD (now %s)", date);
        return open_editor(t, s, e, buf, NULL, 0, 10, date_done);
    case CMD_LINKS:
        if (!(e = selected_entry(t, s, "links")))
            return DIRTY_BARS;
        buf[0] = '\0';
        for (size_t j = 0; j < e->n_links && strlen(buf) + strlen(e->links[j]) + 2 < sizeof buf; j++) {
            strcat(buf, j ? " " : "");
            strcat(buf, e->links[j]);
        }
        return open_editor(t, s, e, "Links, space-separated (URLs or PR-123)", buf, 0,
                           sizeof buf - 1, links_done);
    case CMD_REMOVE: {
        if (!(e = selected_entry(t, s, "entry to remove")))
            return DIRTY_BARS;
        edit_ctx *c = ctx_for(s, e);
        if (c) /* GCOVR_EXCL_BR_LINE: ctx_for fails only when out of memory */
            confirm_open(t, "Remove this piece of evidence? (u takes it back)", remove_confirmed,
                         c, free);
        return DIRTY_ALL;
    }
    case CMD_OPEN:
        if (!(e = selected_entry(t, s, "links")))
            return DIRTY_BARS;
        if (!e->n_links)
            tui_message(t, 0, "this entry has no link: l adds one");
        else if (!strstr(e->links[0], "://") || open_url(e->links[0]) != 0)
            tui_message(t, 0, "link: %s", e->links[0]);
        else
            tui_message(t, 0, "opening %s", e->links[0]);
        return DIRTY_BARS;
    default: {
        int r = doc_command(t, &s->d, view_key_cmd(EV_KEYS, key, is_char));
        if (r != NOT_HANDLED)
            return r;
        tui_message(t, 0, "no action on that key; ? lists this view's keys");
        return DIRTY_BARS;
    }
    }
}

static void ev_close(void *state)
{
    ev_state *s = state;
    doc_clear(&s->d);
    free(s);
}

static const view_ops evidence_view = {"evidence", ev_draw, ev_handle, ev_close, ev_keys};

void evidence_view_open(tui *t)
{
    if (t->ladder->phases[t->phase].n_criteria == 0)
        return;
    ev_state *s = calloc(1, sizeof *s);
    if (!s) { /* GCOVR_EXCL_START: calloc fails only when out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    s->phase = (size_t)t->phase;
    s->index = (size_t)t->crit_cursor;
    if (build(t, s)) { /* GCOVR_EXCL_START: build fails only when out of memory */
        ev_close(s);
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    tui_push_view(t, &evidence_view, s);
}
