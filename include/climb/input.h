/* input.h - where the TUI's keys come from: the terminal, or a key file for the
 * headless scripted mode (--keys FILE / CLIMB_KEYS) used by tests and benchmarks.
 *
 * Key file format: UTF-8 text; each character is one key press, except <Name>
 * tokens: <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Tab> <BTab>
 * <Enter> <Esc> <Space> <Backspace> <Del> <F1> <C-x> (Ctrl plus a letter), <lt>
 * (a literal '<'), and <resize COLSxROWS>. Line breaks in the file are ignored
 * (type <Enter> for Enter). When the file runs out the TUI quits. */
#ifndef CLIMB_INPUT_H
#define CLIMB_INPUT_H

#include <stddef.h>

enum { INPUT_RESIZE_TOKEN = -2, INPUT_END = -3 };

typedef struct {
    int *keys;        /* key codes (wide characters or KEY_*); resize tokens use 3 slots */
    size_t n, pos;
    int from_file;
    int resize_cols, resize_rows; /* set when next() returned INPUT_RESIZE_TOKEN */
} key_source;

/* Reads and parses a key file. Returns 0, or -1 with a message in err. */
int input_open_file(key_source *in, const char *path, char *err, size_t errlen);
/* The same from memory: len bytes of key file text (a NUL byte ends it early). */
int input_open_buffer(key_source *in, const char *data, size_t len, char *err, size_t errlen);
void input_close(key_source *in);
/* The next key: from the file, or from the terminal (wide-character aware; *is_char
 * tells a character from a function key). INPUT_END when the file is exhausted. */
int input_next(key_source *in, int *is_char);

#endif
