/* quiz.h - the self-assessment quiz as pure logic: answer words, parsing an
 * answer list, and placing a set of answers on the ladder with the content's
 * placement bands (data, tried in order, first match wins). No SQL, no curses. */
#ifndef CLIMB_QUIZ_H
#define CLIMB_QUIZ_H

#include "climb/content.h"

#include <stddef.h>

typedef enum { ANSWER_NO, ANSWER_ONCE, ANSWER_REGULARLY, ANSWER_COUNT } quiz_answer;

/* The most questions a ladder's quiz may have for these functions. */
enum { QUIZ_MAX_QUESTIONS = 32 };

/* "no", "once", "regularly": the words stored and typed in --answers. */
const char *quiz_answer_word(quiz_answer a);
/* "No", "Yes, once", "Yes, regularly": what a person is shown. */
const char *quiz_answer_label(quiz_answer a);
/* 0 and *out for one of the three words (exact, lower case), else -1. */
int quiz_answer_parse(const char *word, quiz_answer *out);

/* Parses "no,once,regularly,no,no": exactly `expected` comma-separated words.
 * Returns 0, or -1 with what is wrong in err. */
int quiz_parse_answers(const char *list, size_t expected, quiz_answer *out, char *err,
                       size_t errlen);
/* Formats answers as the comma-separated words into buf. */
void quiz_format_answers(const quiz_answer *answers, size_t n, char *buf, size_t len);

typedef struct {
    int yes;                 /* answers "once" or "regularly" */
    int regularly;           /* answers "regularly" */
    int phase;               /* 1-based phase number */
    int on_edge_of;          /* phase number, 0 when off the band boundaries */
    const climb_band *band;  /* the band that matched */
} quiz_placement;

/* Counts the answers and finds the first band that matches. Returns 0, or -1 when
 * no band matches (a content gap) or n is not the ladder's number of questions. */
int quiz_place(const climb_ladder *l, const quiz_answer *answers, size_t n,
               quiz_placement *out);

/* What the content says to do from `phase` (where to start), or NULL. */
const char *quiz_advice(const climb_ladder *l, int phase);
/* "Phase 3 (Senior)" or "Phase 3 (Senior), on the edge of Phase 4". */
void quiz_describe(const climb_ladder *l, int phase, int on_edge_of, char *buf, size_t len);
/* Which answers decided the placement, in one or two sentences: the questions
 * answered yes and regularly, and, on a boundary, what the next phase needs. */
void quiz_reason(const climb_ladder *l, const quiz_answer *answers, size_t n,
                 const quiz_placement *p, char *buf, size_t len);

/* One attempt as recorded (see store_quiz.h). */
typedef struct {
    long long id;
    char event_uuid[37];
    long long taken_at;
    char answers[QUIZ_MAX_QUESTIONS * 10]; /* "no,once,regularly,no,no" */
    int yes, regularly;
    int phase;
    int on_edge_of;  /* 0 when off the band boundaries (NULL in the table) */
} quiz_attempt;

/* Called for each attempt of a list; returns 0 to go on. */
typedef int (*quiz_attempt_fn)(void *ctx, const quiz_attempt *a);

#endif
