/* line_edit.h - a one-line text input for the TUI (profile names, notes, search):
 * UTF-8 aware editing with Backspace, Delete, Left/Right, Home/End; Enter accepts
 * and Esc cancels. Control characters are never inserted. The editing logic is
 * separate from drawing so it can be unit tested. */
#ifndef CLIMB_LINE_EDIT_H
#define CLIMB_LINE_EDIT_H

#include <curses.h>
#include <stddef.h>

enum { LINE_EDIT_MAX = 1024 }; /* bytes, including the terminating NUL */

typedef enum { LINE_EDITING, LINE_ACCEPT, LINE_CANCEL } line_edit_result;

typedef struct {
    char buf[LINE_EDIT_MAX]; /* UTF-8, NUL-terminated */
    size_t len;              /* bytes in buf */
    size_t cursor;           /* byte offset of the cursor, on a character boundary */
    size_t max_chars;        /* most characters accepted; 0: as many as fit */
    int scroll;              /* first column shown (kept by line_edit_draw) */
} line_edit;

/* Starts editing `initial` (may be NULL) with the cursor at its end. */
void line_edit_init(line_edit *e, const char *initial, size_t max_chars);
/* Applies one key (is_char: a typed character, else a KEY_* code). */
line_edit_result line_edit_key(line_edit *e, int key, int is_char);
/* Number of characters (code points) in the text. */
size_t line_edit_chars(const line_edit *e);
/* Draws the text in `width` columns at (y, x), scrolled so the cursor shows; the
 * cursor is a reverse-video cell. */
void line_edit_draw(line_edit *e, WINDOW *w, int y, int x, int width, attr_t attr);

#endif
