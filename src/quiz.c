/* quiz.c - placement from quiz answers: answer words, parsing "no,once,...",
 * counting yes/regularly answers and matching them against the ladder's bands,
 * and the sentences that explain a placement. Pure logic: no SQL, no curses. */
#include "climb/quiz.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const WORDS[ANSWER_COUNT] = {"no", "once", "regularly"};
static const char *const LABELS[ANSWER_COUNT] = {"No", "Yes, once", "Yes, regularly"};

const char *quiz_answer_word(quiz_answer a)
{
    return (unsigned)a < ANSWER_COUNT ? WORDS[a] : "no";
}

const char *quiz_answer_label(quiz_answer a)
{
    return (unsigned)a < ANSWER_COUNT ? LABELS[a] : "No";
}

int quiz_answer_parse(const char *word, quiz_answer *out)
{
    for (int i = 0; i < ANSWER_COUNT; i++) {
        if (strcmp(word, WORDS[i]) == 0) {
            *out = (quiz_answer)i;
            return 0;
        }
    }
    return -1;
}

int quiz_parse_answers(const char *list, size_t expected, quiz_answer *out, char *err,
                       size_t errlen)
{
    size_t count = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char word[16];
        if (count < expected) {
            if (len == 0 || len >= sizeof word) {
                snprintf(err, errlen, "answer %zu is %s; use no, once or regularly", count + 1,
                         len == 0 ? "empty" : "not one of the words");
                return -1;
            }
            memcpy(word, p, len);
            word[len] = '\0';
            if (quiz_answer_parse(word, &out[count])) {
                snprintf(err, errlen, "answer %zu is '%s'; use no, once or regularly",
                         count + 1, word);
                return -1;
            }
        }
        count++;
        if (!end)
            break;
        p = end + 1;
    }
    if (count != expected) {
        snprintf(err, errlen, "expected %zu answers (one per question), got %zu", expected,
                 count);
        return -1;
    }
    return 0;
}

void quiz_format_answers(const quiz_answer *answers, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    if (len == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? "," : "",
                         quiz_answer_word(answers[i]));
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
    }
}

int quiz_place(const climb_ladder *l, const quiz_answer *answers, size_t n,
               quiz_placement *out)
{
    memset(out, 0, sizeof *out);
    if (n != l->n_questions)
        return -1;
    for (size_t i = 0; i < n; i++) {
        out->yes += answers[i] != ANSWER_NO;
        out->regularly += answers[i] == ANSWER_REGULARLY;
    }
    for (size_t b = 0; b < l->n_bands; b++) {
        const climb_band *band = &l->bands[b];
        if (out->yes >= band->yes_min && out->yes <= band->yes_max &&
            out->regularly >= band->regularly_min) {
            out->phase = band->phase;
            out->on_edge_of = band->on_edge_of;
            out->band = band;
            return 0;
        }
    }
    return -1;
}

const char *quiz_advice(const climb_ladder *l, int phase)
{
    if (phase < 1 || (size_t)phase > l->n_phases || !l->phase_advice)
        return NULL;
    return l->phase_advice[phase - 1];
}

/* The name of the level phase `phase` is, or "?". */
static const char *phase_level_name(const climb_ladder *l, int phase)
{
    const climb_phase *ph = content_phase(l, phase);
    const climb_level *lv = ph ? content_level(l, ph->level) : NULL;
    return lv ? lv->name : "?";
}

void quiz_describe(const climb_ladder *l, int phase, int on_edge_of, char *buf, size_t len)
{
    if (on_edge_of)
        snprintf(buf, len, "Phase %d (%s), on the edge of Phase %d", phase,
                 phase_level_name(l, phase), on_edge_of);
    else
        snprintf(buf, len, "Phase %d (%s)", phase, phase_level_name(l, phase));
}

/* Appends printf-style text to buf, which holds *used bytes. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void append(char *buf, size_t len, size_t *used, const char *fmt, ...)
{
    if (*used >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + *used, len - *used, fmt, ap);
    va_end(ap);
    if (w > 0)
        *used = *used + (size_t)w < len ? *used + (size_t)w : len - 1;
}

/* Appends " (1, 2 and 5)": the numbers of the questions whose answer is in [lo, hi]. */
static void append_numbers(char *buf, size_t len, size_t *used, const quiz_answer *answers,
                           size_t n, quiz_answer lo)
{
    size_t total = 0, k = 0;
    for (size_t i = 0; i < n; i++)
        total += answers[i] >= lo;
    if (total == 0)
        return;
    append(buf, len, used, " (question%s ", total > 1 ? "s" : "");
    for (size_t i = 0; i < n; i++) {
        if (answers[i] < lo)
            continue;
        k++;
        append(buf, len, used, "%s%zu", k == 1 ? "" : k == total ? " and " : ", ", i + 1);
    }
    append(buf, len, used, ")");
}

/* The band that would place these answers in `phase` but for its regularly_min. */
static const climb_band *band_needing_regular(const climb_ladder *l, int phase,
                                              const quiz_placement *p)
{
    for (size_t b = 0; b < l->n_bands; b++) {
        const climb_band *band = &l->bands[b];
        if (band->phase == phase && p->yes >= band->yes_min && p->yes <= band->yes_max &&
            band->regularly_min > p->regularly)
            return band;
    }
    return NULL;
}

void quiz_reason(const climb_ladder *l, const quiz_answer *answers, size_t n,
                 const quiz_placement *p, char *buf, size_t len)
{
    size_t used = 0;
    if (len == 0)
        return;
    buf[0] = '\0';
    if (p->yes == 0) {
        append(buf, len, &used, "You answered No to all %zu questions.", n);
    } else {
        append(buf, len, &used, "You answered yes to %d of %zu", p->yes, n);
        append_numbers(buf, len, &used, answers, n, ANSWER_ONCE);
        if (p->regularly == 0)
            append(buf, len, &used, ", none of them regularly.");
        else {
            append(buf, len, &used, ", %d of them regularly", p->regularly);
            append_numbers(buf, len, &used, answers, n, ANSWER_REGULARLY);
            append(buf, len, &used, ".");
        }
    }
    if (!p->on_edge_of)
        return;
    const climb_band *need = band_needing_regular(l, p->on_edge_of, p);
    if (need)
        append(buf, len, &used,
               " Phase %d needs at least %d answered regularly, so you start at Phase %d,"
               " on its edge.",
               p->on_edge_of, need->regularly_min, p->phase);
    else
        append(buf, len, &used,
               " %d yes answer%s sit%s where Phase %d and Phase %d overlap, so you start at"
               " the lower one, on the edge of the next.",
               p->yes, p->yes == 1 ? "" : "s", p->yes == 1 ? "s" : "", p->phase,
               p->on_edge_of);
}
