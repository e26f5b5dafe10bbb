/* text_edit.c - cursor movement and editing over a UTF-8 byte buffer. */
#include "climb/text_edit.h"
#include "climb/text.h"

#include <stdlib.h>
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
        if (!b)
            return -1;
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
