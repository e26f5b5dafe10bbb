/* view_confirm.h - a yes/no question over the panes, for changes that lose
 * something (unticking a criterion that has evidence, deleting). */
#ifndef CLIMB_VIEW_CONFIRM_H
#define CLIMB_VIEW_CONFIRM_H

#include "climb/view.h"

typedef void (*confirm_fn)(tui *t, void *ctx);

/* Asks `question`; y runs yes(t, ctx); n or Esc does nothing. ctx is freed with
 * free_ctx (when not NULL) either way. */
void confirm_open(tui *t, const char *question, confirm_fn yes, void *ctx,
                  void (*free_ctx)(void *));

/* The question's key table (climb keys, the key-grammar test). */
extern const view_key *const confirm_key_tables[];

#endif
