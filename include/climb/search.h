/* search.h - finding text across the ladder (levels, phases with their comparison
 * tables, criteria, quiz questions, roadblocks, resources, FAQs, timelines) and
 * the person's own words (criterion notes and n/a reasons). Case-insensitive and
 * UTF-8 safe; pure logic, no curses and no SQL. */
#ifndef CLIMB_SEARCH_H
#define CLIMB_SEARCH_H

#include "climb/content.h"
#include "climb/model.h"

#include <stddef.h>

typedef enum {
    HIT_LEVEL,     /* index = level */
    HIT_PHASE,     /* index = phase (0-based) */
    HIT_CRITERION, /* index = phase, sub = criterion */
    HIT_NOTE,      /* the person's note or n/a reason: index = phase, sub = criterion */
    HIT_QUESTION,  /* index = question */
    HIT_ROADBLOCK, /* index = roadblock */
    HIT_RESOURCE,  /* index = resource */
    HIT_FAQ,       /* index = faq */
    HIT_TIMELINE,  /* index = timeline */
    HIT_KIND_COUNT
} search_kind;

typedef struct {
    search_kind kind;
    int index;
    int sub;              /* criterion index, else -1 */
    const char *field;    /* what matched, as shown: "Unlocks", "Why it happens", "Note" */
    const char *text;     /* the whole matching text (borrowed from the ladder/model) */
    size_t match_at;      /* byte offset of the first match in text */
    size_t match_len;     /* its length in bytes */
} search_hit;

typedef struct {
    search_hit *hits;
    size_t n, cap;
} search_results;

/* Finds needle in hay ignoring case (Unicode simple case folding through
 * towlower, so it needs a UTF-8 LC_CTYPE for non-ASCII letters). Invalid bytes
 * only match themselves. Returns the byte offset of the first match and stores
 * its byte length in *len, or -1. An empty needle never matches. */
long search_find(const char *hay, const char *needle, size_t *len);

/* Fills out with one hit per field that contains query (leading and trailing
 * spaces ignored), in reading order: levels, phases, criteria, notes, questions,
 * roadblocks, resources, FAQs, timelines. m may be NULL (content only). Returns 0,
 * or -1 when out of memory (out is then empty). out must be freed. */
int search_run(const climb_ladder *l, const climb_model *m, const char *query,
               search_results *out);
void search_results_free(search_results *r);

/* "Level", "Phase", "Criterion", "Note", "Question", "Roadblock", ... */
const char *search_kind_name(search_kind k);

/* A one-line excerpt of the hit's text for a results list: white space runs
 * (including line breaks) become one space, and the excerpt starts up to about
 * `lead` characters before the match (at a word start, with "..." when cut).
 * Stores in *hl_at and *hl_len where the match lies in buf. Truncates safely at a
 * character boundary when buf is small. */
void search_excerpt(const search_hit *h, int lead, char *buf, size_t len, size_t *hl_at,
                    size_t *hl_len);

#endif
