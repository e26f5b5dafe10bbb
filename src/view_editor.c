/* view_editor.c - the built-in text editor view and the hand-off to an external
 * editor. The external editor gets a private temporary file (mkstemp, 0600),
 * is run with execvp on an argument vector split from $VISUAL/$EDITOR (no shell),
 * and curses is suspended around it and restored after. */
#include "climb/view_editor.h"
#include "climb/draw.h"
#include "climb/text.h"
#include "climb/text_edit.h"
#include "climb/config.h"
#include "climb/input.h"
#include "climb/view_confirm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    text_edit ed;
    char title[256];
    char *baseline;  /* the text changes are measured against */
    int multiline;
    int top;         /* first visual row shown */
    int wrap;        /* columns a row may take (from the last draw) */
    int visible;     /* text rows shown (from the last draw) */
    int goal;        /* column Up/Down aim for, or -1 */
    int drawn;       /* 1 after the first draw */
    editor_done_fn done;
    void *ctx;
    void (*free_ctx)(void *);
} editor_state;

static void editor_close(void *state)
{
    editor_state *es = state;
    text_edit_free(&es->ed);
    free(es->baseline);
    if (es->free_ctx)
        es->free_ctx(es->ctx);
    free(es);
}

enum {
    CMD_CANCEL = 1, CMD_SAVE, CMD_NEWLINE, CMD_TAB, CMD_BACKSPACE, CMD_DELETE, CMD_LEFT,
    CMD_RIGHT, CMD_UP, CMD_DOWN, CMD_WORD_LEFT, CMD_WORD_RIGHT, CMD_HOME, CMD_END,
    CMD_PAGE_UP, CMD_PAGE_DOWN, CMD_TEXT_START, CMD_TEXT_END, CMD_DEL_WORD_BEFORE,
    CMD_DEL_WORD_AFTER, CMD_KILL_BEFORE, CMD_KILL_AFTER, CMD_TEXT
};

/* The editing keys both editors share, after their own Enter, Esc and save. */
#define EDITOR_EDIT_ROWS                                                                     \
    {'\t', 0, CMD_TAB, "Tab", "insert spaces up to the next tab stop"},                     \
    {127, KEY_BACKSPACE, CMD_BACKSPACE, "Backspace", "delete the character before the cursor"}, \
    {8, 0, CMD_BACKSPACE, "Ctrl-H", NULL},                                                   \
    {0, KEY_DC, CMD_DELETE, "Delete", "delete the character under the cursor"},             \
    {0, KEY_LEFT, CMD_LEFT, "Left", "move left"},                                           \
    {0, KEY_RIGHT, CMD_RIGHT, "Right", "move right"},                                       \
    {0, KEY_UP, CMD_UP, "Up", "move up a row"},                                             \
    {0, KEY_DOWN, CMD_DOWN, "Down", "move down a row"},                                     \
    {0, INPUT_KEY_WORD_LEFT, CMD_WORD_LEFT, "Ctrl-Left", "move back a word"},               \
    {0, INPUT_META('b'), CMD_WORD_LEFT, "Alt-b", NULL},                                     \
    {0, INPUT_KEY_WORD_RIGHT, CMD_WORD_RIGHT, "Ctrl-Right", "move forward a word"},         \
    {0, INPUT_META('f'), CMD_WORD_RIGHT, "Alt-f", NULL},                                    \
    {1, KEY_HOME, CMD_HOME, "Home Ctrl-A", "go to the start of the row (again: line)"},     \
    {5, KEY_END, CMD_END, "End Ctrl-E", "go to the end of the row (again: line)"},          \
    {0, KEY_PPAGE, CMD_PAGE_UP, "PgUp", "move up a page"},                                  \
    {0, KEY_NPAGE, CMD_PAGE_DOWN, "PgDn", "move down a page"},                              \
    {0, INPUT_KEY_TEXT_START, CMD_TEXT_START, "Ctrl-Home", "go to the start of the text"},  \
    {0, INPUT_KEY_TEXT_END, CMD_TEXT_END, "Ctrl-End", "go to the end of the text"},         \
    {23, 0, CMD_DEL_WORD_BEFORE, "Ctrl-W", "delete the word before the cursor"},            \
    {0, INPUT_META(127), CMD_DEL_WORD_BEFORE, "Alt-Backspace", NULL},                       \
    {0, INPUT_META('d'), CMD_DEL_WORD_AFTER, "Alt-d", "delete the word after the cursor"},  \
    {21, 0, CMD_KILL_BEFORE, "Ctrl-U", "delete to the start of the line"},                  \
    {11, 0, CMD_KILL_AFTER, "Ctrl-K", "delete to the end of the line"},                     \
    {0, 0, CMD_TEXT, "any character", "typed or pasted into the text (F1: this help)"}

static const view_key MULTI_KEYS[] = {
    {24, 0, CMD_SAVE, "Ctrl-X", "save the text and close"},
    {27, 0, CMD_CANCEL, "Esc", "close; asks first if the text changed"},
    {3, 0, CMD_CANCEL, "Ctrl-C", NULL},
    {'\n', KEY_ENTER, CMD_NEWLINE, "Enter", "start a new line"},
    {'\r', 0, CMD_NEWLINE, "Ctrl-M", NULL},
    EDITOR_EDIT_ROWS,
    {0, 0, 0, NULL, NULL},
};

/* One-line prompts: Enter saves (a pasted line break becomes a space). */
static const view_key LINE_KEYS[] = {
    {'\n', KEY_ENTER, CMD_SAVE, "Enter", "save the text and close"},
    {'\r', 0, CMD_SAVE, "Ctrl-M", NULL},
    {27, 0, CMD_CANCEL, "Esc", "close; asks first if the text changed"},
    {3, 0, CMD_CANCEL, "Ctrl-C", NULL},
    EDITOR_EDIT_ROWS,
    {0, 0, 0, NULL, NULL},
};

const view_key *const editor_key_tables[] = {MULTI_KEYS, LINE_KEYS, NULL};

static const view_key *editor_keys(void *state)
{
    const editor_state *es = state;
    return es->multiline ? MULTI_KEYS : LINE_KEYS;
}

/* The rows of the text at the current width; NULL when out of memory. */
static text_row *wrap_rows(const editor_state *es, size_t *n)
{
    *n = text_wrap_rows(es->ed.buf, es->ed.len, es->wrap, NULL, 0);
    text_row *rows = malloc(*n * sizeof *rows);
    if (rows)
        text_wrap_rows(es->ed.buf, es->ed.len, es->wrap, rows, *n);
    return rows;
}

/* The footer, generated from the key table: the first key of each command named
 * here, then F1 for all keys, as many as fit. */
static void footer(const editor_state *es, char *buf, size_t len, int width)
{
    static const struct {
        int cmd;
        const char *what;
    } SHOWN[] = {{CMD_SAVE, "save"}, {CMD_CANCEL, "close"}, {CMD_NEWLINE, "new line"},
                 {CMD_DEL_WORD_BEFORE, "delete word"}};
    const view_key *table = editor_keys((void *)es);
    const char *help = "F1 keys";
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof SHOWN / sizeof *SHOWN; i++) {
        const view_key *k = table;
        while (k->name && k->cmd != SHOWN[i].cmd)
            k++;
        if (!k->name)
            continue;
        char item[64];
        snprintf(item, sizeof item, "%.*s %s  ", (int)strcspn(k->name, " "), k->name,
                 SHOWN[i].what);
        if (text_width(buf) + text_width(item) + text_width(help) > width)
            break;
        snprintf(buf + strlen(buf), len - strlen(buf), "%s", item);
    }
    snprintf(buf + strlen(buf), len - strlen(buf), "%s", help);
}

/* Keeps the cursor's row on screen. */
static void scroll_to_cursor(editor_state *es, size_t cur_row, size_t n_rows)
{
    if ((int)cur_row < es->top)
        es->top = (int)cur_row;
    if ((int)cur_row >= es->top + es->visible)
        es->top = (int)cur_row - es->visible + 1;
    if (es->top > (int)n_rows - es->visible)
        es->top = (int)n_rows - es->visible;
    if (es->top < 0)
        es->top = 0;
}

/* The text rows, the cursor as a reverse-video cell, a mark at the end of a row
 * that breaks inside a word, and arrows in the border when there is more text
 * above or below. */
static void draw_rows(WINDOW *win, editor_state *es, const text_row *rows, size_t n)
{
    int col;
    size_t cur = text_row_of(es->ed.buf, rows, n, es->ed.cursor, &col);
    scroll_to_cursor(es, cur, n);
    attr_t dim = draw_style(ST_DIM);
    for (int y = 0; y < es->visible && (size_t)(es->top + y) < n; y++) {
        const text_row *r = &rows[es->top + y];
        char *line = strndup(es->ed.buf + r->start, r->end - r->start);
        if (!line) /* GCOVR_EXCL_BR_LINE: strndup fails only out of memory */
            return; /* GCOVR_EXCL_LINE: out of memory */
        draw_text(win, 1 + y, 2, es->wrap + 1, line, A_NORMAL);
        free(line);
        if (r->hard)
            draw_text(win, 1 + y, 2 + es->wrap, 1, draw_utf8() ? "\u21aa" : "\\", dim);
    }
    char cell[8] = " ";
    size_t at = es->ed.cursor;
    if (at < es->ed.len && es->ed.buf[at] != '\n') {
        size_t b;
        text_char_width(es->ed.buf, es->ed.len, at, &b);
        snprintf(cell, sizeof cell, "%.*s", (int)b, es->ed.buf + at);
    }
    draw_text(win, 1 + (int)cur - es->top, 2 + col, 2, cell, A_REVERSE);
    int right = getmaxx(win) - 1;
    if (es->top > 0)
        draw_text(win, 1, right, 1, draw_utf8() ? "\u25b2" : "^", draw_style(ST_HEADING));
    if ((size_t)(es->top + es->visible) < n)
        draw_text(win, es->visible, right, 1, draw_utf8() ? "\u25bc" : "v",
                  draw_style(ST_HEADING));
}

static void editor_draw(tui *t, void *state)
{
    editor_state *es = state;
    int w = t->cols - 4 < 80 ? t->cols - 4 : 80;
    es->wrap = w - 5; /* inside the border and a margin, with a column for the cursor */
    size_t n;
    text_row *rows = wrap_rows(es, &n);
    if (!rows) /* GCOVR_EXCL_BR_LINE: wrap_rows fails only out of memory */
        return; /* GCOVR_EXCL_LINE: out of memory */
    int most = es->multiline ? (t->rows - 5 < 20 ? t->rows - 5 : 20) : 3;
    es->visible = es->multiline ? most : (int)n < most ? (int)n : most;
    if (es->visible < 1) /* GCOVR_EXCL_BR_LINE: views are drawn from 12 rows up (tui.c MIN_ROWS) */
        es->visible = 1; /* GCOVR_EXCL_LINE: a guard, see above */
    if (!es->drawn && n > (size_t)es->visible)
        es->ed.cursor = 0; /* a text longer than the box opens at its start */
    es->drawn = 1;
    int h = es->visible + 3;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win) { /* GCOVR_EXCL_START: newwin fails only out of memory */
        free(rows);
        return;
    } /* GCOVR_EXCL_STOP */
    werase(win);
    draw_box(win, es->title, 1);
    draw_rows(win, es, rows, n);
    free(rows);
    char hint[160];
    footer(es, hint, sizeof hint, w - 4);
    draw_text(win, h - 2, 2, w - 4, hint, draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

/* Closes the view first, then reports, so done() may open another view. */
static void finish(tui *t, editor_state *es, int save)
{
    char *text = save ? strdup(es->ed.buf) : NULL;
    editor_done_fn done = es->done;
    void *ctx = es->ctx;
    void (*free_ctx)(void *) = es->free_ctx;
    es->free_ctx = NULL;
    tui_pop_view(t);
    if (save && !text) /* GCOVR_EXCL_BR_LINE: strdup fails only out of memory */
        tui_message(t, 1, "out of memory; nothing saved"); /* GCOVR_EXCL_LINE: out of memory */
    done(t, ctx, text);
    free(text);
    if (free_ctx)
        free_ctx(ctx);
}

/* Up/Down by visual row (and PgUp/PgDn by a page of them), aiming at the column
 * the moves started from. */
static void move_rows(editor_state *es, int delta)
{
    size_t n;
    text_row *rows = wrap_rows(es, &n);
    if (!rows || n == 0) { /* GCOVR_EXCL_START: only out of memory; every text has a row */
        free(rows);
        return;
    } /* GCOVR_EXCL_STOP */
    int col;
    long r = (long)text_row_of(es->ed.buf, rows, n, es->ed.cursor, &col);
    if (es->goal < 0)
        es->goal = col;
    r += delta;
    if (r < 0) {
        es->ed.cursor = 0;
    } else if (r >= (long)n) {
        es->ed.cursor = es->ed.len;
    } else {
        es->ed.cursor = text_row_offset(es->ed.buf, rows, n, (size_t)r, es->goal);
    }
    free(rows);
}

/* Home/End: the start or end of the visual row; pressed there, of the line. */
static void row_edge(editor_state *es, int end)
{
    size_t n, before = es->ed.cursor;
    text_row *rows = wrap_rows(es, &n);
    if (!rows || n == 0) { /* GCOVR_EXCL_START: only out of memory; every text has a row */
        free(rows);
        return;
    } /* GCOVR_EXCL_STOP */
    int col;
    size_t r = text_row_of(es->ed.buf, rows, n, es->ed.cursor, &col);
    es->ed.cursor = end ? text_row_offset(es->ed.buf, rows, n, r, 1 << 30) : rows[r].start;
    free(rows);
    if (es->ed.cursor == before)
        (end ? text_edit_end : text_edit_home)(&es->ed);
}

static void apply_edit(editor_state *es, int cmd)
{
    text_edit *ed = &es->ed;
    if (cmd != CMD_UP && cmd != CMD_DOWN && cmd != CMD_PAGE_UP && cmd != CMD_PAGE_DOWN)
        es->goal = -1;
    switch (cmd) {
    case CMD_NEWLINE: text_edit_insert(ed, '\n'); break;
    case CMD_TAB: text_edit_tab(ed); break;
    case CMD_BACKSPACE: text_edit_backspace(ed); break;
    case CMD_DELETE: text_edit_delete(ed); break;
    case CMD_LEFT: text_edit_left(ed); break;
    case CMD_RIGHT: text_edit_right(ed); break;
    case CMD_UP: move_rows(es, -1); break;
    case CMD_DOWN: move_rows(es, 1); break;
    case CMD_PAGE_UP: move_rows(es, -(es->visible > 1 ? es->visible - 1 : 1)); break;
    case CMD_PAGE_DOWN: move_rows(es, es->visible > 1 ? es->visible - 1 : 1); break;
    case CMD_WORD_LEFT: text_edit_word_left(ed); break;
    case CMD_WORD_RIGHT: text_edit_word_right(ed); break;
    case CMD_HOME: row_edge(es, 0); break;
    case CMD_END: row_edge(es, 1); break;
    case CMD_TEXT_START: ed->cursor = 0; break;
    case CMD_TEXT_END: ed->cursor = ed->len; break;
    case CMD_DEL_WORD_BEFORE: text_edit_delete_word_before(ed); break;
    case CMD_DEL_WORD_AFTER: text_edit_delete_word_after(ed); break;
    case CMD_KILL_BEFORE: text_edit_kill_before(ed); break;
    case CMD_KILL_AFTER: text_edit_kill_after(ed); break;
    default: break;
    }
}

/* The answer to "Save, discard, or keep editing?" (keep closes only the question). */
static void on_answer(tui *t, void *ctx, ask_choice c)
{
    finish(t, ctx, c == ASK_SAVE);
}

static int editor_handle(tui *t, void *state, int key, int is_char, action a)
{
    editor_state *es = state;
    (void)a;
    if (key == INPUT_PASTE && !is_char) {
        es->goal = -1;
        if (text_edit_paste(&es->ed, input_paste_text(), es->multiline) != 0)
            tui_message(t, 1, "the paste did not all fit: the text is at its longest");
        return DIRTY_ALL;
    }
    int cmd = view_key_cmd(editor_keys(es), key, is_char);
    if (cmd == CMD_CANCEL && strcmp(es->ed.buf, es->baseline) != 0) {
        /* GCOVR_EXCL_START: ask_save_open fails only out of memory */
        if (ask_save_open(t, "Save, discard, or keep editing?", on_answer, es) != 0)
            tui_message(t, 1, "cannot ask now; still editing (Ctrl-X or Enter saves)");
        /* GCOVR_EXCL_STOP */
        return DIRTY_ALL;
    }
    if (cmd == CMD_SAVE || cmd == CMD_CANCEL) {
        finish(t, es, cmd == CMD_SAVE);
        return DIRTY_ALL;
    }
    if (cmd) {
        apply_edit(es, cmd);
    } else if (is_char) {
        es->goal = -1;
        if (text_edit_insert(&es->ed, (unsigned)key) != 0)
            beep();
    }
    return DIRTY_ALL;
}

static const view_ops editor_view = {"the editor", editor_draw, editor_handle, editor_close,
                                     editor_keys};

const char *editor_unsaved(const tui *t, int i, const char **title)
{
    if (i < 0 || i >= t->n_views || t->views[i] != &editor_view)
        return NULL;
    const editor_state *es = t->view_state[i];
    if (strcmp(es->ed.buf, es->baseline) == 0)
        return NULL;
    *title = es->title;
    return es->ed.buf;
}

/* Splits the editor command on blanks into argv (no shell, no quoting). */
static int split_command(char *cmd, char **argv, int max)
{
    int n = 0;
    for (char *tok = strtok(cmd, " \t"); tok && n < max - 2; tok = strtok(NULL, " \t"))
        argv[n++] = tok;
    return n;
}

static int write_all(int fd, const char *s)
{
    size_t len = strlen(s), off = 0;
    while (off < len) {
        ssize_t n = write(fd, s + off, len - off);
        if (n < 0 && errno == EINTR) /* GCOVR_EXCL_BR_LINE: a file's write is not interrupted */
            continue; /* GCOVR_EXCL_LINE: see above */
        if (n <= 0)
            return -1;
        off += (size_t)n;
    }
    return 0;
}

/* Reads the edited file back, dropping trailing newlines. NULL on error, with
 * *why saying what went wrong (an editor that removed the file is not an empty
 * note: nothing is changed then). */
static char *read_back(const char *path, size_t max, const char **why)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = "the editor left no file; the note was not changed";
        return NULL;
    }
    char *buf = malloc(max + 2);
    size_t n = 0;
    if (buf)
        n = fread(buf, 1, max + 1, f);
    fclose(f);
    if (!buf || n > max || !text_utf8_valid(buf, n, NULL)) {
        *why = "the edited note is too long or not UTF-8; not changed";
        free(buf);
        return NULL;
    }
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        n--;
    buf[n] = '\0';
    return buf;
}

/* Runs argv on path with curses suspended; returns the exit status or -1. */
static int run_editor(char **argv)
{
    def_prog_mode();
    int terminal_set = input_terminal_end();
    endwin();
    pid_t pid = fork();
    if (pid == 0) { /* GCOVR_EXCL_START: the child execs or _exits: its counts are never written */
        execvp(argv[0], argv);
        _exit(127);
    } /* GCOVR_EXCL_STOP */
    int status = -1;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    reset_prog_mode();
    if (terminal_set)
        input_terminal_start();
    clearok(curscr, TRUE);
    return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Edits with the external editor. Returns 0 (text in *out, may be NULL when the
 * file could not be read back), or -1 when it failed (message set). */
static int edit_external(tui *t, const char *command, const editor_request *req, char **out)
{
    const char *dir = getenv("TMPDIR");
    char path[4096], *cmd = strdup(command), *argv[32];
    snprintf(path, sizeof path, "%s/climb-note-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    *out = NULL;
    if (!cmd || fd < 0) {
        free(cmd);
        if (fd >= 0) /* GCOVR_EXCL_BR_LINE: open with cmd NULL: strdup ran out of memory */
            close(fd); /* GCOVR_EXCL_LINE: out of memory */
        tui_message(t, 1, "cannot make a temporary file for the editor");
        return -1;
    }
    int ok = write_all(fd, req->initial ? req->initial : "") == 0 && write_all(fd, "\n") == 0;
    close(fd);
    int argc = split_command(cmd, argv, 32);
    argv[argc++] = path;
    argv[argc] = NULL;
    int status = ok && argc > 1 ? run_editor(argv) : -1;
    const char *why = NULL;
    if (status == 0)
        *out = read_back(path, req->max, &why);
    unlink(path);
    free(cmd);
    if (status != 0) {
        tui_message(t, 1, "the editor (%s) failed; the note was not changed", command);
        return -1;
    }
    if (!*out)
        tui_message(t, 1, "%s", why);
    return *out ? 0 : -1;
}

void editor_open(tui *t, const editor_request *req, editor_done_fn done, void *ctx,
                 void (*free_ctx)(void *))
{
    const char *visual = getenv("VISUAL"), *editor = getenv("EDITOR");
    const char *configured = t->app->config ? t->app->config->editor : "";
    const char *command = *configured                ? configured
                          : visual && *visual ? visual
                          : editor && *editor ? editor
                                              : NULL;
    if (req->external && command) {
        char *text = NULL;
        done(t, ctx, edit_external(t, command, req, &text) == 0 ? text : NULL);
        free(text);
        if (free_ctx)
            free_ctx(ctx);
        return;
    }
    editor_state *es = calloc(1, sizeof *es);
    /* GCOVR_EXCL_START: calloc and text_edit_init fail only out of memory */
    if (!es || text_edit_init(&es->ed, req->initial, req->max)) {
        free(es);
        tui_message(t, 1, "out of memory");
        done(t, ctx, NULL);
        if (free_ctx)
            free_ctx(ctx);
        return;
    } /* GCOVR_EXCL_STOP */
    const char *base = req->baseline ? req->baseline : req->initial ? req->initial : "";
    es->baseline = strdup(base);
    if (!es->baseline) { /* GCOVR_EXCL_START: strdup fails only out of memory */
        es->free_ctx = NULL;
        editor_close(es);
        tui_message(t, 1, "out of memory");
        done(t, ctx, NULL);
        if (free_ctx)
            free_ctx(ctx);
        return;
    } /* GCOVR_EXCL_STOP */
    snprintf(es->title, sizeof es->title, "%s", req->title);
    es->multiline = req->multiline;
    es->goal = -1;
    es->done = done;
    es->ctx = ctx;
    es->free_ctx = free_ctx;
    tui_push_view(t, &editor_view, es);
}
