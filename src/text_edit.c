/* text_edit.c - cursor movement and editing over a UTF-8 byte buffer: by
 * character, word and line, the kills of Ctrl-W/U/K, tabs and pastes turned into
 * what the text may hold, and the soft wrap of the text into visual rows by
 * display width that the editor draws and moves the cursor over. */
#include "climb/text_edit.h"
#include "climb/text.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static int is_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

int text_edit_init(text_edit *e, const char *initial, size_t max)
{
    size_t n = initial ? strlen(initial) : 0;
    memset(e, 0, sizeof *e);
    e->max = max;
    e->cap = n + 64;
    e->buf = malloc(e->cap);
    if (!e->buf)
        return -1;
    if (n)
        memcpy(e->buf, initial, n);
    e->buf[n] = '\0';
    e->len = e->cursor = n;
    return 0;
}

void text_edit_free(text_edit *e)
{
    free(e->buf);
    memset(e, 0, sizeof *e);
}


int text_edit_insert(text_edit *e, unsigned cp)
{
    char enc[4];
    if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return -1;
    size_t n = text_utf8_encode(cp, enc);
    if (n == 0)
        return -1;
    if (e->len + n > e->max)
        return -1;
    if (e->len + n + 1 > e->cap) {
        size_t cap = (e->len + n + 1) * 2;
        char *b = realloc(e->buf, cap);
        if (!b) /* GCOVR_EXCL_BR_LINE: realloc fails only out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
        e->buf = b;
        e->cap = cap;
    }
    memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
    memcpy(e->buf + e->cursor, enc, n);
    e->len += n;
    e->cursor += n;
    return 0;
}

void text_edit_left(text_edit *e)
{
    if (e->cursor == 0)
        return;
    do
        e->cursor--;
    while (e->cursor > 0 && is_cont(e->buf[e->cursor]));
}

void text_edit_right(text_edit *e)
{
    if (e->cursor >= e->len)
        return;
    do
        e->cursor++;
    while (e->cursor < e->len && is_cont(e->buf[e->cursor]));
}

void text_edit_backspace(text_edit *e)
{
    size_t end = e->cursor;
    text_edit_left(e);
    memmove(e->buf + e->cursor, e->buf + end, e->len - end + 1);
    e->len -= end - e->cursor;
}

void text_edit_delete(text_edit *e)
{
    if (e->cursor >= e->len)
        return;
    text_edit_right(e);
    text_edit_backspace(e);
}

void text_edit_home(text_edit *e)
{
    while (e->cursor > 0 && e->buf[e->cursor - 1] != '\n')
        e->cursor--;
}

void text_edit_end(text_edit *e)
{
    while (e->cursor < e->len && e->buf[e->cursor] != '\n')
        e->cursor++;
}

/* Characters between the start of the cursor's line and the cursor. */
static size_t chars_into_line(const text_edit *e)
{
    size_t n = 0, i = e->cursor;
    while (i > 0 && e->buf[i - 1] != '\n') {
        i--;
        n += !is_cont(e->buf[i]);
    }
    return n;
}

/* Moves right by up to n characters without leaving the line. */
static void advance_in_line(text_edit *e, size_t n)
{
    while (n-- > 0 && e->cursor < e->len && e->buf[e->cursor] != '\n')
        text_edit_right(e);
}

void text_edit_up(text_edit *e)
{
    size_t col = chars_into_line(e);
    text_edit_home(e);
    if (e->cursor == 0)
        return;
    e->cursor--; /* onto the previous line's newline */
    text_edit_home(e);
    advance_in_line(e, col);
}

void text_edit_down(text_edit *e)
{
    size_t col = chars_into_line(e);
    text_edit_end(e);
    if (e->cursor >= e->len)
        return;
    e->cursor++;
    advance_in_line(e, col);
}

void text_edit_position(const text_edit *e, size_t *line, int *col)
{
    size_t l = 0, start = 0;
    for (size_t i = 0; i < e->cursor; i++) {
        if (e->buf[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = text_width_n(e->buf + start, e->cursor - start);
}

/* Removes the bytes [from, to), the cursor going to from. */
static void cut(text_edit *e, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->cursor = from;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\n';
}

size_t text_word_left(const char *s, size_t pos)
{
    while (pos > 0 && is_blank(s[pos - 1]))
        pos--;
    while (pos > 0 && !is_blank(s[pos - 1]))
        pos--;
    return pos;
}

size_t text_word_right(const char *s, size_t len, size_t pos)
{
    while (pos < len && is_blank(s[pos]))
        pos++;
    while (pos < len && !is_blank(s[pos]))
        pos++;
    return pos;
}

void text_edit_word_left(text_edit *e)
{
    e->cursor = text_word_left(e->buf, e->cursor);
}

void text_edit_word_right(text_edit *e)
{
    e->cursor = text_word_right(e->buf, e->len, e->cursor);
}

void text_edit_delete_word_before(text_edit *e)
{
    cut(e, text_word_left(e->buf, e->cursor), e->cursor);
}

void text_edit_delete_word_after(text_edit *e)
{
    size_t at = e->cursor;
    cut(e, at, text_word_right(e->buf, e->len, at));
}

void text_edit_kill_before(text_edit *e)
{
    size_t at = e->cursor;
    text_edit_home(e);
    size_t from = e->cursor;
    if (from == at && at > 0)
        from = at - 1; /* at the start of a line: join it to the one before */
    cut(e, from, at);
}

void text_edit_kill_after(text_edit *e)
{
    size_t at = e->cursor;
    text_edit_end(e);
    size_t to = e->cursor;
    if (to == at && at < e->len)
        to = at + 1; /* at the end of a line: join the next one to it */
    cut(e, at, to);
}

int text_char_width(const char *s, size_t len, size_t at, size_t *bytes)
{
    unsigned cp = 0;
    size_t n = text_utf8_decode(s + at, len - at, &cp);
    *bytes = n ? n : 1;
    if (n && !text_is_control(cp))
        return text_width_n(s + at, n);
    char one[8];
    snprintf(one, sizeof one, "%.*s", (int)*bytes, s + at);
    char *vis = text_visible(one, 0); /* as draw_text will show it */
    int w = vis ? text_width(vis) : 2;
    free(vis);
    return w;
}

/* Display columns from the start of the cursor's line to the cursor. */
static int line_column(const text_edit *e)
{
    size_t i = e->cursor, n;
    while (i > 0 && e->buf[i - 1] != '\n')
        i--;
    int col = 0;
    while (i < e->cursor) {
        col += text_char_width(e->buf, e->len, i, &n);
        i += n;
    }
    return col;
}

int text_edit_tab(text_edit *e)
{
    int spaces = 4 - line_column(e) % 4;
    while (spaces-- > 0)
        if (text_edit_insert(e, ' '))
            return -1;
    return 0;
}

int text_edit_paste(text_edit *e, const char *text, int newlines)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        unsigned cp = 0;
        size_t n = text_utf8_decode(text + i, len - i, &cp);
        i += n ? n : 1;
        int rc = 0;
        if (cp == '\t')
            rc = text_edit_tab(e);
        else if (cp == '\n')
            rc = text_edit_insert(e, newlines ? '\n' : ' ');
        else if (n && !text_is_control(cp))
            rc = text_edit_insert(e, cp);
        if (rc)
            return -1;
    }
    return 0;
}

static void put_row(text_row *rows, size_t max, size_t *count, size_t start, size_t end,
                    int hard)
{
    if (*count < max) {
        rows[*count].start = start;
        rows[*count].end = end;
        rows[*count].hard = hard;
    }
    (*count)++;
}

/* Wraps one line s[ls, le) (no '\n'). */
static void wrap_line(const char *s, size_t len, size_t ls, size_t le, int width,
                      text_row *rows, size_t max, size_t *count)
{
    size_t pos = ls;
    if (ls == le)
        put_row(rows, max, count, ls, ls, 0);
    while (pos < le) {
        size_t i = pos, brk = pos, n = 1;
        int w = 0;
        while (i < le) {
            int cw = text_char_width(s, len, i, &n);
            if (w + cw > width)
                break;
            w += cw;
            i += n;
            if (s[i - 1] == ' ')
                brk = i;
        }
        if (i >= le) {
            put_row(rows, max, count, pos, le, 0);
            break;
        }
        if (s[i] == ' ') { /* the word ends at the edge: its space hangs */
            put_row(rows, max, count, pos, i + 1, 0);
            pos = i + 1;
            if (pos == le) /* the cursor after that space starts a row of its own */
                put_row(rows, max, count, le, le, 0);
        } else if (brk > pos) {
            put_row(rows, max, count, pos, brk, 0);
            pos = brk;
        } else {
            if (i == pos) /* one character wider than the line */
                i += n;
            put_row(rows, max, count, pos, i, 1);
            pos = i;
        }
    }
}

size_t text_wrap_rows(const char *s, size_t len, int width, text_row *rows, size_t max)
{
    size_t count = 0, start = 0;
    if (width < 2)
        width = 2;
    for (;;) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        wrap_line(s, len, start, end, width, rows, max, &count);
        if (!nl)
            break;
        start = end + 1;
    }
    return count;
}

/* 1 when the row continues on the next one without a line break between. */
static int continues(const text_row *rows, size_t n, size_t r)
{
    return r + 1 < n && rows[r + 1].start == rows[r].end;
}

size_t text_row_of(const char *s, const text_row *rows, size_t n, size_t cursor, int *col)
{
    size_t r = 0;
    while (r + 1 < n && (cursor > rows[r].end || (cursor == rows[r].end && continues(rows, n, r))))
        r++;
    int c = 0;
    size_t len = rows[r].end, b;
    for (size_t i = rows[r].start; i < cursor && i < len; i += b)
        c += text_char_width(s, len, i, &b);
    *col = c;
    return r;
}

size_t text_row_offset(const char *s, const text_row *rows, size_t n, size_t r, int col)
{
    size_t i = rows[r].start, end = rows[r].end, b;
    int w = 0;
    while (i < end) {
        int cw = text_char_width(s, end, i, &b);
        if (w + cw > col)
            break;
        w += cw;
        i += b;
    }
    if (i == end && i > rows[r].start && continues(rows, n, r)) { /* stay on this row */
        do
            i--;
        while (i > rows[r].start && is_cont(s[i]));
    }
    return i;
}
