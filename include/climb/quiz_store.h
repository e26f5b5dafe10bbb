/* quiz_store.h - quiz attempts in the database: recording one (the attempt row and
 * its 'quiz' event in one transaction), the latest one, and all of them newest
 * first. Every attempt is kept; nothing here edits or deletes one. */
#ifndef CLIMB_QUIZ_STORE_H
#define CLIMB_QUIZ_STORE_H

#include "climb/quiz.h"
#include "climb/store.h"

typedef struct {
    long long id;
    char event_uuid[37];
    long long taken_at;
    char answers[QUIZ_MAX_QUESTIONS * 10]; /* "no,once,regularly,no,no" */
    int yes, regularly;
    int phase;
    int on_edge_of;  /* 0 when off the band boundaries (NULL in the table) */
} quiz_attempt;

/* Records an attempt: the quiz_attempts row and its 'quiz' event in one BEGIN
 * IMMEDIATE transaction. Fills *out (may be NULL). Returns 0 or -1 (message in
 * store_error). */
int quiz_store_record(climb_store *st, long long profile_id, long long now,
                      const quiz_answer *answers, size_t n, const quiz_placement *p,
                      quiz_attempt *out);
/* The latest attempt: 0 and *out, 1 when there is none, -1 on error. */
int quiz_store_latest(climb_store *st, long long profile_id, quiz_attempt *out);
/* Calls fn for each attempt, newest first; fn returns 0 to go on. */
typedef int (*quiz_attempt_fn)(void *ctx, const quiz_attempt *a);
int quiz_store_each(climb_store *st, long long profile_id, quiz_attempt_fn fn, void *ctx);

#endif
