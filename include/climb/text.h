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

/* 1 for a code point that must never reach a terminal or a file raw: C0 controls
 * (tab and newline included), DEL, C1 controls, and the bidi embedding, override
 * and isolate controls U+202A-U+202E and U+2066-U+2069 (which reorder what a
 * person sees). */
int text_is_control(unsigned cp);

/* The one rule for text coming into climb (arguments, stdin, files, imports):
 * s[0..len) is valid UTF-8 with no NUL, no control character other than newline
 * and tab, and no bidi override or isolate control. Returns 0, or -1 with *why
 * (when not NULL) saying what is wrong, e.g. "contains a NUL byte". */
int text_check_input(const char *s, size_t len, const char **why);

/* What text_visible may keep as is (combine with |). */
enum { TEXT_KEEP_NEWLINES = 1, TEXT_KEEP_TABS = 2 };

/* The one gate for text leaving climb (terminal, Markdown, CSV): a newly
 * allocated copy of s in which every control (text_is_control) is visible: C0 as
 * ^X (DEL ^?), C1 and bidi controls <U+0085>-style, invalid bytes \xNN. keep
 * (TEXT_KEEP_*) lets '\n' and/or '\t' through. Returns NULL only on ENOMEM. */
char *text_visible(const char *s, int keep);

/* The same gate for HTML: text_visible(s, keep), then '&', '<', '>' and '"'
 * written as &amp; &lt; &gt; &quot;, safe in element content and in a quoted
 * attribute value. Newly allocated; NULL only on ENOMEM. */
char *text_html_escape(const char *s, int keep);

/* Display columns of the (valid UTF-8) string as climb draws it on a terminal,
 * counting wide characters as 2 and anything unprintable as 1; an emoji sequence
 * counts as its first emoji, a regional indicator as 1 (see text_terminal_form).
 * Requires setlocale(LC_CTYPE, "") for non-ASCII. */
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

/* Byte length of the unit at s (n > 0 bytes): one code point with what a terminal
 * may fold into it (variation selectors, skin tones, ZWJ-joined emoji, tags), so
 * that cutting and wrapping never split an emoji sequence. */
size_t text_unit_len(const char *s, size_t n);

/* The form of s[0..n) that climb hands to the terminal, into out (at most n
 * bytes; returns its length): of each unit only its first code point, and a
 * regional indicator as its letter A-Z, so the cells ncurses counts are the cells
 * every terminal draws (an emoji ZWJ sequence as its first emoji, a flag as two
 * letters). Widths from text_width agree with it. */
size_t text_terminal_form(const char *s, size_t n, char *out);

/* Byte length of the longest prefix of s that fits in `width` columns. */
size_t text_fit(const char *s, size_t n, int width);

#endif
