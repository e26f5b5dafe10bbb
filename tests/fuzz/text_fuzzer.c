/* text_fuzzer.c - libFuzzer harness for the text helpers on arbitrary bytes: the
 * first byte picks the wrap width (-8..247), the second whether text_visible keeps
 * newlines; the rest is the text (cut at the first NUL for the string helpers).
 * Checks: text_utf8_valid agrees with a byte-by-byte decode; text_visible output
 * is valid UTF-8 with no control character but the kept newlines; text_width and
 * text_fit stay in range; text_wrap's lines lie inside the string, in order, and
 * cover it: what falls between lines is only spaces and line breaks. */
#include "climb/text.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"

static void check_valid(const char *s, size_t len)
{
    size_t bad = (size_t)-1, i = 0;
    int ok = text_utf8_valid(s, len, &bad);
    while (i < len) {
        unsigned cp;
        size_t n = text_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            break;
        need(n <= 4 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
        char enc[4];
        need(text_utf8_encode(cp, enc) == n && memcmp(enc, s + i, n) == 0);
        i += n;
    }
    need(ok == (i == len));
    if (!ok)
        need(bad == i);
}

static void check_visible(const char *s, int keep)
{
    char *v = text_visible(s, keep);
    need(v != NULL);
    size_t n = strlen(v);
    need(text_utf8_valid(v, n, NULL));
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = text_utf8_decode(v + i, n - i, &cp);
        need(k > 0);
        if (cp == '\n')
            need(keep);
        else
            need(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0));
        i += k;
    }
    free(v);
}

static void check_wrap(const char *s, int width)
{
    size_t len = strlen(s), max = len + 2;
    text_span *lines = malloc(max * sizeof *lines);
    need(lines != NULL);
    size_t n = text_wrap(s, width, lines, max);
    need(n >= 1 && n <= max);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        need(lines[i].start >= pos && lines[i].start <= len);
        need(lines[i].len <= len - lines[i].start);
        for (size_t k = pos; k < lines[i].start; k++) /* the gap: spaces, line breaks */
            need(s[k] == ' ' || s[k] == '\n');
        pos = lines[i].start + lines[i].len;
        /* a line is no wider than asked, unless it is one character */
        int w = text_width_n(s + lines[i].start, lines[i].len);
        if (w > (width < 1 ? 1 : width))
            need(text_fit(s + lines[i].start, lines[i].len, w) == lines[i].len &&
                 lines[i].len <= 4);
    }
    for (size_t k = pos; k < len; k++)
        need(s[k] == ' ' || s[k] == '\n');
    if (n > 1) /* storing fewer lines counts the same */
        need(text_wrap(s, width, lines, 1) == n);
    free(lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        setlocale(LC_ALL, "C.UTF-8");
        init = 1;
    }
    if (size < 2)
        return 0;
    int width = (int)data[0] - 8, keep = data[1] & 1;
    const char *raw = (const char *)data + 2;
    size_t rawlen = size - 2;
    check_valid(raw, rawlen);
    char *s = malloc(rawlen + 1);
    need(s != NULL);
    memcpy(s, raw, rawlen);
    s[rawlen] = '\0';
    size_t len = strlen(s);
    check_visible(s, keep);
    int w = text_width(s);
    need(w >= 0 && (size_t)w <= 2 * len);
    need(text_width_n(s, len) == w);
    size_t fit = text_fit(s, len, width);
    need(fit <= len && text_width_n(s, fit) <= (width < 0 ? 0 : width));
    check_wrap(s, width);
    free(s);
    return 0;
}
