/* text.h - UTF-8 text helpers shared by every layer: validation, display width,
 * making control characters visible, and word wrapping. No curses here. */
#ifndef CLIMB_TEXT_H
#define CLIMB_TEXT_H

#include <stddef.h>

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates); else 0 and
 * *bad_offset (when not NULL) is the byte offset of the first bad sequence. */
int text_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Decodes one UTF-8 sequence at s (at most n bytes; a NUL ends it early):
 * returns its length and stores the code point, or 0 for an invalid or cut
 * sequence. */
size_t text_utf8_decode(const char *s, size_t n, unsigned *cp);

/* Encodes code point cp as UTF-8 into out; returns its length, or 0 when cp is
 * not a character (a surrogate or above U+10FFFF). */
size_t text_utf8_encode(unsigned cp, char out[4]);

/* A newly allocated copy of s that is safe to show on a terminal: control
 * characters become ^X (DEL ^?), C1 controls <U+0085>-style, invalid bytes \xNN.
 * When keep_newlines is set, '\n' is kept as is. Returns NULL only on ENOMEM. */
char *text_visible(const char *s, int keep_newlines);

/* Display columns of the (valid UTF-8) string, counting wide characters as 2 and
 * anything unprintable as 1. Requires setlocale(LC_CTYPE, "") for non-ASCII. */
int text_width(const char *s);
/* Width of the first n bytes. */
int text_width_n(const char *s, size_t n);

/* Word wrapping: splits s into lines of at most `width` columns, breaking at
 * spaces where it can and inside a word only when the word is wider than the
 * line. Explicit '\n' starts a new line. Each line is a byte range of s.
 * Returns the number of lines (which may exceed max; only max are stored). */
typedef struct {
    size_t start;
    size_t len;
} text_span;
size_t text_wrap(const char *s, int width, text_span *lines, size_t max);

/* Byte length of the longest prefix of s that fits in `width` columns. */
size_t text_fit(const char *s, size_t n, int width);

#endif
