/* line_edit.c - the one-line text input: its key table, insertion of typed and
 * pasted characters as UTF-8, deletion and cursor moves by whole characters and
 * words (the word rule of text_edit.h), and drawing
 * with a visible cursor and horizontal scrolling through draw_text. */
#include "climb/line_edit.h"
#include "climb/draw.h"
#include "climb/text.h"
#include "climb/text_edit.h"

#include <string.h>

static int is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += !is_continuation((unsigned char)s[i]);
    return chars;
}

size_t line_edit_chars(const line_edit *e)
{
    return count_chars(e->buf, e->len);
}

void line_edit_init(line_edit *e, const char *initial, size_t max_chars)
{
    memset(e, 0, sizeof *e);
    e->max_chars = max_chars;
    if (initial) {
        size_t n = strlen(initial);
        if (n >= LINE_EDIT_MAX)
            n = 0; /* too long to edit whole: start empty rather than cut a character */
        memcpy(e->buf, initial, n);
        e->len = e->cursor = n;
    }
    e->buf[e->len] = '\0';
}


static void insert(line_edit *e, unsigned cp)
{
    char bytes[4];
    size_t n;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return; /* control characters are never part of the text */
    if ((n = text_utf8_encode(cp, bytes)) == 0 || e->len + n >= LINE_EDIT_MAX)
        return;
    if (e->max_chars && line_edit_chars(e) >= e->max_chars)
        return;
    memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
    memcpy(e->buf + e->cursor, bytes, n);
    e->len += n;
    e->cursor += n;
}

/* A paste: tabs as spaces to the next multiple of 4, line breaks as one space,
 * other control characters dropped. */
static void paste(line_edit *e, const char *text)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        unsigned cp = 0;
        size_t n = text_utf8_decode(text + i, len - i, &cp);
        i += n ? n : 1;
        if (cp == '\t')
            for (int sp = 4 - text_width_n(e->buf, e->cursor) % 4; sp > 0; sp--)
                insert(e, ' ');
        else if (cp == '\n')
            insert(e, ' ');
        else if (n)
            insert(e, cp);
    }
}

static size_t prev_boundary(const line_edit *e, size_t at)
{
    while (at > 0 && is_continuation((unsigned char)e->buf[--at]))
        ;
    return at;
}

static size_t next_boundary(const line_edit *e, size_t at)
{
    if (at < e->len)
        at++;
    while (at < e->len && is_continuation((unsigned char)e->buf[at]))
        at++;
    return at;
}

/* Removes the bytes [from, to). */
static void cut(line_edit *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    if (e->cursor > from)
        e->cursor = e->cursor >= to ? e->cursor - (to - from) : from;
}

const view_key line_edit_keys[] = {
    {'\n', KEY_ENTER, LINE_CMD_ACCEPT, "Enter", "accept the text"},
    {'\r', 0, LINE_CMD_ACCEPT, "Ctrl-M", NULL},
    {27, 0, LINE_CMD_CANCEL, "Esc", "cancel"},
    LINE_EDIT_KEY_ROWS("typed into the text (F1: this help)"),
    {0, 0, 0, NULL, NULL},
};

line_edit_result line_edit_command(line_edit *e, int cmd, int key, int is_char)
{
    switch (cmd) {
    case LINE_CMD_ACCEPT: return LINE_ACCEPT;
    case LINE_CMD_CANCEL: return LINE_CANCEL;
    case LINE_CMD_BACKSPACE: cut(e, prev_boundary(e, e->cursor), e->cursor); break;
    case LINE_CMD_DELETE: cut(e, e->cursor, next_boundary(e, e->cursor)); break;
    case LINE_CMD_LEFT: e->cursor = prev_boundary(e, e->cursor); break;
    case LINE_CMD_RIGHT: e->cursor = next_boundary(e, e->cursor); break;
    case LINE_CMD_HOME: e->cursor = 0; break;
    case LINE_CMD_END: e->cursor = e->len; break;
    case LINE_CMD_WORD_LEFT: e->cursor = text_word_left(e->buf, e->cursor); break;
    case LINE_CMD_WORD_RIGHT: e->cursor = text_word_right(e->buf, e->len, e->cursor); break;
    case LINE_CMD_DEL_WORD_BEFORE: cut(e, text_word_left(e->buf, e->cursor), e->cursor); break;
    case LINE_CMD_DEL_WORD_AFTER: cut(e, e->cursor, text_word_right(e->buf, e->len, e->cursor)); break;
    case LINE_CMD_KILL_BEFORE: cut(e, 0, e->cursor); break;
    case LINE_CMD_KILL_AFTER: cut(e, e->cursor, e->len); break;
    case 0:
        if (is_char && key >= 0)
            insert(e, (unsigned)key);
        else if (!is_char && key == INPUT_PASTE)
            paste(e, input_paste_text());
        break;
    default: break;
    }
    return LINE_EDITING;
}

line_edit_result line_edit_key(line_edit *e, int key, int is_char)
{
    return line_edit_command(e, view_key_cmd(line_edit_keys, key, is_char), key, is_char);
}

/* Byte offset of the first character starting at or after column `col`. */
static size_t offset_of_column(const line_edit *e, int col)
{
    size_t at = 0;
    while (at < e->len && text_width_n(e->buf, at) < col)
        at = next_boundary(e, at);
    return at;
}

/* Draws bytes [from, to) of the text at column x, at most width columns. */
static int draw_span(const line_edit *e, WINDOW *w, int y, int x, int width, size_t from,
                     size_t to, attr_t attr)
{
    char part[LINE_EDIT_MAX];
    memcpy(part, e->buf + from, to - from);
    part[to - from] = '\0';
    return draw_text(w, y, x, width, part, attr);
}

void line_edit_draw(line_edit *e, WINDOW *w, int y, int x, int width, attr_t attr)
{
    if (width < 2)
        return;
    int cursor_col = text_width_n(e->buf, e->cursor);
    if (cursor_col < e->scroll)
        e->scroll = cursor_col;
    if (cursor_col >= e->scroll + width - 1)
        e->scroll = cursor_col - width + 2;
    draw_fill(w, y, x, width, attr);
    size_t start = offset_of_column(e, e->scroll);
    if (start > e->cursor)
        start = e->cursor;
    int used = draw_span(e, w, y, x, width - 1, start, e->cursor, attr);
    size_t next = next_boundary(e, e->cursor);
    attr_t cursor_attr = attr ^ A_REVERSE;
    if (e->cursor < e->len)
        used += draw_span(e, w, y, x + used, 2, e->cursor, next, cursor_attr);
    else
        used += draw_text(w, y, x + used, 1, " ", cursor_attr);
    if (used < width)
        draw_span(e, w, y, x + used, width - used, next, e->len, attr);
}
