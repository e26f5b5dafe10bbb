/* wrap_cache.c - a small least-recently-used cache of wrapped text. */
#include "climb/wrap_cache.h"

#include <stdlib.h>
#include <string.h>

enum { ENTRIES = 128 };

typedef struct {
    const char *key;   /* the caller's pointer */
    char *copy;        /* the text it had */
    char *safe;
    int width;
    text_span lines[WRAP_CACHE_LINES];
    size_t total;
    unsigned long used;
} entry;

static entry cache[ENTRIES];
static unsigned long clock_hand;

static void drop(entry *e)
{
    free(e->copy);
    free(e->safe);
    memset(e, 0, sizeof *e);
}

void wrap_cache_clear(void)
{
    for (int i = 0; i < ENTRIES; i++)
        drop(&cache[i]);
}

static void serve(entry *e, wrapped_text *out)
{
    e->used = ++clock_hand;
    out->safe = e->safe;
    out->lines = e->lines;
    out->total = e->total;
    out->stored = e->total < WRAP_CACHE_LINES ? e->total : WRAP_CACHE_LINES;
}

int wrap_cache_get(const char *s, int width, wrapped_text *out)
{
    entry *victim = &cache[0];
    if (width < 1)
        width = 1;
    entry *same_key = NULL;
    for (int i = 0; i < ENTRIES; i++) {
        entry *e = &cache[i];
        if (e->key == s && e->width == width) {
            if (strcmp(e->copy, s) == 0) {
                serve(e, out);
                return 0;
            }
            same_key = e; /* a buffer reused with new text: replace its entry */
        }
        if (e->used < victim->used)
            victim = e;
    }
    if (same_key)
        victim = same_key;
    drop(victim);
    victim->copy = strdup(s);
    victim->safe = text_visible(s, 1);
    if (!victim->copy || !victim->safe) {
        drop(victim);
        return -1;
    }
    victim->key = s;
    victim->width = width;
    victim->total = text_wrap(victim->safe, width, victim->lines, WRAP_CACHE_LINES);
    serve(victim, out);
    return 0;
}
