/* draw.h - drawing primitives for the panes: glyphs with an ASCII fallback, colour
 * or monochrome attributes, boxes with titles, and text that is made safe (control
 * characters visible), clipped to a width and wrapped at word boundaries. */
#ifndef CLIMB_DRAW_H
#define CLIMB_DRAW_H

#include <curses.h>

typedef enum {
    GL_H, GL_V, GL_TL, GL_TR, GL_BL, GL_BR, /* box lines */
    GL_CURSOR,                              /* ▸ */
    GL_LEVEL,                               /* ◆ the level progress reaches */
    GL_DOT,                                 /* · separator */
    GL_ELLIPSIS,                            /* … */
    GL_TITLE,                               /* ◆ the level of the person's title */
    GL_PLACED,                              /* ● the level the quiz placed them at */
    GL_NOTE,                                /* ✎ a criterion with evidence */
    GL_COUNT
} glyph;

typedef enum {
    ST_NORMAL, ST_TITLE_BAR, ST_BORDER, ST_BORDER_FOCUS, ST_HEADING, ST_DONE, ST_DIM,
    ST_CURSOR, ST_CURSOR_DIM, ST_MARK, ST_KEYS, ST_MESSAGE, ST_ERROR, ST_COUNT
} style;

/* Call once after initscr/newterm: picks UTF-8 or ASCII glyphs and colour or
 * monochrome attributes (NO_COLOR, has_colors). */
void draw_init(void);
/* The theme and colour lines draw_init uses (the config file); NULL: defaults. */
struct climb_config;
void draw_use_config(const struct climb_config *c);
int draw_utf8(void);
const char *draw_glyph(glyph g);
attr_t draw_style(style s);

/* Draws a box over the whole window with `title` in its top border. */
void draw_box(WINDOW *w, const char *title, int focused);
/* A full-screen view's window: every row of a rows x cols screen but the title
 * bar's, erased. NULL when that is under 20x6 (nothing fits) or out of memory;
 * the caller draws, refreshes and deletes it. */
WINDOW *draw_screen_window(int rows, int cols);
/* Draws s at (y, x), made visible and clipped to `width` columns (with … when cut).
 * Returns the columns used. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Draws s wrapped to `width` columns from row y, skipping the first `skip` lines
 * and drawing at most `max_rows`. Returns the total number of wrapped lines. */
int draw_wrapped(WINDOW *w, int y, int x, int width, int skip, int max_rows, const char *s,
                 attr_t attr);
/* Draws s wrapped to `width` columns from row y, at most max_rows; when lines
 * are left over, or `more_after` says text follows that will not be shown, the
 * last row drawn ends with "…". Returns the rows drawn. */
int draw_wrapped_more(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
                      attr_t attr, int more_after);
/* Number of lines s takes wrapped at `width`. */
int draw_wrapped_lines(const char *s, int width);
/* Draws a key line ("Enter switch  Esc close  ? keys": hints split at two
 * spaces) from row y in at most max_rows rows of `width`, wrapping between hints,
 * never inside one. When they do not fit, hints from the middle give way to one
 * "…", and the last two (closing and help, by convention) stay. Returns the rows
 * used. */
int draw_hints(WINDOW *w, int y, int x, int width, int max_rows, const char *hints, attr_t attr);
/* Rows the whole key line takes at `width`. */
int draw_hints_rows(const char *hints, int width);
/* Fills row y from x to x+width-1 with spaces in attr. */
void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);

#endif
