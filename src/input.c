/* input.c - key sources for the TUI: the terminal through wget_wch, or a parsed
 * key file (read from a path or from memory) for headless runs and the fuzzer;
 * and, over both, the decoding of what follows an Esc at once (one table of
 * sequences), Alt keys and bracketed paste. */
#include "climb/input.h"
#include "climb/text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

typedef struct {
    const char *name;
    int key;
} named_key;

static const named_key NAMED[] = {
    {"Up", KEY_UP},       {"Down", KEY_DOWN},   {"Left", KEY_LEFT},   {"Right", KEY_RIGHT},
    {"PgUp", KEY_PPAGE},  {"PgDn", KEY_NPAGE},  {"Home", KEY_HOME},   {"End", KEY_END},
    {"Tab", '\t'},        {"BTab", KEY_BTAB},   {"Enter", '\n'},      {"Esc", 27},
    {"Space", ' '},       {"Backspace", KEY_BACKSPACE}, {"Del", KEY_DC}, {"F1", KEY_F(1)},
    {"lt", '<'},
};


/* Fixed-size key codes mark whether a slot is a function key (bit 30 set), and
 * whether it arrived together with the key before it (bit 29: the bytes after an
 * Esc in <seq ...>, <M-x> and the paste tokens). */
enum { FUNC_FLAG = 1 << 30, BURST_FLAG = 1 << 29 };

static int push(key_source *in, size_t *cap, int key)
{
    if (in->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        int *k = realloc(in->keys, ncap * sizeof *k);
        if (!k) /* GCOVR_EXCL_BR_LINE: realloc fails only out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
        in->keys = k;
        *cap = ncap;
    }
    in->keys[in->n++] = key;
    return 0;
}

/* Parses one <token> (without brackets) into key codes. */
static int parse_token(key_source *in, size_t *cap, const char *tok, char *err, size_t errlen)
{
    int cols, rows;
    char extra;
    for (size_t i = 0; i < sizeof NAMED / sizeof *NAMED; i++) {
        if (strcmp(tok, NAMED[i].name) == 0) {
            int k = NAMED[i].key;
            return push(in, cap, k >= KEY_MIN ? (k | FUNC_FLAG) : k);
        }
    }
    if (strncmp(tok, "C-", 2) == 0 && tok[2] >= 'a' && tok[2] <= 'z' && !tok[3])
        return push(in, cap, tok[2] - 'a' + 1);
    const char *seq = strncmp(tok, "seq ", 4) == 0 && tok[4]           ? tok + 4
                      : strncmp(tok, "M-", 2) == 0 && tok[2] && !tok[3] ? tok + 2
                      : strcmp(tok, "paste") == 0                       ? "[200~"
                      : strcmp(tok, "/paste") == 0                      ? "[201~"
                                                                        : NULL;
    if (seq) { /* an Esc, then bytes that arrive with it */
        int rc = push(in, cap, 27);
        for (; *seq && !rc; seq++)
            rc = push(in, cap, (unsigned char)*seq | BURST_FLAG);
        return rc;
    }
    if (sscanf(tok, "resize %dx%d%c", &cols, &rows, &extra) == 2 && cols > 0 && rows > 0 &&
        cols < 1000 && rows < 1000)
        return push(in, cap, INPUT_RESIZE_TOKEN) || push(in, cap, cols) || push(in, cap, rows);
    snprintf(err, errlen, "unknown key token <%s>", tok);
    return -1;
}

static int parse(key_source *in, const char *text, char *err, size_t errlen)
{
    size_t cap = 0;
    const char *text_end = text + strlen(text);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (const char *p = text; *p;) {
        if (*p == '\n' || *p == '\r') {
            p++;
        } else if (*p == '<') {
            const char *end = strchr(p, '>');
            char tok[64];
            if (!end || end - p - 1 >= (long)sizeof tok) {
                snprintf(err, errlen, "unterminated <token> in key file");
                return -1;
            }
            snprintf(tok, sizeof tok, "%.*s", (int)(end - p - 1), p + 1);
            if (parse_token(in, &cap, tok, err, errlen))
                return -1;
            p = end + 1;
        } else {
            wchar_t wc;
            size_t n = mbrtowc(&wc, p, (size_t)(text_end - p), &st);
            if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
                snprintf(err, errlen, "key file is not valid text in this locale");
                return -1;
            }
            if (push(in, &cap, (int)wc))
                return -1;
            p += n;
        }
    }
    return 0;
}

/* Parses the NUL-terminated text of a key file into a fresh *in. */
static int open_text(key_source *in, const char *text, char *err, size_t errlen)
{
    in->from_file = 1;
    int rc = parse(in, text, err, errlen);
    if (rc)
        input_close(in);
    in->from_file = 1;
    return rc;
}

int input_open_buffer(key_source *in, const char *data, size_t len, char *err, size_t errlen)
{
    memset(in, 0, sizeof *in);
    char *text = malloc(len + 1);
    if (!text) { /* GCOVR_EXCL_START: malloc fails only out of memory */
        snprintf(err, errlen, "out of memory reading keys");
        return -1;
    } /* GCOVR_EXCL_STOP */
    if (len)
        memcpy(text, data, len);
    text[len] = '\0';
    int rc = open_text(in, text, err, errlen);
    free(text);
    return rc;
}

int input_open_file(key_source *in, const char *path, char *err, size_t errlen)
{
    memset(in, 0, sizeof *in);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot read key file %s", path);
        return -1;
    }
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *nt = realloc(text, cap);
            if (!nt) /* GCOVR_EXCL_BR_LINE: realloc fails only out of memory */
                break; /* GCOVR_EXCL_LINE: out of memory */
            text = nt;
        }
        memcpy(text + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!text && len == 0)
        text = calloc(1, 1);
    if (!text) { /* GCOVR_EXCL_START: (c)alloc failed: only out of memory */
        snprintf(err, errlen, "out of memory reading %s", path);
        return -1;
    } /* GCOVR_EXCL_STOP */
    text[len] = '\0';
    int rc = open_text(in, text, err, errlen);
    free(text);
    return rc;
}

/* ---- What follows an Esc ------------------------------------------------------
 * One table of the sequences (after the Esc) that terminfo may not name: the
 * arrows, Home and End of xterm, tmux and screen ([1~ [4~), rxvt ([7~ [8~, Od Oc
 * for Ctrl-Left/Right, [7^ [8^ for Ctrl-Home/End) and the Linux console ([[A F1).
 * A CSI with an xterm modifier (ESC [ 1 ; 5 D, ESC [ 3 ; 5 ~) is looked up without
 * it, and Ctrl or Alt then make Left/Right word moves and Home/End the ends of the
 * text. Bytes that do not make a known sequence are read to the sequence's end
 * and dropped. */

enum { PASTE_END = -6, SWALLOWED = 0, PASTE_MAX = 64 * 1024, SEQ_MAX = 32 };

typedef struct {
    const char *seq;
    int key;
} sequence;

static const sequence SEQUENCES[] = {
    {"[A", KEY_UP},        {"[B", KEY_DOWN},        {"[C", KEY_RIGHT},    {"[D", KEY_LEFT},
    {"OA", KEY_UP},        {"OB", KEY_DOWN},        {"OC", KEY_RIGHT},    {"OD", KEY_LEFT},
    {"[H", KEY_HOME},      {"[F", KEY_END},         {"OH", KEY_HOME},     {"OF", KEY_END},
    {"[1~", KEY_HOME},     {"[4~", KEY_END},        {"[7~", KEY_HOME},    {"[8~", KEY_END},
    {"[2~", KEY_IC},       {"[3~", KEY_DC},         {"[5~", KEY_PPAGE},   {"[6~", KEY_NPAGE},
    {"[Z", KEY_BTAB},      {"OP", KEY_F(1)},        {"[11~", KEY_F(1)},   {"[[A", KEY_F(1)},
    {"Od", INPUT_KEY_WORD_LEFT},  {"Oc", INPUT_KEY_WORD_RIGHT},
    {"[7^", INPUT_KEY_TEXT_START}, {"[8^", INPUT_KEY_TEXT_END},
    {"[200~", INPUT_PASTE}, {"[201~", PASTE_END},
};

static int lookup(const char *seq)
{
    for (size_t i = 0; i < sizeof SEQUENCES / sizeof *SEQUENCES; i++)
        if (strcmp(SEQUENCES[i].seq, seq) == 0)
            return SEQUENCES[i].key;
    return SWALLOWED;
}

/* A key with an xterm modifier (2 Shift, 3 Alt, 5 Ctrl, ... : 1 + bits). */
static int with_modifier(int key, int mod)
{
    if (mod < 2 || !((mod - 1) & 6)) /* Shift alone, or none: the key itself */
        return key;
    switch (key) {
    case KEY_LEFT: return INPUT_KEY_WORD_LEFT;
    case KEY_RIGHT: return INPUT_KEY_WORD_RIGHT;
    case KEY_HOME: return INPUT_KEY_TEXT_START;
    case KEY_END: return INPUT_KEY_TEXT_END;
    default: return key;
    }
}

/* A CSI such as "[1;5D" or "[3;5~": the key without the modifier, with it applied. */
static int lookup_modified(const char *seq)
{
    char base[SEQ_MAX];
    int n = 0, mod = 0, used = 0;
    char final = 0;
    if (sscanf(seq, "[%d;%d%c%n", &n, &mod, &final, &used) != 3 || seq[used])
        return SWALLOWED;
    if (final == '~')
        snprintf(base, sizeof base, "[%d~", n);
    else if (n == 1)
        snprintf(base, sizeof base, "[%c", final);
    else
        return SWALLOWED;
    int key = lookup(base);
    return key > 0 ? with_modifier(key, mod) : SWALLOWED;
}

/* Where the bytes after an Esc come from: the terminal or a key file or an array.
 * AT_ONCE: only a key that arrived with the one before; SEQ: the rest of a
 * sequence already started; PASTE: the next key of a paste, waiting a while. */
typedef enum { READ_AT_ONCE, READ_SEQ, READ_PASTE } read_mode;

typedef struct {
    int (*next)(void *ctx, read_mode m, int *is_char); /* a key, or ERR */
    void *ctx;
} reader;

/* An Alt-modified key that ncurses had already decoded. */
static int alt_fkey(int key)
{
    if (key == KEY_BACKSPACE)
        return INPUT_META(127);
    return with_modifier(key, 3);
}

static int decode_csi(reader *r, int *is_char)
{
    char seq[SEQ_MAX] = "[";
    size_t n = 1;
    int ic = 0, k;
    for (;;) {
        k = r->next(r->ctx, READ_SEQ, &ic);
        if (k == ERR || !ic || k < 0x20 || k > 0x7E)
            return SWALLOWED; /* cut short: what came is dropped */
        if (n + 1 < sizeof seq)
            seq[n++] = (char)k;
        seq[n] = '\0';
        if (n == 2 && k == '[') /* the Linux console's F1-F5: ESC [ [ A */
            continue;
        if (k >= 0x40)
            break; /* the final byte */
    }
    if (strcmp(seq, "[M") == 0) { /* an X10 mouse report: three raw bytes follow */
        for (int i = 0; i < 3 && r->next(r->ctx, READ_SEQ, &ic) != ERR; i++)
            ;
        return SWALLOWED;
    }
    k = lookup(seq);
    if (k == SWALLOWED)
        k = lookup_modified(seq);
    *is_char = 0;
    return k;
}

/* Decodes what follows an Esc (already read). */
static int decode(reader *r, int *is_char)
{
    int ic = 0, k = r->next(r->ctx, READ_AT_ONCE, &ic);
    *is_char = 0;
    if (k == ERR) { /* nothing came with it: a lone Esc */
        *is_char = 1;
        return 27;
    }
    if (!ic)
        return alt_fkey(k);
    if (k == '[')
        return decode_csi(r, is_char);
    if (k == 'O') {
        char seq[3] = "O";
        int c = r->next(r->ctx, READ_SEQ, &ic);
        if (c == ERR || !ic || c < 0x20 || c > 0x7E)
            return SWALLOWED;
        seq[1] = (char)c;
        return lookup(seq);
    }
    if (k == 27) { /* Esc Esc: Alt plus a sequence, or Esc twice at once (one Esc) */
        k = decode(r, is_char);
        if (k == 27)
            return 27;
        return k > 0 && k < INPUT_META_BASE ? alt_fkey(k) : k;
    }
    if (k == 127 || k == 8)
        return INPUT_META(127);
    if (k >= 0x20 && k < 0x7F)
        return INPUT_META(k);
    return SWALLOWED; /* Alt plus a control or a non-ASCII character */
}

static void paste_add(key_source *in, int cp)
{
    char enc[4];
    size_t n = text_utf8_encode((unsigned)cp, enc);
    if (n == 0 || in->paste_len + n + 1 > PASTE_MAX)
        return;
    if (in->paste_len + n + 1 > in->paste_cap) {
        size_t cap = (in->paste_len + n + 1) * 2;
        char *p = realloc(in->paste, cap);
        if (!p) /* GCOVR_EXCL_BR_LINE: realloc fails only out of memory */
            return; /* GCOVR_EXCL_LINE: out of memory */
        in->paste = p;
        in->paste_cap = cap;
    }
    memcpy(in->paste + in->paste_len, enc, n);
    in->paste_len += n;
    in->paste[in->paste_len] = '\0';
}

static const char *last_paste = "";

/* Reads a bracketed paste up to its end marker (or until the keys stop coming):
 * CR and CRLF become '\n'; function keys other than Enter are dropped. */
static int collect_paste(key_source *in, reader *r)
{
    int ic = 0, after_cr = 0;
    in->paste_len = 0;
    paste_add(in, ' '); /* makes the buffer; taken off below */
    in->paste_len = 0;
    for (;;) {
        int k = r->next(r->ctx, READ_PASTE, &ic);
        if (k == ERR)
            break;
        if (ic && k == 27) {
            int dummy;
            if (decode(r, &dummy) == PASTE_END)
                break;
            continue; /* another sequence inside a paste: dropped */
        }
        if (!ic && k != KEY_ENTER)
            continue;
        if (ic && k == '\n' && after_cr) { /* the LF of a CRLF */
            after_cr = 0;
            continue;
        }
        after_cr = ic && k == '\r';
        paste_add(in, !ic || k == '\r' ? '\n' : k);
    }
    if (in->paste)
        in->paste[in->paste_len] = '\0';
    last_paste = in->paste ? in->paste : "";
    return INPUT_PASTE;
}

const char *input_paste_text(void)
{
    return last_paste;
}

void input_close(key_source *in)
{
    if (in->paste && last_paste == in->paste)
        last_paste = "";
    free(in->keys);
    free(in->paste);
    in->keys = NULL;
    in->paste = NULL;
    in->n = in->pos = in->paste_len = in->paste_cap = 0;
}

/* ---- The three readers ---------------------------------------------------------- */

/* Extended key codes ncurses gives for modified keys terminfo names (kLFT5 ...),
 * mapped to climb's codes at start-up through the sequence table. */
enum { EXT_MAX = 64 };
static struct {
    int code, key;
} ext_keys[EXT_MAX];
static size_t n_ext;

static int map_ext(int code)
{
    for (size_t i = 0; i < n_ext; i++)
        if (ext_keys[i].code == code)
            return ext_keys[i].key;
    return code;
}

static int term_next(void *ctx, read_mode m, int *is_char)
{
    (void)ctx;
    int old = wgetdelay(stdscr);
    wtimeout(stdscr, m == READ_AT_ONCE ? 0 : m == READ_SEQ ? 50 : 500);
    wint_t wc;
    int rc = wget_wch(stdscr, &wc);
    wtimeout(stdscr, old);
    if (rc == ERR)
        return ERR;
    *is_char = rc == OK;
    return *is_char ? (int)wc : map_ext((int)wc);
}

/* From a key file: the rest of a sequence only when it arrived with it. */
static int file_next(void *ctx, read_mode m, int *is_char)
{
    key_source *in = ctx;
    if (in->pos >= in->n)
        return ERR;
    int k = in->keys[in->pos];
    if (k < 0 || (m != READ_PASTE && !(k & BURST_FLAG)))
        return ERR;
    in->pos++;
    *is_char = !(k & FUNC_FLAG);
    return k & ~(FUNC_FLAG | BURST_FLAG);
}

typedef struct {
    const int *keys, *is_fkey;
    size_t n, pos;
} key_array;

static int array_next(void *ctx, read_mode m, int *is_char)
{
    key_array *a = ctx;
    (void)m;
    if (a->pos >= a->n)
        return ERR;
    *is_char = !(a->is_fkey && a->is_fkey[a->pos]);
    return a->keys[a->pos++];
}

int input_decode_keys(const int *keys, const int *is_fkey, size_t n, size_t *used, int *is_char)
{
    key_array a = {keys, is_fkey, n, 0};
    reader r = {array_next, &a};
    int k = decode(&r, is_char);
    *used = a.pos;
    return k == PASTE_END ? SWALLOWED : k; /* a paste's end outside a paste */
}

/* The next key from the file, as it was written (resize tokens included). */
static int file_key(key_source *in, int *is_char)
{
    if (in->pos >= in->n)
        return INPUT_END;
    int k = in->keys[in->pos++];
    if (k == INPUT_RESIZE_TOKEN && in->pos + 2 <= in->n) {
        in->resize_cols = in->keys[in->pos++];
        in->resize_rows = in->keys[in->pos++];
        *is_char = 0;
        return k;
    }
    *is_char = !(k & FUNC_FLAG);
    return k & ~(FUNC_FLAG | BURST_FLAG);
}

int input_next(key_source *in, int *is_char)
{
    reader r = {in->from_file ? file_next : term_next, in};
    for (;;) {
        int k;
        if (in->from_file) {
            k = file_key(in, is_char);
        } else {
            wint_t wc;
            int rc = wget_wch(stdscr, &wc);
            if (rc == ERR)
                return ERR;
            *is_char = rc == OK;
            k = *is_char ? (int)wc : map_ext((int)wc);
        }
        if (!*is_char || k != 27)
            return k;
        k = decode(&r, is_char);
        if (k == INPUT_PASTE)
            return *is_char = 0, collect_paste(in, &r);
        if (k != SWALLOWED && k != PASTE_END)
            return k;
        /* a swallowed sequence: read on */
    }
}

/* ---- Terminal set-up -------------------------------------------------------------- */

static int paste_on, terminal_set;

/* 1 when the terminal understands xterm's private modes (bracketed paste). */
static int xterm_like(void)
{
    const char *term = getenv("TERM");
    char *kmous = tigetstr("kmous");
    if (kmous && kmous != (char *)-1 && *kmous)
        return 1;
    return term && (strncmp(term, "xterm", 5) == 0 || strncmp(term, "tmux", 4) == 0 ||
                    strncmp(term, "screen", 6) == 0);
}

static void learn_key(const char *seq, int key)
{
    char full[SEQ_MAX + 1];
    snprintf(full, sizeof full, "\033%s", seq);
    int code = key_defined(full);
    if (code > 0 && code != key && n_ext < EXT_MAX && key > 0) {
        ext_keys[n_ext].code = code;
        ext_keys[n_ext++].key = key;
    }
}

void input_terminal_start(void)
{
    static const char finals[] = "ABCDHF";
    n_ext = 0;
    for (int mod = 2; mod <= 8; mod++) { /* ESC [ 1 ; m X and ESC [ n ; m ~ */
        char seq[SEQ_MAX];
        for (const char *f = finals; *f; f++) {
            char base[4] = {'[', *f, 0, 0};
            snprintf(seq, sizeof seq, "[1;%d%c", mod, *f);
            learn_key(seq, with_modifier(lookup(base), mod));
        }
        for (int n = 1; n <= 8; n++) {
            char base[16];
            snprintf(base, sizeof base, "[%d~", n);
            snprintf(seq, sizeof seq, "[%d;%d~", n, mod);
            learn_key(seq, with_modifier(lookup(base), mod));
        }
    }
    for (size_t i = 0; i < sizeof SEQUENCES / sizeof *SEQUENCES; i++)
        if (SEQUENCES[i].key >= INPUT_KEY_WORD_LEFT)
            learn_key(SEQUENCES[i].seq, SEQUENCES[i].key);
    terminal_set = 1;
    paste_on = xterm_like();
    if (paste_on) {
        char *be = tigetstr("BE");
        putp(be && be != (char *)-1 && *be ? be : "\033[?2004h");
        fflush(stdout); /* putp writes through stdio (putchar), which curses never flushes */
    }
}

int input_terminal_end(void)
{
    int was = terminal_set;
    terminal_set = 0;
    if (!paste_on)
        return was;
    char *bd = tigetstr("BD");
    putp(bd && bd != (char *)-1 && *bd ? bd : "\033[?2004l");
    fflush(stdout);
    paste_on = 0;
    return was;
}
