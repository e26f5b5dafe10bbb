/* md_escape.c - inline text for CommonMark that renders as exactly itself, with as
 * few backslashes as the meaning allows, so a packet pasted into a document
 * editor does not show "14m -\> 6m".
 *
 * Design notes.
 * 1. A character is escaped only when it could start or end markup given the rest
 *    of the text: emphasis needs a partner delimiter ('*' with another '*'), a code
 *    span a later backtick, a link a later "](", an autolink or raw HTML a later
 *    '>', an entity a ';' after a name. A lone '*' or '`' is left alone.
 * 2. Block syntax matters only at the start of a line (after a line break of the
 *    text, or in a heading): list markers, '#', '>', fences, thematic breaks and
 *    setext underlines have their first character escaped there.
 * 3. GFM additions: '~' strikethrough needs two '~'; a table needs a delimiter
 *    row, so '|' is escaped only in a line made of '|', '-', ':' and blanks.
 * The rule is checked from outside: tests/e2e/test_export.sh renders awkward notes
 * with cmark and compares the text with what was typed. */
#include "climb/md_escape.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void putc_(sbuf *b, char c)
{
    put(b, &c, 1);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int is_space(char c)
{
    return c == '\0' || c == ' ' || c == '\t' || c == '\n';
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_punct(char c)
{
    return c > 0x20 && c < 0x7F && !is_alnum(c);
}

/* 1 when the line s[0..n) is made only of chars from set and blanks, with at
 * least `min` of the character `need`. */
static int line_only(const char *s, size_t n, const char *set, char need, size_t min)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == need)
            count++;
        else if (!is_blank(s[i]) && !strchr(set, s[i]))
            return 0;
    }
    return count >= min;
}

/* How many characters at the start of the line s[0..n) must be escaped, as a
 * position: returns the index of the one character to escape, or -1. */
static long block_start(const char *s, size_t n)
{
    if (n == 0)
        return -1;
    char c = s[0];
    if (c == '>')
        return 0;
    if (c == '#') {
        size_t k = 0;
        while (k < n && s[k] == '#')
            k++;
        return k <= 6 && (k == n || is_blank(s[k])) ? 0 : -1;
    }
    if ((c == '-' || c == '+' || c == '*') && (n == 1 || is_blank(s[1])))
        return 0; /* a list item */
    if ((c == '-' && line_only(s, n, "-", '-', 1)) || (c == '=' && line_only(s, n, "=", '=', 1)))
        return 0; /* a setext underline (or a thematic break) */
    if ((c == '*' || c == '_' || c == '-') && line_only(s, n, "", c, 3))
        return 0; /* a thematic break */
    if ((c == '`' || c == '~') && n >= 3 && s[1] == c && s[2] == c)
        return 0; /* a code fence */
    size_t d = 0;
    while (d < n && d < 10 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d > 0 && d <= 9 && d < n && (s[d] == '.' || s[d] == ')') && (d + 1 == n || is_blank(s[d + 1])))
        return (long)d; /* an ordered list item: escape its delimiter */
    return -1;
}

/* An entity or numeric character reference starting at s ('&'). */
static int entity_at(const char *s)
{
    size_t i = 1;
    if (s[i] == '#')
        i++;
    if (s[i] == 'x' || s[i] == 'X')
        i++;
    size_t start = i;
    while (is_alnum(s[i]) && i < 40)
        i++;
    return i > start && s[i] == ';';
}

/* 1 when c must be escaped at s[i] of text (whole text t, for looking around). */
static int needs_escape(const char *t, size_t i, unsigned flags)
{
    char c = t[i], next = t[i + 1], prev = i ? t[i - 1] : '\0';
    switch (c) {
    case '\\': return is_punct(next) || next == '\0' || next == '\n';
    case '`': return strchr(t + i + 1, '`') != NULL;
    case '*':
    case '_':
        if (c == '_' && is_alnum(prev) && is_alnum(next))
            return 0; /* intraword: snake_case */
        if (!is_space(next) && strchr(t + i + 1, c))
            return 1; /* could open */
        return !is_space(prev) && memchr(t, c, i) != NULL; /* could close */
    case '~': return strchr(t + i + 1, '~') || memchr(t, '~', i);
    case '[': return (flags & MD_LINK_TEXT) || strstr(t + i + 1, "](") || strstr(t + i + 1, "][");
    case ']': return (flags & MD_LINK_TEXT) != 0;
    case '<': return !is_space(next) && strchr(t + i + 1, '>') != NULL;
    case '&': return entity_at(t + i);
    case '#':
        if (!(flags & MD_HEADING))
            return 0;
        for (size_t k = i; t[k]; k++)
            if (t[k] != '#' && !is_blank(t[k]))
                return 0;
        return 1; /* a closing sequence */
    default: return 0;
    }
}

/* The text with blanks trimmed at both ends of every line and empty lines
 * dropped, lines joined by '\n'. */
static char *tidy_lines(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        const char *a = p, *b = end;
        while (a < b && (is_blank(*a) || *a == '\r'))
            a++;
        while (b > a && (is_blank(b[-1]) || b[-1] == '\r'))
            b--;
        if (b > a) {
            if (o)
                out[o++] = '\n';
            memcpy(out + o, a, (size_t)(b - a));
            o += (size_t)(b - a);
        }
        p = nl ? nl + 1 : end;
    }
    out[o] = '\0';
    return out;
}

char *md_escape(const char *raw, const char *indent, unsigned flags)
{
    char *safe = text_visible(raw ? raw : "", TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
    char *t = safe ? tidy_lines(safe) : NULL;
    free(safe);
    if (!t)
        return NULL;
    sbuf b = {NULL, 0, 0, 0};
    put(&b, "", 0);
    size_t line = 0; /* start of the current line */
    long esc_at = -1;
    int table_row = 0;
    for (size_t i = 0;; i++) {
        if (i == line) {
            size_t n = strcspn(t + line, "\n");
            /* in a heading or after other text, the first line opens no block */
            esc_at = line == 0 && (flags & (MD_HEADING | MD_AFTER_TEXT)) ? -1
                                                                        : block_start(t + line, n);
            table_row = strchr(t + line, '|') && line_only(t + line, n, "|:", '-', 1);
        }
        char c = t[i];
        if (c == '\0')
            break;
        if (c == '\n') {
            put(&b, "\\\n", 2);
            put(&b, indent, strlen(indent));
            line = i + 1;
            continue;
        }
        int esc = (esc_at >= 0 && i == line + (size_t)esc_at) || (c == '|' && table_row) ||
                  needs_escape(t, i, flags);
        if (esc)
            putc_(&b, '\\');
        putc_(&b, c);
    }
    free(t);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
