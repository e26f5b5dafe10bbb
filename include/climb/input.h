/* input.h - where the TUI's keys come from: the terminal, or a key file for the
 * headless scripted mode (--keys FILE / CLIMB_KEYS) used by tests and benchmarks.
 *
 * Keys are decoded by ncurses (keypad, the terminal's terminfo, a short
 * ESCDELAY). On top of that, an Esc followed at once by more bytes is read as one
 * sequence through one table (input.c): Home/End and the modified arrows of
 * xterm, tmux, screen, rxvt and the Linux console that terminfo missed become
 * KEY_HOME, KEY_END or INPUT_KEY_*; Alt plus a character becomes INPUT_META(c);
 * bracketed paste becomes one INPUT_PASTE token; anything else unknown is
 * swallowed whole, so it never closes a view nor leaks its tail into the one
 * behind. A lone Esc stays Esc (27).
 *
 * Key file format: UTF-8 text; each character is one key press, except <Name>
 * tokens: <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Tab> <BTab>
 * <Enter> <Esc> <Space> <Backspace> <Del> <F1> <C-x> (Ctrl plus a letter), <M-x>
 * (Alt plus a character: Esc and x arriving together), <seq TEXT> (Esc and TEXT
 * arriving together, as a terminal sends a sequence, e.g. <seq [1~>), <paste>
 * and </paste> (the bracketed-paste markers around pasted keys), <lt> (a literal
 * '<'), and <resize COLSxROWS>. Line breaks in the file are ignored (type <Enter>
 * for Enter). When the file runs out the TUI quits. */
#ifndef CLIMB_INPUT_H
#define CLIMB_INPUT_H

#include <stddef.h>

enum { INPUT_RESIZE_TOKEN = -2, INPUT_END = -3, INPUT_PASTE = -4 };

/* climb's own key codes (is_char 0) for keys ncurses has no code for; above
 * every KEY_* code, extended ones included. */
enum {
    INPUT_KEY_WORD_LEFT = 0x4000, /* Ctrl-Left, Alt-Left */
    INPUT_KEY_WORD_RIGHT,         /* Ctrl-Right, Alt-Right */
    INPUT_KEY_TEXT_START,         /* Ctrl-Home */
    INPUT_KEY_TEXT_END,           /* Ctrl-End */
    INPUT_META_BASE = 0x4100      /* INPUT_META(c): Alt plus ASCII c (Alt-Backspace: 127) */
};
#define INPUT_META(c) (INPUT_META_BASE + (c))

typedef struct {
    int *keys;        /* key codes (wide characters or KEY_*); resize tokens use 3 slots */
    size_t n, pos;
    int from_file;
    int resize_cols, resize_rows; /* set when next() returned INPUT_RESIZE_TOKEN */
    char *paste;      /* the text of the last INPUT_PASTE, NUL-terminated */
    size_t paste_len, paste_cap;
} key_source;

/* Reads and parses a key file. Returns 0, or -1 with a message in err. */
int input_open_file(key_source *in, const char *path, char *err, size_t errlen);
/* The same from memory: len bytes of key file text (a NUL byte ends it early). */
int input_open_buffer(key_source *in, const char *data, size_t len, char *err, size_t errlen);
void input_close(key_source *in);
/* The next key: from the file, or from the terminal (wide-character aware; *is_char
 * tells a character from a function key). INPUT_END when the file is exhausted;
 * INPUT_PASTE (is_char 0) for a bracketed paste, whose text input_paste_text gives. */
int input_next(key_source *in, int *is_char);
/* The text of the latest INPUT_PASTE ("" before any): UTF-8, line breaks as '\n',
 * tabs kept; valid until the next input_next. One program reads one key source at
 * a time, so this is a global of input.c. */
const char *input_paste_text(void);

/* Terminal set-up after newterm (not in headless mode): maps the modified keys
 * terminfo names (kLFT5, kHOM5, ...) through the sequence table, and turns
 * bracketed paste on when the terminal is xterm-like. input_terminal_end turns it
 * off again, before endwin, and says whether input_terminal_start had run. */
void input_terminal_start(void);
int input_terminal_end(void);

/* The sequence decoder, for tests: keys[0..n) are what followed an Esc at once
 * (characters, or KEY_* codes when is_fkey[i]); returns the key they make
 * (*is_char set), INPUT_PASTE for the start of a bracketed paste, 27 for a lone
 * Esc, or 0 when the sequence is swallowed. *used is how many keys it took. */
int input_decode_keys(const int *keys, const int *is_fkey, size_t n, size_t *used, int *is_char);

#endif
