/* undo.h - taking back the last change made in this run of the program, again and
 * again. While tracking, every transaction this process commits that wrote events
 * is remembered (SQLite update/commit hooks on the store's connection), newest
 * last. undo_last reverses the newest one still remembered in one BEGIN IMMEDIATE
 * transaction: the reverse write with its own event, plus an 'undo' event (item =
 * the uuid of the event undone, value = its kind, detail = its item), so the
 * history keeps both. Reverses 'state', 'note', 'title' and 'roadblock' events;
 * other kinds (a quiz attempt, a profile) are not taken back. */
#ifndef CLIMB_UNDO_H
#define CLIMB_UNDO_H

#include "climb/model.h"

#include <stddef.h>

/* Starts remembering the changes this process makes through st (the TUI calls it
 * once at start). A second call with the same store does nothing. */
void undo_track(climb_store *st);
/* Stops remembering and forgets every remembered change. */
void undo_untrack(void);
/* How many changes can still be undone. */
size_t undo_depth(void);

typedef enum {
    UNDO_DONE,      /* the change was taken back */
    UNDO_NOTHING,   /* nothing left to undo in this run */
    UNDO_REFUSED,   /* that change cannot be undone (it is forgotten; u goes further back) */
    UNDO_ERROR,     /* database error; the change stays remembered */
} undo_outcome;

typedef struct {
    undo_outcome outcome;
    char kind[16];        /* kind of the event taken back ("" when none) */
    char item[128];       /* its item: criterion, roadblock id ("" when none) */
    char message[512];    /* one sentence for the person */
} undo_result;

/* Undoes the newest remembered change of the model's profile and updates the
 * model (criterion state and note, title) so the panes show it. */
undo_outcome undo_last(climb_model *m, undo_result *r);

#endif
