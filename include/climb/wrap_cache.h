/* wrap_cache.h - word-wrapped, made-visible text, kept for the strings drawn
 * again and again (the ladder's wording, notes) so a repaint does not wrap the
 * same text each time. Entries are keyed by the string's address and width and
 * checked against a copy of its text, so a changed or reused string is never
 * served stale. No curses here. */
#ifndef CLIMB_WRAP_CACHE_H
#define CLIMB_WRAP_CACHE_H

#include "climb/text.h"

enum { WRAP_CACHE_LINES = 64 };

typedef struct {
    const char *safe;         /* the text with control characters made visible */
    const text_span *lines;   /* its lines at the width asked (the first 64) */
    size_t stored, total;     /* lines stored, lines in all */
} wrapped_text;

/* Wraps s at width (>= 1), from the cache when it can. Returns 0, or -1 when out
 * of memory. The result is valid until the next call. */
int wrap_cache_get(const char *s, int width, wrapped_text *out);
/* Frees every entry (at exit, for leak checkers). */
void wrap_cache_clear(void);

#endif
