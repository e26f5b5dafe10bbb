/* text_edit.h - an editable UTF-8 text buffer with a cursor: the model behind the
 * built-in editor (notes, evidence, reasons). No curses; moves never split a
 * character. The text is soft-wrapped into rows by display width for moves by
 * visual row; words are runs of characters other than space and newline. */
#ifndef CLIMB_TEXT_EDIT_H
#define CLIMB_TEXT_EDIT_H

#include <stddef.h>

typedef struct {
    char *buf;      /* always NUL-terminated, valid UTF-8 */
    size_t len, cap;
    size_t cursor;  /* byte offset, on a character boundary */
    size_t max;     /* longest text accepted, in bytes */
} text_edit;

int text_edit_init(text_edit *e, const char *initial, size_t max);
void text_edit_free(text_edit *e);

/* Inserts one character (a Unicode code point); refuses control characters other
 * than '\n'. Returns 0, or -1 when refused or full. */
int text_edit_insert(text_edit *e, unsigned cp);
/* Inserts a tab as spaces up to the next multiple of 4 columns of its line. */
int text_edit_tab(text_edit *e);
/* Inserts pasted text: tabs as spaces, '\n' as a line break (or as a space when
 * newlines is 0), other control characters dropped. Returns -1 when not all of it
 * fitted. */
int text_edit_paste(text_edit *e, const char *text, int newlines);
void text_edit_backspace(text_edit *e);
void text_edit_delete(text_edit *e);
void text_edit_left(text_edit *e);
void text_edit_right(text_edit *e);
void text_edit_home(text_edit *e);   /* start of the current line */
void text_edit_end(text_edit *e);    /* end of the current line */
void text_edit_up(text_edit *e);     /* same column (in characters) one line up */
void text_edit_down(text_edit *e);
void text_edit_word_left(text_edit *e);   /* to the start of this or the previous word */
void text_edit_word_right(text_edit *e);  /* to the end of this or the next word */
void text_edit_delete_word_before(text_edit *e); /* Ctrl-W */
void text_edit_delete_word_after(text_edit *e);  /* Alt-d */
/* Ctrl-U: deletes from the start of the line to the cursor (at the start of a line,
 * the line break before it); Ctrl-K: from the cursor to the end of the line (at
 * its end, the line break). */
void text_edit_kill_before(text_edit *e);
void text_edit_kill_after(text_edit *e);
/* Line (0-based) and column (display columns) of the cursor. */
void text_edit_position(const text_edit *e, size_t *line, int *col);

/* Word moves over any UTF-8 text s[0..len), for one-line inputs too. */
size_t text_word_left(const char *s, size_t pos);
size_t text_word_right(const char *s, size_t len, size_t pos);

/* One visual row: bytes [start, end) of the text; hard when the row ends inside a
 * word wider than the line (the editor marks it). */
typedef struct {
    size_t start, end;
    int hard;
} text_row;

/* Soft-wraps s[0..len) into rows of at most `width` columns (a space that ends a
 * word at the edge may hang one column beyond), breaking after spaces, inside a
 * word only when it is wider than the line; '\n' ends a row and belongs to none.
 * Stores at most max rows; returns how many there are. */
size_t text_wrap_rows(const char *s, size_t len, int width, text_row *rows, size_t max);
/* Columns one character takes as drawn (controls shown as ^X take 2). */
int text_char_width(const char *s, size_t len, size_t at, size_t *bytes);
/* The row the cursor is on, and its column there. */
size_t text_row_of(const char *s, const text_row *rows, size_t n, size_t cursor, int *col);
/* The offset in row r nearest to column col. */
size_t text_row_offset(const char *s, const text_row *rows, size_t n, size_t r, int col);

#endif
