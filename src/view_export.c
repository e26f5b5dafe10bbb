/* view_export.c - the Export view: a list of the three formats, then a line editor
 * holding the suggested path (~/climb-USER-DATE.EXT), a confirmation before an
 * existing file is replaced, and a last screen naming the file written. Writing
 * goes through export.h; no SQL here. */
#include "climb/view_export.h"
#include "climb/atomic_file.h"
#include "climb/clock.h"
#include "climb/draw.h"
#include "climb/export.h"
#include "climb/line_edit.h"
#include "climb/text.h"
#include "climb/view_confirm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { STEP_FORMAT, STEP_PATH, STEP_DONE };

/* Markdown first: pasting into a promotion packet is the common case. */
static const export_format ORDER[EXPORT_FORMATS] = {EXPORT_MD, EXPORT_JSON, EXPORT_CSV,
                                                     EXPORT_HTML};

typedef struct {
    int step;
    int cursor;               /* index into ORDER */
    line_edit path;
    char written[LINE_EDIT_MAX];
    char error[1024];
} export_state;

static void suggest_path(tui *t, export_state *s)
{
    const char *home = getenv("HOME");
    char buf[LINE_EDIT_MAX];
    export_default_path(home && *home ? home : "", t->model->profile.name, clock_now(),
                        ORDER[s->cursor], buf, sizeof buf);
    line_edit_init(&s->path, buf, 0);
}

/* The view's own commands; the grammar's keys run VIEW_CMD_* (view.h). */
enum { CMD_PICK = 1, CMD_NEXT, CMD_WRITE, CMD_BACK, CMD_CLEAR };

_Static_assert(EXPORT_FORMATS == 4, "FORMAT_KEYS binds 1 2 3 4 to the formats");

static const view_key FORMAT_KEYS[] = {
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "choose the format above"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "choose the format below"},
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "choose the first format"},
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", NULL},
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "choose the last format"},
    {'G', KEY_END, VIEW_CMD_LAST, "End G", NULL},
    {'\n', KEY_ENTER, CMD_NEXT, "Enter", "go on to the file name"},
    {'\r', 0, CMD_NEXT, "Ctrl-M", NULL},
    {'1', 0, CMD_PICK, "1", "choose that format and go on to the file name"},
    {'2', 0, CMD_PICK, "2", NULL},
    {'3', 0, CMD_PICK, "3", NULL},
    {'4', 0, CMD_PICK, "4", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "cancel: close without writing"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {'e', 0, VIEW_CMD_CLOSE, "e", NULL},
    {0, 0, 0, NULL, NULL},
};

/* Typing the file name: q is text; Esc goes back to the formats. */
static const view_key PATH_KEYS[] = {
    {'\n', KEY_ENTER, CMD_WRITE, "Enter", "write the file (asks before replacing one)"},
    {'\r', 0, CMD_WRITE, "Ctrl-M", NULL},
    {27, 0, CMD_BACK, "Esc", "back to the formats"},
    {21, 0, CMD_CLEAR, "Ctrl-U", "clear the file name"},
    LINE_EDIT_KEY_ROWS("typed into the file name (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

static const view_key DONE_KEYS[] = {
    {'\n', KEY_ENTER, VIEW_CMD_CLOSE, "Enter", "close"},
    {'\r', 0, VIEW_CMD_CLOSE, "Ctrl-M", NULL},
    {' ', 0, VIEW_CMD_CLOSE, "Space", NULL},
    {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {'e', 0, VIEW_CMD_CLOSE, "e", NULL},
    {0, 0, 0, NULL, NULL},
};

const view_key *const export_key_tables[] = {FORMAT_KEYS, PATH_KEYS, DONE_KEYS, NULL};

static const view_hint_item FORMAT_HINT[] = {
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "choose"}, {CMD_NEXT, 0, "next"}, {VIEW_CMD_CLOSE, 0, "cancel"},
    {0, 0, NULL},
};
static const view_hint_item PATH_HINT[] = {
    {CMD_WRITE, 0, "write"}, {CMD_CLEAR, 0, "clear"}, {CMD_BACK, 0, "back"}, {0, 0, NULL},
};
static const view_hint_item DONE_HINT[] = {{VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL}};

/* The footer of the step in front. */
static void draw_hint(WINDOW *win, const export_state *s, int y, int width)
{
    static const view_key *const tables[] = {FORMAT_KEYS, PATH_KEYS, DONE_KEYS};
    static const view_hint_item *const hints[] = {FORMAT_HINT, PATH_HINT, DONE_HINT};
    char hint[160];
    view_hint(tables[s->step], hints[s->step], (int)sizeof hint, hint, sizeof hint);
    draw_hints(win, y, 2, width, 1, hint, draw_style(ST_DIM));
}

/* The path field: the whole path, broken into rows of `width` columns (a path
 * has no spaces to wrap at), the cursor as a reversed cell. A path longer than
 * max_rows rows shows the rows around the cursor, with "…" where rows are left
 * out, so its start is never silently cut off: the field opens on it. Returns
 * the rows used. */
static int draw_path_field(WINDOW *w, int y, int x, int width, int max_rows, const line_edit *e,
                           attr_t attr)
{
    static size_t start[LINE_EDIT_MAX + 2];
    int n = 0, cursor_row = 0;
    size_t at = 0;
    if (width < 4 || max_rows < 1)
        return 0;
    do { /* the rows of the text */
        size_t fit = text_fit(e->buf + at, e->len - at, width);
        if (fit == 0 && at < e->len)
            fit = text_unit_len(e->buf + at, e->len - at);
        start[n++] = at;
        at += fit;
    } while (at < e->len);
    start[n] = e->len;
    while (cursor_row + 1 < n && start[cursor_row + 1] <= e->cursor)
        cursor_row++;
    if (e->cursor == e->len && e->len > 0 &&
        text_width_n(e->buf + start[n - 1], e->len - start[n - 1]) >= width) {
        cursor_row = n; /* after a full last row: on a row of its own */
        start[++n] = e->len;
    }
    int first = cursor_row >= max_rows ? cursor_row - max_rows + 1 : 0;
    int shown = n - first < max_rows ? n - first : max_rows;
    for (int r = 0; r < shown; r++) {
        int row = first + r, col = 0;
        draw_fill(w, y + r, x, width, attr);
        for (size_t i = start[row]; i < start[row + 1];) {
            size_t len = text_unit_len(e->buf + i, e->len - i);
            char cell[64];
            snprintf(cell, sizeof cell, "%.*s", (int)len, e->buf + i);
            int lead = r == 0 && first > 0 && i == start[row];
            int tail = r == shown - 1 && row + 1 < n && i + len >= start[row + 1];
            attr_t a = i == e->cursor ? attr ^ A_REVERSE : attr;
            col += draw_text(w, y + r, x + col, width - col,
                             (lead || tail) && i != e->cursor ? draw_glyph(GL_ELLIPSIS) : cell, a);
            i += len;
        }
        if (row == cursor_row && e->cursor == e->len)
            draw_text(w, y + r, x + col, width - col, " ", attr ^ A_REVERSE);
    }
    return shown;
}

static void export_draw(tui *t, void *state)
{
    export_state *s = state;
    int w = t->cols - 4 < 72 ? t->cols - 4 : 72;
    int path_rows = 1 + text_width(s->step == STEP_DONE ? s->written : s->path.buf) / (w - 4 > 1 ? w - 4 : 1);
    int err_rows = s->error[0] ? draw_wrapped_lines(s->error, w - 4) : 0;
    int h = 8 + path_rows + (err_rows ? err_rows + 1 : 0);
    if (h < 11)
        h = 11;
    if (h > t->rows - 2)
        h = t->rows - 2;
    if (w < 24 || h < 7)
        return;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Export snapshot", 1);
    int y = 1, roomy = h >= 11; /* a blank row between the parts when there is room */
    if (s->step == STEP_FORMAT) {
        draw_text(win, y++, 2, w - 4, "Choose a format:", draw_style(ST_HEADING));
        for (int i = 0; i < EXPORT_FORMATS; i++, y++) {
            attr_t a = i == s->cursor ? draw_style(ST_CURSOR) : A_NORMAL;
            char row[128];
            snprintf(row, sizeof row, "%d %s", i + 1, export_format_label(ORDER[i]));
            draw_fill(win, y, 2, w - 4, a);
            draw_text(win, y, 2, 2, i == s->cursor ? draw_glyph(GL_CURSOR) : " ", a);
            draw_text(win, y, 4, w - 6, row, a);
        }
    } else if (s->step == STEP_PATH) {
        draw_text(win, y++, 2, w - 4, export_format_label(ORDER[s->cursor]),
                  draw_style(ST_HEADING));
        y += roomy;
        draw_text(win, y++, 2, w - 4, "Write to:", A_NORMAL);
        int room = h - 2 - y - (err_rows ? 2 : 0);
        y += draw_path_field(win, y, 2, w - 4, room > 1 ? room : 1, &s->path, A_UNDERLINE);
        if (s->error[0])
            draw_wrapped(win, y + 1, 2, w - 4, 0, h - y - 3, s->error, draw_style(ST_ERROR));
    } else {
        draw_text(win, y++, 2, w - 4, "Written to:", draw_style(ST_HEADING));
        draw_wrapped(win, y, 2, w - 4, 0, h - y - 2, s->written, A_NORMAL);
    }
    draw_hint(win, s, h - 2, w - 4);
    wnoutrefresh(win);
    delwin(win);
}

static void write_file(tui *t, export_state *s, int force)
{
    char err[sizeof s->error];
    if (export_to_path(t->model, ORDER[s->cursor], s->path.buf, force, clock_now(), err,
                       sizeof err) != 0) {
        snprintf(s->error, sizeof s->error, "%s", err);
        return;
    }
    snprintf(s->written, sizeof s->written, "%s", s->path.buf);
    s->error[0] = '\0';
    s->step = STEP_DONE;
    tui_message(t, 0, "exported to %s", s->written);
}

static void overwrite_yes(tui *t, void *ctx)
{
    write_file(t, ctx, 1);
}

static const view_key *export_keys(void *state)
{
    const export_state *s = state;
    return s->step == STEP_FORMAT ? FORMAT_KEYS : s->step == STEP_PATH ? PATH_KEYS : DONE_KEYS;
}

static int handle_format(tui *t, export_state *s, int key, int is_char)
{
    int cmd = view_key_cmd(FORMAT_KEYS, key, is_char);
    if (cmd == CMD_PICK) {
        s->cursor = key - '1';
        cmd = CMD_NEXT;
    }
    if (cmd == VIEW_CMD_UP && s->cursor > 0)
        s->cursor--;
    else if (cmd == VIEW_CMD_DOWN && s->cursor < EXPORT_FORMATS - 1)
        s->cursor++;
    else if (cmd == VIEW_CMD_FIRST || cmd == VIEW_CMD_PAGE_UP)
        s->cursor = 0;
    else if (cmd == VIEW_CMD_LAST || cmd == VIEW_CMD_PAGE_DOWN)
        s->cursor = EXPORT_FORMATS - 1;
    else if (cmd == CMD_NEXT) {
        suggest_path(t, s);
        s->step = STEP_PATH;
    } else if (cmd == VIEW_CMD_CLOSE)
        tui_pop_view(t);
    else if (!cmd)
        tui_message(t, 0, "Up/Down or 1-4 choose a format, Enter goes on, Esc closes");
    return DIRTY_ALL;
}

static int handle_path(tui *t, export_state *s, int key, int is_char)
{
    int cmd = view_key_cmd(PATH_KEYS, key, is_char);
    if (cmd == CMD_BACK) {
        s->step = STEP_FORMAT;
        s->error[0] = '\0';
    } else if (cmd == CMD_CLEAR) {
        line_edit_init(&s->path, NULL, 0);
        s->error[0] = '\0';
    } else if (cmd == CMD_WRITE) {
        if (!s->path.buf[0]) {
            snprintf(s->error, sizeof s->error, "type a file name");
        } else if (atomic_file_exists(s->path.buf)) {
            char q[LINE_EDIT_MAX + 64];
            snprintf(q, sizeof q, "%s exists. Replace it?", s->path.buf);
            confirm_open(t, q, overwrite_yes, s, NULL);
        } else {
            write_file(t, s, 0);
        }
    } else {
        line_edit_command(&s->path, cmd, key, is_char);
    }
    return DIRTY_ALL;
}

/* The last step closes on Enter, Space, Esc or q; another key says so. */
static int export_handle(tui *t, void *state, int key, int is_char, action a)
{
    export_state *s = state;
    (void)a;
    if (s->step == STEP_FORMAT)
        return handle_format(t, s, key, is_char);
    if (s->step == STEP_PATH)
        return handle_path(t, s, key, is_char);
    if (view_key_cmd(DONE_KEYS, key, is_char) != VIEW_CMD_CLOSE) {
        tui_message(t, 0, "Enter, Esc or q closes the export");
        return DIRTY_BARS;
    }
    tui_pop_view(t);
    return DIRTY_ALL;
}

static const view_ops export_view = {"export", export_draw, export_handle, free, export_keys};

void export_view_open(tui *t)
{
    export_state *s = calloc(1, sizeof *s);
    if (!s) { /* GCOVR_EXCL_START: calloc fails only when out of memory */
        tui_message(t, 1, "out of memory");
        return;
    } /* GCOVR_EXCL_STOP */
    tui_push_view(t, &export_view, s);
}
