/* line_edit.h - a one-line text input for the TUI (profile names, search, the
 * export path, a date): UTF-8 aware editing with the keys of the built-in editor
 * (Backspace, Delete, Left/Right, Home/End, word moves, Ctrl-W/U/K); a paste is
 * inserted whole, line breaks and tabs as spaces; Enter accepts and Esc cancels. Control characters are never inserted. The editing keys are a
 * view_key table (LINE_EDIT_KEY_ROWS) that views embedding the input put after
 * their own rows, so help lists them and dispatch goes through them. The editing
 * logic is separate from drawing so it can be unit tested. */
#ifndef CLIMB_LINE_EDIT_H
#define CLIMB_LINE_EDIT_H

#include "climb/input.h"
#include "climb/view.h"

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

/* The commands of the line-editing keys. A view's own commands stay below
 * LINE_CMD_FIRST so that its table can hold both. */
enum {
    LINE_CMD_FIRST = 200,
    LINE_CMD_ACCEPT = LINE_CMD_FIRST, LINE_CMD_CANCEL, LINE_CMD_BACKSPACE, LINE_CMD_DELETE,
    LINE_CMD_LEFT, LINE_CMD_RIGHT, LINE_CMD_HOME, LINE_CMD_END, LINE_CMD_WORD_LEFT,
    LINE_CMD_WORD_RIGHT, LINE_CMD_DEL_WORD_BEFORE, LINE_CMD_DEL_WORD_AFTER,
    LINE_CMD_KILL_BEFORE, LINE_CMD_KILL_AFTER, LINE_CMD_TEXT
};

/* The editing rows of a view_key table, ending with the "takes typed text" row
 * whose help is text_help. A view puts them after its own rows (Enter, Esc and
 * any key it binds itself), so its own rows win. */
#define LINE_EDIT_KEY_ROWS(text_help)                                                        \
    {127, KEY_BACKSPACE, LINE_CMD_BACKSPACE, "Backspace",                                    \
     "delete the character before the cursor"},                                              \
    {8, 0, LINE_CMD_BACKSPACE, "Ctrl-H", NULL},                                              \
    {0, KEY_DC, LINE_CMD_DELETE, "Delete", "delete the character under the cursor"},         \
    {0, KEY_LEFT, LINE_CMD_LEFT, "Left", "move the cursor left"},                            \
    {0, KEY_RIGHT, LINE_CMD_RIGHT, "Right", "move the cursor right"},                        \
    {1, KEY_HOME, LINE_CMD_HOME, "Home Ctrl-A", "go to the start of the text"},              \
    {5, KEY_END, LINE_CMD_END, "End Ctrl-E", "go to the end of the text"},                   \
    {0, INPUT_KEY_WORD_LEFT, LINE_CMD_WORD_LEFT, "Ctrl-Left", "move back a word"},           \
    {0, INPUT_META('b'), LINE_CMD_WORD_LEFT, "Alt-b", NULL},                                 \
    {0, INPUT_KEY_WORD_RIGHT, LINE_CMD_WORD_RIGHT, "Ctrl-Right", "move forward a word"},     \
    {0, INPUT_META('f'), LINE_CMD_WORD_RIGHT, "Alt-f", NULL},                                \
    {23, 0, LINE_CMD_DEL_WORD_BEFORE, "Ctrl-W", "delete the word before the cursor"},        \
    {0, INPUT_META(127), LINE_CMD_DEL_WORD_BEFORE, "Alt-Backspace", NULL},                   \
    {0, INPUT_META('d'), LINE_CMD_DEL_WORD_AFTER, "Alt-d", "delete the word after the cursor"}, \
    {21, 0, LINE_CMD_KILL_BEFORE, "Ctrl-U", "delete to the start (clears the text)"},        \
    {11, 0, LINE_CMD_KILL_AFTER, "Ctrl-K", "delete to the end of the text"},                 \
    {0, 0, LINE_CMD_TEXT, "any character", (text_help)}

/* The whole table of a bare line input: Enter accepts, Esc cancels, then
 * LINE_EDIT_KEY_ROWS (what line_edit_key dispatches through). */
extern const view_key line_edit_keys[];

/* Starts editing `initial` (may be NULL) with the cursor at its end. */
void line_edit_init(line_edit *e, const char *initial, size_t max_chars);
/* Applies one key (is_char: a typed character, else a KEY_* code) as
 * line_edit_keys binds it. */
line_edit_result line_edit_key(line_edit *e, int key, int is_char);
/* Applies the command a view's table gave a key: a LINE_CMD_*, or 0 when the table
 * does not bind the key (a typed character is then inserted, an INPUT_PASTE's text
 * too; others do nothing).
 * Commands below LINE_CMD_FIRST are the view's own: nothing is done. */
line_edit_result line_edit_command(line_edit *e, int cmd, int key, int is_char);
/* Number of characters (code points) in the text. */
size_t line_edit_chars(const line_edit *e);
/* Draws the text in `width` columns at (y, x), scrolled so the cursor shows; the
 * cursor is a reverse-video cell. */
void line_edit_draw(line_edit *e, WINDOW *w, int y, int x, int width, attr_t attr);

#endif
