/* text_edit.h - an editable UTF-8 text buffer with a cursor: the model behind the
 * built-in note editor and one-line prompts. No curses; moves never split a
 * character. */
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
void text_edit_backspace(text_edit *e);
void text_edit_delete(text_edit *e);
void text_edit_left(text_edit *e);
void text_edit_right(text_edit *e);
void text_edit_home(text_edit *e);   /* start of the current line */
void text_edit_end(text_edit *e);    /* end of the current line */
void text_edit_up(text_edit *e);     /* same column (in characters) one line up */
void text_edit_down(text_edit *e);
/* Line (0-based) and column (display columns) of the cursor. */
void text_edit_position(const text_edit *e, size_t *line, int *col);

#endif
