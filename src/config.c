/* config.c - the config file parser: `set NAME = VALUE`, `bind VIEW KEY ACTION`,
 * `color AREA FG BG [ATTR...]`, `#` comments, one statement a line. A small hand
 * parser: the format is three statements of words, which no library in Debian
 * reads (libconfig and inih parse other syntaxes), and errors must point at the
 * column of the word that is wrong. */
#include "climb/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const THEMES[THEME_COUNT] = {"default", "light", "dark", "mono"};
static const char *const AREAS[ST_COUNT] = {
    "normal", "title-bar", "border", "border-focus", "heading", "done", "dim",
    "cursor", "cursor-dim", "mark", "keys", "message", "error"};
static const char *const COLOR_NAMES[] = {"black", "red",     "green", "yellow",
                                     "blue",  "magenta", "cyan",  "white"};
static const char *const ATTRS[] = {"bold", "underline", "reverse", "dim", "standout"};

enum { MAX_WORDS = 12, CONFIG_MAX_BYTES = 1 << 20 };

typedef struct {
    const char *name;
    int line;
    FILE *errors;
    int failed;
} parse_ctx;

/* One word of a line and the column (1-based) it starts at. */
typedef struct {
    char text[512];
    int col;
} word;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int error_at(parse_ctx *p, int col, const char *fmt, ...)
{
    if (p->errors) {
        va_list ap;
        va_start(ap, fmt);
        fprintf(p->errors, "%s:%d:%d: ", p->name, p->line, col);
        vfprintf(p->errors, fmt, ap);
        fputc('\n', p->errors);
        va_end(ap);
    }
    p->failed = 1;
    return -1;
}

void config_defaults(climb_config *c)
{
    memset(c, 0, sizeof *c);
    for (int s = 0; s < ST_COUNT; s++)
        c->colors[s].fg = c->colors[s].bg = CONFIG_NO_COLOR;
}

int config_default_path(char *buf, size_t len)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, len, "%s/climb/config", xdg);
    else if (home && *home)
        n = snprintf(buf, len, "%s/.config/climb/config", home);
    else
        return -1;
    return n < 0 || (size_t)n >= len ? -1 : 0;
}

const char *config_theme_name(config_theme t)
{
    return (unsigned)t < THEME_COUNT ? THEMES[t] : "default";
}

const char *config_area_name(style s)
{
    return (unsigned)s < ST_COUNT ? AREAS[s] : "?";
}

void config_color_name(short color, char *buf, size_t len)
{
    if (color < 0)
        snprintf(buf, len, "default");
    else if (color < 8)
        snprintf(buf, len, "%s", COLOR_NAMES[color]);
    else
        snprintf(buf, len, "color%d", color);
}

/* Splits a line into words: blanks separate, "double quotes" keep blanks, # outside
 * quotes starts a comment. Returns the number of words, or -1 (error reported). */
static int split(parse_ctx *p, const char *line, word *w, int max)
{
    int n = 0;
    const char *s = line;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        if (!*s || *s == '#')
            return n;
        if (n == max) {
            error_at(p, (int)(s - line) + 1, "%s", "too many words on this line");
            return -1;
        }
        w[n].col = (int)(s - line) + 1;
        size_t k = 0;
        int quoted = *s == '"';
        if (quoted)
            s++;
        while (*s && (quoted ? *s != '"' : !(*s == ' ' || *s == '\t' || *s == '\r'))) {
            if (k + 1 < sizeof w[n].text)
                w[n].text[k++] = *s;
            s++;
        }
        if (quoted && *s != '"') {
            error_at(p, w[n].col, "%s", "a quote is not closed");
            return -1;
        }
        if (quoted)
            s++;
        w[n++].text[k] = '\0';
    }
}

static int find_name(const char *const *names, int n, const char *want)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(names[i], want) == 0)
            return i;
    return -1;
}

/* A whole number from lo to hi, or -1. */
static int number(const char *s, int lo, int hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return *s && !*end && !errno && v >= lo && v <= hi ? (int)v : -1;
}

static int parse_set(parse_ctx *p, climb_config *c, word *w, int n)
{
    if (n < 3 || strcmp(w[2].text, "=") != 0) {
        return error_at(p, n < 3 ? w[n - 1].col : w[2].col, "%s", "expected: set NAME = VALUE");
    }
    const char *name = w[1].text, *v = n > 3 ? w[3].text : "";
    int vcol = n > 3 ? w[3].col : w[2].col + 1;
    if (n > 4) {
        return error_at(p, w[4].col, "unexpected '%s' (quote a value with blanks)", w[4].text);
    }
    if (strcmp(name, "theme") == 0) {
        int t = find_name(THEMES, THEME_COUNT, v);
        if (t < 0)
            return error_at(p, vcol, "unknown theme '%s' (default, light, dark or mono)", v);
        c->theme = (config_theme)t, c->theme_line = p->line;
    } else if (strcmp(name, "start-phase") == 0) {
        int ph = number(v, 1, 99);
        if (ph < 0)
            return error_at(p, vcol, "start-phase is a phase number, not '%s'", v);
        c->start_phase = ph, c->start_phase_line = p->line;
    } else if (strcmp(name, "stale-months") == 0) {
        int m = number(v, 1, 120);
        if (m < 0)
            return error_at(p, vcol, "stale-months is 1 to 120, not '%s'", v);
        c->stale_months = m, c->stale_months_line = p->line;
    } else if (strcmp(name, "editor") == 0) {
        snprintf(c->editor, sizeof c->editor, "%s", v);
        c->editor_line = p->line;
    } else {
        error_at(p, w[1].col,
                 "unknown setting '%s' (theme, start-phase, stale-months, editor)", name);
    }
    return 0;
}

static int parse_bind(parse_ctx *p, climb_config *c, word *w, int n)
{
    if (n != 4) {
        return error_at(p, w[n < 4 ? n - 1 : 4].col, "%s", "expected: bind VIEW KEY ACTION");
    }
    if (strcmp(w[1].text, "main") != 0)
        return error_at(p, w[1].col, "unknown view '%s' (main)", w[1].text);
    config_bind b;
    memset(&b, 0, sizeof b);
    if (keymap_parse_key(w[2].text, &b.code, &b.is_char, b.key_name, sizeof b.key_name))
        return error_at(p, w[2].col, "unknown key '%s'", w[2].text);
    if (keymap_action_named(w[3].text, &b.act))
        return error_at(p, w[3].col, "unknown action '%s' (see: climb config)", w[3].text);
    if (c->n_binds == CONFIG_MAX_BINDS)
        return error_at(p, w[0].col, "%s", "too many bind lines");
    b.line = p->line;
    c->binds[c->n_binds++] = b;
    return 0;
}

/* A colour by name, "colorN" or N; -1 for "default". -2 when unknown. */
static int color_value(const char *s)
{
    if (strcasecmp(s, "default") == 0)
        return -1;
    int i = find_name(COLOR_NAMES, 8, s);
    if (i >= 0)
        return i;
    if (strncasecmp(s, "color", 5) == 0)
        s += 5;
    int v = number(s, 0, 255);
    return v >= 0 ? v : -2;
}

static int parse_color(parse_ctx *p, climb_config *c, word *w, int n)
{
    if (n < 4)
        return error_at(p, w[n - 1].col, "%s", "expected: color AREA FG BG [ATTR...]");
    int area = find_name(AREAS, ST_COUNT, w[1].text);
    if (area < 0)
        return error_at(p, w[1].col, "unknown area '%s' (see: climb config)", w[1].text);
    int fg = color_value(w[2].text), bg = color_value(w[3].text), attrs = 0;
    if (fg == -2)
        return error_at(p, w[2].col, "unknown colour '%s'", w[2].text);
    if (bg == -2)
        return error_at(p, w[3].col, "unknown colour '%s'", w[3].text);
    for (int i = 4; i < n; i++) {
        int a = find_name(ATTRS, 5, w[i].text);
        if (a < 0 && strcasecmp(w[i].text, "normal") != 0)
            return error_at(p, w[i].col,
                            "unknown attribute '%s' (bold, underline, reverse, dim, standout,"
                            " normal)", w[i].text);
        attrs |= a < 0 ? 0 : 1 << a;
    }
    config_color *cc = &c->colors[area];
    cc->fg = (short)fg, cc->bg = (short)bg, cc->attrs = attrs, cc->line = p->line;
    return 0;
}

static void parse_line(parse_ctx *p, climb_config *c, const char *line)
{
    word w[MAX_WORDS];
    int n = split(p, line, w, MAX_WORDS);
    if (n <= 0)
        return;
    if (strcmp(w[0].text, "set") == 0)
        parse_set(p, c, w, n);
    else if (strcmp(w[0].text, "bind") == 0)
        parse_bind(p, c, w, n);
    else if (strcmp(w[0].text, "color") == 0)
        parse_color(p, c, w, n);
    else
        error_at(p, w[0].col, "unknown command '%s' (set, bind or color)", w[0].text);
}

/* Parses the len bytes at text, which may hold NUL bytes (a file's do): each
 * is an error on its line rather than the silent end of the file. */
static int parse_text(climb_config *c, const char *name, const char *text, size_t size,
                      FILE *errors)
{
    parse_ctx p = {name, 0, errors, 0};
    int bad = 0;
    const char *s = text, *end = text + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
        char line[1024];
        p.line++;
        p.failed = 0;
        if (len >= sizeof line) {
            error_at(&p, (int)sizeof line, "%s", "line too long");
        } else {
            memcpy(line, s, len);
            line[len] = '\0';
            if (strlen(line) != len)
                error_at(&p, (int)strlen(line) + 1, "%s", "a NUL byte");
            else
                parse_line(&p, c, line);
        }
        bad += p.failed;
        s += len + (nl != NULL);
    }
    return bad;
}

int config_parse(climb_config *c, const char *name, const char *text, FILE *errors)
{
    return parse_text(c, name, text, strlen(text), errors);
}

int config_load(climb_config *c, const char *path, FILE *errors)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        if (errors)
            fprintf(errors, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char buf[4096];
    const char *why = NULL; /* set when the file is not used at all */
    while (!why && (got = fread(buf, 1, sizeof buf, f)) > 0) {
        if (len + got > CONFIG_MAX_BYTES) {
            why = "larger than 1 MiB; a config file is a few lines, so none of it was used";
        } else if (len + got + 1 > cap) {
            char *more = realloc(text, cap = (len + got + 1) * 2);
            if (!more) /* GCOVR_EXCL_LINE: realloc fails only when out of memory */
                why = strerror(ENOMEM); /* GCOVR_EXCL_LINE: as above */
            else
                text = more;
        }
        if (!why) {
            memcpy(text + len, buf, got);
            len += got;
        }
    }
    if (!why && ferror(f))
        why = strerror(errno ? errno : EIO);
    fclose(f);
    if (why) {
        free(text);
        if (errors)
            fprintf(errors, "%s: %s\n", path, why);
        return -1;
    }
    if (!text)
        return 0;
    text[len] = '\0';
    snprintf(c->path, sizeof c->path, "%s", path);
    int bad = parse_text(c, path, text, len, errors);
    free(text);
    return bad;
}
