/* input.c - key sources for the TUI: the terminal through wget_wch, or a parsed
 * key file (read from a path or from memory) for headless runs and the fuzzer. */
#include "climb/input.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Fixed-size key codes mark whether a slot is a function key (bit 30 set). */
enum { FUNC_FLAG = 1 << 30 };

static int push(key_source *in, size_t *cap, int key)
{
    if (in->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        int *k = realloc(in->keys, ncap * sizeof *k);
        if (!k)
            return -1;
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
    if (!text) {
        snprintf(err, errlen, "out of memory reading keys");
        return -1;
    }
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
            if (!nt)
                break;
            text = nt;
        }
        memcpy(text + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!text && len == 0)
        text = calloc(1, 1);
    if (!text) {
        snprintf(err, errlen, "out of memory reading %s", path);
        return -1;
    }
    text[len] = '\0';
    int rc = open_text(in, text, err, errlen);
    free(text);
    return rc;
}

void input_close(key_source *in)
{
    free(in->keys);
    in->keys = NULL;
    in->n = in->pos = 0;
}

int input_next(key_source *in, int *is_char)
{
    if (in->from_file) {
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
        return k & ~FUNC_FLAG;
    }
    wint_t wc;
    int rc = wget_wch(stdscr, &wc);
    if (rc == ERR)
        return ERR;
    *is_char = rc == OK;
    return (int)wc;
}
