/* view_quiz.h - the quiz in the TUI: the first-launch offer, one question per
 * screen (arrows or 1 2 3 choose, Enter next, Backspace back, Esc abandons with
 * nothing saved) and the result screen (phase, the answers that decided it, and
 * where to start). */
#ifndef CLIMB_VIEW_QUIZ_H
#define CLIMB_VIEW_QUIZ_H

#include "climb/view.h"

extern const view_ops quiz_view;

/* Opens the quiz at its first question (Q). */
void quiz_view_open(tui *t);
/* Offers the quiz to a profile that was just created, once: marks it offered
 * (never offered again unasked) and opens the offer screen, where Enter starts,
 * s or Esc skips and q quits. Does nothing when it was offered before. */
void quiz_view_offer(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const quiz_key_tables[];

#endif
