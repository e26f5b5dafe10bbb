/* draw.c - glyphs, styles, boxes and safe text for every pane. All text that
 * reaches the terminal goes through draw_text or draw_wrapped, which make control
 * characters visible first. */
#include "climb/draw.h"
#include "climb/config.h"
#include "climb/text.h"
#include "climb/wrap_cache.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const GLYPH_UTF8[GL_COUNT] = {"─", "│", "┌", "┐", "└", "┘", "▸", "◆", "·", "…",
                                                  [GL_TITLE] = "◆", [GL_PLACED] = "●",
                                                  [GL_NOTE] = "✎"};
static const char *const GLYPH_ASCII[GL_COUNT] = {"-", "|", "+", "+", "+", "+", ">", "*", "-", "~",
                                                   [GL_TITLE] = "*", [GL_PLACED] = "@",
                                                   [GL_NOTE] = "#"};

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

/* One area's look: a colour pair (fg, bg; NC: none, attributes only) and
 * attributes. The themes of `set theme`; `color` lines change single areas. */
typedef struct {
    short fg, bg;
    attr_t attr;
} look;

#define NC CONFIG_NO_COLOR
static const look MONO[ST_COUNT] = {
    [ST_NORMAL] = {NC, NC, A_NORMAL},      [ST_TITLE_BAR] = {NC, NC, A_REVERSE},
    [ST_BORDER] = {NC, NC, A_NORMAL},      [ST_BORDER_FOCUS] = {NC, NC, A_BOLD},
    [ST_HEADING] = {NC, NC, A_BOLD},       [ST_DONE] = {NC, NC, A_NORMAL},
    [ST_DIM] = {NC, NC, A_DIM},            [ST_CURSOR] = {NC, NC, A_REVERSE},
    [ST_CURSOR_DIM] = {NC, NC, A_UNDERLINE}, [ST_MARK] = {NC, NC, A_BOLD},
    [ST_KEYS] = {NC, NC, A_NORMAL},        [ST_MESSAGE] = {NC, NC, A_BOLD},
    [ST_ERROR] = {NC, NC, A_BOLD | A_REVERSE},
};
static const look DEFAULT[ST_COUNT] = {
    [ST_NORMAL] = {NC, NC, A_NORMAL},      [ST_TITLE_BAR] = {COLOR_BLACK, COLOR_CYAN, 0},
    [ST_BORDER] = {NC, NC, A_NORMAL},      [ST_BORDER_FOCUS] = {COLOR_CYAN, -1, A_BOLD},
    [ST_HEADING] = {COLOR_CYAN, -1, A_BOLD}, [ST_DONE] = {COLOR_GREEN, -1, 0},
    [ST_DIM] = {NC, NC, A_DIM},            [ST_CURSOR] = {NC, NC, A_REVERSE},
    [ST_CURSOR_DIM] = {NC, NC, A_UNDERLINE}, [ST_MARK] = {COLOR_YELLOW, -1, A_BOLD},
    [ST_KEYS] = {COLOR_CYAN, -1, 0},       [ST_MESSAGE] = {COLOR_YELLOW, -1, A_BOLD},
    [ST_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD},
};
/* Dark backgrounds: brighter marks and headings. */
static const look DARK[ST_COUNT] = {
    [ST_NORMAL] = {NC, NC, A_NORMAL},      [ST_TITLE_BAR] = {COLOR_BLACK, COLOR_GREEN, 0},
    [ST_BORDER] = {NC, NC, A_NORMAL},      [ST_BORDER_FOCUS] = {COLOR_GREEN, -1, A_BOLD},
    [ST_HEADING] = {COLOR_YELLOW, -1, A_BOLD}, [ST_DONE] = {COLOR_GREEN, -1, A_BOLD},
    [ST_DIM] = {NC, NC, A_DIM},            [ST_CURSOR] = {NC, NC, A_REVERSE},
    [ST_CURSOR_DIM] = {NC, NC, A_UNDERLINE}, [ST_MARK] = {COLOR_MAGENTA, -1, A_BOLD},
    [ST_KEYS] = {COLOR_GREEN, -1, 0},      [ST_MESSAGE] = {COLOR_YELLOW, -1, A_BOLD},
    [ST_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD},
};
/* Light backgrounds: no yellow or cyan text, which fades on white. */
static const look LIGHT[ST_COUNT] = {
    [ST_NORMAL] = {NC, NC, A_NORMAL},      [ST_TITLE_BAR] = {COLOR_WHITE, COLOR_BLUE, 0},
    [ST_BORDER] = {NC, NC, A_NORMAL},      [ST_BORDER_FOCUS] = {COLOR_BLUE, -1, A_BOLD},
    [ST_HEADING] = {COLOR_BLUE, -1, A_BOLD}, [ST_DONE] = {COLOR_GREEN, -1, 0},
    [ST_DIM] = {NC, NC, A_DIM},            [ST_CURSOR] = {NC, NC, A_REVERSE},
    [ST_CURSOR_DIM] = {NC, NC, A_UNDERLINE}, [ST_MARK] = {COLOR_MAGENTA, -1, A_BOLD},
    [ST_KEYS] = {COLOR_BLUE, -1, 0},       [ST_MESSAGE] = {COLOR_RED, -1, A_BOLD},
    [ST_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD},
};
#undef NC

static const climb_config *config;

void draw_use_config(const struct climb_config *c)
{
    config = c;
}

static attr_t config_attrs(int bits)
{
    return (bits & CFG_BOLD ? A_BOLD : 0) | (bits & CFG_UNDERLINE ? A_UNDERLINE : 0) |
           (bits & CFG_REVERSE ? A_REVERSE : 0) | (bits & CFG_DIM ? A_DIM : 0) |
           (bits & CFG_STANDOUT ? A_STANDOUT : 0);
}

/* The styles of a theme with the config file's colour lines over it. */
static void set_styles(const look *theme, int colour)
{
    if (colour) {
        start_color();
        use_default_colors();
    }
    for (int s = 0; s < ST_COUNT; s++) {
        look l = theme[s];
        const config_color *cc = config ? &config->colors[s] : NULL;
        if (colour && cc && cc->line)
            l = (look){cc->fg, cc->bg, config_attrs(cc->attrs)};
        if (colour && l.fg != CONFIG_NO_COLOR && s + 1 < COLOR_PAIRS &&
            l.fg < COLORS && l.bg < COLORS) {
            init_pair((short)(s + 1), l.fg, l.bg);
            styles[s] = COLOR_PAIR(s + 1) | l.attr;
        } else {
            styles[s] = l.attr;
        }
    }
}

static const look *const THEMES[THEME_COUNT] = {DEFAULT, LIGHT, DARK, MONO};

void draw_theme_color(int theme, style s, config_color *out)
{
    const look *l = &THEMES[(unsigned)theme < THEME_COUNT ? theme : 0][s];
    out->fg = l->fg, out->bg = l->bg, out->line = 0;
    out->attrs = (l->attr & A_BOLD ? CFG_BOLD : 0) | (l->attr & A_UNDERLINE ? CFG_UNDERLINE : 0) |
                 (l->attr & A_REVERSE ? CFG_REVERSE : 0) | (l->attr & A_DIM ? CFG_DIM : 0) |
                 (l->attr & A_STANDOUT ? CFG_STANDOUT : 0);
}

void draw_init(void)
{
    const char *cs = nl_langinfo(CODESET);
    const char *no_color = getenv("NO_COLOR");
    utf8_mode = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
    config_theme t = config ? config->theme : THEME_DEFAULT;
    int colour = has_colors() && !(no_color && *no_color) && t != THEME_MONO;
    set_styles(colour ? THEMES[t] : MONO, colour);
}

void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
    if (width > 0)
        mvwhline(w, y, x, ' ' | (chtype)attr, width);
}

/* Adds bytes [s, s+n) in their terminal form (text_terminal_form): the cells
 * ncurses counts are then the cells the terminal draws. */
static void put_form(WINDOW *w, const char *s, size_t n)
{
    char small[512], *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) /* GCOVR_EXCL_LINE: malloc fails only when out of memory */
        return; /* GCOVR_EXCL_LINE: out of memory, as above */
    size_t len = text_terminal_form(s, n, buf);
    waddnstr(w, buf, (int)len);
    if (buf != small)
        free(buf);
}

/* Draws bytes [s, s+n) that are already visible-safe, clipped to width. */
static int put_clipped(WINDOW *w, int y, int x, int width, const char *s, size_t n, attr_t attr)
{
    if (width <= 0)
        return 0;
    int full = text_width_n(s, n);
    size_t fit = full <= width ? n : text_fit(s, n, width - 1);
    if (wmove(w, y, x) != ERR) { /* off the window: nothing drawn, as mvwaddnstr */
        wattrset(w, attr);
        put_form(w, s, fit);
        if (fit < n)
            waddstr(w, draw_glyph(GL_ELLIPSIS));
        wattrset(w, A_NORMAL);
    }
    return fit == n ? full : text_width_n(s, fit) + 1;
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

int draw_wrapped_more(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
                      attr_t attr, int more_after)
{
    wrapped_text wt;
    if (width <= 1 || max_rows <= 0 || wrap_cache_get(s ? s : "", width, &wt) != 0)
        return 0;
    size_t rows = wt.stored < (size_t)max_rows ? wt.stored : (size_t)max_rows;
    int cut = wt.total > rows || more_after;
    for (size_t i = 0; i < rows; i++) {
        const char *line = wt.safe + wt.lines[i].start;
        size_t n = wt.lines[i].len;
        if (i + 1 < rows || !cut) {
            put_clipped(w, y + (int)i, x, width, line, n, attr);
            continue;
        }
        size_t fit = text_fit(line, n, width - 1); /* the last row: room for the … */
        if (wmove(w, y + (int)i, x) == ERR)
            continue;
        wattrset(w, attr);
        put_form(w, line, fit);
        waddstr(w, draw_glyph(GL_ELLIPSIS));
        wattrset(w, A_NORMAL);
    }
    return (int)rows;
}

/* A line-drawing glyph as a character cell in attr: Unicode in a UTF-8 locale;
 * otherwise the terminal's own line drawing (its acsc capability, which curses
 * turns into the alternate character set), and only when it has none curses's
 * ASCII stand-ins (+ - |). */
static void box_cell(glyph g, attr_t attr, cchar_t *out)
{
    static const wchar_t utf8[] = {L'\x2500', L'\x2502', L'\x250C', L'\x2510', L'\x2514',
                                   L'\x2518'};
    if (!utf8_mode) {
        const cchar_t *acs[] = {WACS_HLINE, WACS_VLINE, WACS_ULCORNER, WACS_URCORNER,
                                WACS_LLCORNER, WACS_LRCORNER};
        wchar_t wc[CCHARW_MAX + 1] = {0};
        attr_t a = 0;
        short pair = 0;
        if (getcchar(acs[g], wc, &a, &pair, NULL) != ERR && wc[0]) {
            setcchar(out, wc, a | attr, 0, NULL);
            return;
        }
    }
    wchar_t wc[2] = {utf8_mode ? utf8[g] : (g == GL_H ? L'-' : g == GL_V ? L'|' : L'+'), L'\0'};
    setcchar(out, wc, attr, 0, NULL);
}

WINDOW *draw_screen_window(int rows, int cols)
{
    if (cols < 20 || rows - 1 < 6)
        return NULL;
    WINDOW *win = newwin(rows - 1, cols, 1, 0);
    if (win) /* GCOVR_EXCL_BR_LINE: newwin fails only when out of memory */
        werase(win);
    return win;
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

/* One hint of a key line: [start, end) of hints, split at two spaces. */
typedef struct {
    const char *start;
    int len, width;
} hint_piece;

enum { HINTS_MAX = 32 };

static int split_hints(const char *hints, hint_piece *out)
{
    int n = 0;
    const char *p = hints;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (n == HINTS_MAX) { /* full: the last two (closing and help) must stay */
            out[HINTS_MAX - 2] = out[HINTS_MAX - 1];
            n = HINTS_MAX - 1;
        }
        const char *end = strstr(p, "  ");
        int len = end ? (int)(end - p) : (int)strlen(p);
        out[n].start = p;
        out[n].len = len;
        out[n].width = text_width_n(p, (size_t)len);
        n++;
        p += len;
    }
    return n;
}

/* Rows the pieces take at `width` (those with keep[i] set), wrapped between pieces. */
static int hint_rows(const hint_piece *h, const int *keep, int n, int width)
{
    int rows = 1, col = 0;
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int need = (col ? 2 : 0) + h[i].width;
        if (col && col + need > width)
            rows++, col = h[i].width;
        else
            col += need;
    }
    return rows;
}

int draw_hints(WINDOW *w, int y, int x, int width, int max_rows, const char *hints, attr_t attr)
{
    hint_piece h[HINTS_MAX];
    int keep[HINTS_MAX];
    int n = split_hints(hints ? hints : "", h);
    if (width <= 0 || max_rows <= 0 || n == 0)
        return 0;
    for (int i = 0; i < n; i++)
        keep[i] = 1;
    /* Too many: drop from the middle, keeping the last two (closing and help). */
    if (hint_rows(h, keep, n, width) > max_rows)
        for (int i = n - 3; i >= 0 && hint_rows(h, keep, n, width - 3) > max_rows; i--)
            keep[i] = 0;
    int row = 0, col = 0, marked = 0;
    for (int i = 0; i < n && row < max_rows; i++) {
        if (!keep[i]) {
            if (marked)
                continue;
            marked = 1; /* one … where hints were left out */
        }
        const char *s = keep[i] ? NULL : draw_glyph(GL_ELLIPSIS);
        int sw = keep[i] ? h[i].width : 1;
        if (col && col + 2 + sw > width) {
            if (++row >= max_rows)
                break;
            col = 0;
        }
        col += col ? 2 : 0;
        if (s) {
            col += draw_text(w, y + row, x + col, width - col, s, attr);
        } else {
            char piece[256];
            snprintf(piece, sizeof piece, "%.*s", h[i].len, h[i].start);
            col += draw_text(w, y + row, x + col, width - col, piece, attr);
        }
    }
    return row + 1 < max_rows ? row + 1 : max_rows;
}

int draw_hints_rows(const char *hints, int width)
{
    hint_piece h[HINTS_MAX];
    int keep[HINTS_MAX];
    int n = split_hints(hints ? hints : "", h);
    for (int i = 0; i < n; i++)
        keep[i] = 1;
    return n ? hint_rows(h, keep, n, width) : 0;
}
