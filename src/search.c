/* search.c - case-insensitive, UTF-8 safe search over the ladder's content and the
 * person's notes, one hit per matching field, and one-line excerpts of the hits
 * for the results list. No curses, no SQL. */
#include "climb/search.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* Code points above Unicode stand for bytes that are not valid UTF-8, so that
 * they only ever match themselves. */
enum { BAD_BYTE_BASE = 0x110000 };

/* Decodes one code point at s; returns its byte length (1 for an invalid byte,
 * which decodes to BAD_BYTE_BASE + the byte). s is NUL-terminated. */
static size_t decode(const unsigned char *s, unsigned *cp)
{
    size_t n = text_utf8_decode((const char *)s, 4, cp);
    if (n == 0) {
        *cp = BAD_BYTE_BASE + s[0];
        return 1;
    }
    return n;
}

static unsigned fold(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    if (cp >= BAD_BYTE_BASE)
        return cp;
    return (unsigned)towlower((wint_t)cp);
}

long search_find(const char *hay, const char *needle, size_t *len)
{
    const unsigned char *h = (const unsigned char *)hay, *nd = (const unsigned char *)needle;
    if (!hay || !needle || !*needle)
        return -1;
    for (size_t i = 0; h[i];) {
        size_t k = i, j = 0;
        while (nd[j] && h[k]) {
            unsigned a, b;
            size_t na = decode(h + k, &a), nb = decode(nd + j, &b);
            if (fold(a) != fold(b))
                break;
            k += na;
            j += nb;
        }
        if (!nd[j]) {
            *len = k - i;
            return (long)i;
        }
        unsigned cp;
        i += decode(h + i, &cp);
    }
    return -1;
}

static int add_hit(search_results *r, search_kind kind, int index, int sub, const char *field,
                   const char *text, const char *query)
{
    size_t len;
    long at = search_find(text, query, &len);
    if (at < 0)
        return 0;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        search_hit *grown = realloc(r->hits, cap * sizeof *grown);
        if (!grown) /* GCOVR_EXCL_BR_LINE: only out of memory */
            return -1;
        r->hits = grown;
        r->cap = cap;
    }
    r->hits[r->n++] = (search_hit){kind, index, sub, field, text, (size_t)at, len};
    return 0;
}

static int search_levels(const climb_ladder *l, const char *q, search_results *r)
{
    int rc = 0;
    for (size_t i = 0; i < l->n_levels && !rc; i++) {
        const climb_level *lv = &l->levels[i];
        rc = add_hit(r, HIT_LEVEL, (int)i, -1, "Level", lv->name, q) ||
             add_hit(r, HIT_LEVEL, (int)i, -1, "Unlocks", lv->unlocks, q) ||
             add_hit(r, HIT_LEVEL, (int)i, -1, "Plateau", lv->plateau, q);
    }
    return rc;
}

static int search_criteria(const climb_ladder *l, const climb_model *m, size_t p, const char *q,
                           search_results *r)
{
    const climb_phase *ph = &l->phases[p];
    for (size_t i = 0; i < ph->n_criteria; i++) {
        if (add_hit(r, HIT_CRITERION, (int)p, (int)i, "Criterion", ph->criteria[i].text, q))
            return -1;
        if (!m)
            continue;
        const model_crit *mc = model_crit_at(m, p, i);
        if (add_hit(r, HIT_NOTE, (int)p, (int)i, "Note", mc->note, q) ||
            add_hit(r, HIT_NOTE, (int)p, (int)i, "Reason it does not apply", mc->reason, q))
            return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
    }
    return 0;
}

/* Each phase: its title, summary, comparison table and advice, then its criteria
 * with the person's notes beside them. */
static int search_phases(const climb_ladder *l, const climb_model *m, const char *q,
                         search_results *r)
{
    for (size_t p = 0; p < l->n_phases; p++) {
        const climb_phase *ph = &l->phases[p];
        int ip = (int)p;
        if (add_hit(r, HIT_PHASE, ip, -1, "Phase", ph->title, q) ||
            add_hit(r, HIT_PHASE, ip, -1, "Summary", ph->summary, q))
            return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
        for (int d = 0; d < CLIMB_DIMENSIONS; d++)
            if (add_hit(r, HIT_PHASE, ip, -1, climb_dimension_labels[d], ph->before[d], q) ||
                add_hit(r, HIT_PHASE, ip, -1, climb_dimension_labels[d], ph->now[d], q))
                return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
        if (l->phase_advice && add_hit(r, HIT_PHASE, ip, -1, "Where to start",
                                       l->phase_advice[p], q))
            return -1;
        if (search_criteria(l, m, p, q, r)) /* GCOVR_EXCL_BR_LINE: fails only out of memory */
            return -1;
    }
    return 0;
}

static int search_reference(const climb_ladder *l, const char *q, search_results *r)
{
    for (size_t i = 0; i < l->n_questions; i++)
        if (add_hit(r, HIT_QUESTION, (int)i, -1, "Quiz question", l->questions[i].text, q))
            return -1;
    for (size_t i = 0; i < l->n_roadblocks; i++) {
        const climb_roadblock *rb = &l->roadblocks[i];
        if (add_hit(r, HIT_ROADBLOCK, (int)i, -1, "Roadblock", rb->title, q) ||
            add_hit(r, HIT_ROADBLOCK, (int)i, -1, "Why it happens", rb->why, q) ||
            add_hit(r, HIT_ROADBLOCK, (int)i, -1, "What unlocks it", rb->unlock, q))
            return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
    }
    if (l->roadblocks_intro &&
        add_hit(r, HIT_ROADBLOCK, -1, -1, "Reading the roadblocks", l->roadblocks_intro, q))
        return -1;
    if (add_hit(r, HIT_RESOURCE, -1, -1, "Advice on resources", l->resources_advice, q))
        return -1;
    for (size_t i = 0; i < l->n_resources; i++)
        if (add_hit(r, HIT_RESOURCE, (int)i, -1, "Resource", l->resources[i].name, q) ||
            add_hit(r, HIT_RESOURCE, (int)i, -1, "When it is worth it", l->resources[i].what, q))
            return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
    for (size_t i = 0; i < l->n_faqs; i++)
        if (add_hit(r, HIT_FAQ, (int)i, -1, "Question", l->faqs[i].question, q) ||
            add_hit(r, HIT_FAQ, (int)i, -1, "Answer", l->faqs[i].answer, q))
            return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
    for (size_t i = 0; i < l->n_timelines; i++)
        if (add_hit(r, HIT_TIMELINE, (int)i, -1, "Why it takes this long", l->timelines[i].why,
                    q))
            return -1;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int search_run(const climb_ladder *l, const climb_model *m, const char *query,
               search_results *out)
{
    memset(out, 0, sizeof *out);
    while (is_space(*query))
        query++;
    size_t n = strlen(query);
    while (n > 0 && is_space(query[n - 1]))
        n--;
    if (n == 0)
        return 0;
    char *q = malloc(n + 1);
    if (!q) /* GCOVR_EXCL_BR_LINE: only out of memory */
        return -1;
    memcpy(q, query, n);
    q[n] = '\0';
    int rc = search_levels(l, q, out) || search_phases(l, m, q, out) ||
             search_reference(l, q, out);
    free(q);
    if (rc) { /* GCOVR_EXCL_BR_LINE: only out of memory */
        search_results_free(out); /* GCOVR_EXCL_LINE: as above */
        return -1; /* GCOVR_EXCL_LINE: add_hit fails only when memory runs out */
    }
    return 0;
}

void search_results_free(search_results *r)
{
    free(r->hits);
    memset(r, 0, sizeof *r);
}

const char *search_kind_name(search_kind k)
{
    static const char *const NAMES[HIT_KIND_COUNT] = {
        "Level", "Phase", "Criterion", "Note", "Question", "Roadblock", "Resource", "FAQ",
        "Timeline"};
    return (unsigned)k < HIT_KIND_COUNT ? NAMES[k] : "?";
}

/* Where the excerpt starts: up to `lead` characters before the match, moved
 * forward to the start of a word when one begins before the match. */
static size_t excerpt_start(const char *s, size_t match_at, int lead)
{
    size_t start = match_at;
    for (int k = 0; k < lead && start > 0; k++) {
        start--;
        while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
            start--;
    }
    if (start == 0)
        return 0;
    for (size_t i = start; i < match_at; i++)
        if (is_space(s[i]))
            return i + 1;
    return start;
}

void search_excerpt(const search_hit *h, int lead, char *buf, size_t len, size_t *hl_at,
                    size_t *hl_len)
{
    const char *s = h->text;
    size_t match_end = h->match_at + h->match_len, o = 0;
    size_t i = excerpt_start(s, h->match_at, lead);
    *hl_at = *hl_len = 0;
    if (len == 0)
        return;
    while (i < h->match_at && is_space(s[i]))
        i++;
    if (i > 0 && len > 4) {
        memcpy(buf, "...", 3);
        o = 3;
    }
    int in_space = 0;
    while (s[i]) {
        if (i == h->match_at)
            *hl_at = o;
        if (i == match_end)
            *hl_len = o - *hl_at;
        if (is_space(s[i])) {
            i++;
            if (in_space)
                continue;
            in_space = 1;
            if (o + 1 >= len)
                break;
            buf[o++] = ' ';
            continue;
        }
        in_space = 0;
        unsigned cp;
        size_t n = decode((const unsigned char *)s + i, &cp);
        if (o + n >= len)
            break;
        memcpy(buf + o, s + i, n);
        o += n;
        i += n;
    }
    if (i == match_end && s[i] == '\0')
        *hl_len = o - *hl_at;
    if (*hl_len == 0 && *hl_at <= o && i > h->match_at && i < match_end)
        *hl_len = o - *hl_at; /* the buffer ended inside the match */
    buf[o] = '\0';
}
