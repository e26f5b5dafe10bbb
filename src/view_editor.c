/* view_editor.c - the built-in text editor view and the hand-off to an external
 * editor. The external editor gets a private temporary file (mkstemp, 0600),
 * is run with execvp on an argument vector split from $VISUAL/$EDITOR (no shell),
 * and curses is suspended around it and restored after. */
#include "climb/view_editor.h"
#include "climb/draw.h"
#include "climb/text.h"
#include "climb/text_edit.h"
#include "climb/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    text_edit ed;
    char title[256];
    int multiline;
    editor_done_fn done;
    void *ctx;
    void (*free_ctx)(void *);
} editor_state;

static void editor_close(void *state)
{
    editor_state *es = state;
    text_edit_free(&es->ed);
    if (es->free_ctx)
        es->free_ctx(es->ctx);
    free(es);
}

/* Draws one logical line of the buffer, with the cursor cell in reverse video. */
static void draw_edit_line(WINDOW *w, int y, int width, const editor_state *es, size_t start,
                           size_t end, int cursor_col, int on_cursor_line)
{
    int offset = on_cursor_line && cursor_col >= width ? cursor_col - width + 1 : 0;
    size_t skip = text_fit(es->ed.buf + start, end - start, offset);
    char *line = malloc(end - start - skip + 1);
    if (!line)
        return;
    memcpy(line, es->ed.buf + start + skip, end - start - skip);
    line[end - start - skip] = '\0';
    draw_text(w, y, 2, width, line, A_NORMAL);
    free(line);
    if (on_cursor_line) {
        size_t at = es->ed.cursor;
        char cell[8] = " ";
        if (at < es->ed.len && es->ed.buf[at] != '\n') {
            size_t n = 1;
            while (at + n < es->ed.len && ((unsigned char)es->ed.buf[at + n] & 0xC0) == 0x80)
                n++;
            snprintf(cell, sizeof cell, "%.*s", (int)n, es->ed.buf + at);
        }
        draw_text(w, y, 2 + cursor_col - offset, 2, cell, A_REVERSE);
    }
}

static void editor_draw(tui *t, void *state)
{
    editor_state *es = state;
    int w = t->cols - 4 < 76 ? t->cols - 4 : 76;
    int h = es->multiline ? (t->rows - 2 < 16 ? t->rows - 2 : 16) : 5;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, es->title, 1);
    size_t cur_line;
    int cur_col;
    text_edit_position(&es->ed, &cur_line, &cur_col);
    int visible = h - 3;
    size_t first = cur_line >= (size_t)visible ? cur_line - (size_t)visible + 1 : 0;
    size_t line = 0, start = 0;
    for (size_t i = 0; i <= es->ed.len; i++) {
        if (i < es->ed.len && es->ed.buf[i] != '\n')
            continue;
        if (line >= first && line < first + (size_t)visible)
            draw_edit_line(win, 1 + (int)(line - first), w - 4, es, start, i, cur_col,
                           line == cur_line);
        line++;
        start = i + 1;
    }
    draw_text(win, h - 2, 2, w - 4,
              es->multiline ? "Ctrl-X save   Esc cancel   Enter new line   F1 keys"
                            : "Enter save   Esc cancel   F1 keys",
              draw_style(ST_DIM));
    wnoutrefresh(win);
    delwin(win);
}

/* Closes the view first, then reports, so done() may open another view. */
enum {
    CMD_CANCEL = 1, CMD_SAVE, CMD_NEWLINE, CMD_BACKSPACE, CMD_DELETE, CMD_LEFT, CMD_RIGHT,
    CMD_UP, CMD_DOWN, CMD_HOME, CMD_END, CMD_TEXT
};

static const view_key MULTI_KEYS[] = {
    {24, 0, CMD_SAVE, "Ctrl-X", "save the text and close"},
    {27, 0, CMD_CANCEL, "Esc", "close without saving"},
    {'\n', KEY_ENTER, CMD_NEWLINE, "Enter", "start a new line"},
    {'\r', 0, CMD_NEWLINE, "Ctrl-M", NULL},
    {127, KEY_BACKSPACE, CMD_BACKSPACE, "Backspace", "delete the character before the cursor"},
    {8, 0, CMD_BACKSPACE, "Ctrl-H", NULL},
    {0, KEY_DC, CMD_DELETE, "Delete", "delete the character under the cursor"},
    {0, KEY_LEFT, CMD_LEFT, "Left", "move left"},
    {0, KEY_RIGHT, CMD_RIGHT, "Right", "move right"},
    {0, KEY_UP, CMD_UP, "Up", "move up a line"},
    {0, KEY_DOWN, CMD_DOWN, "Down", "move down a line"},
    {1, KEY_HOME, CMD_HOME, "Home Ctrl-A", "go to the start of the line"},
    {5, KEY_END, CMD_END, "End Ctrl-E", "go to the end of the line"},
    {0, 0, CMD_TEXT, "any character", "typed into the text (F1: this help)"},
    {0, 0, 0, NULL, NULL},
};

/* One-line prompts: Enter saves; the rest as in the multi-line editor. */
static const view_key LINE_KEYS[] = {
    {'\n', KEY_ENTER, CMD_SAVE, "Enter", "save the text and close"},
    {'\r', 0, CMD_SAVE, "Ctrl-M", NULL},
    {27, 0, CMD_CANCEL, "Esc", "close without saving"},
    {127, KEY_BACKSPACE, CMD_BACKSPACE, "Backspace", "delete the character before the cursor"},
    {8, 0, CMD_BACKSPACE, "Ctrl-H", NULL},
    {0, KEY_DC, CMD_DELETE, "Delete", "delete the character under the cursor"},
    {0, KEY_LEFT, CMD_LEFT, "Left", "move left"},
    {0, KEY_RIGHT, CMD_RIGHT, "Right", "move right"},
    {1, KEY_HOME, CMD_HOME, "Home Ctrl-A", "go to the start"},
    {5, KEY_END, CMD_END, "End Ctrl-E", "go to the end"},
    {0, 0, CMD_TEXT, "any character", "typed into the text (F1: this help)"},
    {0, 0, 0, NULL, NULL},
};

static const view_key *editor_keys(void *state)
{
    const editor_state *es = state;
    return es->multiline ? MULTI_KEYS : LINE_KEYS;
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
    if (save && !text)
        tui_message(t, 1, "out of memory; nothing saved");
    done(t, ctx, text);
    free(text);
    if (free_ctx)
        free_ctx(ctx);
}

static void apply_edit(text_edit *ed, int cmd)
{
    switch (cmd) {
    case CMD_BACKSPACE: text_edit_backspace(ed); break;
    case CMD_DELETE: text_edit_delete(ed); break;
    case CMD_LEFT: text_edit_left(ed); break;
    case CMD_RIGHT: text_edit_right(ed); break;
    case CMD_UP: text_edit_up(ed); break;
    case CMD_DOWN: text_edit_down(ed); break;
    case CMD_HOME: text_edit_home(ed); break;
    case CMD_END: text_edit_end(ed); break;
    default: break;
    }
}

static int editor_handle(tui *t, void *state, int key, int is_char, action a)
{
    editor_state *es = state;
    (void)a;
    int cmd = view_key_cmd(editor_keys(es), key, is_char);
    if (cmd == CMD_SAVE || cmd == CMD_CANCEL) {
        finish(t, es, cmd == CMD_SAVE);
        return DIRTY_ALL;
    }
    if (cmd == CMD_NEWLINE)
        text_edit_insert(&es->ed, '\n');
    else if (cmd)
        apply_edit(&es->ed, cmd);
    else if (is_char && text_edit_insert(&es->ed, (unsigned)key) != 0)
        beep();
    return DIRTY_ALL;
}

static const view_ops editor_view = {"the editor", editor_draw, editor_handle, editor_close,
                                     editor_keys};

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
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        off += (size_t)n;
    }
    return 0;
}

/* Reads the edited file back, dropping trailing newlines. NULL on error. */
static char *read_back(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    char *buf = malloc(max + 2);
    size_t n = 0;
    if (f && buf)
        n = fread(buf, 1, max + 1, f);
    if (f)
        fclose(f);
    if (!buf || n > max || !text_utf8_valid(buf, n, NULL)) {
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
    endwin();
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = -1;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    reset_prog_mode();
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
        if (fd >= 0)
            close(fd);
        tui_message(t, 1, "cannot make a temporary file for the editor");
        return -1;
    }
    int ok = write_all(fd, req->initial ? req->initial : "") == 0 && write_all(fd, "\n") == 0;
    close(fd);
    int argc = split_command(cmd, argv, 32);
    argv[argc++] = path;
    argv[argc] = NULL;
    int status = ok && argc > 1 ? run_editor(argv) : -1;
    if (status == 0)
        *out = read_back(path, req->max);
    unlink(path);
    free(cmd);
    if (status != 0) {
        tui_message(t, 1, "the editor (%s) failed; the note was not changed", command);
        return -1;
    }
    if (!*out)
        tui_message(t, 1, "the edited note is too long or not UTF-8; not changed");
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
    if (!es || text_edit_init(&es->ed, req->initial, req->max)) {
        free(es);
        tui_message(t, 1, "out of memory");
        done(t, ctx, NULL);
        if (free_ctx)
            free_ctx(ctx);
        return;
    }
    snprintf(es->title, sizeof es->title, "%s", req->title);
    es->multiline = req->multiline;
    es->done = done;
    es->ctx = ctx;
    es->free_ctx = free_ctx;
    tui_push_view(t, &editor_view, es);
}
