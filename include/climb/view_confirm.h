/* view_confirm.h - a yes/no question over the panes, for changes that lose
 * something (unticking a criterion that has evidence, deleting), and the
 * save/discard/keep-editing question of views holding typed text. */
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

/* The question asked before typed text would be lost. */
typedef enum { ASK_SAVE = 1, ASK_DISCARD } ask_choice;
typedef void (*ask_fn)(tui *t, void *ctx, ask_choice c);

/* Asks `question` (e.g. "Save, discard, or keep editing?") over a view holding
 * changed text: s closes the question and runs fn(ASK_SAVE), d fn(ASK_DISCARD);
 * k, q or Esc closes only the question, so editing goes on. ctx stays the
 * caller's. Returns 0, or -1 when the question could not open. */
int ask_save_open(tui *t, const char *question, ask_fn fn, void *ctx);
/* Its key table, for tests. */
extern const view_key *const ask_key_tables[];

#endif
