/* draw.c - glyphs, styles, boxes and safe text for every pane. All text that
 * reaches the terminal goes through draw_text or draw_wrapped, which make control
 * characters visible first. */
#include "climb/draw.h"
#include "climb/text.h"
#include "climb/wrap_cache.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

static const char *const GLYPH_UTF8[GL_COUNT] = {"─", "│", "┌", "┐", "└", "┘", "▸", "◆", "·", "…",
                                                  [GL_TITLE] = "◆", [GL_PLACED] = "●"};
static const char *const GLYPH_ASCII[GL_COUNT] = {"-", "|", "+", "+", "+", "+", ">", "*", "-", "~",
                                                   [GL_TITLE] = "*", [GL_PLACED] = "@"};

static int utf8_mode;
static attr_t styles[ST_COUNT];

int draw_utf8(void)
{
    return utf8_mode;
}

const char *draw_glyph(glyph g)
{
    return utf8_mode ? GLYPH_UTF8[g] : GLYPH_ASCII[g];
}

attr_t draw_style(style s)
{
    return styles[s];
}

static void mono_styles(void)
{
    styles[ST_NORMAL] = A_NORMAL;
    styles[ST_TITLE_BAR] = A_REVERSE;
    styles[ST_BORDER] = A_NORMAL;
    styles[ST_BORDER_FOCUS] = A_BOLD;
    styles[ST_HEADING] = A_BOLD;
    styles[ST_DONE] = A_NORMAL;
    styles[ST_DIM] = A_DIM;
    styles[ST_CURSOR] = A_REVERSE;
    styles[ST_CURSOR_DIM] = A_UNDERLINE;
    styles[ST_MARK] = A_BOLD;
    styles[ST_KEYS] = A_NORMAL;
    styles[ST_MESSAGE] = A_BOLD;
    styles[ST_ERROR] = A_BOLD | A_REVERSE;
}

static void color_styles(void)
{
    start_color();
    use_default_colors();
    init_pair(1, COLOR_BLACK, COLOR_CYAN);
    init_pair(2, COLOR_CYAN, -1);
    init_pair(3, COLOR_GREEN, -1);
    init_pair(4, COLOR_YELLOW, -1);
    init_pair(5, COLOR_WHITE, COLOR_RED);
    styles[ST_TITLE_BAR] = COLOR_PAIR(1);
    styles[ST_BORDER_FOCUS] = COLOR_PAIR(2) | A_BOLD;
    styles[ST_HEADING] = COLOR_PAIR(2) | A_BOLD;
    styles[ST_DONE] = COLOR_PAIR(3);
    styles[ST_MARK] = COLOR_PAIR(4) | A_BOLD;
    styles[ST_KEYS] = COLOR_PAIR(2);
    styles[ST_MESSAGE] = COLOR_PAIR(4) | A_BOLD;
    styles[ST_ERROR] = COLOR_PAIR(5) | A_BOLD;
}

void draw_init(void)
{
    const char *cs = nl_langinfo(CODESET);
    const char *no_color = getenv("NO_COLOR");
    utf8_mode = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
    mono_styles();
    if (has_colors() && !(no_color && *no_color))
        color_styles();
}

void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
    if (width > 0)
        mvwhline(w, y, x, ' ' | (chtype)attr, width);
}

/* Draws bytes [s, s+n) that are already visible-safe, clipped to width. */
static int put_clipped(WINDOW *w, int y, int x, int width, const char *s, size_t n, attr_t attr)
{
    if (width <= 0)
        return 0;
    wattrset(w, attr);
    int full = text_width_n(s, n);
    if (full <= width) {
        mvwaddnstr(w, y, x, s, (int)n);
        wattrset(w, A_NORMAL);
        return full;
    }
    size_t fit = text_fit(s, n, width - 1);
    mvwaddnstr(w, y, x, s, (int)fit);
    int used = text_width_n(s, fit);
    waddstr(w, draw_glyph(GL_ELLIPSIS));
    wattrset(w, A_NORMAL);
    return used + 1;
}

int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
    char *safe = text_visible(s ? s : "", 0);
    if (!safe)
        return 0;
    int used = put_clipped(w, y, x, width, safe, strlen(safe), attr);
    free(safe);
    return used;
}

int draw_wrapped_lines(const char *s, int width)
{
    wrapped_text wt;
    return wrap_cache_get(s ? s : "", width, &wt) == 0 ? (int)wt.total : 0;
}

int draw_wrapped(WINDOW *w, int y, int x, int width, int skip, int max_rows, const char *s,
                 attr_t attr)
{
    wrapped_text wt;
    if (width <= 0 || wrap_cache_get(s ? s : "", width, &wt) != 0)
        return 0;
    for (size_t i = (size_t)(skip > 0 ? skip : 0); i < wt.stored && max_rows > 0; i++, max_rows--)
        put_clipped(w, y++, x, width, wt.safe + wt.lines[i].start, wt.lines[i].len, attr);
    return (int)wt.total;
}

/* A line-drawing glyph as a wide character cell in attr. */
static void box_cell(glyph g, attr_t attr, cchar_t *out)
{
    static const wchar_t utf8[] = {L'\x2500', L'\x2502', L'\x250C', L'\x2510', L'\x2514',
                                   L'\x2518'};
    static const wchar_t ascii[] = {L'-', L'|', L'+', L'+', L'+', L'+'};
    wchar_t wc[2] = {utf8_mode ? utf8[g] : ascii[g], L'\0'};
    setcchar(out, wc, attr, 0, NULL);
}

void draw_box(WINDOW *w, const char *title, int focused)
{
    int wd = getmaxx(w);
    attr_t a = draw_style(focused ? ST_BORDER_FOCUS : ST_BORDER);
    cchar_t c[GL_BR + 1];
    for (int g = GL_H; g <= GL_BR; g++)
        box_cell((glyph)g, a, &c[g]);
    wborder_set(w, &c[GL_V], &c[GL_V], &c[GL_H], &c[GL_H], &c[GL_TL], &c[GL_TR], &c[GL_BL],
                &c[GL_BR]);
    if (title && wd > 4) {
        mvwaddch(w, 0, 1, ' ');
        int used = draw_text(w, 0, 2, wd - 5, title, a);
        mvwaddch(w, 0, 2 + used, ' ');
    }
}
