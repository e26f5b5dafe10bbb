/* store_quiz.h - quiz attempts in the database: recording one (the attempt row and
 * its 'quiz' event in one transaction), the latest one, and all of them newest
 * first. Every attempt is kept; nothing here edits or deletes one. */
#ifndef CLIMB_STORE_QUIZ_H
#define CLIMB_STORE_QUIZ_H

#include "climb/quiz.h"
#include "climb/store.h"


/* Records an attempt: the quiz_attempts row and its 'quiz' event, inside the
 * caller's transaction. Fills *out (may be NULL). Returns 0 or -1 (message in
 * store_error). */
int store_quiz_record(climb_store *st, long long profile_id, long long now,
                      const quiz_answer *answers, size_t n, const quiz_placement *p,
                      quiz_attempt *out);
/* The latest attempt: 0 and *out, 1 when there is none, -1 on error. */
int store_quiz_latest(climb_store *st, long long profile_id, quiz_attempt *out);
/* Calls fn for each attempt, newest first; fn returns 0 to go on. */
int store_quiz_each(climb_store *st, long long profile_id, quiz_attempt_fn fn, void *ctx);

#endif
