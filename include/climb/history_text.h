/* history_text.h - an event of the log in words: what happened ("ticked",
 * "unticked", "note", "quiz", "title", "undo", ...) and what it was about, with the
 * item's text from the ladder. Shared by `climb history` and the history view.
 * The result may hold user text: print it made visible (text_visible, draw_text).
 * Also the history view's timeline rows: an undo folded with the reverse event it
 * wrote into one row, internal events (event_kinds.h) hidden unless asked for,
 * and each row's parts (the criterion's id and text, the note) for laying out. */
#ifndef CLIMB_HISTORY_TEXT_H
#define CLIMB_HISTORY_TEXT_H

#include "climb/content.h"
#include "climb/history.h"

#include <stddef.h>

/* A short word for what happened, at most 12 columns. */
void history_text_what(const hist_event *e, char *buf, size_t len);
/* What it was about: the criterion's text, the level's name, the placement. */
void history_text_about(const climb_ladder *l, const hist_event *e, char *buf, size_t len);

/* An undo event as one row of the timeline says it, after "undid": what it took
 * back and what that was about ("ticked: CRITERION"). */
void history_text_undid(const climb_ladder *l, const hist_event *e, char *buf, size_t len);

/* Whether the timeline hides e unless internal events are shown: an internal
 * kind, or an undo of one. */
int history_row_internal(const hist_event *e);
/* 1 when rev is the reverse event the undo event u wrote (named by u, or in an
 * older database recorded with it: same time, kind and item, value and previous
 * swapped). */
int history_row_folds(const hist_event *u, const hist_event *rev);

#define HIST_ROW_NONE ((size_t)-1)

/* One row of the timeline: the event it shows (an undo event for an undo) and the
 * reverse event folded into it (HIST_ROW_NONE when none), and the span of the
 * array it covers (first <= last, in the array's order). */
typedef struct {
    size_t ev, rev, first, last;
} hist_row;

/* Groups ev[0..n) (newest first, or oldest first when newest_first is 0) into at
 * most max rows, skipping hidden events. With complete 0 more events may follow
 * the array, so an event at its end that could fold with the next one is left for
 * the next call. Returns the rows made; *used is how many events they and the
 * hidden events among them took. */
size_t history_rows(const hist_event *ev, size_t n, int newest_first, int show_internal,
                    int complete, hist_row *out, size_t max, size_t *used);

/* A row's parts for laying out. Pointers are into the ladder, the event or the
 * struct itself. */
typedef struct {
    char what[32];          /* "ticked", "note", "undid" */
    char undone[32];        /* for an undo: what it took back ("ticked"), else "" */
    const char *crit_id;    /* the criterion the event is about, or NULL */
    const char *crit_text;  /* its text in the ladder, or NULL */
    const char *quote;      /* the person's text: note, evidence, n/a reason; or NULL */
    char info[512];         /* anything else: placement, level, setting, or "" */
    char id_buf[128];       /* holds crit_id when read from an evidence event's JSON */
} hist_words;

/* The parts of event e (an undo: of the event it took back). */
void history_row_words(const climb_ladder *l, const hist_event *e, hist_words *w);

#endif
