/* text.c - UTF-8 helpers: validation, the one rule for text coming in, display
 * width (wcwidth), making control characters visible before anything leaves climb
 * (the one output gate, with its HTML form), and word wrapping. */
#include "climb/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2; min = 0x80; c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3; min = 0x800; c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4; min = 0x10000; c &= 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t text_utf8_decode(const char *s, size_t n, unsigned *cp)
{
    return n ? utf8_decode((const unsigned char *)s, n, cp) : 0;
}

size_t text_utf8_encode(unsigned cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int text_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

int text_is_control(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

int text_check_input(const char *s, size_t len, const char **why)
{
    const char *w = NULL;
    size_t i = 0;
    while (i < len && !w) {
        unsigned cp = 0;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            w = "is not valid UTF-8";
        else if (cp == 0)
            w = "contains a NUL byte";
        else if (cp >= 0x202A && text_is_control(cp))
            w = "contains a bidirectional override or isolate control (U+202A-U+202E, "
                "U+2066-U+2069)";
        else if (text_is_control(cp) && cp != '\n' && cp != '\t')
            w = "contains a control character (only newline and tab are allowed)";
        i += n;
    }
    if (why)
        *why = w;
    return w ? -1 : 0;
}

/* Appends the visible form of one code point or bad byte to out (room assumed). */
static size_t visible_piece(const unsigned char *p, size_t n, unsigned cp, char *out)
{
    if (n == 0)
        return (size_t)sprintf(out, "\\x%02X", p[0]);
    if (cp < 0x20)
        return (size_t)sprintf(out, "^%c", (char)(cp + '@'));
    if (cp == 0x7F)
        return (size_t)sprintf(out, "^?");
    if (text_is_control(cp))
        return (size_t)sprintf(out, "<U+%04X>", cp);
    memcpy(out, p, n);
    return n;
}

char *text_visible(const char *s, int keep)
{
    size_t len = strlen(s);
    char *out = malloc(len * 8 + 1); /* worst case: <U+0085> for 2 bytes */
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        unsigned cp = 0;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 1 && ((cp == '\n' && (keep & TEXT_KEEP_NEWLINES)) ||
                       (cp == '\t' && (keep & TEXT_KEEP_TABS)))) {
            out[o++] = (char)cp;
        } else {
            o += visible_piece(p + i, n, cp, out + o);
        }
        i += n ? n : 1;
    }
    out[o] = '\0';
    return out;
}

char *text_html_escape(const char *s, int keep)
{
    char *vis = text_visible(s, keep);
    if (!vis)
        return NULL;
    size_t n = 0;
    for (const char *p = vis; *p; p++)
        n += *p == '&' ? 5 : *p == '"' ? 6 : (*p == '<' || *p == '>') ? 4 : 1;
    char *out = malloc(n + 1);
    if (out) {
        char *o = out;
        for (const char *p = vis; *p; p++) {
            const char *rep = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                            : *p == '"' ? "&quot;" : NULL;
            if (rep) {
                memcpy(o, rep, strlen(rep));
                o += strlen(rep);
            } else {
                *o++ = *p;
            }
        }
        *o = '\0';
    }
    free(vis);
    return out;
}

/* Columns of one code point: wcwidth, with unprintables counted as 1. */
static int cp_width(unsigned cp)
{
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

/* Grapheme clusters on a terminal. ncurses gives every code point its own
 * wcwidth, but a terminal may draw an emoji sequence as one picture: tmux draws
 * the ZWJ sequence U+1F469 U+200D U+1F4BB in 2 cells where ncurses counted 4,
 * and what was beyond it stays on screen until the next full repaint. So text is
 * measured and drawn in units: a code point with whatever a terminal may fold
 * into it, and only the first code point is drawn (text_terminal_form):
 *   - after any character: the variation selectors U+FE0E/U+FE0F and the keycap
 *     U+20E3 (a heart with U+FE0F is drawn 1 or 2 cells wide, by terminal);
 *   - after an emoji: skin-tone modifiers U+1F3FB-U+1F3FF, tag characters
 *     U+E0020-U+E007F (subdivision flags), and U+200D with the emoji it joins;
 *   - a regional indicator (half a flag; a pair is drawn 2 cells wide, one
 *     alone 1) is drawn as its letter, A-Z, 1 cell.
 * So a ZWJ sequence shows as its first emoji, a flag as its two letters. The
 * text itself is never changed: files and exports keep every code point. */
static int pictographic(unsigned cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
           (cp >= 0x2194 && cp <= 0x21AA) || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C ||
           cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || cp == 0x3030 || cp == 0x303D ||
           cp == 0x3297 || cp == 0x3299;
}

static int regional_indicator(unsigned cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* What a terminal may fold into the unit before it (see above). */
static size_t folded(const unsigned char *p, size_t n, int emoji)
{
    unsigned cp = 0, next = 0;
    size_t len = utf8_decode(p, n, &cp);
    if (len == 0)
        return 0;
    if (cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3)
        return len;
    if (!emoji)
        return 0;
    if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F))
        return len;
    if (cp == 0x200D && len < n) {
        size_t more = utf8_decode(p + len, n - len, &next);
        if (more && pictographic(next) && !regional_indicator(next))
            return len + more;
    }
    return 0;
}

/* One unit at p (at most n > 0 bytes): returns its length, its columns in *width
 * and the length of the part that is drawn in *drawn (0 for a regional
 * indicator, drawn as a letter; an invalid byte is a unit of 1 column). */
/* The common case, tested first by every loop below: a printable ASCII
 * character that nothing can fold into (whatever folds starts with a byte of
 * 0x80 or more) is a unit of one byte and one column, drawn as it is. */
static inline int plain(const unsigned char *p, size_t n)
{
    return p[0] >= 0x20 && p[0] < 0x7F && (n == 1 || p[1] < 0x80);
}

static size_t unit(const unsigned char *p, size_t n, int *width, size_t *drawn, unsigned *base)
{
    if (plain(p, n)) {
        *width = 1, *drawn = 1, *base = p[0];
        return 1;
    }
    unsigned cp = 0;
    size_t len = utf8_decode(p, n, &cp);
    *base = cp;
    if (len == 0) {
        *width = 1, *drawn = 1, *base = p[0];
        return 1;
    }
    int ri = regional_indicator(cp);
    int emoji = pictographic(cp) && !ri;
    *width = ri ? 1 : cp_width(cp);
    *drawn = ri ? 0 : len;
    size_t more;
    while (len < n && (more = folded(p + len, n - len, emoji)) > 0)
        len += more;
    return len;
}

size_t text_unit_len(const char *s, size_t n)
{
    int w;
    size_t drawn;
    unsigned base;
    return n ? unit((const unsigned char *)s, n, &w, &drawn, &base) : 0;
}

size_t text_terminal_form(const char *s, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        if (plain(p + i, n - i)) {
            out[o++] = s[i++];
            continue;
        }
        int w;
        size_t drawn;
        unsigned base;
        size_t len = unit(p + i, n - i, &w, &drawn, &base);
        if (drawn) {
            memcpy(out + o, s + i, drawn);
            o += drawn;
        } else {
            out[o++] = (char)('A' + (base - 0x1F1E6));
        }
        i += len;
    }
    return o;
}

int text_width_n(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int w = 0;
    while (i < len) {
        if (plain(p + i, len - i)) {
            i++, w++;
            continue;
        }
        int cw;
        size_t drawn;
        unsigned base;
        i += unit(p + i, len - i, &cw, &drawn, &base);
        w += cw;
    }
    return w;
}

int text_width(const char *s)
{
    return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, size_t len, int width)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int w = 0;
    while (i < len) {
        if (plain(p + i, len - i) && w < width) {
            i++, w++;
            continue;
        }
        int cw;
        size_t drawn;
        unsigned base;
        size_t n = unit(p + i, len - i, &cw, &drawn, &base);
        if (w + cw > width)
            break;
        w += cw;
        i += n;
    }
    return i;
}

/* Stores one line if there is room; counts it either way. */
static void emit(text_span *lines, size_t max, size_t *count, size_t start, size_t len)
{
    if (*count < max) {
        lines[*count].start = start;
        lines[*count].len = len;
    }
    (*count)++;
}

/* Wraps one paragraph (no '\n') of s[start..end). */
static void wrap_paragraph(const char *s, size_t start, size_t end, int width,
                           text_span *lines, size_t max, size_t *count)
{
    size_t pos = start;
    if (pos == end) {
        emit(lines, max, count, pos, 0);
        return;
    }
    while (pos < end) {
        size_t fit = text_fit(s + pos, end - pos, width);
        if (fit == 0) /* a character wider than the line: take it whole */
            fit = text_unit_len(s + pos, end - pos);
        if (pos + fit >= end) {
            emit(lines, max, count, pos, end - pos);
            return;
        }
        size_t brk = fit;
        while (brk > 0 && s[pos + brk] != ' ')
            brk--;
        if (brk == 0) {
            brk = fit; /* a word wider than the line: cut it at fit */
            emit(lines, max, count, pos, brk);
            pos += brk;
        } else {
            size_t len = brk;
            while (len > 0 && s[pos + len - 1] == ' ')
                len--;
            emit(lines, max, count, pos, len);
            pos += brk;
        }
        while (pos < end && s[pos] == ' ')
            pos++;
    }
}

size_t text_wrap(const char *s, int width, text_span *lines, size_t max)
{
    size_t count = 0, start = 0, len = strlen(s);
    if (width < 1)
        width = 1;
    for (;;) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        wrap_paragraph(s, start, end, width, lines, max, &count);
        if (!nl)
            break;
        start = end + 1;
    }
    return count;
}
