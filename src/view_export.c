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
#include "climb/view_confirm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { STEP_FORMAT, STEP_PATH, STEP_DONE };

/* Markdown first: pasting into a promotion packet is the common case. */
static const export_format ORDER[EXPORT_FORMATS] = {EXPORT_MD, EXPORT_JSON, EXPORT_CSV};

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

static void export_draw(tui *t, void *state)
{
    export_state *s = state;
    int w = t->cols - 4 < 72 ? t->cols - 4 : 72, h = 11;
    if (h > t->rows - 2)
        h = t->rows - 2;
    if (w < 24 || h < 7)
        return;
    WINDOW *win = newwin(h, w, (t->rows - h) / 2, (t->cols - w) / 2);
    if (!win)
        return;
    werase(win);
    draw_box(win, "Export snapshot", 1);
    int y = 1;
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
        draw_text(win, h - 2, 2, w - 4, "Up/Down choose  Enter next  Esc cancel",
                  draw_style(ST_DIM));
    } else if (s->step == STEP_PATH) {
        draw_text(win, y++, 2, w - 4, export_format_label(ORDER[s->cursor]),
                  draw_style(ST_HEADING));
        draw_text(win, ++y, 2, w - 4, "Write to:", A_NORMAL);
        line_edit_draw(&s->path, win, ++y, 2, w - 4, A_UNDERLINE);
        if (s->error[0])
            draw_wrapped(win, y + 2, 2, w - 4, 0, h - y - 4, s->error, draw_style(ST_ERROR));
        draw_text(win, h - 2, 2, w - 4, "Enter write  Esc back", draw_style(ST_DIM));
    } else {
        draw_text(win, y++, 2, w - 4, "Written to:", draw_style(ST_HEADING));
        draw_wrapped(win, y, 2, w - 4, 0, h - y - 2, s->written, A_NORMAL);
        draw_text(win, h - 2, 2, w - 4, "any key closes", draw_style(ST_DIM));
    }
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

static int handle_format(tui *t, export_state *s, int key, int is_char, action a)
{
    if (is_char && key >= '1' && key < '1' + EXPORT_FORMATS) {
        s->cursor = key - '1';
        a = ACT_TOGGLE;
    }
    if (a == ACT_UP && s->cursor > 0)
        s->cursor--;
    else if (a == ACT_DOWN && s->cursor < EXPORT_FORMATS - 1)
        s->cursor++;
    else if (a == ACT_TOGGLE && key != ' ') {
        suggest_path(t, s);
        s->step = STEP_PATH;
    } else if ((is_char && key == 27) || a == ACT_QUIT)
        tui_pop_view(t);
    return DIRTY_ALL;
}

static int handle_path(tui *t, export_state *s, int key, int is_char)
{
    line_edit_result r = line_edit_key(&s->path, key, is_char);
    if (r == LINE_CANCEL) {
        s->step = STEP_FORMAT;
        s->error[0] = '\0';
    } else if (r == LINE_ACCEPT) {
        if (!s->path.buf[0]) {
            snprintf(s->error, sizeof s->error, "type a file name");
        } else if (atomic_file_exists(s->path.buf)) {
            char q[LINE_EDIT_MAX + 64];
            snprintf(q, sizeof q, "%s exists. Replace it?", s->path.buf);
            confirm_open(t, q, overwrite_yes, s, NULL);
        } else {
            write_file(t, s, 0);
        }
    }
    return DIRTY_ALL;
}

static int export_handle(tui *t, void *state, int key, int is_char, action a)
{
    export_state *s = state;
    if (s->step == STEP_FORMAT)
        return handle_format(t, s, key, is_char, a);
    if (s->step == STEP_PATH)
        return handle_path(t, s, key, is_char);
    tui_pop_view(t);
    return DIRTY_ALL;
}

static const view_ops export_view = {"export", export_draw, export_handle, free, NULL};

void export_view_open(tui *t)
{
    export_state *s = calloc(1, sizeof *s);
    if (!s) {
        tui_message(t, 1, "out of memory");
        return;
    }
    tui_push_view(t, &export_view, s);
}
