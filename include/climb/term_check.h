/* term_check.h - whether the terminal can hold the full-screen view. */
#ifndef CLIMB_TERM_CHECK_H
#define CLIMB_TERM_CHECK_H

#include <stddef.h>

/* Checks the terminal type `term` (TERM; NULL or empty when unset) in terminfo:
 * it must be known and able to place the cursor (cup) and clear the screen
 * (clear). Returns 0 when it can, else -1 with the sentence a person reads in
 * why (no "climb:" prefix). Leaves no terminal set up behind it. */
int term_check(const char *term, char *why, size_t len);

#endif
